/** The storage items a backup holds, and the checks each must pass before a restore writes it. */
import { LIMITS } from '../domain/limits';
import { APPLICATION_STATUSES, PAGE_KINDS, PERMIT_TYPES } from '../portal/types';
import { REMINDER_KINDS } from '../domain/reminders';
import { isStoredReading as isReading } from '../portal/shape';
import { migrateValue, type ItemSchema } from '../storageSchemas';
import { BackupError } from './errors';
import { BACKUP_MANIFEST, type BackupItem } from './format';

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
export const isObj = (v: unknown): v is Record<string, unknown> =>
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
