import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * Read-modify-write of a storage item, one at a time: two portal tabs reading at once must not overwrite each
 * other's facts. The queue lives only while the worker does; a write is a single `setValue`, so a worker killed
 * mid-way leaves either the old value or the new one, never half of one.
 */
const queues = new Map<string, Promise<unknown>>();

export function update<T>(item: WxtStorageItem<T, Record<string, unknown>>, fn: (value: T) => T): Promise<T> {
  const prev = queues.get(item.key) ?? Promise.resolve();
  const next = prev
    .catch(() => undefined)
    .then(async () => {
      const value = fn(await item.getValue());
      await item.setValue(value);
      return value;
    });
  queues.set(item.key, next);
  return next;
}

/**
 * Run `fn` alone with respect to these keys: after every `update` already queued on them, and before any queued
 * later (a backup restore reads or replaces several items at once; a reading arriving meanwhile waits for it).
 */
export function exclusive<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
  const before = Promise.all(keys.map((k) => (queues.get(k) ?? Promise.resolve()).catch(() => undefined)));
  const next = before.then(fn);
  for (const k of keys) queues.set(k, next);
  return next;
}
