/**
 * Whole logs in: an import adds a verified bundle's entries that are not here yet; a restore replaces the log with
 * a backup's. Both write the screenshots first, in chunks (without entries they are invisible to the log), then
 * the entries in one transaction, and remove the screenshots they wrote again on any failure: all or nothing.
 */
import type { CaptureRecord, Entry } from '../record';
import { EvidenceStoreError } from './errors';
import {
  headRequest,
  removeImages,
  request,
  withAppendLock,
  writeImages,
  writeTx,
  type Connection,
} from './idb';
import type { Commit } from './chain';
import { replay } from './rows';
import type { EvidenceStore, ImageFiles, ImportResult } from './types';

export function merging(c: Connection, commit: Commit): Pick<EvidenceStore, 'importEntries' | 'replaceAll'> {
  const { db, allRows } = c;

  /** The entries of an import, on top of the local chain: a bundle that disagrees with it is refused. */
  const commitImport = (incoming: readonly Entry[], files: ImageFiles): Promise<ImportResult> =>
    commit(['images', 'thumbs'], async (head) => {
      const local = (await allRows()).sort((a, b) => a.seq - b.seq);
      const localMax = head?.seq ?? 0;
      // The hash each local seq stands for: the entry's own, or the one its tombstone kept.
      const localHashAt = new Map<number, string>();
      for (const { entry: e } of local) {
        localHashAt.set(e.seq, e.hash);
        if (e.kind === 'tombstone') localHashAt.set(e.targetSeq, e.targetHash);
      }
      const bundleHashAt = new Map<number, string>();
      for (const e of incoming) {
        bundleHashAt.set(e.seq, e.hash);
        if (e.kind === 'tombstone') bundleHashAt.set(e.targetSeq, e.targetHash);
      }
      for (const [seq, h] of bundleHashAt) {
        const mine = localHashAt.get(seq);
        if (seq <= localMax && mine !== h) {
          throw new EvidenceStoreError('foreign-bundle', { seq: String(seq) });
        }
      }
      const fresh = incoming.filter((e) => e.seq > localMax);
      const { rows, dirty, gone, goneIds } = replay(local, fresh);
      const newCaptures = fresh.filter((e) => e.kind === 'capture' && rows.has(e.seq));
      for (const e of newCaptures) {
        if (!files.get(e.id)?.image) throw new EvidenceStoreError('image-missing', { seq: String(e.seq) });
      }
      return {
        result: { added: fresh.length, skipped: incoming.length - fresh.length },
        write: (tx) => {
          const entries = tx.objectStore('entries');
          const images = tx.objectStore('images');
          const thumbs = tx.objectStore('thumbs');
          for (const seq of gone) entries.delete(seq);
          for (const id of goneIds) {
            images.delete(id);
            thumbs.delete(id);
          }
          for (const seq of dirty) entries.put(rows.get(seq)!);
          // The new captures' images were written before, in chunks (importEntries).
        },
      };
    });

  return {
    async importEntries(incoming, files) {
      const d = await db();
      const already = new Set(
        (await request(d.transaction('images').objectStore('images').getAllKeys())).map(String),
      );
      const toWrite = incoming
        .filter((e) => e.kind === 'capture' && !already.has(e.id) && files.get(e.id)?.image)
        .map((e) => e.id);
      const written: string[] = [];
      try {
        await writeImages(d, toWrite, files, written);
        return await commitImport(incoming, files);
      } catch (e) {
        await removeImages(d, written);
        throw e;
      }
    },

    async replaceAll(incoming, files, opts = {}) {
      // Under the append lock from start to end: a capture made meanwhile waits and goes onto the restored log,
      // instead of being wiped by it. Steps, each safe to interrupt (a killed page, a full disk):
      // 1. the new screenshots are written in chunks (as importEntries does); without entries they are invisible;
      // 2. ONE transaction swaps the entries; the old screenshots are still there;
      // 3. `afterCommit` (the restore writes extension storage); if it fails, step 2 is undone and the
      //    screenshots written in step 1 that the old log does not use are removed again;
      // 4. screenshots no entry uses any more (the old log's, or those of an interrupted restore) are removed.
      // Interrupted between 2 and 3, the new log is whole and storage is as before: restoring again finishes it.
      return withAppendLock(async () => {
        const d = await db();
        const local = (await allRows()).sort((a, b) => a.seq - b.seq);
        const localHead = local[local.length - 1] ?? null;
        const localCaptures = new Map<string, CaptureRecord>();
        for (const r of local) if (r.entry.kind === 'capture') localCaptures.set(r.id, r.entry);
        const { rows } = replay([], incoming);
        const captures: CaptureRecord[] = [];
        for (const r of rows.values()) if (r.entry.kind === 'capture') captures.push(r.entry);
        for (const e of captures) {
          if (!files.get(e.id)?.image) throw new EvidenceStoreError('image-missing', { seq: String(e.seq) });
          // Record ids are random UUIDs: the same id with another image is not the same record, and overwriting
          // its screenshot would break the old log if it had to be put back.
          if (localCaptures.has(e.id) && localCaptures.get(e.id)!.imageSha256 !== e.imageSha256)
            throw new EvidenceStoreError('restore-clash', { seq: String(e.seq) });
        }
        // Rewriting a screenshot the old log also holds is harmless (same id, same hash) and repairs a damaged one;
        // only the others are removed again on failure.
        const staged: string[] = [];
        const unstage = () =>
          removeImages(
            d,
            staged.filter((id) => !localCaptures.has(id)),
          );
        try {
          await writeImages(
            d,
            captures.map((e) => e.id),
            files,
            staged,
          );
          await writeTx(d, ['entries'], (tx, fail) => {
            const entries = tx.objectStore('entries');
            headRequest(entries, (now) => {
              if ((now?.seq ?? 0) !== (localHead?.seq ?? 0) || now?.entry.hash !== localHead?.entry.hash) {
                fail(new EvidenceStoreError('conflict'));
                return;
              }
              try {
                entries.clear();
                for (const r of rows.values()) entries.put(r);
              } catch (e) {
                fail(e);
              }
            });
          });
        } catch (e) {
          await unstage();
          throw e;
        }
        try {
          await opts.afterCommit?.();
        } catch (e) {
          try {
            await writeTx(d, ['entries'], (tx) => {
              const entries = tx.objectStore('entries');
              entries.clear();
              for (const r of local) entries.put(r);
            });
          } catch (undo) {
            throw new EvidenceStoreError('restore-half', {}, { cause: undo });
          }
          await unstage();
          throw e;
        }
        const keep = new Set(captures.map((e) => e.id));
        await writeTx(d, ['images', 'thumbs'], (tx) => {
          for (const name of ['images', 'thumbs']) {
            const os = tx.objectStore(name);
            const r = os.getAllKeys();
            r.onsuccess = () => {
              for (const k of r.result) if (!keep.has(String(k))) os.delete(k);
            };
          }
        }).catch(() => undefined); // left over, they are only unused space: the next restore removes them
        return { entries: rows.size, records: captures.length };
      });
    },
  };
}
