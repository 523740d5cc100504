/**
 * "Delete all data" (PRIVACY.md): everything the extension keeps on this computer, gone in one go: extension
 * storage (people, dates, readings, status history, checklists, trips, settings, reminders), session storage
 * (capture grants) and the evidence database with its screenshots. Removing the extension does the same.
 */
import { browser } from 'wxt/browser';
import { DB_NAME, resetSharedEvidenceStore } from '../evidence/store';
import { ITEM_SCHEMAS } from '../storageSchemas';
// Every item registered in ITEM_SCHEMAS.
import '../storage';

/** How long to wait for other extension pages to let go of the evidence database before giving up. */
const BLOCKED_TIMEOUT_MS = 5000;

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
        () => reject(new Error('Close other Ikamet Companion windows, then delete again.')),
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
  if (factory) await deleteDatabase(factory, DB_NAME, blockedTimeoutMs);
  await browser.storage.local.clear();
  // WXT writes an item's version mark only when it migrates, once per context: a value written after this clear
  // would carry no mark, be taken for v1 at the next start and migrated again. Put back the current marks (no
  // data: only `<key>$: { v }` of each item past version 1).
  const marks = versionMarks();
  if (Object.keys(marks).length) await browser.storage.local.set(marks);
  // Firefox before 115 has no session storage; nothing of ours is there then.
  await browser.storage.session?.clear();
  return { ok: true };
}
