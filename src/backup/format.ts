/**
 * The backup file: everything the extension keeps, in one zip. This file names its layout and seals its manifest;
 * items.ts checks each stored item, read.ts reads a whole file with every check before a restore writes anything,
 * errors.ts says why one failed. Pure: the storage schemas are passed in (src/storageSchemas.ts), hashing is
 * injectable, nothing is read or written here. Creating and restoring are in client.ts (the panel) and
 * ../background/backup.ts.
 *
 * Layout of the zip:
 * - `backup.json`: format name and version, when and by which extension version it was made, every backed-up
 *   storage item WITH the version it was stored at (WXT keeps `{ v }` under `<key>$`), and the SHA-256 and size of
 *   every other file; its own `sha256` covers the rest of it (canonical JSON, as evidence entries are hashed).
 * - `evidence/`: the evidence log as an evidence bundle (manifest.json, SHA256SUMS, images/, thumbs/; no
 *   report.html), written and verified by the same code as an export (src/evidence/export.ts, verify.ts), so
 *   `cd evidence && sha256sum -c SHA256SUMS` works on an unpacked backup too.
 *
 * The file is NOT encrypted: it holds every date, name, note and screenshot (PRIVACY.md).
 */
import { canonicalJson, istanbulStamp, utf8, webSha256, type Sha256 } from '../evidence/record';

export const BACKUP_FORMAT = 'ikamet-companion-backup';
/** Raise when the layout changes in a way an older restore would misread; older files stay readable. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST = 'backup.json';
export const EVIDENCE_DIR = 'evidence/';
/** A backup larger than this is refused before unzipping (the panel holds it in memory, as an evidence import). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/** One storage item as kept in a backup. `value: null` means "not set" (the item's fallback applies). */
export interface BackupItem {
  key: string;
  version: number;
  value: unknown;
}

export interface BackupFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAtUtc: string;
  createdAtIstanbul: string;
  extensionVersion: string;
  items: BackupItem[];
  evidence: {
    dir: typeof EVIDENCE_DIR;
    records: number;
    entries: number;
    chainHead: { seq: number; hash: string } | null;
  };
  /** Every file of the zip but backup.json. */
  files: BackupFile[];
  /** SHA-256 of the canonical JSON of this manifest without this field. */
  sha256: string;
}

// --- writing and reading the manifest ----------------------------------------------------------------------------

export function backupFileName(now: Date): string {
  const s = istanbulStamp(now).replace(/[: ]/g, (c) => (c === ' ' ? '-' : ''));
  return `ikamet-backup-${s}.zip`;
}

export async function sealManifest(
  m: Omit<BackupManifest, 'sha256'>,
  sha256: Sha256 = webSha256,
): Promise<BackupManifest> {
  return { ...m, sha256: await sha256(utf8(canonicalJson(m))) };
}
