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
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import { isSaid, type Said } from '../i18n/said';
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
 * What a failure means for the data here, for callers to branch on. Every code but `unfinished` means nothing was
 * changed; `unfinished` means a restore stopped after it began to write and what is stored may be part old, part the
 * backup's (restoring the same file again finishes it).
 */
export type BackupErrorCode = 'not-backup' | 'newer-version' | 'corrupt' | 'quota' | 'failed' | 'unfinished';

/**
 * Which failure exactly: finer than the code, stable, each with its sentence in the catalogue, so the panel says it
 * in its own language. A code is also a why, with the code's general sentence, where nothing more specific is known.
 * Parameters are item keys, file paths, version numbers and technical detail: never sentences. A why whose
 * sentence has `{problem}` carries another sentence in `inner` (the first verify problem, the store's error).
 */
export type BackupErrorWhy =
  | BackupErrorCode
  | 'too-large'
  | 'not-zip'
  | 'evidence-bundle'
  | 'manifest-unreadable'
  | 'manifest-incomplete'
  | 'manifest-changed'
  | 'file-list-malformed'
  | 'file-missing'
  | 'file-changed'
  | 'file-unlisted'
  | 'entry-malformed'
  | 'item-twice'
  | 'item-foreign'
  | 'item-version-invalid'
  | 'item-malformed'
  | 'item-migration-failed'
  | 'item-unknown'
  | 'item-newer'
  | 'item-no-check'
  | 'evidence-not-verified'
  | 'not-confirmed'
  | 'create-failed'
  | 'create-failed-detail'
  | 'create-no-answer'
  | 'restore-failed'
  | 'restore-failed-detail'
  | 'unfinished-no-answer'
  | 'unfinished-undo-failed'
  | 'unfinished-store';

/** `{placeholders}` of a failure's sentence, shown as they are. */
export type BackupErrorParams = Readonly<Record<string, string>>;

export const BACKUP_ERRORS: Readonly<Record<BackupErrorWhy, { code: BackupErrorCode; key: MessageKey }>> = {
  'not-backup': { code: 'not-backup', key: 'ui_backup_error_not_backup' },
  'newer-version': { code: 'newer-version', key: 'ui_backup_error_newer' },
  corrupt: { code: 'corrupt', key: 'ui_backup_error_corrupt' },
  quota: { code: 'quota', key: 'ui_backup_error_quota' },
  failed: { code: 'failed', key: 'ui_backup_error_failed' },
  unfinished: { code: 'unfinished', key: 'ui_backup_error_unfinished' },
  'too-large': { code: 'not-backup', key: 'ui_backup_error_too_large' },
  'not-zip': { code: 'not-backup', key: 'ui_backup_error_not_zip' },
  'evidence-bundle': { code: 'not-backup', key: 'ui_backup_error_evidence_bundle' },
  /** params: file */
  'manifest-unreadable': { code: 'corrupt', key: 'ui_backup_error_manifest_unreadable' },
  /** params: file */
  'manifest-incomplete': { code: 'corrupt', key: 'ui_backup_error_manifest_incomplete' },
  /** params: file */
  'manifest-changed': { code: 'corrupt', key: 'ui_backup_error_manifest_changed' },
  /** params: file */
  'file-list-malformed': { code: 'corrupt', key: 'ui_backup_error_file_list' },
  /** params: path */
  'file-missing': { code: 'corrupt', key: 'ui_backup_error_file_missing' },
  /** params: path */
  'file-changed': { code: 'corrupt', key: 'ui_backup_error_file_changed' },
  /** params: path */
  'file-unlisted': { code: 'corrupt', key: 'ui_backup_error_file_unlisted' },
  'entry-malformed': { code: 'corrupt', key: 'ui_backup_error_entry_malformed' },
  /** params: item */
  'item-twice': { code: 'corrupt', key: 'ui_backup_error_item_twice' },
  /** params: item */
  'item-foreign': { code: 'corrupt', key: 'ui_backup_error_item_foreign' },
  /** params: item */
  'item-version-invalid': { code: 'corrupt', key: 'ui_backup_error_item_version' },
  /** params: item */
  'item-malformed': { code: 'corrupt', key: 'ui_backup_error_item_malformed' },
  /** params: item, from, to */
  'item-migration-failed': { code: 'corrupt', key: 'ui_backup_error_item_migration' },
  /** params: item */
  'item-unknown': { code: 'newer-version', key: 'ui_backup_error_item_unknown' },
  /** params: item, version, max */
  'item-newer': { code: 'newer-version', key: 'ui_backup_error_item_newer' },
  /** params: item */
  'item-no-check': { code: 'failed', key: 'ui_backup_error_item_no_check' },
  /** inner: verify's first problem */
  'evidence-not-verified': { code: 'corrupt', key: 'ui_backup_error_evidence_not_verified' },
  'not-confirmed': { code: 'failed', key: 'ui_backup_error_not_confirmed' },
  /** inner: the store's error, or the background's refusal */
  'create-failed': { code: 'failed', key: 'ui_backup_error_create_failed' },
  /** params: detail */
  'create-failed-detail': { code: 'failed', key: 'ui_backup_error_create_failed_detail' },
  'create-no-answer': { code: 'failed', key: 'ui_backup_error_create_no_answer' },
  /** inner: the store's error, or the background's refusal */
  'restore-failed': { code: 'failed', key: 'ui_backup_error_restore_failed' },
  /** params: detail */
  'restore-failed-detail': { code: 'failed', key: 'ui_backup_error_restore_failed_detail' },
  'unfinished-no-answer': { code: 'unfinished', key: 'ui_backup_error_unfinished_no_answer' },
  'unfinished-undo-failed': { code: 'unfinished', key: 'ui_backup_error_unfinished_undo' },
  /** inner: the store's error (the previous evidence log could not be put back) */
  'unfinished-store': { code: 'unfinished', key: 'ui_backup_error_unfinished_store' },
};

export function isBackupErrorWhy(v: unknown): v is BackupErrorWhy {
  return typeof v === 'string' && Object.hasOwn(BACKUP_ERRORS, v);
}

const isParams = (v: unknown): v is BackupErrorParams =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string');

/** `said` in English, with `inner` said in English as its `{problem}`: the Error's message, for logs and the CLI. */
function english(said: Said, inner: Said | undefined): string {
  const problem: Record<string, string> = inner
    ? { problem: renderMessage(EN_MESSAGES, inner.key, inner.params ?? {}) }
    : {};
  return renderMessage(EN_MESSAGES, said.key, { ...(said.params ?? {}), ...problem });
}

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  /** The sentence said inside this one as its `{problem}` (only for the whys whose sentence has one). */
  readonly inner?: Said;
  constructor(
    readonly why: BackupErrorWhy,
    readonly params: BackupErrorParams = {},
    options: { cause?: unknown; inner?: Said } = {},
  ) {
    const { inner, ...rest } = options;
    super(english({ key: BACKUP_ERRORS[why].key, params }, inner), rest);
    this.name = 'BackupError';
    this.code = BACKUP_ERRORS[why].code;
    if (inner) this.inner = { key: inner.key, ...(inner.params ? { params: { ...inner.params } } : {}) };
  }

  /** The sentence the panel shows, in its language; `inner`, said the same way, fills its `{problem}`. */
  get said(): Said {
    return { key: BACKUP_ERRORS[this.why].key, params: { ...this.params } };
  }

  /** What crosses a runtime message (the background's answer to a restore): no sentence, only what says one. */
  toWire(): BackupErrorWire {
    return { why: this.why, params: { ...this.params }, ...(this.inner ? { inner: this.inner } : {}) };
  }

  /** The error a `toWire()` stood for, or null if `v` is not one (checked: it comes through a message). */
  static fromWire(v: unknown): BackupError | null {
    if (typeof v !== 'object' || v === null) return null;
    const { why, params, inner } = v as { why?: unknown; params?: unknown; inner?: unknown };
    if (!isBackupErrorWhy(why) || !isParams(params)) return null;
    if (inner !== undefined && !(isSaid(inner) && Object.hasOwn(EN_MESSAGES, inner.key))) return null;
    return new BackupError(why, params, inner ? { inner } : {});
  }
}

export interface BackupErrorWire {
  why: BackupErrorWhy;
  params: BackupErrorParams;
  inner?: Said;
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
  if (!Array.isArray(raw)) throw new BackupError('manifest-incomplete', { file: BACKUP_MANIFEST });
  const keys = backupKeys(schemas);
  const byKey = new Map<string, BackupItem>();
  for (const it of raw) {
    if (!isObj(it) || typeof it.key !== 'string' || !Object.hasOwn(it, 'value'))
      throw new BackupError('entry-malformed');
    const { key } = it;
    if (byKey.has(key)) throw new BackupError('item-twice', { item: key });
    if (!key.startsWith('local:') || Object.hasOwn(NOT_BACKED_UP, key))
      throw new BackupError('item-foreign', { item: key });
    const schema = schemas.get(key);
    if (!schema) throw new BackupError('item-unknown', { item: key });
    if (!Number.isInteger(it.version) || (it.version as number) < 1)
      throw new BackupError('item-version-invalid', { item: key });
    const version = it.version as number;
    if (version > schema.version)
      throw new BackupError('item-newer', {
        item: key,
        version: String(version),
        max: String(schema.version),
      });
    // Not plain JSON data (or a key that reaches a prototype): malformed, as a wrong shape is.
    if (!plainJson(it.value)) throw new BackupError('item-malformed', { item: key });
    let value: unknown = it.value;
    if (value !== null && version < schema.version) {
      try {
        value = await migrateValue(schema, value, version);
      } catch (e) {
        throw new BackupError(
          'item-migration-failed',
          { item: key, from: String(version), to: String(schema.version) },
          { cause: e },
        );
      }
    }
    const check = ITEM_CHECKS[key];
    if (!check) throw new BackupError('item-no-check', { item: key });
    if (value !== null && !check(value)) throw new BackupError('item-malformed', { item: key });
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
