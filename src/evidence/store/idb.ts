/**
 * The IndexedDB underneath the evidence log (`ikamet-evidence`), shared by the service worker and the panel (same
 * origin):
 *
 * - `entries`: the chain, one row per entry, keyed by `seq`; the row also caches the capture's current note.
 * - `images`: the screenshot Blob of each capture, keyed by record id.
 * - `thumbs`: a small Blob for the list, keyed by record id.
 *
 * Transactions are written with callbacks only: an IndexedDB transaction commits as soon as it waits for anything
 * that is not IndexedDB (such as `crypto.subtle.digest`), so whatever must be computed is computed before.
 */
import type { Entry } from '../record';
import { EvidenceStoreError, mapError } from './errors';
import type { ImageFiles, ImageInput, StoreOptions } from './types';

export const DB_NAME = 'ikamet-evidence';
/** Records whose images one transaction writes (two blobs each). */
const IMAGE_CHUNK = 500;

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

export interface EntryRow {
  seq: number;
  id: string;
  kind: Entry['kind'];
  targetId: string | null;
  entry: Entry;
  /** Captures only: the note as last edited (derived from note-edit entries; not part of any hash). */
  note: string | null;
  noteEdited: boolean;
}

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** The last row of the chain, by seq (or null on an empty log), read inside `tx`. */
export function headRequest(store: IDBObjectStore, done: (row: EntryRow | null) => void): void {
  const r = store.openCursor(null, 'prev');
  r.onsuccess = () => done((r.result?.value as EntryRow | undefined) ?? null);
}

/** A read-write transaction written with callbacks only, resolved on commit; a throw in `body` aborts it. */
export function writeTx(
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

export function blobOf(img: ImageInput): Blob {
  return new Blob([img.bytes as Uint8Array<ArrayBuffer>], { type: img.type });
}

export async function bytesOf(blob: Blob | undefined | null): Promise<Uint8Array | null> {
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

/**
 * Writes the screenshots (and thumbnails) of `ids` from `files`, in chunks: one transaction holding tens of
 * thousands of blobs fails in Chromium (it keeps a file open per blob until the commit). Each chunk's ids are
 * pushed to `written` once that chunk has committed, so a caller that fails later knows what to remove again.
 * Screenshots without an entry are invisible to the log.
 */
export async function writeImages(
  db: IDBDatabase,
  ids: readonly string[],
  files: ImageFiles,
  written: string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += IMAGE_CHUNK) {
    const chunk = ids.slice(i, i + IMAGE_CHUNK);
    await writeTx(db, ['images', 'thumbs'], (tx) => {
      for (const id of chunk) {
        const f = files.get(id)!;
        tx.objectStore('images').put(blobOf(f.image!), id);
        if (f.thumb) tx.objectStore('thumbs').put(blobOf(f.thumb), id);
      }
    });
    written.push(...chunk);
  }
}

/** Removes screenshots and thumbnails; a failure leaves them as unused space, which is not worth an error. */
export function removeImages(db: IDBDatabase, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  return writeTx(db, ['images', 'thumbs'], (tx) => {
    for (const id of ids) {
      tx.objectStore('images').delete(id);
      tx.objectStore('thumbs').delete(id);
    }
  }).catch(() => undefined);
}

/** One lazily opened connection and the reads every part of the store shares. */
export interface Connection {
  db(): Promise<IDBDatabase>;
  readHead(): Promise<EntryRow | null>;
  rowById(id: string): Promise<EntryRow | null>;
  rowsByTarget(id: string): Promise<EntryRow[]>;
  allRows(): Promise<EntryRow[]>;
  close(): void;
}

export function connect(opts: StoreOptions): Connection {
  const factory = opts.indexedDB ?? globalThis.indexedDB;
  const name = opts.name ?? DB_NAME;
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

  return {
    db,
    async readHead() {
      const d = await db();
      return new Promise((resolve, reject) => {
        const tx = d.transaction('entries', 'readonly');
        headRequest(tx.objectStore('entries'), resolve);
        tx.onerror = () => reject(mapError(tx.error));
      });
    },
    async rowById(id) {
      const d = await db();
      const tx = d.transaction('entries', 'readonly');
      return ((await request(tx.objectStore('entries').index('id').get(id))) as EntryRow | undefined) ?? null;
    },
    async rowsByTarget(id) {
      const d = await db();
      const tx = d.transaction('entries', 'readonly');
      return (await request(tx.objectStore('entries').index('targetId').getAll(id))) as EntryRow[];
    },
    async allRows() {
      const d = await db();
      const tx = d.transaction('entries', 'readonly');
      return (await request(tx.objectStore('entries').getAll())) as EntryRow[];
    },
    close() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  };
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
