/**
 * Backup and restore of everything the extension keeps, as one file, for the panel to call:
 *
 *   createBackup()                              → { ok: true, filename, blob, counts, problems } | failure
 *   restoreBackup(file, { confirm: 'REPLACE' }) → { ok: true, counts } | failure
 *   failure = { ok: false, code, why, said, inner?, message }   (errors.ts: BACKUP_ERRORS; `message` is English)
 *
 * Runs in the panel (an extension page), like the evidence export and import: the file can be hundreds of
 * megabytes, which runtime messages carry badly, and the panel opens the same evidence database as the worker. The
 * storage half goes through the background, the only writer of storage (`panel:backupCreate`,
 * `panel:backupRestore`, src/background/backup.ts).
 *
 * A restore REPLACES what is here (the panel asks the user first and passes the word): every backed-up storage item
 * and the whole evidence log. All or nothing: every check (read.ts, items.ts) passes before anything is written; then the
 * evidence log is swapped in one transaction, storage is replaced, and if storage fails the old log is put back
 * (src/evidence/store/ `replaceAll`). A worker stopped while it writes storage leaves no answer: the same items
 * are sent once more (the write is idempotent). A page closed between the two steps, or a worker stopped twice,
 * leaves each of the two whole but one old and one new: restoring the same file again finishes it.
 */
import { systemClock } from '../clock';
import { saidBy, type Said } from '../i18n/said';
import { unzipSync } from 'fflate';
import { browser } from 'wxt/browser';
import { buildZip, writeBundle, zipSink, type BundleSink } from '../evidence/export';
import { istanbulStamp, utf8, webSha256 } from '../evidence/record';
import {
  EvidenceStoreError,
  sharedEvidenceStore,
  withAppendLock,
  type EvidenceStore,
} from '../evidence/store';
import { isRefusal, send as sendMessage } from '../messaging';
import { ITEM_SCHEMAS, type ItemSchema } from '../storageSchemas';
// For its side effect: every item is registered in ITEM_SCHEMAS once src/storage.ts has run.
import '../storage';
import { BackupError, isBackupErrorWhy, type BackupErrorCode, type BackupErrorWhy } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST,
  backupFileName,
  EVIDENCE_DIR,
  MAX_BACKUP_BYTES,
  sealManifest,
  type BackupFile,
} from './format';
import { readBackup } from './read';
import type { Refusal } from '../messaging';

export type { BackupErrorCode, BackupErrorWhy } from './errors';

export interface BackupCounts {
  /** Storage items holding data (items never set are not counted). */
  items: number;
  /** Evidence captures (screenshots), and entries of the chain (captures, note edits, deletions). */
  records: number;
  entries: number;
}

export interface BackupFailure {
  ok: false;
  /** What it means for the data here (every code but 'unfinished': nothing was changed). */
  code: BackupErrorCode;
  /** Which failure exactly (errors.ts BACKUP_ERRORS). */
  why: BackupErrorWhy;
  /** The sentence the panel shows in its language. */
  said: Said;
  /** Said inside `said` as its `{problem}`: the first verify problem, or the store's own error. */
  inner?: Said;
  /** `said` in English (with `inner` in it), for logs and tests. */
  message: string;
}

export type CreateOutcome =
  | {
      ok: true;
      filename: string;
      blob: Blob;
      counts: BackupCounts;
      /**
       * Damaged evidence records found while reading (a screenshot missing or not matching its hash), each a sentence
       * for the panel. Not empty: the evidence log in this file does not verify, so restoring it will be refused
       * ('corrupt'); the panel says so (the storage items are still in the file, for a person to read).
       */
      problems: Said[];
    }
  | BackupFailure;

export type RestoreOutcome = { ok: true; counts: BackupCounts } | BackupFailure;

/** Tests pass their own store, clock and message route; the panel passes nothing. */
export interface BackupDeps {
  store?: EvidenceStore;
  send?: typeof sendMessage;
  now?: () => Date;
  schemas?: ReadonlyMap<string, ItemSchema>;
  extensionVersion?: string;
}

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

function failureOf(e: BackupError): BackupFailure {
  return {
    ok: false,
    code: e.code,
    why: e.why,
    said: e.said,
    ...(e.inner ? { inner: e.inner } : {}),
    message: e.message,
  };
}

/** Technical detail of an error that says nothing itself (a browser's message, as the router passes it on). */
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function failure(e: unknown, doing: 'create' | 'restore'): BackupFailure {
  if (e instanceof BackupError) return failureOf(e);
  if (e instanceof EvidenceStoreError && e.code === 'quota')
    return failureOf(new BackupError('quota', {}, { cause: e }));
  // The store's own sentences say whether anything changed ("Nothing was lost", "it is as it was before").
  const inner = saidBy(e);
  if (inner) return failureOf(new BackupError(`${doing}-failed`, {}, { inner, cause: e }));
  return failureOf(new BackupError(`${doing}-failed-detail`, { detail: detailOf(e) }, { cause: e }));
}

/**
 * The background's refusal of a backup message (the router's, not the backup's own answer), as a BackupError:
 * nothing was written. 'failed' carries technical detail; another refusal its own sentence, said inside ours.
 */
function refused(r: Refusal, doing: 'create' | 'restore'): BackupError {
  if (r.code === 'no-answer' && doing === 'create') return new BackupError('create-no-answer');
  if (r.code === 'failed')
    return new BackupError(`${doing}-failed-detail`, { detail: r.params?.detail ?? r.code });
  return new BackupError(
    `${doing}-failed`,
    {},
    { inner: { key: r.key, ...(r.params ? { params: r.params } : {}) } },
  );
}

/** The whole backup as one zip: storage items from the background, the evidence log read under its lock. */
export async function createBackup(deps: BackupDeps = {}): Promise<CreateOutcome> {
  const send = deps.send ?? sendMessage;
  const store = deps.store ?? sharedEvidenceStore();
  const now = (deps.now ?? systemClock)();
  const extensionVersion = deps.extensionVersion ?? version();
  try {
    // A read: asked once more if the worker stopped before it answered (it is started again by the message).
    const ask = () =>
      send('panel:backupCreate', {}).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    let snap = await ask();
    if (!snap?.ok) snap = await ask();
    if (!snap?.ok) throw isRefusal(snap) ? refused(snap, 'create') : new BackupError('create-no-answer');
    const listed: Promise<BackupFile>[] = [];
    const { blob, result } = await buildZip(async (zip) => {
      const inner = zipSink(zip, now, EVIDENCE_DIR);
      const sink: BundleSink = {
        add(path, bytes, compress) {
          inner.add(path, bytes, compress);
          listed.push(
            Promise.resolve(webSha256(bytes)).then((sha256) => ({
              path: EVIDENCE_DIR + path,
              sha256,
              bytes: bytes.byteLength,
            })),
          );
        },
      };
      // Under the append lock: no capture, note or deletion lands between reading the entries and their images.
      const bundle = await withAppendLock(() =>
        writeBundle(store, { now, extensionVersion, report: false }, sink),
      );
      const files = (await Promise.all(listed)).sort((a, b) => (a.path < b.path ? -1 : 1));
      const entries = bundle.manifest.entries;
      const manifest = await sealManifest({
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAtUtc: now.toISOString(),
        createdAtIstanbul: istanbulStamp(now),
        extensionVersion,
        items: snap.items,
        evidence: {
          dir: EVIDENCE_DIR,
          records: entries.filter((e) => e.kind === 'capture').length,
          entries: entries.length,
          chainHead: bundle.manifest.chainHead,
        },
        files,
      });
      zipSink(zip, now).add(BACKUP_MANIFEST, utf8(`${JSON.stringify(manifest, null, 2)}\n`), true);
      return { manifest, problems: bundle.problems };
    });
    return {
      ok: true,
      filename: backupFileName(now),
      blob,
      counts: {
        items: result.manifest.items.filter((i) => i.value !== null).length,
        records: result.manifest.evidence.records,
        entries: result.manifest.evidence.entries,
      },
      problems: result.problems,
    };
  } catch (e) {
    return failure(e, 'create');
  }
}

/**
 * Replaces everything here with the backup in `file`, after checking all of it. `confirm: 'REPLACE'` says the user
 * agreed that what is here now goes (export the evidence first, or make a backup of it, if it matters).
 */
export async function restoreBackup(
  file: Blob,
  confirm: { confirm: 'REPLACE' },
  deps: BackupDeps = {},
): Promise<RestoreOutcome> {
  if (confirm?.confirm !== 'REPLACE') return failureOf(new BackupError('not-confirmed'));
  const send = deps.send ?? sendMessage;
  const store = deps.store ?? sharedEvidenceStore();
  const schemas = deps.schemas ?? ITEM_SCHEMAS;
  /** Set once the new log is in place and storage is being written. */
  let writing = false;
  try {
    if (file.size > MAX_BACKUP_BYTES) throw new BackupError('too-large');
    let files: Map<string, Uint8Array>;
    try {
      files = new Map(Object.entries(unzipSync(new Uint8Array(await file.arrayBuffer()))));
    } catch (e) {
      throw new BackupError('not-zip', {}, { cause: e });
    }
    const parsed = await readBackup(files, schemas);
    files.clear();
    const done = await store.replaceAll(parsed.evidence.entries, parsed.evidence.media, {
      afterCommit: async () => {
        writing = true;
        const write = () => send('panel:backupRestore', { confirm: 'REPLACE', items: parsed.items });
        let res: Awaited<ReturnType<typeof write>> | undefined;
        let lost: unknown = null;
        // No answer means the worker stopped while it worked: storage then holds the old items or the new ones
        // (each whole), and writing the same items again settles it either way, so it is sent once more.
        const unanswered = (r: typeof res) => !r || (isRefusal(r) && r.code === 'no-answer');
        for (let attempt = 0; attempt < 2 && unanswered(res); attempt++) {
          try {
            res = await write();
          } catch (e) {
            lost = e;
          }
        }
        if (!res || unanswered(res))
          // The old log is put back; storage may hold the old items or the backup's. Restoring again finishes it.
          throw new BackupError('unfinished-no-answer', {}, { cause: lost ?? res });
        if (!res.ok)
          // The background's own failure says which (what it found wrong in the items, or that storage is full);
          // an answer without one (an older worker) is said by its code.
          throw isRefusal(res)
            ? refused(res, 'restore')
            : (BackupError.fromWire(res) ??
                new BackupError(isBackupErrorWhy(res.code) ? res.code : 'failed', {}, { cause: res.error }));
      },
    });
    return {
      ok: true,
      counts: {
        items: parsed.items.filter((i) => i.value !== null).length,
        records: done.records,
        entries: done.entries,
      },
    };
  } catch (e) {
    // Past the swap of the log, a failure that is not one of the background's own "nothing changed" refusals
    // (the old log could not be put back) leaves the data part old, part new: say so, with the store's sentence.
    if (writing && !(e instanceof BackupError)) {
      const inner = saidBy(e);
      return failureOf(
        inner
          ? new BackupError('unfinished-store', {}, { inner, cause: e })
          : new BackupError('unfinished', {}, { cause: e }),
      );
    }
    return failure(e, 'restore');
  }
}
