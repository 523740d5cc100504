/**
 * One protocol map for every message, named by direction (content → background, panel → background).
 * Payloads are objects; the background validates each where it enters (src/background/guard.ts).
 */
import { browser } from 'wxt/browser';
import type { PortalReading } from './portal/types';
import type { CaptureResult } from './evidence/captureState';
import type { FactKey } from './state/facts';
import type { ReminderSettingsPatch } from './domain/reminders';
import type { Allowance, Trip } from './domain/stay';
import type { BackupErrorCode, BackupItem } from './backup/format';
import type { LangSetting } from './i18n/catalogue';

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
   * All or nothing: on a failed write the previous data is put back. Errors come back with a code to translate.
   */
  'panel:backupRestore': {
    payload: { confirm: 'REPLACE'; items: BackupItem[] };
    result: { ok: true; items: number } | { ok: false; code: BackupErrorCode; error: string };
  };
}

export type MessageType = keyof ProtocolMap;
export type Payload<K extends MessageType> = ProtocolMap[K]['payload'];
export type Result<K extends MessageType> = ProtocolMap[K]['result'];
export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  payload: Payload<K>;
}
export type Failure = { ok: false; error: string };

export async function send<K extends MessageType>(
  type: K,
  payload: Payload<K>,
): Promise<Result<K> | Failure> {
  return (await browser.runtime.sendMessage({ type, payload } satisfies Envelope<K>)) as Result<K> | Failure;
}
