/** Reading a backup file: every check of format.ts and items.ts, and the evidence bundle verified, before anything is written. */
import { MANIFEST as BUNDLE_MANIFEST, type BundleManifest } from '../evidence/bundle';
import { bundleMedia } from '../evidence/import';
import { canonicalJson, isHash, utf8, webSha256, type Entry, type Sha256 } from '../evidence/record';
import type { ImageInput } from '../evidence/store';
import { verifyBundle } from '../evidence/verify';
import { type ItemSchema } from '../storageSchemas';
import { BackupError } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST,
  EVIDENCE_DIR,
  type BackupItem,
  type BackupManifest,
} from './format';
import { isObj, prepareItems } from './items';

export interface ParsedBackup {
  manifest: BackupManifest;
  /** One per backed-up key, checked and at this code's versions. */
  items: BackupItem[];
  evidence: {
    entries: Entry[];
    media: Map<string, { image: ImageInput | null; thumb: ImageInput | null }>;
    records: number;
  };
}

/**
 * Every check a restore makes before it writes anything: it is our format, not from a newer version, undamaged
 * (backup.json's own hash, every file's SHA-256, no file unaccounted for), every item well-formed after migrating,
 * and the evidence log a bundle that verifies. Throws a BackupError naming the first problem.
 */
export async function readBackup(
  files: ReadonlyMap<string, Uint8Array>,
  schemas: ReadonlyMap<string, ItemSchema>,
  opts: { sha256?: Sha256 } = {},
): Promise<ParsedBackup> {
  const sha256 = opts.sha256 ?? webSha256;
  const bytes = files.get(BACKUP_MANIFEST);
  if (!bytes) {
    if (files.has(BUNDLE_MANIFEST)) throw new BackupError('evidence-bundle');
    throw new BackupError('not-backup');
  }
  let m: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!isObj(parsed)) throw new Error('not an object');
    m = parsed;
  } catch (e) {
    throw new BackupError('manifest-unreadable', { file: BACKUP_MANIFEST }, { cause: e });
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError('not-backup');
  if (!Number.isInteger(m.formatVersion) || (m.formatVersion as number) < 1)
    throw new BackupError('manifest-incomplete', { file: BACKUP_MANIFEST });
  if ((m.formatVersion as number) > BACKUP_FORMAT_VERSION) throw new BackupError('newer-version');
  if (
    !isHash(m.sha256) ||
    !Array.isArray(m.items) ||
    !Array.isArray(m.files) ||
    !isObj(m.evidence) ||
    typeof m.createdAtUtc !== 'string'
  )
    throw new BackupError('manifest-incomplete', { file: BACKUP_MANIFEST });
  const { sha256: claimed, ...rest } = m;
  if ((await sha256(utf8(canonicalJson(rest)))) !== claimed)
    throw new BackupError('manifest-changed', { file: BACKUP_MANIFEST });
  const manifest = m as unknown as BackupManifest;

  // Every file listed, present, with its hash; nothing else in the zip.
  const listed = new Set<string>();
  for (const f of manifest.files as unknown[]) {
    if (!isObj(f) || typeof f.path !== 'string' || !isHash(f.sha256) || listed.has(f.path))
      throw new BackupError('file-list-malformed', { file: BACKUP_MANIFEST });
    listed.add(f.path);
    const b = files.get(f.path);
    if (!b) throw new BackupError('file-missing', { path: f.path });
    if (b.byteLength !== f.bytes || (await sha256(b)) !== f.sha256)
      throw new BackupError('file-changed', { path: f.path });
  }
  for (const path of files.keys()) {
    if (path === BACKUP_MANIFEST || path.endsWith('/')) continue;
    if (!listed.has(path)) throw new BackupError('file-unlisted', { path });
  }

  const items = await prepareItems(manifest.items, schemas);

  // The evidence log: a bundle under evidence/, verified as an import verifies one.
  const bundle = new Map<string, Uint8Array>();
  for (const [path, b] of files)
    if (path.startsWith(EVIDENCE_DIR)) bundle.set(path.slice(EVIDENCE_DIR.length), b);
  const verify = await verifyBundle(bundle, { sha256 });
  if (!verify.ok) {
    // Verify's first problem, said in the panel's language inside this sentence; without one, the general sentence.
    const inner = verify.problems[0]?.said;
    throw inner ? new BackupError('evidence-not-verified', {}, { inner }) : new BackupError('corrupt');
  }
  const bm = verify.manifest as BundleManifest;
  return {
    manifest,
    items,
    evidence: { entries: bm.entries, media: bundleMedia(bm, bundle), records: verify.records },
  };
}
