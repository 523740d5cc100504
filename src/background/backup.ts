/**
 * The storage half of a backup: a snapshot of every backed-up item, each with the version it is stored
 * at, for the panel to put in the file; and a restore's replacement of all of them, put back as they were if any
 * write fails. The background does this because it is the only writer of storage, and its per-item queues
 * (update.ts) keep a reading that arrives meanwhile from interleaving. The file itself, and the evidence log, are
 * handled in the panel (src/backup/client.ts): a backup can be hundreds of megabytes, which runtime messages carry
 * badly, and the panel opens the same evidence database (see src/evidence/import.ts).
 */
import { browser } from 'wxt/browser';
import { BackupError, type BackupErrorCode, type BackupErrorWire } from '../backup/errors';
import { type BackupItem } from '../backup/format';
import { backupKeys, prepareItems } from '../backup/items';
import { ITEM_SCHEMAS, type ItemSchema } from '../storageSchemas';
// For its side effect: every item is registered in ITEM_SCHEMAS once src/storage.ts has run.
import '../storage';
import { exclusive } from './update';

/** `local:people` → `people`, the key @wxt-dev/storage uses in `storage.local`; its version is under `people$`. */
const areaKey = (key: string) => key.slice(key.indexOf(':') + 1);
const metaKey = (key: string) => `${areaKey(key)}$`;

function versionOf(meta: unknown): number {
  const v = (meta as { v?: unknown } | null | undefined)?.v;
  // @wxt-dev/storage reads a missing version as 1 (data written before versions were marked).
  return Number.isInteger(v) && (v as number) >= 1 ? (v as number) : 1;
}

export async function snapshotItems(
  schemas: ReadonlyMap<string, ItemSchema> = ITEM_SCHEMAS,
): Promise<{ ok: true; items: BackupItem[] }> {
  const keys = backupKeys(schemas);
  return exclusive(keys, async () => {
    const got = await browser.storage.local.get([...keys.map(areaKey), ...keys.map(metaKey)]);
    const items = keys.map((key) => ({
      key,
      version: versionOf(got[metaKey(key)]),
      value: got[areaKey(key)] ?? null,
    }));
    return { ok: true as const, items };
  });
}

/**
 * A failure names its why and parameters (`BackupError.toWire()`), from which the panel says it in its language;
 * `error` is the same sentence in English, for logs. No sentence of the panel's is built here.
 */
export type RestoreItemsFailure = { ok: false; code: BackupErrorCode; error: string } & BackupErrorWire;
export type RestoreItemsResult = { ok: true; items: number } | RestoreItemsFailure;

/**
 * Replaces every backed-up item with the backup's (checked and migrated again here: the worker trusts no payload it
 * did not check itself). Two calls (`set`, then `remove` for items the backup does not hold); if either fails,
 * every key is put back as it was before, versions included.
 */
export async function restoreItems(
  raw: unknown,
  schemas: ReadonlyMap<string, ItemSchema> = ITEM_SCHEMAS,
): Promise<RestoreItemsResult> {
  let items: BackupItem[];
  try {
    items = await prepareItems(raw, schemas);
  } catch (e) {
    return failure(e);
  }
  const keys = items.map((i) => i.key);
  const touched = [...keys.map(areaKey), ...keys.map(metaKey)];
  return exclusive(keys, async () => {
    const area = browser.storage.local;
    // Only the keys that hold something (a fake or an older browser may answer absent keys as undefined).
    const before = Object.fromEntries(
      Object.entries(await area.get(touched)).filter(([, v]) => v !== undefined),
    );
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const it of items) {
      if (it.value === null) remove.push(areaKey(it.key), metaKey(it.key));
      else {
        set[areaKey(it.key)] = it.value;
        set[metaKey(it.key)] = { v: it.version };
      }
    }
    try {
      if (Object.keys(set).length) await area.set(set);
      if (remove.length) await area.remove(remove);
    } catch (e) {
      try {
        await area.remove(touched.filter((k) => !Object.hasOwn(before, k)));
        await area.set(before);
      } catch (undo) {
        return failure(new BackupError('unfinished-undo-failed', {}, { cause: undo }));
      }
      return failure(e);
    }
    return { ok: true as const, items: items.filter((i) => i.value !== null).length };
  });
}

function failure(e: unknown): RestoreItemsFailure {
  const err = e instanceof BackupError ? e : storageError(e);
  return { ok: false, code: err.code, error: err.message, ...err.toWire() };
}

/** A failed storage write (what was there before is back): full, or failed with the browser's technical detail. */
function storageError(e: unknown): BackupError {
  const message = e instanceof Error ? e.message : String(e);
  // Chrome: "QUOTA_BYTES quota exceeded"; Firefox: a QuotaExceededError.
  if (/quota/i.test(message) || (e as { name?: string } | null)?.name === 'QuotaExceededError')
    return new BackupError('quota', {}, { cause: e });
  return new BackupError('restore-failed-detail', { detail: message }, { cause: e });
}
