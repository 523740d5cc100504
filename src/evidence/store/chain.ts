/**
 * The one way the chain grows: every change runs under one lock (`navigator.locks` 'evidence-append', shared by all
 * extension pages and the worker; an in-memory queue where locks are missing, as in Node). Hashes are computed
 * BEFORE the write transaction opens; the entries (and a capture's image and thumbnail) are then written in ONE
 * transaction, which first re-checks the chain head: a failure (quota, a killed worker) leaves the old log exactly
 * as it was.
 */
import {
  istanbulStamp,
  newEntryId,
  NOTE_MAX,
  REASON_MAX,
  sealEntry,
  TITLE_MAX,
  ZERO_HASH,
  ENTRY_FORMAT,
  type CaptureRecord,
  type NoteEditEntry,
  type Sha256,
  type TombstoneEntry,
  type Unhashed,
} from '../record';
import { EvidenceStoreError } from './errors';
import { blobOf, headRequest, withAppendLock, writeTx, type Connection, type EntryRow } from './idb';
import { rowOf } from './rows';
import type { EvidenceStore } from './types';

/**
 * `plan` builds sealed entries on top of the head (hashing happens here, outside any transaction), then `write`
 * puts them in one transaction that first checks the head is still the same.
 */
export type Commit = <T>(
  stores: string[],
  plan: (head: EntryRow | null) => Promise<{ result: T; write: (tx: IDBTransaction) => void }>,
) => Promise<T>;

export function committer(c: Connection): Commit {
  return (stores, plan) =>
    withAppendLock(async () => {
      const head = await c.readHead();
      const { result, write } = await plan(head);
      const d = await c.db();
      await writeTx(d, ['entries', ...stores], (tx, fail) => {
        headRequest(tx.objectStore('entries'), (now) => {
          if (
            (now?.seq ?? 0) !== (head?.seq ?? 0) ||
            (now?.entry.hash ?? null) !== (head?.entry.hash ?? null)
          ) {
            fail(new EvidenceStoreError('conflict'));
            return;
          }
          try {
            write(tx);
          } catch (e) {
            fail(e);
          }
        });
      });
      return result;
    });
}

const nextLink = (head: EntryRow | null) => ({
  seq: (head?.seq ?? 0) + 1,
  prevHash: head?.entry.hash ?? ZERO_HASH,
});

/** The three changes a user makes: a capture, a note edit, a deletion (tombstones; the chain keeps both). */
export function chainWrites(
  c: Connection,
  commit: Commit,
  sha256: Sha256,
): Pick<EvidenceStore, 'appendCapture' | 'editNote' | 'remove'> {
  const { rowById, rowsByTarget } = c;
  return {
    async appendCapture(fields, image, thumb) {
      const now = new Date(fields.capturedAtUtc);
      if (Number.isNaN(now.getTime())) throw new EvidenceStoreError('no-time');
      const imageSha256 = await sha256(image.bytes);
      return commit(['images', 'thumbs'], async (head) => {
        const unhashed: Unhashed<CaptureRecord> = {
          format: ENTRY_FORMAT,
          kind: 'capture',
          id: newEntryId(),
          ...nextLink(head),
          capturedAtUtc: now.toISOString(),
          capturedAtIstanbul: istanbulStamp(now),
          trigger: fields.trigger,
          url: fields.url,
          title: fields.title.slice(0, TITLE_MAX),
          reading: fields.reading,
          personId: fields.personId,
          personName: fields.personName,
          extensionVersion: fields.extensionVersion,
          note: fields.note.slice(0, NOTE_MAX),
          imageSha256,
          imageType: image.type,
          imageBytes: image.bytes.byteLength,
          imageWidth: image.width,
          imageHeight: image.height,
        };
        const record = await sealEntry<CaptureRecord>(unhashed, sha256);
        return {
          result: record,
          write: (tx) => {
            tx.objectStore('images').put(blobOf(image), record.id);
            if (thumb) tx.objectStore('thumbs').put(blobOf(thumb), record.id);
            tx.objectStore('entries').add(rowOf(record));
          },
        };
      });
    },

    async editNote(id, note, now, extensionVersion) {
      return commit([], async (head) => {
        const target = await rowById(id);
        if (!target || target.entry.kind !== 'capture') throw new EvidenceStoreError('not-found');
        const entry = await sealEntry<NoteEditEntry>(
          {
            format: ENTRY_FORMAT,
            kind: 'note-edit',
            id: newEntryId(),
            ...nextLink(head),
            recordedAtUtc: now.toISOString(),
            recordedAtIstanbul: istanbulStamp(now),
            extensionVersion,
            targetId: target.id,
            targetSeq: target.seq,
            targetHash: target.entry.hash,
            note: note.slice(0, NOTE_MAX),
          },
          sha256,
        );
        return {
          result: entry,
          write: (tx) => {
            const entries = tx.objectStore('entries');
            entries.add(rowOf(entry));
            entries.put({ ...target, note: entry.note, noteEdited: true });
          },
        };
      });
    },

    async remove(id, reason, now, extensionVersion) {
      const why = reason.trim().slice(0, REASON_MAX);
      if (!why) throw new EvidenceStoreError('no-reason');
      return commit(['images', 'thumbs'], async (head) => {
        const target = await rowById(id);
        if (!target || target.entry.kind !== 'capture') throw new EvidenceStoreError('not-found');
        const edits = await rowsByTarget(id);
        const removed = [target, ...edits.filter((r) => r.kind === 'note-edit')].sort(
          (a, b) => a.seq - b.seq,
        );
        const tombstones: TombstoneEntry[] = [];
        let link = nextLink(head);
        for (const r of removed) {
          const t = await sealEntry<TombstoneEntry>(
            {
              format: ENTRY_FORMAT,
              kind: 'tombstone',
              id: newEntryId(),
              ...link,
              recordedAtUtc: now.toISOString(),
              recordedAtIstanbul: istanbulStamp(now),
              extensionVersion,
              targetId: r.id,
              targetSeq: r.seq,
              targetHash: r.entry.hash,
              targetKind: r.entry.kind === 'capture' ? 'capture' : 'note-edit',
              targetCapturedAtUtc: r.entry.kind === 'capture' ? r.entry.capturedAtUtc : null,
              reason: why,
            },
            sha256,
          );
          tombstones.push(t);
          link = { seq: t.seq + 1, prevHash: t.hash };
        }
        return {
          result: tombstones,
          write: (tx) => {
            const entries = tx.objectStore('entries');
            for (const r of removed) entries.delete(r.seq);
            for (const t of tombstones) entries.add(rowOf(t));
            tx.objectStore('images').delete(id);
            tx.objectStore('thumbs').delete(id);
          },
        };
      });
    },
  };
}
