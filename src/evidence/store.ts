/**
 * The evidence log in IndexedDB (`ikamet-evidence`), shared by the service worker and the panel (same origin).
 *
 * - `entries`: the chain, one row per entry, keyed by `seq`; the row also caches the capture's current note.
 * - `images`: the screenshot Blob of each capture, keyed by record id.
 * - `thumbs`: a small Blob for the list, keyed by record id.
 *
 * Every change to the chain runs under one lock (`navigator.locks` 'evidence-append', shared by all extension
 * pages and the worker; an in-memory queue where locks are missing, as in Node). Hashes are computed BEFORE the
 * write transaction opens, because an IndexedDB transaction commits as soon as it waits for anything that is not
 * IndexedDB (such as `crypto.subtle.digest`). Image, thumbnail and entry are written in ONE transaction, which
 * also re-checks the chain head: a failure (quota, a killed worker) leaves the old log exactly as it was.
 */
import {
  istanbulStamp,
  newEntryId,
  NOTE_MAX,
  REASON_MAX,
  sealEntry,
  TITLE_MAX,
  webSha256,
  ZERO_HASH,
  ENTRY_FORMAT,
  type CaptureFields,
  type CaptureRecord,
  type Entry,
  type ImageType,
  type NoteEditEntry,
  type Sha256,
  type TombstoneEntry,
  type Unhashed,
} from './record';
import { EN_MESSAGES, type MessageKey } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';

export const DB_NAME = 'ikamet-evidence';
/** Records whose images one import transaction writes (two blobs each). */
const IMPORT_CHUNK = 500;

/** One function per schema version: `UPGRADES[n]` takes a database from version n to n + 1. */
const UPGRADES: ReadonlyArray<(db: IDBDatabase) => void> = [
  (db) => {
    const entries = db.createObjectStore('entries', { keyPath: 'seq' });
    entries.createIndex('id', 'id', { unique: true });
    // Rows without a target (captures) have targetId null, which IndexedDB leaves out of the index.
    entries.createIndex('targetId', 'targetId', { unique: false });
    db.createObjectStore('images');
    db.createObjectStore('thumbs');
  },
];
export const DB_VERSION = UPGRADES.length;

export type EvidenceErrorCode = 'quota' | 'not-found' | 'conflict' | 'invalid' | 'failed';

/**
 * Which error exactly: finer than the code (what callers branch on), stable, and each with its sentence in the
 * catalogue, so the panel says it in its own language. The Error's `message` is the English sentence (logs and
 * the CLI); the background relays `said` (key and parameters) to the panel, never the sentence.
 */
export type EvidenceErrorWhy =
  | EvidenceErrorCode
  | 'failed-detail'
  | 'no-indexeddb'
  | 'blocked'
  | 'no-time'
  | 'no-reason'
  | 'foreign-bundle'
  | 'image-missing'
  | 'restore-clash'
  | 'restore-half';

/** `{placeholders}` of an error's sentence: record numbers and technical detail, never formatted. */
export type EvidenceErrorParams = Readonly<Record<string, string>>;

export const EVIDENCE_ERRORS: Readonly<
  Record<EvidenceErrorWhy, { code: EvidenceErrorCode; key: MessageKey }>
> = {
  quota: { code: 'quota', key: 'ui_evidence_error_quota' },
  'not-found': { code: 'not-found', key: 'ui_evidence_error_not_found' },
  conflict: { code: 'conflict', key: 'ui_evidence_error_conflict' },
  invalid: { code: 'invalid', key: 'ui_evidence_error_invalid' },
  failed: { code: 'failed', key: 'ui_evidence_error_failed' },
  /** params: detail */
  'failed-detail': { code: 'failed', key: 'ui_evidence_error_failed_detail' },
  'no-indexeddb': { code: 'failed', key: 'ui_evidence_error_no_indexeddb' },
  blocked: { code: 'failed', key: 'ui_evidence_error_blocked' },
  'no-time': { code: 'invalid', key: 'ui_evidence_error_no_time' },
  'no-reason': { code: 'invalid', key: 'ui_evidence_error_no_reason' },
  /** params: seq */
  'foreign-bundle': { code: 'conflict', key: 'ui_evidence_error_foreign_bundle' },
  /** params: seq */
  'image-missing': { code: 'invalid', key: 'ui_evidence_error_import_image_missing' },
  /** params: seq */
  'restore-clash': { code: 'conflict', key: 'ui_evidence_error_restore_clash' },
  'restore-half': { code: 'failed', key: 'ui_evidence_error_restore_half' },
};

export class EvidenceStoreError extends Error {
  readonly code: EvidenceErrorCode;
  /** `params` fill the sentence of `why` (record numbers, technical detail). */
  constructor(
    readonly why: EvidenceErrorWhy,
    readonly params: EvidenceErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(renderMessage(EN_MESSAGES, EVIDENCE_ERRORS[why].key, params), options);
    this.name = 'EvidenceStoreError';
    this.code = EVIDENCE_ERRORS[why].code;
  }

  /** The sentence the panel shows, in its language (src/background/router.ts relays it as a refusal). */
  get said(): Said {
    return { key: EVIDENCE_ERRORS[this.why].key, params: { ...this.params } };
  }
}

function mapError(e: unknown): EvidenceStoreError {
  if (e instanceof EvidenceStoreError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new EvidenceStoreError('quota', {}, { cause: e });
  return e instanceof Error
    ? new EvidenceStoreError('failed-detail', { detail: e.message }, { cause: e })
    : new EvidenceStoreError('failed', {}, { cause: e });
}

interface EntryRow {
  seq: number;
  id: string;
  kind: Entry['kind'];
  targetId: string | null;
  entry: Entry;
  /** Captures only: the note as last edited (derived from note-edit entries; not part of any hash). */
  note: string | null;
  noteEdited: boolean;
}

export interface ImageInput {
  bytes: Uint8Array;
  type: ImageType;
  width: number;
  height: number;
}

export interface LogFilter {
  personId?: string | null;
  /** Istanbul calendar days, inclusive (`yyyy-MM-dd`). */
  fromDay?: string | null;
  toDay?: string | null;
}

export interface ListQuery extends LogFilter {
  /** Return captures with a seq below this one (the `nextCursor` of the previous page). */
  before?: number | null;
  limit?: number;
}

export interface ListItem {
  record: CaptureRecord;
  note: string;
  noteEdited: boolean;
}

export interface LogSummary {
  attempts: number;
  noSlotsAttempts: number;
  firstUtc: string | null;
  lastUtc: string | null;
  /** Istanbul calendar days of the first and last attempt. */
  firstDay: string | null;
  lastDay: string | null;
  /** Captures deleted (tombstoned) whose capture time falls in the date range. */
  removed: number;
}

export interface ImportResult {
  added: number;
  skipped: number;
}

/** Where the export reads from; the store is one, tests may pass another. */
export interface BundleSource {
  allEntries(): Promise<Entry[]>;
  imageBytes(id: string): Promise<Uint8Array | null>;
  thumbBytes(id: string): Promise<Uint8Array | null>;
}

export interface EvidenceStore extends BundleSource {
  /** Appends a capture; `fields.capturedAtUtc` is when the screenshot was taken. */
  appendCapture(fields: CaptureFields, image: ImageInput, thumb: ImageInput | null): Promise<CaptureRecord>;
  editNote(id: string, note: string, now: Date, extensionVersion: string): Promise<NoteEditEntry>;
  remove(id: string, reason: string, now: Date, extensionVersion: string): Promise<TombstoneEntry[]>;
  list(query?: ListQuery): Promise<{ items: ListItem[]; nextCursor: number | null }>;
  count(filter?: LogFilter): Promise<number>;
  summary(filter?: LogFilter): Promise<LogSummary>;
  getImage(id: string): Promise<Blob | null>;
  getThumb(id: string): Promise<Blob | null>;
  head(): Promise<{ seq: number; hash: string } | null>;
  /** Adds entries of a verified bundle that are not here yet (see import.ts); all or nothing. */
  importEntries(
    entries: readonly Entry[],
    files: ReadonlyMap<string, { image: ImageInput | null; thumb: ImageInput | null }>,
  ): Promise<ImportResult>;
  /**
   * Replaces the whole log with a verified bundle's entries (a backup restore): all or nothing, see below.
   * `afterCommit` runs once the new log is in place, still under the append lock; if it throws, the old log is put
   * back exactly as it was and the error is rethrown.
   */
  replaceAll(
    entries: readonly Entry[],
    files: ReadonlyMap<string, { image: ImageInput | null; thumb: ImageInput | null }>,
    opts?: { afterCommit?: () => Promise<void> },
  ): Promise<{ entries: number; records: number }>;
  close(): void;
}

export interface StoreOptions {
  indexedDB?: IDBFactory;
  name?: string;
  sha256?: Sha256;
}

// --- small IndexedDB helpers ------------------------------------------------------------------------------------

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The last row of the chain, by seq (or null on an empty log), read inside `tx`. */
function headRequest(store: IDBObjectStore, done: (row: EntryRow | null) => void): void {
  const r = store.openCursor(null, 'prev');
  r.onsuccess = () => done((r.result?.value as EntryRow | undefined) ?? null);
}

/** A read-write transaction written with callbacks only, resolved on commit; a throw in `body` aborts it. */
function writeTx(
  db: IDBDatabase,
  stores: string[],
  body: (tx: IDBTransaction, fail: (e: unknown) => void) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let reason: unknown = null;
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, 'readwrite');
    } catch (e) {
      reject(mapError(e));
      return;
    }
    const fail = (e: unknown) => {
      reason ??= e;
      try {
        tx.abort();
      } catch {
        // already finished: onabort/onerror reports it
      }
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(mapError(reason ?? tx.error ?? new Error('transaction aborted')));
    try {
      body(tx, fail);
    } catch (e) {
      fail(e);
    }
  });
}

function blobOf(img: ImageInput): Blob {
  return new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.type });
}

async function bytesOf(blob: Blob | undefined | null): Promise<Uint8Array | null> {
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

function inFilter(r: CaptureRecord, f: LogFilter): boolean {
  if (f.personId && r.personId !== f.personId) return false;
  const day = r.capturedAtIstanbul.slice(0, 10);
  if (f.fromDay && day < f.fromDay) return false;
  if (f.toDay && day > f.toDay) return false;
  return true;
}

// --- serialisation ----------------------------------------------------------------------------------------------

const LOCK = 'evidence-append';
let fallbackQueue: Promise<unknown> = Promise.resolve();

/** Run `fn` alone among every change to the log, across the worker and every extension page. */
export function withAppendLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks && typeof locks.request === 'function') return locks.request(LOCK, fn) as Promise<T>;
  // Where locks are missing (Node, old browsers), at least this context's changes go one at a time.
  const next = fallbackQueue.catch(() => undefined).then(fn);
  fallbackQueue = next;
  return next;
}

// --- the store --------------------------------------------------------------------------------------------------

export function openEvidenceStore(opts: StoreOptions = {}): EvidenceStore {
  const factory = opts.indexedDB ?? globalThis.indexedDB;
  const name = opts.name ?? DB_NAME;
  const sha256 = opts.sha256 ?? webSha256;
  let dbPromise: Promise<IDBDatabase> | null = null;

  const db = (): Promise<IDBDatabase> => {
    dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (!factory) return reject(new EvidenceStoreError('no-indexeddb'));
      const r = factory.open(name, DB_VERSION);
      r.onupgradeneeded = (ev) => {
        for (let v = ev.oldVersion; v < DB_VERSION; v++) UPGRADES[v]?.(r.result);
      };
      r.onsuccess = () => {
        const d = r.result;
        // Let a newer version of the extension (another page) upgrade the schema: close and reopen lazily.
        d.onversionchange = () => {
          d.close();
          dbPromise = null;
        };
        resolve(d);
      };
      r.onerror = () => reject(mapError(r.error));
      r.onblocked = () => reject(new EvidenceStoreError('blocked'));
    }).catch((e: unknown) => {
      dbPromise = null;
      throw e;
    });
    return dbPromise;
  };

  const readHead = async (): Promise<EntryRow | null> => {
    const d = await db();
    return new Promise((resolve, reject) => {
      const tx = d.transaction('entries', 'readonly');
      headRequest(tx.objectStore('entries'), resolve);
      tx.onerror = () => reject(mapError(tx.error));
    });
  };

  const rowById = async (id: string): Promise<EntryRow | null> => {
    const d = await db();
    const tx = d.transaction('entries', 'readonly');
    return ((await request(tx.objectStore('entries').index('id').get(id))) as EntryRow | undefined) ?? null;
  };

  const rowsByTarget = async (id: string): Promise<EntryRow[]> => {
    const d = await db();
    const tx = d.transaction('entries', 'readonly');
    return (await request(tx.objectStore('entries').index('targetId').getAll(id))) as EntryRow[];
  };

  const allRows = async (): Promise<EntryRow[]> => {
    const d = await db();
    const tx = d.transaction('entries', 'readonly');
    return (await request(tx.objectStore('entries').getAll())) as EntryRow[];
  };

  const rowOf = (entry: Entry, note: string | null = null, noteEdited = false): EntryRow => ({
    seq: entry.seq,
    id: entry.id,
    kind: entry.kind,
    targetId: entry.kind === 'capture' ? null : entry.targetId,
    entry,
    note: entry.kind === 'capture' ? (note ?? entry.note) : null,
    noteEdited,
  });

  /**
   * The one way the chain changes: `plan` builds sealed entries on top of the head (hashing happens here, outside
   * any transaction), then `write` puts them in one transaction that first checks the head is still the same.
   */
  const commit = <T>(
    stores: string[],
    plan: (head: EntryRow | null) => Promise<{ result: T; write: (tx: IDBTransaction) => void }>,
  ): Promise<T> =>
    withAppendLock(async () => {
      const head = await readHead();
      const { result, write } = await plan(head);
      const d = await db();
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

  /** The rows of a whole log (a bundle's entries): each capture's note as last edited, deleted entries left out. */
  const logRows = (entries: readonly Entry[]): Map<number, EntryRow> => {
    const rows = new Map<number, EntryRow>();
    const seqOf = new Map<string, number>();
    for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
      rows.set(e.seq, rowOf(e));
      seqOf.set(e.id, e.seq);
      if (e.kind === 'note-edit') {
        const t = rows.get(seqOf.get(e.targetId) ?? -1);
        if (t?.entry.kind === 'capture') rows.set(t.seq, { ...t, note: e.note, noteEdited: true });
      } else if (e.kind === 'tombstone') {
        rows.delete(e.targetSeq);
      }
    }
    return rows;
  };

  const nextLink = (head: EntryRow | null) => ({
    seq: (head?.seq ?? 0) + 1,
    prevHash: head?.entry.hash ?? ZERO_HASH,
  });

  const store: EvidenceStore = {
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

    async importEntries(incoming, files) {
      // The images go in first, in chunks: one transaction holding tens of thousands of blobs fails in Chromium
      // (it keeps a file open per blob until the commit). Images without an entry are invisible to the log, so
      // the import is still all or nothing: the entries land in one transaction at the end, and on any failure
      // the images this import wrote are removed again.
      const d = await db();
      const already = new Set(
        (await request(d.transaction('images').objectStore('images').getAllKeys())).map(String),
      );
      const toWrite = incoming.filter(
        (e) => e.kind === 'capture' && !already.has(e.id) && files.get(e.id)?.image,
      );
      const written: string[] = [];
      try {
        for (let i = 0; i < toWrite.length; i += IMPORT_CHUNK) {
          const chunk = toWrite.slice(i, i + IMPORT_CHUNK);
          await writeTx(d, ['images', 'thumbs'], (tx) => {
            for (const e of chunk) {
              const f = files.get(e.id)!;
              tx.objectStore('images').put(blobOf(f.image!), e.id);
              if (f.thumb) tx.objectStore('thumbs').put(blobOf(f.thumb), e.id);
            }
          });
          written.push(...chunk.map((e) => e.id));
        }
        return await commitImport(incoming, files);
      } catch (e) {
        if (written.length) {
          await writeTx(d, ['images', 'thumbs'], (tx) => {
            for (const id of written) {
              tx.objectStore('images').delete(id);
              tx.objectStore('thumbs').delete(id);
            }
          }).catch(() => undefined);
        }
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
        const rows = logRows(incoming);
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
          writeTx(d, ['images', 'thumbs'], (tx) => {
            for (const id of staged) {
              if (localCaptures.has(id)) continue;
              tx.objectStore('images').delete(id);
              tx.objectStore('thumbs').delete(id);
            }
          }).catch(() => undefined);
        try {
          for (let i = 0; i < captures.length; i += IMPORT_CHUNK) {
            const chunk = captures.slice(i, i + IMPORT_CHUNK);
            await writeTx(d, ['images', 'thumbs'], (tx) => {
              for (const e of chunk) {
                const f = files.get(e.id)!;
                tx.objectStore('images').put(blobOf(f.image!), e.id);
                if (f.thumb) tx.objectStore('thumbs').put(blobOf(f.thumb), e.id);
              }
            });
            staged.push(...chunk.map((e) => e.id));
          }
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

    close() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  };

  const commitImport = (
    incoming: readonly Entry[],
    files: ReadonlyMap<string, { image: ImageInput | null; thumb: ImageInput | null }>,
  ): Promise<ImportResult> =>
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
      const fresh = incoming.filter((e) => e.seq > localMax).sort((a, b) => a.seq - b.seq);
      // Apply the fresh entries to a copy of the rows: note edits update their capture's note, tombstones
      // (a deletion made on the other machine) remove their target here too.
      const rows = new Map<number, EntryRow>(local.map((r) => [r.seq, r]));
      const seqOf = new Map<string, number>(local.map((r) => [r.id, r.seq]));
      const dirty = new Set<number>();
      const gone = new Set<number>();
      const goneIds: string[] = [];
      for (const e of fresh) {
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

  return store;
}

let shared: EvidenceStore | null = null;

/** The store every context of the extension uses (the worker and the panel each open their own connection). */
export function sharedEvidenceStore(): EvidenceStore {
  shared ??= openEvidenceStore();
  return shared;
}

/** Tests: forget the shared connection (e.g. after swapping the global `indexedDB`). */
export function resetSharedEvidenceStore(): void {
  shared?.close();
  shared = null;
}
