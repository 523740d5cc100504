/**
 * Backup tests: a profile with something in every backed-up item and in the evidence log (through the real
 * handlers where there is one), the panel's messages routed through the one background listener, and a way to
 * change a backup's manifest and seal it again, as a careful forger (or a newer version) would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../src/background/handlers';
import { snapshotItems } from '../../../src/background/backup';
import { BACKUP_MANIFEST, sealManifest, type BackupManifest } from '../../../src/backup/format';
import type { BackupDeps } from '../../../src/backup/client';
import { sharedEvidenceStore, type EvidenceStore } from '../../../src/evidence/store';
import type { MessageType, Payload, Result } from '../../../src/messaging';
import { ITEM_SCHEMAS } from '../../../src/storageSchemas';
import { fields, image } from '../evidence/helpers';
import { reading } from '../helpers';

export const NOW = new Date('2026-11-22T11:05:00.000Z');
const ctx = { tabId: 7, now: () => NOW };
export const PANEL: Browser.runtime.MessageSender = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html`,
};

/** `send` as the panel has it, through the background's registered listener (call registerRouter first). */
export async function viaRouter<K extends MessageType>(type: K, payload: Payload<K>): Promise<Result<K>> {
  const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type, payload }, PANEL);
  return (await answer) as unknown as Result<K>;
}

export const deps = (over: Partial<BackupDeps> = {}): BackupDeps => ({
  send: viaRouter as BackupDeps['send'],
  now: () => NOW,
  extensionVersion: '0.1.0',
  ...over,
});

const FIXTURES = join(__dirname, '../storage/fixtures');
/** What src/storage.ts's version `v` of `key` wrote (tests/unit/storage/fixtures/v<v>/<key>.json). */
export function storageFixture(version: number, key: string): unknown {
  return JSON.parse(
    readFileSync(join(FIXTURES, `v${version}`, `${key.replace(/^(local|session):/, '')}.json`), 'utf8'),
  );
}

/** Data in every backed-up item and three evidence captures (one with an edited note, one deleted). */
export async function seed(store: EvidenceStore = sharedEvidenceStore()): Promise<void> {
  const { personId } = await handlers['panel:addPerson']({ name: 'Ayşe' }, ctx);
  await handlers['panel:setActivePerson']({ personId: 'p-default' }, ctx);
  await handlers['content:reading']({ reading: reading() }, ctx);
  await handlers['panel:setManual']({ personId, key: 'permitEnd', value: '2027-05-01' }, ctx);
  await handlers['panel:attended']({ personId: 'p-default', date: '2026-11-20', answer: 'yes' }, ctx);
  await handlers['panel:checklistItem'](
    {
      personId: 'p-default',
      checklistKey: 'app:extension:short-term',
      itemId: 'application-form',
      done: true,
      note: 'original and copy',
    },
    ctx,
  );
  await handlers['panel:setSettings']({ lockoutDays: 15, bridgeDays: ['2026-12-31'] }, ctx);
  await handlers['panel:setTrips'](
    { personId: 'p-default', trips: [{ id: 't1', entry: '2026-01-01', exit: '2026-01-10' }] },
    ctx,
  );
  await handlers['panel:setAllowance']({ personId, allowance: 60 }, ctx);
  await handlers['panel:setApplicationLabel']({ personId: 'p-default', label: 'Extension 2026' }, ctx);
  await handlers['panel:setCompleteOn']({ personId: 'p-default', date: '2026-10-01' }, ctx);
  await handlers['panel:setReminderSettings']({ timeOfDay: '08:30', cancellationTimes: ['09:30'] }, ctx);
  await handlers['panel:setEvidenceSettings']({ autoCapture: true, noticeSeen: true }, ctx);
  // Written raw, value and version mark together, as WXT does on a fresh profile: the item's own setValue marks
  // the version only on the first write of the worker's life, so after a reset (or "delete all") it would leave
  // the mark out and the data would read as v1.
  const fired = ITEM_SCHEMAS.get('local:firedReminders')!.version;
  await fakeBrowser.storage.local.set({
    firedReminders: storageFixture(fired, 'local:firedReminders'),
    firedReminders$: { v: fired },
  });

  const a = await store.appendCapture(fields({ note: 'no slots' }), image(1), image(101, 'image/jpeg', 16));
  await store.appendCapture(
    fields({ capturedAtUtc: '2026-11-04T09:00:00.000Z' }),
    image(2, 'image/png', 80),
    null,
  );
  const c = await store.appendCapture(fields({ capturedAtUtc: '2026-11-05T09:00:00.000Z' }), image(3), null);
  await store.editNote(a.id, 'no slots (3rd day)', new Date('2026-11-06T09:00:00Z'), '0.1.0');
  await store.remove(c.id, 'the wrong page', new Date('2026-11-07T09:00:00Z'), '0.1.0');
}

/** Everything a restore must bring back: every backed-up item (value and version), and the whole log. */
export async function everything(store: EvidenceStore = sharedEvidenceStore()) {
  const entries = await store.allEntries();
  const images: Record<string, number[] | null> = {};
  const thumbs: Record<string, number[] | null> = {};
  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    const i = await store.imageBytes(e.id);
    const t = await store.thumbBytes(e.id);
    images[e.id] = i && [...i];
    thumbs[e.id] = t && [...t];
  }
  return {
    items: (await snapshotItems()).items,
    entries,
    list: (await store.list()).items,
    images,
    thumbs,
  };
}

export async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

export function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function manifestOf(files: Map<string, Uint8Array>): BackupManifest {
  return JSON.parse(strFromU8(files.get(BACKUP_MANIFEST)!)) as BackupManifest;
}

/** Change backup.json and seal it again (its own hash fixed): only the deeper checks can refuse it then. */
export async function forge(
  files: Map<string, Uint8Array>,
  change: (m: BackupManifest) => void,
): Promise<Blob> {
  const m = manifestOf(files);
  change(m);
  const { sha256: _old, ...rest } = m;
  const sealed = await sealManifest(rest);
  const out = new Map(files);
  out.set(BACKUP_MANIFEST, strToU8(JSON.stringify(sealed)));
  return new Blob([zipSync(Object.fromEntries(out)) as Uint8Array<ArrayBuffer>]);
}

export const zipOf = (files: Map<string, Uint8Array>) =>
  new Blob([zipSync(Object.fromEntries(files)) as Uint8Array<ArrayBuffer>]);

/** Every key of the evidence database's screenshots and thumbnails, referenced by an entry or not. */
export async function blobKeys(): Promise<{ images: string[]; thumbs: string[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('ikamet-evidence');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const keys = (store: string) =>
    new Promise<string[]>((resolve) => {
      const q = db.transaction(store).objectStore(store).getAllKeys();
      q.onsuccess = () => resolve(q.result.map(String).sort());
    });
  const out = { images: await keys('images'), thumbs: await keys('thumbs') };
  db.close();
  return out;
}
