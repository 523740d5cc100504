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
import { BUNDLE_FORMAT, MANIFEST, parseSums, SUMS, type BundleManifest } from './bundle';
import { entryHash, isHash, webSha256, ZERO_HASH, type Entry, type Sha256 } from './record';

export interface VerifyProblem {
  seq?: number;
  file?: string;
  problem: string;
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
  const notBundle = (problem: string, file?: string): VerifyResult => ({
    ok: false,
    isBundle: false,
    problems: [{ ...(file ? { file } : {}), problem }],
    manifest: null,
    records: 0,
    chainHead: null,
  });

  const manifestBytes = files.get(MANIFEST);
  if (!manifestBytes)
    return notBundle('This is not an Ikamet Companion evidence bundle: it has no manifest.json.');
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes)) as BundleManifest;
  } catch {
    return notBundle('manifest.json is not readable JSON.', MANIFEST);
  }
  if (
    manifest?.format !== BUNDLE_FORMAT ||
    !Array.isArray(manifest.entries) ||
    !Array.isArray(manifest.files)
  ) {
    return notBundle(
      'This is not an Ikamet Companion evidence bundle (manifest.json is of another kind).',
      MANIFEST,
    );
  }
  const sumsBytes = files.get(SUMS);
  if (!sumsBytes) return notBundle('The bundle has no SHA256SUMS file.', SUMS);
  const parsed = parseSums(new TextDecoder().decode(sumsBytes));
  if (!parsed.ok) return notBundle(parsed.problem, SUMS);

  // 2. Files against SHA256SUMS.
  const fileHash = new Map<string, string>();
  for (const [path, expected] of parsed.sums) {
    const bytes = files.get(path);
    if (!bytes) {
      problems.push({ file: path, problem: `${path} is listed in SHA256SUMS but missing from the bundle.` });
      continue;
    }
    const h = await sha256(bytes);
    fileHash.set(path, h);
    if (h !== expected)
      problems.push({ file: path, problem: `${path} was changed: its SHA-256 does not match SHA256SUMS.` });
  }
  for (const path of files.keys()) {
    if (path === SUMS || path.endsWith('/')) continue;
    if (!parsed.sums.has(path))
      problems.push({ file: path, problem: `${path} is in the bundle but not in SHA256SUMS.` });
  }

  // 3 + 4. Entries and the chain.
  const entries: Entry[] = [];
  manifest.entries.forEach((raw, i) => {
    if (looksLikeEntry(raw)) entries.push(raw);
    else problems.push({ file: MANIFEST, problem: `Entry ${i + 1} of manifest.json is not a valid record.` });
  });
  const present = new Map<number, Entry>();
  for (const e of entries) {
    const h = await entryHash(e, sha256);
    if (h !== e.hash)
      problems.push({
        seq: e.seq,
        problem: `Record #${e.seq} was edited: its contents do not match its hash.`,
      });
    if (present.has(e.seq)) problems.push({ seq: e.seq, problem: `Record #${e.seq} appears twice.` });
    present.set(e.seq, e);
  }
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.seq <= entries[i - 1]!.seq)
      problems.push({
        seq: entries[i]!.seq,
        problem: `Record #${entries[i]!.seq} is out of order (it comes after #${entries[i - 1]!.seq}).`,
      });
  }
  const tombstoneFor = new Map<number, Entry & { kind: 'tombstone' }>();
  for (const e of entries) {
    if (e.kind !== 'tombstone') continue;
    if (e.targetSeq >= e.seq)
      problems.push({ seq: e.seq, problem: `Tombstone #${e.seq} names a later record.` });
    if (present.has(e.targetSeq))
      problems.push({
        seq: e.targetSeq,
        problem: `Record #${e.targetSeq} is marked deleted but is still present.`,
      });
    tombstoneFor.set(e.targetSeq, e);
  }
  const maxSeq = Math.max(0, ...present.keys());
  let prev = ZERO_HASH;
  for (let seq = 1; seq <= maxSeq; seq++) {
    const e = present.get(seq);
    if (e) {
      if (e.prevHash !== prev)
        problems.push({
          seq,
          problem: `Record #${seq} does not follow record #${seq - 1}: the chain is broken here (a record before it was changed, reordered or removed).`,
        });
      prev = e.hash;
      continue;
    }
    const t = tombstoneFor.get(seq);
    if (t) {
      prev = t.targetHash;
      continue;
    }
    problems.push({ seq, problem: `Record #${seq} is missing and no deletion was recorded for it.` });
    prev = ''; // unknown: the next record is reported by the missing one, not twice
    const next = present.get(seq + 1);
    if (next) prev = next.prevHash;
  }

  // 5. Chain head, images.
  const last = present.get(maxSeq);
  const head = manifest.chainHead;
  if (last && (!head || head.seq !== last.seq || head.hash !== last.hash))
    problems.push({
      ...(head ? { seq: head.seq } : {}),
      file: MANIFEST,
      problem: `The chain head in manifest.json (#${head?.seq ?? '?'}) is not the last record (#${last.seq}): records at the end were removed or added.`,
    });
  if (!last && head)
    problems.push({ file: MANIFEST, problem: 'The chain head names a record the bundle does not hold.' });

  const fileFor = new Map(manifest.files.map((f) => [f.id, f]));
  let records = 0;
  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    records++;
    const f = fileFor.get(e.id);
    if (!f || typeof f.image !== 'string') {
      problems.push({ seq: e.seq, problem: `Record #${e.seq} has no screenshot file in the bundle.` });
      continue;
    }
    const bytes = files.get(f.image);
    if (!bytes) {
      problems.push({
        seq: e.seq,
        file: f.image,
        problem: `The screenshot of record #${e.seq} (${f.image}) is missing.`,
      });
      continue;
    }
    const h = fileHash.get(f.image) ?? (await sha256(bytes));
    if (h !== e.imageSha256 || bytes.length !== e.imageBytes)
      problems.push({
        seq: e.seq,
        file: f.image,
        problem: `The screenshot of record #${e.seq} (${f.image}) was changed: it does not match the hash in the record.`,
      });
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
