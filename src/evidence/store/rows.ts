/** Entries onto rows: the one replay of a log's entries, used by import (onto the local log) and restore (alone). */
import type { Entry } from '../record';
import type { EntryRow } from './idb';

export function rowOf(entry: Entry, note: string | null = null, noteEdited = false): EntryRow {
  return {
    seq: entry.seq,
    id: entry.id,
    kind: entry.kind,
    targetId: entry.kind === 'capture' ? null : entry.targetId,
    entry,
    note: entry.kind === 'capture' ? (note ?? entry.note) : null,
    noteEdited,
  };
}

/** What a replay changed: rows to write, rows (and their captures' record ids) to delete. */
export interface Replayed {
  /** Every row as it now is, by seq. */
  rows: Map<number, EntryRow>;
  /** Seqs whose row is new or changed (a capture whose note was edited). */
  dirty: Set<number>;
  /** Seqs of rows the replay removed (a tombstone's target). */
  gone: Set<number>;
  /** The record ids of `gone`, whose screenshots go with them. */
  goneIds: string[];
}

/**
 * Applies `entries` in seq order on top of `base` (the local rows, or none): each entry gets its row, a note edit
 * updates its capture's note, a tombstone removes its target (a deletion made elsewhere is made here too).
 */
export function replay(base: readonly EntryRow[], entries: readonly Entry[]): Replayed {
  const rows = new Map<number, EntryRow>(base.map((r) => [r.seq, r]));
  const seqOf = new Map<string, number>(base.map((r) => [r.id, r.seq]));
  const dirty = new Set<number>();
  const gone = new Set<number>();
  const goneIds: string[] = [];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    rows.set(e.seq, rowOf(e));
    seqOf.set(e.id, e.seq);
    dirty.add(e.seq);
    if (e.kind === 'note-edit') {
      const t = rows.get(seqOf.get(e.targetId) ?? -1);
      if (t?.entry.kind === 'capture') {
        rows.set(t.seq, { ...t, note: e.note, noteEdited: true });
        dirty.add(t.seq);
      }
    } else if (e.kind === 'tombstone' && rows.has(e.targetSeq)) {
      rows.delete(e.targetSeq);
      dirty.delete(e.targetSeq);
      gone.add(e.targetSeq);
      goneIds.push(e.targetId);
    }
  }
  return { rows, dirty, gone, goneIds };
}
