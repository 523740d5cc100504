/** Reading the log: the list (newest first, a page at a time), the summary, images and the chain for export. */
import { istanbulStamp, type CaptureRecord } from '../record';
import { mapError } from './errors';
import { bytesOf, request, type Connection, type EntryRow } from './idb';
import type { EvidenceStore, ListItem, LogFilter, LogSummary } from './types';

export function inFilter(r: CaptureRecord, f: LogFilter): boolean {
  if (f.personId && r.personId !== f.personId) return false;
  const day = r.capturedAtIstanbul.slice(0, 10);
  if (f.fromDay && day < f.fromDay) return false;
  if (f.toDay && day > f.toDay) return false;
  return true;
}

export type Queries = Pick<
  EvidenceStore,
  'list' | 'count' | 'summary' | 'getImage' | 'getThumb' | 'imageBytes' | 'thumbBytes' | 'allEntries' | 'head'
>;

export function queries(c: Connection): Queries {
  const { db, allRows, readHead } = c;
  const store: Queries = {
    async list(query = {}) {
      const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
      const d = await db();
      const tx = d.transaction('entries', 'readonly');
      const range =
        query.before !== undefined && query.before !== null
          ? IDBKeyRange.upperBound(query.before, true)
          : null;
      const items: ListItem[] = [];
      let nextCursor: number | null = null;
      await new Promise<void>((resolve, reject) => {
        const r = tx.objectStore('entries').openCursor(range, 'prev');
        r.onerror = () => reject(mapError(r.error));
        r.onsuccess = () => {
          const c = r.result;
          if (!c) return resolve();
          const row = c.value as EntryRow;
          if (row.entry.kind === 'capture' && inFilter(row.entry, query)) {
            if (items.length === limit) {
              nextCursor = items[items.length - 1]!.record.seq;
              return resolve();
            }
            items.push({ record: row.entry, note: row.note ?? row.entry.note, noteEdited: row.noteEdited });
          }
          c.continue();
        };
      });
      return { items, nextCursor };
    },

    async count(filter = {}) {
      return (await store.summary(filter)).attempts;
    },

    async summary(filter = {}) {
      const rows = await allRows();
      const s: LogSummary = {
        attempts: 0,
        noSlotsAttempts: 0,
        firstUtc: null,
        lastUtc: null,
        firstDay: null,
        lastDay: null,
        removed: 0,
      };
      for (const { entry: e } of rows) {
        if (e.kind === 'tombstone' && e.targetKind === 'capture' && e.targetCapturedAtUtc) {
          const day = istanbulStamp(new Date(e.targetCapturedAtUtc)).slice(0, 10);
          if ((!filter.fromDay || day >= filter.fromDay) && (!filter.toDay || day <= filter.toDay))
            s.removed++;
        }
        if (e.kind !== 'capture' || !inFilter(e, filter)) continue;
        s.attempts++;
        if (e.reading?.noSlots) s.noSlotsAttempts++;
        if (!s.firstUtc || e.capturedAtUtc < s.firstUtc) {
          s.firstUtc = e.capturedAtUtc;
          s.firstDay = e.capturedAtIstanbul.slice(0, 10);
        }
        if (!s.lastUtc || e.capturedAtUtc > s.lastUtc) {
          s.lastUtc = e.capturedAtUtc;
          s.lastDay = e.capturedAtIstanbul.slice(0, 10);
        }
      }
      return s;
    },

    async getImage(id) {
      const d = await db();
      return (
        ((await request(d.transaction('images', 'readonly').objectStore('images').get(id))) as Blob) ?? null
      );
    },

    async getThumb(id) {
      const d = await db();
      return (
        ((await request(d.transaction('thumbs', 'readonly').objectStore('thumbs').get(id))) as Blob) ?? null
      );
    },

    async imageBytes(id) {
      return bytesOf(await store.getImage(id));
    },

    async thumbBytes(id) {
      return bytesOf(await store.getThumb(id));
    },

    async allEntries() {
      return (await allRows()).map((r) => r.entry).sort((a, b) => a.seq - b.seq);
    },

    async head() {
      const h = await readHead();
      return h ? { seq: h.seq, hash: h.entry.hash } : null;
    },
  };
  return store;
}
