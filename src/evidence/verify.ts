/**
 * Verify an unzipped bundle: pure, works on a `Map` of file name → bytes, in the panel and in Node (the CLI passes
 * a `node:crypto` hash). Reports every problem with the record (`seq`) or file it concerns.
 *
 * What is checked:
 * 1. It is a bundle at all (manifest.json of our format, SHA256SUMS present and well-formed).
 * 2. Every file listed in SHA256SUMS exists and has that hash; every file in the zip is listed.
 * 3. Every entry's hash equals the SHA-256 of its canonical JSON (an edited record fails by its seq).
 * 4. The chain: seqs strictly increase from 1; each entry's prevHash is the hash of the entry before it; a seq
 *    missing from the chain must be named by a tombstone (which keeps the removed entry's hash), else it fails.
 * 5. The chain head in the manifest is the last entry; each capture's image file has its `imageSha256` and size.
 */
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';
import { BUNDLE_FORMAT, MANIFEST, parseSums, SUMS, type BundleManifest } from './bundle';
import { entryHash, isHash, webSha256, ZERO_HASH, type Entry, type Sha256 } from './record';

export interface VerifyProblem {
  seq?: number;
  file?: string;
  /** The sentence the panel shows, in its language (a `ui_verify_*` key; parameters are numbers and paths). */
  said: Said;
  /** The same sentence in English, for the CLI, logs and tests. */
  problem: string;
}

/** One problem: its catalogue sentence and that sentence in English, made together so they never disagree. */
export function problemOf(
  key: MessageKey,
  params?: Record<string, string>,
  where: { seq?: number; file?: string } = {},
): VerifyProblem {
  const said: Said = params ? { key, params } : { key };
  return {
    ...(where.seq !== undefined ? { seq: where.seq } : {}),
    ...(where.file !== undefined ? { file: where.file } : {}),
    said,
    problem: renderMessage(EN_MESSAGES, key, params),
  };
}

export interface VerifyResult {
  ok: boolean;
  /** False when this is not an evidence bundle at all (a foreign or broken zip): nothing else was checked. */
  isBundle: boolean;
  problems: VerifyProblem[];
  manifest: BundleManifest | null;
  /** Screenshots (capture records) in the bundle. */
  records: number;
  chainHead: { seq: number; hash: string } | null;
}

const KINDS = new Set(['capture', 'note-edit', 'tombstone']);

function looksLikeEntry(v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    Number.isInteger(e.seq) &&
    typeof e.kind === 'string' &&
    KINDS.has(e.kind) &&
    isHash(e.hash) &&
    isHash(e.prevHash)
  );
}

export async function verifyBundle(
  files: ReadonlyMap<string, Uint8Array>,
  opts: { sha256?: Sha256 } = {},
): Promise<VerifyResult> {
  const sha256 = opts.sha256 ?? webSha256;
  const problems: VerifyProblem[] = [];
  const notBundle = (said: Said, file?: string): VerifyResult => ({
    ok: false,
    isBundle: false,
    problems: [problemOf(said.key, said.params, file ? { file } : {})],
    manifest: null,
    records: 0,
    chainHead: null,
  });

  const manifestBytes = files.get(MANIFEST);
  if (!manifestBytes) return notBundle({ key: 'ui_verify_no_manifest' });
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as BundleManifest;
  } catch {
    return notBundle({ key: 'ui_verify_manifest_unreadable' }, MANIFEST);
  }
  if (
    manifest?.format !== BUNDLE_FORMAT ||
    !Array.isArray(manifest.entries) ||
    !Array.isArray(manifest.files)
  ) {
    return notBundle({ key: 'ui_verify_manifest_foreign' }, MANIFEST);
  }
  const sumsBytes = files.get(SUMS);
  if (!sumsBytes) return notBundle({ key: 'ui_verify_no_sums' }, SUMS);
  const parsed = parseSums(new TextDecoder().decode(sumsBytes));
  if (!parsed.ok) return notBundle(parsed.said, SUMS);

  // 2. Files against SHA256SUMS.
  const fileHash = new Map<string, string>();
  for (const [path, expected] of parsed.sums) {
    const bytes = files.get(path);
    if (!bytes) {
      problems.push(problemOf('ui_verify_sums_missing_file', { path }, { file: path }));
      continue;
    }
    const h = await sha256(bytes);
    fileHash.set(path, h);
    if (h !== expected) problems.push(problemOf('ui_verify_file_changed', { path }, { file: path }));
  }
  for (const path of files.keys()) {
    if (path === SUMS || path.endsWith('/')) continue;
    if (!parsed.sums.has(path)) problems.push(problemOf('ui_verify_file_unlisted', { path }, { file: path }));
  }

  // 3 + 4. Entries and the chain.
  const entries: Entry[] = [];
  manifest.entries.forEach((raw, i) => {
    if (looksLikeEntry(raw)) entries.push(raw);
    else problems.push(problemOf('ui_verify_entry_invalid', { entry: String(i + 1) }, { file: MANIFEST }));
  });
  const present = new Map<number, Entry>();
  for (const e of entries) {
    const h = await entryHash(e, sha256);
    if (h !== e.hash)
      problems.push(problemOf('ui_verify_record_edited', { seq: String(e.seq) }, { seq: e.seq }));
    if (present.has(e.seq))
      problems.push(problemOf('ui_verify_record_twice', { seq: String(e.seq) }, { seq: e.seq }));
    present.set(e.seq, e);
  }
  for (let i = 1; i < entries.length; i++) {
    const [seq, prev] = [entries[i]!.seq, entries[i - 1]!.seq];
    if (seq <= prev)
      problems.push(problemOf('ui_verify_out_of_order', { seq: String(seq), prev: String(prev) }, { seq }));
  }
  const tombstoneFor = new Map<number, Entry & { kind: 'tombstone' }>();
  for (const e of entries) {
    if (e.kind !== 'tombstone') continue;
    if (e.targetSeq >= e.seq)
      problems.push(problemOf('ui_verify_tombstone_later', { seq: String(e.seq) }, { seq: e.seq }));
    if (present.has(e.targetSeq))
      problems.push(
        problemOf('ui_verify_deleted_present', { seq: String(e.targetSeq) }, { seq: e.targetSeq }),
      );
    tombstoneFor.set(e.targetSeq, e);
  }
  const maxSeq = Math.max(0, ...present.keys());
  let prev = ZERO_HASH;
  for (let seq = 1; seq <= maxSeq; seq++) {
    const e = present.get(seq);
    if (e) {
      if (e.prevHash !== prev)
        problems.push(
          problemOf('ui_verify_chain_broken', { seq: String(seq), prev: String(seq - 1) }, { seq }),
        );
      prev = e.hash;
      continue;
    }
    const t = tombstoneFor.get(seq);
    if (t) {
      prev = t.targetHash;
      continue;
    }
    problems.push(problemOf('ui_verify_record_missing', { seq: String(seq) }, { seq }));
    prev = ''; // unknown: the next record is reported by the missing one, not twice
    const next = present.get(seq + 1);
    if (next) prev = next.prevHash;
  }

  // 5. Chain head, images.
  const last = present.get(maxSeq);
  const head = manifest.chainHead;
  const headSeq = Number.isInteger(head?.seq) ? head!.seq : undefined;
  if (last && !head)
    problems.push(problemOf('ui_verify_head_none', { last: String(last.seq) }, { file: MANIFEST }));
  else if (last && head && (head.seq !== last.seq || head.hash !== last.hash))
    problems.push(
      problemOf(
        'ui_verify_head_not_last',
        { head: headSeq === undefined ? '?' : String(headSeq), last: String(last.seq) },
        { ...(headSeq === undefined ? {} : { seq: headSeq }), file: MANIFEST },
      ),
    );
  if (!last && head) problems.push(problemOf('ui_verify_head_unknown', undefined, { file: MANIFEST }));

  const fileFor = new Map(manifest.files.map((f) => [f.id, f]));
  let records = 0;
  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    records++;
    const f = fileFor.get(e.id);
    if (!f || typeof f.image !== 'string') {
      problems.push(problemOf('ui_verify_no_screenshot', { seq: String(e.seq) }, { seq: e.seq }));
      continue;
    }
    const bytes = files.get(f.image);
    if (!bytes) {
      problems.push(
        problemOf(
          'ui_verify_screenshot_missing',
          { seq: String(e.seq), path: f.image },
          { seq: e.seq, file: f.image },
        ),
      );
      continue;
    }
    const h = fileHash.get(f.image) ?? (await sha256(bytes));
    if (h !== e.imageSha256 || bytes.length !== e.imageBytes)
      problems.push(
        problemOf(
          'ui_verify_screenshot_changed',
          { seq: String(e.seq), path: f.image },
          { seq: e.seq, file: f.image },
        ),
      );
  }

  return {
    ok: problems.length === 0,
    isBundle: true,
    problems,
    manifest,
    records,
    chainHead: last ? { seq: last.seq, hash: last.hash } : null,
  };
}
