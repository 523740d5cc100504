/**
 * Backup and restore of everything the extension keeps, as one file, for the panel to call (issue 11):
 *
 *   createBackup()                              → { ok: true, filename, blob, counts, problems } | failure
 *   restoreBackup(file, { confirm: 'REPLACE' }) → { ok: true, counts } | failure
 *   failure = { ok: false, code: BackupErrorCode, message }   (codes: format.ts; `message` is English)
 *
 * Runs in the panel (an extension page), like the evidence export and import: the file can be hundreds of
 * megabytes, which runtime messages carry badly, and the panel opens the same evidence database as the worker. The
 * storage half goes through the background, the only writer of storage (`panel:backupCreate`,
 * `panel:backupRestore`, src/background/backup.ts).
 *
 * A restore REPLACES what is here (the panel asks the user first and passes the word): every backed-up storage item
 * and the whole evidence log. All or nothing: every check (format.ts) passes before anything is written; then the
 * evidence log is swapped in one transaction, storage is replaced, and if storage fails the old log is put back
 * (src/evidence/store.ts `replaceAll`). A worker stopped while it writes storage leaves no answer: the same items
 * are sent once more (the write is idempotent). A page closed between the two steps, or a worker stopped twice,
 * leaves each of the two whole but one old and one new: restoring the same file again finishes it.
 */
import { systemClock } from '../clock';
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
import {
  BACKUP_ERROR_TEXT,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST,
  BackupError,
  backupFileName,
  EVIDENCE_DIR,
  MAX_BACKUP_BYTES,
  readBackup,
  sealManifest,
  type BackupErrorCode,
  type BackupFile,
} from './format';

export type { BackupErrorCode } from './format';

export interface BackupCounts {
  /** Storage items holding data (items never set are not counted). */
  items: number;
  /** Evidence captures (screenshots), and entries of the chain (captures, note edits, deletions). */
  records: number;
  entries: number;
}

export interface BackupFailure {
  ok: false;
  code: BackupErrorCode;
  /** English; the panel says it in its language by `code`. */
  message: string;
}

export type CreateOutcome =
  | {
      ok: true;
      filename: string;
      blob: Blob;
      counts: BackupCounts;
      /**
       * Damaged evidence records found while reading (a screenshot missing or not matching its hash). Not empty: the
       * evidence log in this file does not verify, so restoring it will be refused ('corrupt'); the panel should
       * say so (the storage items are still in the file, for a person to read).
       */
      problems: string[];
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

function failure(e: unknown, fallback: string): BackupFailure {
  if (e instanceof BackupError) return { ok: false, code: e.code, message: e.message };
  if (e instanceof EvidenceStoreError && e.code === 'quota')
    return { ok: false, code: 'quota', message: BACKUP_ERROR_TEXT.quota };
  // The store's own sentences say whether anything changed ("Nothing was lost", "could not be put back").
  const detail = e instanceof Error ? e.message : String(e);
  return { ok: false, code: 'failed', message: `${fallback} ${detail}` };
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
    if (!snap?.ok)
      throw new BackupError('failed', `The backup could not be made: ${snap?.error ?? 'no answer'}`);
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
    return failure(e, 'The backup could not be made:');
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
  if (confirm?.confirm !== 'REPLACE')
    return { ok: false, code: 'failed', message: 'A restore replaces everything here: confirm it first.' };
  const send = deps.send ?? sendMessage;
  const store = deps.store ?? sharedEvidenceStore();
  const schemas = deps.schemas ?? ITEM_SCHEMAS;
  /** Set once the new log is in place and storage is being written. */
  let writing = false;
  try {
    if (file.size > MAX_BACKUP_BYTES)
      throw new BackupError('not-backup', 'This file is too large to be a backup. Nothing was changed.');
    let files: Map<string, Uint8Array>;
    try {
      files = new Map(Object.entries(unzipSync(new Uint8Array(await file.arrayBuffer()))));
    } catch (e) {
      throw new BackupError('not-backup', 'This file is not a readable ZIP. Nothing was changed.', {
        cause: e,
      });
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
          throw new BackupError(
            'unfinished',
            `${BACKUP_ERROR_TEXT.unfinished} (The background stopped before it confirmed the restore: ${String(lost ?? 'no answer')})`,
            { cause: lost },
          );
        if (!res.ok)
          throw new BackupError(
            isRefusal(res) ? 'failed' : res.code,
            isRefusal(res)
              ? `${BACKUP_ERROR_TEXT.failed} (${res.error})`
              : (res.error ?? BACKUP_ERROR_TEXT.failed),
          );
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
    // (the old log could not be put back) leaves the data part old, part new: say so.
    if (writing && !(e instanceof BackupError))
      return {
        ok: false,
        code: 'unfinished',
        message: `${BACKUP_ERROR_TEXT.unfinished} (${e instanceof Error ? e.message : String(e)})`,
      };
    return failure(e, 'The backup could not be restored:');
  }
}
