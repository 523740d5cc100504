/**
 * The backup file: everything the extension keeps, in one zip, and the checks that must pass before a restore
 * writes anything. Pure: the storage schemas are passed in (src/storageSchemas.ts), hashing is injectable, nothing
 * is read or written here. Creating and restoring are in client.ts (the panel) and ../background/backup.ts.
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
import { LIMITS } from '../domain/limits';
import { APPLICATION_STATUSES, PAGE_KINDS, PERMIT_TYPES } from '../portal/types';
import { REMINDER_KINDS } from '../domain/reminders';
import { isStoredReading as isReading } from '../portal/shape';
import { MANIFEST as BUNDLE_MANIFEST, type BundleManifest } from '../evidence/bundle';
import { bundleMedia } from '../evidence/import';
import {
  canonicalJson,
  isHash,
  istanbulStamp,
  utf8,
  webSha256,
  type Entry,
  type Sha256,
} from '../evidence/record';
import type { ImageInput } from '../evidence/store';
import { verifyBundle } from '../evidence/verify';
import { migrateValue, type ItemSchema } from '../storageSchemas';

export const BACKUP_FORMAT = 'ikamet-companion-backup';
/** Raise when the layout changes in a way an older restore would misread; older files stay readable. */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_MANIFEST = 'backup.json';
export const EVIDENCE_DIR = 'evidence/';
/** A backup larger than this is refused before unzipping (the panel holds it in memory, as an evidence import). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

/**
 * Stable codes, for the panel to translate; each error also carries an English sentence. Every code but
 * `unfinished` means nothing was changed; `unfinished` means a restore stopped after it began to write and what is
 * stored may be part old, part the backup's (restoring the same file again finishes it).
 */
export type BackupErrorCode = 'not-backup' | 'newer-version' | 'corrupt' | 'quota' | 'failed' | 'unfinished';

export const BACKUP_ERROR_TEXT: Record<BackupErrorCode, string> = {
  'not-backup': 'This file is not an Ikamet Companion backup. Nothing was changed.',
  'newer-version':
    'This backup was made by a newer version of Ikamet Companion: update the extension, then restore it. Nothing was changed.',
  corrupt: 'This backup is damaged (a file in it is missing or was changed). Nothing was changed.',
  quota:
    'The browser has no more storage space for this backup. Nothing was changed: free some space, then try again.',
  failed: 'The backup could not be restored. Nothing was changed: try again.',
  unfinished:
    "The restore did not finish: some of your data may already be the backup's and some may not. Choose the same file and restore again to finish it.",
};

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string = BACKUP_ERROR_TEXT[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

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

// --- what is backed up ------------------------------------------------------------------------------------------

/**
 * `local:` items a backup leaves out, and why. Everything else in `local:` is in it (tests/unit/backup checks that
 * each item is one or the other). `session:` items are never in it: capture grants, the last capture's outcome
 * and auto-capture times belong to the browser session that made them (a grant is Chrome's activeTab, given by a
 * click on one tab of that session); restoring them elsewhere would claim a permission the browser never gave.
 * A restore leaves all of these as they are.
 */
export const NOT_BACKED_UP: Readonly<Record<string, string>> = {
  'local:tabReadings':
    'the latest reading of each open portal tab, by tab id: the ids are of tabs of the browser session that made them and would name other tabs after a restore (the facts keep what was read)',
  'local:panelFocus': 'a one-time instruction to the panel to scroll to a card after a notification click',
  'local:scheduledReminders':
    'the alarms this browser has set; after a restore the schedule is recomputed from the restored facts and settings',
};

/** The keys a backup holds, in a stable order: every `local:` item not listed in NOT_BACKED_UP. */
export function backupKeys(schemas: ReadonlyMap<string, ItemSchema>): string[] {
  return [...schemas.keys()].filter((k) => k.startsWith('local:') && !Object.hasOwn(NOT_BACKED_UP, k)).sort();
}

// --- the shape of each item (the current version) ----------------------------------------------------------------
// Lenient on purpose: the fields the code relies on must be there with the right types; unknown extra fields are
// kept (a field added without a version bump must not make a real backup unrestorable). Never trusted further than
// that: the panel renders stored text as text. What the user types is held to the same limits as in normal use
// (src/domain/limits.ts, also the message guard's): a restore cannot write what an edit would then refuse.

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str =
  (max = 10_000): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const bool: Check = (v) => typeof v === 'boolean';
const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf =
  (...xs: readonly unknown[]): Check =>
  (v) =>
    xs.includes(v);
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const isoDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isoInstant: Check = (v) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const wallTime: Check = (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const personId: Check = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
const arrayOf =
  (c: Check, max = 10_000): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(c);
const recordOf =
  (key: Check, value: Check, max = 10_000): Check =>
  (v) =>
    isObj(v) && Object.keys(v).length <= max && Object.entries(v).every(([k, x]) => key(k) && value(x));
/** These fields with these types (optional ones may be absent); other fields are allowed. */
const fields =
  (required: Record<string, Check>, optional: Record<string, Check> = {}): Check =>
  (v) =>
    isObj(v) &&
    Object.entries(required).every(([k, c]) => Object.hasOwn(v, k) && c(v[k])) &&
    Object.entries(optional).every(([k, c]) => v[k] === undefined || c(v[k]));

const observation = (value: Check) =>
  fields({
    value,
    source: oneOf('read', 'manual'),
    portal: nullable(oneOf('e-ikamet', 'randevu')),
    page: nullable(oneOf(...PAGE_KINDS)),
    firstSeen: isoInstant,
    lastSeen: isoInstant,
  });
const appointment = fields({
  date: nullable(isoDate),
  time: nullable(wallTime),
  office: nullable(str()),
  type: nullable(str()),
  bookedOn: nullable(isoDate),
});
const personFacts = fields({
  permitEnd: arrayOf(observation(isoDate)),
  permitStart: arrayOf(observation(isoDate)),
  permitType: arrayOf(observation(oneOf(...PERMIT_TYPES))),
  appointment: arrayOf(observation(appointment)),
  appointmentPending: arrayOf(observation(bool)),
  status: arrayOf(
    observation(fields({ status: oneOf(...APPLICATION_STATUSES), text: str(), date: nullable(isoDate) })),
  ),
  pinned: recordOf(str(40), str()),
  attended: recordOf(isoDate, oneOf('yes', 'no')),
});
const line = fields({ text: str(200) }, { sources: arrayOf(str(200), 100), params: isObj, weak: bool });
const tabReading = fields({ tabId: int(0, Number.MAX_SAFE_INTEGER), reading: isReading, at: isoInstant });

/** The current shape of every item a backup may hold, by key. */
export const ITEM_CHECKS: Readonly<Record<string, Check>> = {
  'local:people': (v) =>
    fields({
      people: arrayOf(fields({ id: personId, name: str(LIMITS.personName), createdAt: isoInstant }), 1000),
      activeId: personId,
    })(v) && (v as { people: unknown[] }).people.length > 0,
  'local:facts': recordOf(personId, personFacts),
  'local:settings': fields(
    {
      lockoutDays: oneOf(30, 15),
      lockoutWarnDays: (v) =>
        typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.lockoutWarnDaysMax,
      bridgeDays: arrayOf(isoDate, 1000),
    },
    { dismissedNotices: arrayOf(str(100), 1000) },
  ),
  'local:lastReading': nullable(tabReading),
  'local:checklists': recordOf(
    personId,
    recordOf(str(200), recordOf(str(200), fields({ done: bool, na: bool, note: str(LIMITS.checklistNote) }))),
  ),
  'local:timeline': recordOf(
    personId,
    arrayOf(
      fields({
        status: oneOf(...APPLICATION_STATUSES),
        text: str(),
        date: nullable(isoDate),
        label: nullable(str(LIMITS.applicationLabel)),
        seenAt: isoInstant,
        lastSeenAt: isoInstant,
      }),
    ),
  ),
  'local:applications': recordOf(
    personId,
    fields({ label: nullable(str(LIMITS.applicationLabel)), completeOn: nullable(isoDate) }),
  ),
  'local:reminderSettings': fields({
    enabled: recordOf(str(100), bool, 100),
    timeOfDay: wallTime,
    quietHours: fields({ enabled: bool, start: wallTime, end: wallTime }),
    unchangedDays: int(1, LIMITS.unchangedDaysMax),
    cancellationTimes: arrayOf(wallTime, LIMITS.cancellationTimes),
    cancellationPortal: oneOf('randevu', 'e-ikamet'),
  }),
  'local:firedReminders': arrayOf(
    fields(
      {
        id: str(500),
        kind: oneOf(...REMINDER_KINDS),
        personId: nullable(str(64)),
        fireAt: isoInstant,
        firedAt: isoInstant,
        late: bool,
        title: line,
        card: str(40),
      },
      { superseded: bool },
    ),
  ),
  'local:evidenceSettings': fields({ autoCapture: bool, autoCaptureMinutes: int(1, 1440), noticeSeen: bool }),
  'local:stay': recordOf(
    personId,
    fields({
      allowance: oneOf(90, 60, 30),
      trips: arrayOf(fields({ id: str(64), entry: isoDate, exit: nullable(isoDate) }), LIMITS.trips),
    }),
  ),
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Plain JSON data, not too deep, with no key that could reach an object's prototype when spread or merged. */
function plainJson(v: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => plainJson(x, depth + 1));
  if (isObj(v)) return Object.entries(v).every(([k, x]) => !FORBIDDEN_KEYS.has(k) && plainJson(x, depth + 1));
  return false;
}

/**
 * Checks the items of a backup and brings each to this code's version, in memory, with the item's own migrations
 * (the ones WXT runs). Returns one item per backed-up key, in order: a key the backup does not hold comes back as
 * `value: null`, so a restore (which replaces) clears it. Throws a BackupError; nothing is written.
 */
export async function prepareItems(
  raw: unknown,
  schemas: ReadonlyMap<string, ItemSchema>,
): Promise<BackupItem[]> {
  if (!Array.isArray(raw))
    throw new BackupError('corrupt', 'This backup lists no data. Nothing was changed.');
  const keys = backupKeys(schemas);
  const byKey = new Map<string, BackupItem>();
  for (const it of raw) {
    if (!isObj(it) || typeof it.key !== 'string' || !Object.hasOwn(it, 'value'))
      throw new BackupError('corrupt', 'An entry of this backup is malformed. Nothing was changed.');
    const { key } = it;
    if (byKey.has(key))
      throw new BackupError('corrupt', `This backup holds ${key} twice. Nothing was changed.`);
    if (!key.startsWith('local:') || Object.hasOwn(NOT_BACKED_UP, key))
      throw new BackupError(
        'corrupt',
        `A backup never holds ${key}, but this one does. Nothing was changed.`,
      );
    const schema = schemas.get(key);
    if (!schema)
      throw new BackupError(
        'newer-version',
        `This backup holds data this version of Ikamet Companion does not know (${key}): update the extension, then restore it. Nothing was changed.`,
      );
    if (!Number.isInteger(it.version) || (it.version as number) < 1)
      throw new BackupError(
        'corrupt',
        `The version of ${key} in this backup is not valid. Nothing was changed.`,
      );
    const version = it.version as number;
    if (version > schema.version)
      throw new BackupError(
        'newer-version',
        `${key} in this backup was saved by a newer version of Ikamet Companion (v${version}; this one reads up to v${schema.version}): update the extension, then restore it. Nothing was changed.`,
      );
    if (!plainJson(it.value))
      throw new BackupError('corrupt', `${key} in this backup is not plain data. Nothing was changed.`);
    let value: unknown = it.value;
    if (value !== null && version < schema.version) {
      try {
        value = await migrateValue(schema, value, version);
      } catch (e) {
        throw new BackupError(
          'corrupt',
          `${key} in this backup could not be brought up to date (v${version} → v${schema.version}). Nothing was changed.`,
          { cause: e },
        );
      }
    }
    const check = ITEM_CHECKS[key];
    if (!check) throw new BackupError('failed', `No check is defined for ${key}. Nothing was changed.`);
    if (value !== null && !check(value))
      throw new BackupError('corrupt', `${key} in this backup is malformed. Nothing was changed.`);
    byKey.set(key, { key, version: schema.version, value });
  }
  return keys.map((key) => byKey.get(key) ?? { key, version: schemas.get(key)!.version, value: null });
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
    if (files.has(BUNDLE_MANIFEST))
      throw new BackupError(
        'not-backup',
        'This is an evidence bundle, not a backup: import it in the evidence log instead. Nothing was changed.',
      );
    throw new BackupError('not-backup');
  }
  let m: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (!isObj(parsed)) throw new Error('not an object');
    m = parsed;
  } catch (e) {
    throw new BackupError('corrupt', `${BACKUP_MANIFEST} is not readable. Nothing was changed.`, {
      cause: e,
    });
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError('not-backup');
  if (!Number.isInteger(m.formatVersion) || (m.formatVersion as number) < 1)
    throw new BackupError('corrupt', `${BACKUP_MANIFEST} has no valid format version. Nothing was changed.`);
  if ((m.formatVersion as number) > BACKUP_FORMAT_VERSION) throw new BackupError('newer-version');
  if (
    !isHash(m.sha256) ||
    !Array.isArray(m.items) ||
    !Array.isArray(m.files) ||
    !isObj(m.evidence) ||
    typeof m.createdAtUtc !== 'string'
  )
    throw new BackupError('corrupt', `${BACKUP_MANIFEST} is incomplete. Nothing was changed.`);
  const { sha256: claimed, ...rest } = m;
  if ((await sha256(utf8(canonicalJson(rest)))) !== claimed)
    throw new BackupError(
      'corrupt',
      `${BACKUP_MANIFEST} was changed after the backup was made. Nothing was changed.`,
    );
  const manifest = m as unknown as BackupManifest;

  // Every file listed, present, with its hash; nothing else in the zip.
  const listed = new Set<string>();
  for (const f of manifest.files as unknown[]) {
    if (!isObj(f) || typeof f.path !== 'string' || !isHash(f.sha256) || listed.has(f.path))
      throw new BackupError('corrupt', `${BACKUP_MANIFEST} lists a file wrongly. Nothing was changed.`);
    listed.add(f.path);
    const b = files.get(f.path);
    if (!b) throw new BackupError('corrupt', `${f.path} is missing from this backup. Nothing was changed.`);
    if (b.byteLength !== f.bytes || (await sha256(b)) !== f.sha256)
      throw new BackupError(
        'corrupt',
        `${f.path} in this backup is damaged (its SHA-256 does not match). Nothing was changed.`,
      );
  }
  for (const path of files.keys()) {
    if (path === BACKUP_MANIFEST || path.endsWith('/')) continue;
    if (!listed.has(path))
      throw new BackupError(
        'corrupt',
        `${path} is in this backup but not listed in it. Nothing was changed.`,
      );
  }

  const items = await prepareItems(manifest.items, schemas);

  // The evidence log: a bundle under evidence/, verified as an import verifies one.
  const bundle = new Map<string, Uint8Array>();
  for (const [path, b] of files)
    if (path.startsWith(EVIDENCE_DIR)) bundle.set(path.slice(EVIDENCE_DIR.length), b);
  const verify = await verifyBundle(bundle, { sha256 });
  if (!verify.ok)
    throw new BackupError(
      'corrupt',
      `The evidence log in this backup does not verify: ${verify.problems[0]?.problem ?? 'unknown problem'} Nothing was changed.`,
    );
  const bm = verify.manifest as BundleManifest;
  return {
    manifest,
    items,
    evidence: { entries: bm.entries, media: bundleMedia(bm, bundle), records: verify.records },
  };
}
