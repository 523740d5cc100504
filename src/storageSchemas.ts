/**
 * WXT's storage with one addition: each item's version and migrations are also recorded here, by key. WXT keeps
 * them private to the item, and runs them only on the item's first access in a context; a backup restore
 * (src/backup) must bring an item from an older backup up to date IN MEMORY, before it writes anything, with the
 * very same functions. src/storage.ts imports `storage` from here, so no definition can forget to register.
 */
import { storage as wxtStorage, type StorageItemKey, type WxtStorageItemOptions } from 'wxt/utils/storage';

/** A migration takes the value stored at the version before its key and returns the value at its key. */
export type Migration = (old: unknown) => unknown;

export interface ItemSchema {
  key: StorageItemKey;
  /** The version this code writes (WXT's `version`, 1 when not given). */
  version: number;
  /** WXT's `migrations`: `migrations[n]` takes a value from version n - 1 to n. */
  migrations: Readonly<Record<number, Migration>>;
  fallback: unknown;
}

const schemas = new Map<string, ItemSchema>();

/** Every item defined so far (all of src/storage.ts once it is imported), by key (`local:people`). */
export const ITEM_SCHEMAS: ReadonlyMap<string, ItemSchema> = schemas;

export const storage = {
  defineItem<T>(key: StorageItemKey, options: WxtStorageItemOptions<T> & { fallback: T }) {
    if (schemas.has(key)) throw new Error(`Storage item ${key} is defined twice.`);
    schemas.set(key, {
      key,
      version: options.version ?? 1,
      migrations: (options.migrations ?? {}) as Record<number, Migration>,
      fallback: options.fallback,
    });
    return wxtStorage.defineItem<T>(key, options);
  },
};

/**
 * Run an item's migrations from `fromVersion` up to its current version, as @wxt-dev/storage 1.x does (a missing
 * step keeps the value as it is; a throwing one fails the whole item). Pure: nothing is read or written.
 */
export async function migrateValue(
  schema: ItemSchema,
  value: unknown,
  fromVersion: number,
): Promise<unknown> {
  let v = value;
  for (let to = fromVersion + 1; to <= schema.version; to++) {
    const step = schema.migrations[to];
    if (step) v = (await step(v)) ?? v;
  }
  return v;
}
