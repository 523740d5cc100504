/**
 * "Delete all data" (PRIVACY.md): everything the extension keeps on this computer, gone in one go: extension
 * storage (people, dates, readings, status history, checklists, trips, settings, reminders), session storage
 * (capture grants) and the evidence database with its screenshots. Removing the extension does the same.
 */
import { browser } from 'wxt/browser';
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';
import { DB_NAME, resetSharedEvidenceStore } from '../evidence/store';
import { ITEM_SCHEMAS } from '../storageSchemas';
// Every item registered in ITEM_SCHEMAS.
import '../storage';

/** How long to wait for other extension pages to let go of the evidence database before giving up. */
const BLOCKED_TIMEOUT_MS = 5000;

/**
 * Where "delete all" stopped, and what is therefore still stored. The steps run in this order: the evidence log
 * first (the step most often held up, by another window), then extension storage, then this session's capture
 * permissions; each sentence says exactly what is gone and what is left.
 */
export type DeleteAllStop = 'evidence-blocked' | 'evidence-failed' | 'storage-failed' | 'session-failed';

export const DELETE_ALL_STOPS: Record<DeleteAllStop, MessageKey> = {
  'evidence-blocked': 'ui_danger_failed_blocked',
  'evidence-failed': 'ui_danger_failed_detail',
  'storage-failed': 'ui_danger_failed_storage',
  'session-failed': 'ui_danger_failed_session',
};

export class DeleteAllError extends Error {
  constructor(
    readonly stop: DeleteAllStop,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(renderMessage(EN_MESSAGES, DELETE_ALL_STOPS[stop], { detail }), options);
    this.name = 'DeleteAllError';
  }

  /** The sentence the panel shows (src/background/router.ts relays it as a refusal). */
  get said(): Said {
    return { key: DELETE_ALL_STOPS[this.stop], params: { detail: this.detail } };
  }
}

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Thrown when another extension page keeps the evidence database open past the wait. */
class Blocked extends Error {}

function deleteDatabase(factory: IDBFactory, name: string, blockedTimeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = factory.deleteDatabase(name);
    let timer: ReturnType<typeof setTimeout> | undefined;
    r.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    r.onerror = () => {
      clearTimeout(timer);
      reject(r.error ?? new Error('The evidence database could not be deleted.'));
    };
    // Open panels close their connection on `versionchange` (store.ts); one that doesn't holds the deletion.
    r.onblocked = () => {
      timer ??= setTimeout(
        () => reject(new Blocked('another extension window keeps the evidence log open')),
        blockedTimeoutMs,
      );
    };
  });
}

/** `{ "firedReminders$": { v: 2 }, … }` for every local item whose version is above 1. */
export function versionMarks(): Record<string, { v: number }> {
  const out: Record<string, { v: number }> = {};
  for (const s of ITEM_SCHEMAS.values())
    if (s.key.startsWith('local:') && s.version > 1)
      out[`${s.key.slice('local:'.length)}$`] = { v: s.version };
  return out;
}

export async function deleteAllData(
  factory: IDBFactory | undefined = globalThis.indexedDB,
  blockedTimeoutMs = BLOCKED_TIMEOUT_MS,
): Promise<{ ok: true }> {
  // This context's own connection first, or the deletion would wait for it.
  resetSharedEvidenceStore();
  try {
    if (factory) await deleteDatabase(factory, DB_NAME, blockedTimeoutMs);
  } catch (e) {
    // Nothing is deleted yet: IndexedDB deletes a database whole or not at all.
    throw new DeleteAllError(e instanceof Blocked ? 'evidence-blocked' : 'evidence-failed', detailOf(e), {
      cause: e,
    });
  }
  try {
    await browser.storage.local.clear();
  } catch (e) {
    throw new DeleteAllError('storage-failed', detailOf(e), { cause: e });
  }
  // WXT writes an item's version mark only when it migrates, once per context: a value written after this clear
  // would carry no mark, be taken for v1 at the next start and migrated again. Put back the current marks (no
  // data: only `<key>$: { v }` of each item past version 1). Failing here loses nothing (the data is gone; an item
  // without its mark is migrated again from empty), so it does not stop the deletion.
  const marks = versionMarks();
  if (Object.keys(marks).length) await browser.storage.local.set(marks).catch(() => undefined);
  // Firefox before 115 has no session storage; nothing of ours is there then.
  try {
    await browser.storage.session?.clear();
  } catch (e) {
    throw new DeleteAllError('session-failed', detailOf(e), { cause: e });
  }
  return { ok: true };
}
