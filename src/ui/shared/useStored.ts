import { systemClock } from '../../clock';
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The panel renders from storage, never from the page: the value of an item, kept live through its watcher.
 * `undefined` until the first read, so nothing flashes a wrong default.
 */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v ?? item.fallback));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/** Today's date ticks over at Istanbul midnight even while the panel stays open. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(systemClock);
  useEffect(() => {
    const t = setInterval(() => setNow(systemClock()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
