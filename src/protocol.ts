/**
 * One protocol map for every message, named by direction (content → background, panel → background).
 * Payloads are objects; the background validates each where it enters (src/background/guard.ts).
 *
 * No browser API is imported here: the panel and the background send through webextension-polyfill
 * (src/messaging.ts), the content script through the browser's own runtime (src/content/send.ts), so the
 * polyfill stays out of the one bundle that runs inside the portal's pages.
 */
import type { PortalReading } from './portal/types';
import type { CaptureResult } from './evidence/captureState';
import type { FactKey } from './state/facts';
import type { ReminderSettingsPatch } from './domain/reminders';
import type { Allowance, Trip } from './domain/stay';
import type { BackupErrorCode, BackupErrorWire } from './backup/errors';
import type { BackupItem } from './backup/format';
import type { LangSetting, MessageKey } from './i18n/catalogue';
import { isSaid, type Said } from './i18n/said';

export { isSaid, saidBy, type Said } from './i18n/said';

export interface ProtocolMap {
  /** panel → background: capture the portal tab beside the panel as evidence (needs an activeTab grant). */
  'panel:capture': { payload: { tabId: number; note?: string }; result: CaptureResult };
  /** panel → background: a new note for an evidence record (recorded as a chain entry; the original stays). */
  'panel:evidenceNote': { payload: { id: string; note: string }; result: { ok: true } };
  /** panel → background: delete an evidence record; a tombstone keeps its hash, the time and the reason. */
  'panel:evidenceDelete': { payload: { id: string; reason: string }; result: { ok: true; removed: number } };
  'panel:setEvidenceSettings': {
    payload: { autoCapture?: boolean; autoCaptureMinutes?: number; noticeSeen?: boolean };
    result: { ok: true };
  };
  /** content → background: a page's reading changed. */
  'content:reading': { payload: { reading: PortalReading }; result: { ok: true } };
  /** panel → background: make another person active, add or rename one. */
  'panel:setActivePerson': { payload: { personId: string }; result: { ok: true } };
  'panel:addPerson': { payload: { name: string }; result: { ok: true; personId: string } };
  'panel:renamePerson': { payload: { personId: string; name: string }; result: { ok: true } };
  /** panel → background: a date or value typed by the user (already validated in the panel, checked again here). */
  'panel:setManual': { payload: { personId: string; key: FactKey; value: string }; result: { ok: true } };
  'panel:pin': { payload: { personId: string; key: FactKey; valueKey: string | null }; result: { ok: true } };
  'panel:attended': {
    payload: { personId: string; date: string; answer: 'yes' | 'no' };
    result: { ok: true };
  };
  /** panel → background: a person's trips for the 90/180 calculator (the whole list) and their allowance. */
  'panel:setTrips': { payload: { personId: string; trips: Trip[] }; result: { ok: true } };
  'panel:setAllowance': { payload: { personId: string; allowance: Allowance }; result: { ok: true } };
  /** panel → background: tick, mark not applicable, or annotate one checklist item (only the fields given change). */
  'panel:checklistItem': {
    payload: {
      personId: string;
      checklistKey: string;
      itemId: string;
      done?: boolean;
      na?: boolean;
      note?: string;
    };
    result: { ok: true };
  };
  'panel:setSettings': {
    payload: {
      lockoutDays?: 30 | 15;
      lockoutWarnDays?: number;
      bridgeDays?: string[];
      dismissNotice?: string;
      /** The panel's and the notifications' language ('auto': the browser's). */
      language?: LangSetting;
    };
    result: { ok: true };
  };
  /** panel → background: the user's own name for a person's application (never its number); '' clears it. */
  'panel:setApplicationLabel': { payload: { personId: string; label: string }; result: { ok: true } };
  /** panel → background: the day the file was complete (starts the 90-day count); null clears it. */
  'panel:setCompleteOn': { payload: { personId: string; date: string | null }; result: { ok: true } };
  /** panel → background: reminder kinds on/off, time of day, quiet hours, cancellation-check times. */
  'panel:setReminderSettings': { payload: ReminderSettingsPatch; result: { ok: true } };
  /** panel → background: delete every piece of data the extension keeps (storage and the evidence database). */
  'panel:deleteAll': { payload: { confirm: 'DELETE' }; result: { ok: true } };
  /**
   * panel → background: the storage half of a backup (src/backup/client.ts builds the file): every backed-up item
   * with the version it is stored at. The file never goes through a message (it can be hundreds of megabytes).
   */
  'panel:backupCreate': { payload: Record<string, never>; result: { ok: true; items: BackupItem[] } };
  /**
   * panel → background: REPLACE every backed-up item with these (a restore; the panel has asked the user first).
   * All or nothing: on a failed write the previous data is put back. An error comes back as its code and its
   * sentence (`why`, `params`, `inner`: src/backup/errors.ts BACKUP_ERRORS), `error` in English for logs.
   */
  'panel:backupRestore': {
    payload: { confirm: 'REPLACE'; items: BackupItem[] };
    result:
      { ok: true; items: number } | ({ ok: false; code: BackupErrorCode; error: string } & BackupErrorWire);
  };
}

export type MessageType = keyof ProtocolMap;
export type Payload<K extends MessageType> = ProtocolMap[K]['payload'];
export type Result<K extends MessageType> = ProtocolMap[K]['result'];
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
/**
 * Why the background said no, or why no answer came: a code (for tests and logs), the catalogue key of the sentence
 * the panel shows in the user's language, its parameters, and an English line for logs in `error`. The panel
 * renders `key`; nothing is rebuilt from a sentence.
 */
export interface Refusal {
  ok: false;
  code: RefusalCode;
  key: MessageKey;
  params?: Record<string, string>;
  error: string;
}
/**
 * - `invalid`: the message was refused as it came (a value too long, a date that does not exist, an unknown
 *   person); nothing changed. The handler's own sentence says which, or `ui_refusal_invalid` says it in general.
 * - `failed`: the background accepted it and then could not finish; the store's own sentence, or
 *   `ui_refusal_failed` with the technical detail.
 * - `no-answer`: no answer came (the worker stopped, or the extension was reloaded): the change may not be stored.
 */
export type RefusalCode = 'invalid' | 'failed' | 'no-answer';
export const REFUSAL_CODES: readonly RefusalCode[] = ['invalid', 'failed', 'no-answer'];
export const REFUSAL_KEY = {
  invalid: 'ui_refusal_invalid',
  failed: 'ui_refusal_failed',
  'no-answer': 'ui_refusal_no_answer',
} as const satisfies Record<RefusalCode, MessageKey>;

/**
 * A refusal with `said` as its sentence, or the code's general one. `detail` (English, technical) goes to the log
 * line, and into the general `failed` sentence as its one parameter.
 */
export function refusal(code: RefusalCode, opts: { said?: Said; detail?: string } = {}): Refusal {
  const { said, detail } = opts;
  const params = said ? said.params : code === 'failed' ? { detail: detail ?? '' } : undefined;
  return {
    ok: false,
    code,
    key: said?.key ?? REFUSAL_KEY[code],
    ...(params ? { params } : {}),
    error: [code, said?.key, detail].filter(Boolean).join(': '),
  };
}

export function isRefusal(v: unknown): v is Refusal {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { ok?: unknown }).ok === false &&
    typeof (v as { code?: unknown }).code === 'string' &&
    Object.hasOwn(REFUSAL_KEY, (v as { code: string }).code) &&
    isSaid(v)
  );
}

/**
 * Send a message through `sendMessage` and check the answer. Always resolves to an answer: the handler's result,
 * a coded refusal, or `no-answer` when none came (a dropped message, a stopped worker): never `undefined`, so a
 * caller cannot take silence for success.
 */
export async function sendVia<K extends MessageType>(
  sendMessage: (message: Envelope<K>) => Promise<unknown>,
  type: K,
  payload: Payload<K>,
): Promise<Result<K> | Refusal> {
  let answer: unknown;
  try {
    answer = await sendMessage({ type, payload });
  } catch (e) {
    return refusal('no-answer', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (typeof answer !== 'object' || answer === null || typeof (answer as { ok?: unknown }).ok !== 'boolean')
    return refusal('no-answer');
  return answer as Result<K> | Refusal;
}
