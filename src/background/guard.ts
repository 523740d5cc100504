/**
 * Where messages enter the background: who may send what, and is the payload the shape its type says.
 * Page text is data: a message is trusted for what its sender is, never for what it claims.
 */
import { LIMITS } from '../domain/limits';
import type { Browser } from 'wxt/browser';
import type { Envelope, MessageType } from '../messaging';
import { isPortalUrl } from '../portal/origins';
import {
  APPLICATION_STATUSES,
  PAGE_KINDS,
  PERMIT_TYPES,
  RANDEVU_STEPS,
  type PortalReading,
} from '../portal/types';
import { REMINDER_KINDS } from '../domain/reminders';
import { LANGS } from '../i18n/catalogue';

type Check = (v: unknown) => boolean;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string' && v.length <= 4000;
const bool: Check = (v) => typeof v === 'boolean';
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const oneOf =
  (...xs: readonly unknown[]): Check =>
  (v) =>
    xs.includes(v);
const isoDate: Check = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const wallTime: Check = (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const isoInstant: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const arrayOf =
  (c: Check, max = 200): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(c);
/**
 * An object with these fields and no others: an unknown key (a huge string, `__proto__`, `constructor`) drops the
 * message, since handlers may spread a payload into storage (issue 11, tests/unit/background/forged.test.ts).
 */
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObj(v) &&
    Object.keys(v).every((k) => Object.hasOwn(fields, k)) &&
    Object.entries(fields).every(([k, c]) => c(v[k]));

const readingShape = shape({
  portal: oneOf('e-ikamet', 'randevu', null),
  page: oneOf(...PAGE_KINDS),
  language: oneOf('tr', 'en', null),
  url: (v) => str(v) && isPortalUrl(v as string),
  permit: nullable(shape({ start: nullable(isoDate), end: nullable(isoDate) })),
  permitType: nullable(oneOf(...PERMIT_TYPES)),
  status: nullable(oneOf(...APPLICATION_STATUSES)),
  statusText: nullable(str),
  statusDate: nullable(isoDate),
  appointment: nullable(
    shape({
      date: nullable(isoDate),
      time: nullable(wallTime),
      office: nullable(str),
      type: nullable(str),
      bookedOn: nullable(isoDate),
    }),
  ),
  appointmentPending: bool,
  selection: nullable(shape({ province: nullable(str), office: nullable(str), type: nullable(str) })),
  noSlots: bool,
  noSlotsText: nullable(str),
  noSlotsSeenAt: nullable(isoInstant),
  step: nullable(oneOf(...RANDEVU_STEPS)),
  requiredDocuments: nullable(arrayOf(str)),
  problems: arrayOf(str, 50),
});

export function isReading(v: unknown): v is PortalReading {
  return readingShape(v);
}

const personId: Check = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
const personName: Check = (v) =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.personName;
const factKey = oneOf(
  'permitEnd',
  'permitStart',
  'permitType',
  'appointment',
  'appointmentPending',
  'status',
);

/** A 90/180 trip; dates are checked again on the calendar (no 31 April) by the handler. */
const tripShape = shape({
  id: (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v),
  entry: isoDate,
  exit: nullable(isoDate),
});

const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined || c(v);
const checklistKey: Check = (v) => typeof v === 'string' && /^[a-z0-9:-]{1,80}$/.test(v);
const checklistItemId: Check = (v) => typeof v === 'string' && /^[a-z0-9-]{1,64}$/.test(v);
const checklistNote: Check = (v) => typeof v === 'string' && v.length <= LIMITS.checklistNote;

/** Every field optional; known fields only, each well-formed (src/domain/reminders.ts applies them). */
const reminderSettingsPatch: Check = (v) =>
  isObj(v) &&
  Object.keys(v).every((k) =>
    [
      'enabled',
      'timeOfDay',
      'quietHours',
      'unchangedDays',
      'cancellationTimes',
      'cancellationPortal',
    ].includes(k),
  ) &&
  shape({
    enabled: optional(
      (e) => isObj(e) && Object.entries(e).every(([k, b]) => oneOf(...REMINDER_KINDS)(k) && bool(b)),
    ),
    timeOfDay: optional(wallTime),
    quietHours: optional(shape({ enabled: bool, start: wallTime, end: wallTime })),
    unchangedDays: optional(
      (n) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= LIMITS.unchangedDaysMax,
    ),
    cancellationTimes: optional(arrayOf(wallTime, LIMITS.cancellationTimes)),
    cancellationPortal: optional(oneOf('randevu', 'e-ikamet')),
  })(v);

// Evidence log (issue 5): record ids are UUIDs; notes and reasons are short free text.
const evidenceTabId: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const evidenceId: Check = (v) => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);
const evidenceNote: Check = (v) => typeof v === 'string' && v.length <= LIMITS.evidenceNote;
const evidenceNoteOpt: Check = (v) => v === undefined || evidenceNote(v);
const evidenceReason: Check = (v) =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= LIMITS.evidenceReason;
const evidenceSettingsPatch: Check = (v) =>
  isObj(v) &&
  Object.keys(v).every((k) => ['autoCapture', 'autoCaptureMinutes', 'noticeSeen'].includes(k)) &&
  (v.autoCapture === undefined || bool(v.autoCapture)) &&
  (v.noticeSeen === undefined || bool(v.noticeSeen)) &&
  (v.autoCaptureMinutes === undefined ||
    (Number.isInteger(v.autoCaptureMinutes) &&
      (v.autoCaptureMinutes as number) >= 1 &&
      (v.autoCaptureMinutes as number) <= 1440));

const payloads: { [K in MessageType]: Check } = {
  'panel:capture': shape({ tabId: evidenceTabId, note: evidenceNoteOpt }),
  'panel:evidenceNote': shape({ id: evidenceId, note: evidenceNote }),
  'panel:evidenceDelete': shape({ id: evidenceId, reason: evidenceReason }),
  'panel:setEvidenceSettings': evidenceSettingsPatch,
  'content:reading': shape({ reading: readingShape }),
  'panel:setActivePerson': shape({ personId }),
  'panel:addPerson': shape({ name: personName }),
  'panel:renamePerson': shape({ personId, name: personName }),
  'panel:setManual': shape({ personId, key: factKey, value: str }),
  'panel:pin': shape({ personId, key: factKey, valueKey: nullable(str) }),
  'panel:attended': shape({ personId, date: isoDate, answer: oneOf('yes', 'no') }),
  'panel:setSettings': shape({
    lockoutDays: optional(oneOf(30, 15)),
    lockoutWarnDays: optional(
      (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= LIMITS.lockoutWarnDaysMax,
    ),
    bridgeDays: optional(arrayOf(isoDate, 100)),
    dismissNotice: optional((v) => typeof v === 'string' && /^[a-z-]{1,40}$/.test(v)),
    language: optional(oneOf('auto', ...LANGS)),
  }),
  'panel:setApplicationLabel': shape({
    personId,
    label: (v) => typeof v === 'string' && v.length <= LIMITS.applicationLabel,
  }),
  'panel:setCompleteOn': shape({ personId, date: nullable(isoDate) }),
  'panel:setReminderSettings': reminderSettingsPatch,
  // The word the user typed to confirm: a stray or replayed message without it deletes nothing.
  'panel:deleteAll': shape({ confirm: oneOf('DELETE') }),
  'panel:backupCreate': shape({}),
  // The word the panel sends once the user has agreed to replace everything; each item is checked in depth (and
  // migrated) by src/backup/format.ts before anything is written.
  'panel:backupRestore': shape({
    confirm: oneOf('REPLACE'),
    items: arrayOf(
      shape({
        key: (v) => typeof v === 'string' && /^local:[\w-]{1,64}$/.test(v),
        version: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000,
        value: (v) => v !== undefined,
      }),
      100,
    ),
  }),
  'panel:checklistItem': shape({
    personId,
    checklistKey,
    itemId: checklistItemId,
    done: optional(bool),
    na: optional(bool),
    note: optional(checklistNote),
  }),
  'panel:setTrips': shape({ personId, trips: arrayOf(tripShape, LIMITS.trips) }),
  'panel:setAllowance': shape({ personId, allowance: oneOf(90, 60, 30) }),
};

export type SenderKind = 'content' | 'panel';

/**
 * The kind of sender, or null when the message must be dropped: our own content scripts on the two portal
 * origins (top frame), or our own extension pages. Anything else (another extension, a web page, a frame) is dropped.
 */
export function senderKind(
  sender: Browser.runtime.MessageSender,
  ownId: string,
  ownBase: string,
): SenderKind | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? '';
  if (sender.tab && sender.frameId === 0 && isPortalUrl(url) && isPortalUrl(sender.tab.url ?? url))
    return 'content';
  if (url.startsWith(ownBase)) return 'panel';
  return null;
}

/** A well-formed envelope allowed from this sender kind, or null. */
export function admit(message: unknown, kind: SenderKind): Envelope | null {
  if (!isObj(message) || typeof message.type !== 'string') return null;
  const type = message.type as MessageType;
  if (!Object.hasOwn(payloads, type)) return null;
  if (!type.startsWith(`${kind}:`)) return null;
  if (!payloads[type](message.payload)) return null;
  return message as unknown as Envelope;
}
