/**
 * Where messages enter the background: who may send what, and is the payload the shape its type says.
 * Page text is data: a message is trusted for what its sender is, never for what it claims.
 */
import type { Browser } from 'wxt/browser';
import {
  arrayOf,
  bool,
  isObj,
  isoDate,
  nullable,
  oneOf,
  optional,
  shape,
  text,
  wallTime,
  type Check,
} from '../domain/checks';
import { LIMITS } from '../domain/limits';
import type { Envelope, MessageType } from '../messaging';
import { isPortalUrl } from '../portal/origins';
import { isReading } from '../portal/shape';
import { REMINDER_KINDS } from '../domain/reminders';
import { LANGS } from '../i18n/catalogue';

/** Free text of a panel message: a manual value (validated again by its handler) or a pin's value key. */
const str = text(4000);

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

// Evidence log: record ids are UUIDs; notes and reasons are short free text.
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
  'content:reading': shape({ reading: isReading }),
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
  // migrated) by src/backup/items.ts before anything is written.
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
