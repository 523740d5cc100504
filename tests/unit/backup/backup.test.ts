/**
 * Backup and restore of everything, in Node with WXT's fake browser and fake-indexeddb: the panel's
 * functions (src/backup/client.ts) talking to the background through its one message listener.
 *
 * - a round trip: create, delete all, restore: every backed-up item (value and version) and the whole evidence log
 *   (entries, notes, screenshots, thumbnails) are back, and the log verifies;
 * - refusals, each with its why (the sentence the panel says), its code and nothing changed: not a zip, not a
 *   backup, an evidence bundle, a newer format, a newer item, an unknown or a session item, a malformed item, a
 *   changed byte anywhere, a file added or missing; and every why of BACKUP_ERRORS is produced by some test here;
 * - an item saved at an older version is migrated with the item's own migrations (the ones WXT runs);
 * - a write failing midway (storage quota, IndexedDB quota while writing screenshots, a worker gone) rolls back;
 * - what is not backed up (session items, tab readings, anything foreign) neither leaks into the file nor is
 *   touched by a restore.
 */
import 'fake-indexeddb/auto';
import { strToU8 } from 'fflate';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerRouter } from '../../../src/background/router';
import { restoreItems, snapshotItems } from '../../../src/background/backup';
import { createBackup, restoreBackup } from '../../../src/backup/client';
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MANIFEST,
  MAX_BACKUP_BYTES,
  type BackupManifest,
} from '../../../src/backup/format';
import { backupKeys, NOT_BACKED_UP, prepareItems } from '../../../src/backup/items';
import { exportBundle } from '../../../src/evidence/export';
import {
  EvidenceStoreError,
  resetSharedEvidenceStore,
  sharedEvidenceStore,
} from '../../../src/evidence/store';
import { refusal } from '../../../src/messaging';
import { verifyBundle } from '../../../src/evidence/verify';
import { unzipBundle } from '../../../src/evidence/import';
import {
  autoCaptureLastItem,
  captureGrantsItem,
  DEFAULT_PERSON,
  panelFocusItem,
  peopleItem,
  scheduledRemindersItem,
  settingsItem,
  tabReadingsItem,
} from '../../../src/storage';
import { ITEM_SCHEMAS } from '../../../src/storageSchemas';
import { fields, image } from '../evidence/helpers';
import {
  blobKeys,
  bytesOf,
  deps,
  everything,
  forge,
  manifestOf,
  NOW,
  seed,
  storageFixture,
  unzip,
  viaRouter,
  zipOf,
} from './helpers';
import { everyWhyProduced, failedWith, itemsFailedWith, thrownWith } from './errors';

const REPLACE = { confirm: 'REPLACE' } as const;

beforeEach(() => {
  fakeBrowser.reset();
  resetSharedEvidenceStore();
  globalThis.indexedDB = new IDBFactory();
  registerRouter(() => NOW);
});

async function made(): Promise<Uint8Array<ArrayBuffer>> {
  const out = await createBackup(deps());
  if (!out.ok) throw new Error(out.message);
  return bytesOf(out.blob);
}

async function verifiesNow(): Promise<boolean> {
  const { blob } = await exportBundle(sharedEvidenceStore(), { now: NOW, extensionVersion: '0.1.0' });
  const v = await verifyBundle(unzipBundle(await bytesOf(blob)));
  return v.ok;
}

describe('a round trip', () => {
  it('create, delete all, restore: every item and the whole evidence log are back, and the log verifies', async () => {
    await seed();
    const before = await everything();
    expect(before.entries.map((e) => e.kind)).toEqual(['capture', 'capture', 'note-edit', 'tombstone']);
    // Something in every backed-up item, so the round trip proves each one.
    for (const it of before.items) expect(it.value, it.key).not.toBeNull();

    const out = await createBackup(deps());
    expect(out).toMatchObject({
      ok: true,
      filename: 'ikamet-backup-2026-11-22-140500.zip',
      counts: { items: before.items.length, records: 2, entries: 4 },
      problems: [],
    });
    const bytes = await bytesOf((out as { blob: Blob }).blob);

    expect(await viaRouter('panel:deleteAll', { confirm: 'DELETE' })).toEqual({ ok: true });
    expect(await sharedEvidenceStore().count()).toBe(0);
    expect(await peopleItem.getValue()).toEqual({ people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id });

    const back = await restoreBackup(new Blob([bytes]), REPLACE, deps());
    expect(back).toEqual({ ok: true, counts: { items: before.items.length, records: 2, entries: 4 } });
    expect(await everything()).toEqual(before);
    expect(await verifiesNow()).toBe(true);
    // And the chain goes on from the restored head.
    const next = await sharedEvidenceStore().appendCapture(fields(), image(9), null);
    expect(next.seq).toBe(6);
    expect(await verifiesNow()).toBe(true);
  });

  it('replaces what is here: data made after the backup is gone, items the backup does not hold are cleared', async () => {
    await seed();
    const before = await everything();
    const bytes = await made();
    await viaRouter('panel:addPerson', { name: 'Later' });
    await sharedEvidenceStore().appendCapture(fields({ note: 'after the backup' }), image(7), null);
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps())).toMatchObject({ ok: true });
    expect(await everything()).toEqual(before);
    // Every screenshot not in the restored log is gone from the database too, not only hidden.
    expect((await blobKeys()).images).toEqual(Object.keys(before.images).sort());
  });

  it('an empty profile backs up and restores too', async () => {
    const bytes = await made();
    await seed();
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps())).toEqual({
      ok: true,
      counts: { items: 0, records: 0, entries: 0 },
    });
    expect(await sharedEvidenceStore().count()).toBe(0);
    expect(await peopleItem.getValue()).toEqual({ people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id });
  });

  it('the file: backup.json with every item and its version, every file with its SHA-256, evidence/ a bundle that verifies', async () => {
    await seed();
    const files = unzip(await made());
    const m = manifestOf(files);
    expect(m).toMatchObject({
      format: 'ikamet-companion-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAtUtc: NOW.toISOString(),
      extensionVersion: '0.1.0',
      evidence: { dir: 'evidence/', records: 2, entries: 4 },
    });
    expect(m.items.map((i) => i.key)).toEqual(backupKeys(ITEM_SCHEMAS));
    for (const i of m.items) expect(i.version).toBe(ITEM_SCHEMAS.get(i.key)!.version);
    expect(m.files.map((f) => f.path).sort()).toEqual(
      [...files.keys()].filter((p) => p !== BACKUP_MANIFEST).sort(),
    );
    for (const f of m.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bundle = new Map(
      [...files].filter(([p]) => p.startsWith('evidence/')).map(([p, b]) => [p.slice(9), b] as const),
    );
    expect(bundle.has('report.html')).toBe(false);
    expect(await verifyBundle(bundle)).toMatchObject({ ok: true, records: 2 });
  });

  it('needs the word: a restore without it, or a message without it, changes nothing', async () => {
    await seed();
    const bytes = await made();
    const before = await everything();
    await viaRouter('panel:addPerson', { name: 'Later' });
    const after = await everything();
    failedWith(
      await restoreBackup(new Blob([bytes]), { confirm: 'yes' } as unknown as typeof REPLACE, deps()),
      'not-confirmed',
    );
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'panel:backupRestore', payload: { confirm: 'yes', items: before.items } },
        { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html` },
      ),
    ).toEqual([{ ok: false, code: 'invalid', key: 'ui_refusal_invalid', error: 'invalid' }]);
    // A content script (even our own, on a portal) may never ask for a restore or a snapshot.
    const portal = 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum';
    const content = {
      id: fakeBrowser.runtime.id,
      url: portal,
      tab: { id: 4, url: portal, index: 0, active: true },
      frameId: 0,
    } as never;
    for (const message of [
      { type: 'panel:backupRestore', payload: { confirm: 'REPLACE', items: before.items } },
      { type: 'panel:backupCreate', payload: {} },
    ])
      expect(await fakeBrowser.runtime.onMessage.trigger(message, content)).toEqual([
        { ok: false, code: 'invalid', key: 'ui_refusal_invalid', error: 'invalid' },
      ]);
    expect(await everything()).toEqual(after);
  });
});

describe('refused, with a code, and nothing changed', () => {
  let files: Map<string, Uint8Array>;
  let before: Awaited<ReturnType<typeof everything>>;
  beforeEach(async () => {
    await seed();
    files = unzip(await made());
    // What is here now differs from the backup: a refused restore must leave THIS.
    await viaRouter('panel:addPerson', { name: 'Later' });
    await sharedEvidenceStore().appendCapture(fields({ note: 'after' }), image(8), null);
    before = await everything();
  });

  async function refused(
    file: Blob,
    why: Parameters<typeof failedWith>[1],
    params?: Record<string, string>,
    message?: RegExp,
  ) {
    const out = failedWith(await restoreBackup(file, REPLACE, deps()), why, params);
    if (message) expect(out.message).toMatch(message);
    expect(await everything()).toEqual(before);
    return out;
  }

  it('not a zip', async () => {
    await refused(new Blob([strToU8('PK\u0003\u0004 not really')]), 'not-zip', {}, /not a readable ZIP/);
  });

  it('a file too large to be a backup is refused before it is read', async () => {
    const huge = { size: MAX_BACKUP_BYTES + 1, arrayBuffer: vi.fn() } as unknown as Blob;
    await refused(huge, 'too-large', {}, /too large to be a backup/);
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
  });

  it('a zip of something else', async () => {
    await refused(
      zipOf(new Map([['photo.jpg', image(1).bytes]])),
      'not-backup',
      {},
      /not an Ikamet Companion backup/,
    );
  });

  it('an evidence bundle instead of a backup says where it goes', async () => {
    const { blob } = await exportBundle(sharedEvidenceStore(), { now: NOW, extensionVersion: '0.1.0' });
    await refused(blob, 'evidence-bundle', {}, /evidence bundle, not a backup/);
  });

  it('another format name', async () => {
    await refused(
      await forge(files, (m) => ((m as { format: string }).format = 'other-app-backup')),
      'not-backup',
    );
  });

  it('a newer format version', async () => {
    await refused(
      await forge(files, (m) => (m.formatVersion = BACKUP_FORMAT_VERSION + 1)),
      'newer-version',
      {},
      /newer version of Ikamet Companion/,
    );
  });

  it('no valid format version', async () => {
    await refused(
      await forge(files, (m) => ((m as { formatVersion: unknown }).formatVersion = 'one')),
      'manifest-incomplete',
      { file: BACKUP_MANIFEST },
    );
  });

  it('an item saved by a newer version', async () => {
    const version = ITEM_SCHEMAS.get('local:people')!.version;
    await refused(
      await forge(files, (m) => (m.items.find((i) => i.key === 'local:people')!.version += 1)),
      'item-newer',
      { item: 'local:people', version: String(version + 1), max: String(version) },
      /local:people/,
    );
  });

  it('an item this version does not know', async () => {
    await refused(
      await forge(files, (m) => m.items.push({ key: 'local:fromTheFuture', version: 1, value: { x: 1 } })),
      'item-unknown',
      { item: 'local:fromTheFuture' },
    );
  });

  it.each([
    ['a session item', 'session:captureGrants'],
    ['an item a backup never holds', 'local:tabReadings'],
  ])('%s', async (_n, key) => {
    await refused(
      await forge(files, (m) => m.items.push({ key, version: 1, value: {} })),
      'item-foreign',
      { item: key },
      /never holds/,
    );
  });

  it.each<[string, (m: BackupManifest) => void, Parameters<typeof failedWith>[1], Record<string, string>]>([
    [
      'people not a list',
      (m) => (m.items.find((i) => i.key === 'local:people')!.value = { people: 'me' }),
      'item-malformed',
      { item: 'local:people' },
    ],
    [
      'a date that is not a date',
      (m) => {
        const s = m.items.find((i) => i.key === 'local:settings')!;
        s.value = { ...(s.value as object), bridgeDays: ['31.12.2026'] };
      },
      'item-malformed',
      { item: 'local:settings' },
    ],
    [
      'a reading off the portals',
      (m) => {
        const r = m.items.find((i) => i.key === 'local:lastReading')!;
        const v = r.value as { reading: { url: string } };
        v.reading.url = 'https://evil.example/';
      },
      'item-malformed',
      { item: 'local:lastReading' },
    ],
    [
      'a prototype key',
      (m) => {
        const f = m.items.find((i) => i.key === 'local:facts')!;
        f.value = JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(f.value).slice(1)}`);
      },
      'item-malformed',
      { item: 'local:facts' },
    ],
    [
      'the same item twice',
      (m) => m.items.push({ ...m.items[0]! }),
      'item-twice',
      { item: 'local:applications' },
    ],
    [
      'an item without a value',
      (m) => delete (m.items[0] as { value?: unknown }).value,
      'entry-malformed',
      {},
    ],
    [
      'a version that is not a number',
      (m) => ((m.items[0] as { version: unknown }).version = '1'),
      'item-version-invalid',
      { item: 'local:applications' },
    ],
    [
      'no item list',
      (m) => ((m as { items: unknown }).items = {}),
      'manifest-incomplete',
      { file: BACKUP_MANIFEST },
    ],
  ])('a malformed item: %s', async (_n, change, why, params) => {
    await refused(await forge(files, change), why, params);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('one changed byte in a screenshot', async () => {
    const path = [...files.keys()].find((p) => p.startsWith('evidence/images/'))!;
    const bad = new Map(files);
    const b = new Uint8Array(files.get(path)!);
    b[10]! ^= 0xff;
    bad.set(path, b);
    await refused(zipOf(bad), 'file-changed', { path }, new RegExp(`${path}.*damaged`));
  });

  it('one changed byte in backup.json (still valid JSON)', async () => {
    const text = new TextDecoder().decode(files.get(BACKUP_MANIFEST)!);
    const bad = new Map(files);
    bad.set(BACKUP_MANIFEST, strToU8(text.replace('"lockoutDays": 15', '"lockoutDays": 30')));
    expect(text).toContain('"lockoutDays": 15');
    await refused(zipOf(bad), 'manifest-changed', { file: BACKUP_MANIFEST }, /backup.json was changed/);
  });

  it('backup.json cut short', async () => {
    const bad = new Map(files);
    bad.set(BACKUP_MANIFEST, files.get(BACKUP_MANIFEST)!.slice(0, 200));
    await refused(zipOf(bad), 'manifest-unreadable', { file: BACKUP_MANIFEST }, /not readable/);
  });

  it('backup.json listing a file wrongly', async () => {
    await refused(await forge(files, (m) => (m.files[0]!.sha256 = 'not a hash')), 'file-list-malformed', {
      file: BACKUP_MANIFEST,
    });
  });

  it('a file added', async () => {
    const bad = new Map(files);
    bad.set('evidence/images/extra.jpg', image(5).bytes);
    await refused(zipOf(bad), 'file-unlisted', { path: 'evidence/images/extra.jpg' }, /not listed/);
  });

  it('a file missing', async () => {
    const path = [...files.keys()].find((p) => p.startsWith('evidence/images/'))!;
    const bad = new Map(files);
    bad.delete(path);
    await refused(zipOf(bad), 'file-missing', { path }, /missing/);
  });

  it('an evidence log that does not verify, even with every hash listed again', async () => {
    // Forge the evidence manifest AND its SHA256SUMS line AND backup.json: the chain still gives it away.
    const { createHash } = await import('node:crypto');
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const bm = JSON.parse(new TextDecoder().decode(files.get('evidence/manifest.json')!));
    bm.entries[0].note = 'a different note';
    const mBytes = strToU8(JSON.stringify(bm));
    const sums = new TextDecoder()
      .decode(files.get('evidence/SHA256SUMS')!)
      .replace(/^[0-9a-f]{64}( {2}manifest\.json)$/m, `${sha(mBytes)}$1`);
    const bad = new Map(files);
    bad.set('evidence/manifest.json', mBytes);
    bad.set('evidence/SHA256SUMS', strToU8(sums));
    const forged = await forge(bad, (m) => {
      for (const f of m.files) {
        const b = bad.get(f.path)!;
        f.sha256 = sha(b);
        f.bytes = b.byteLength;
      }
    });
    const out = await refused(
      forged,
      'evidence-not-verified',
      {},
      /evidence log in this backup does not verify: Record #1 was edited/,
    );
    // Verify's own sentence, said inside the backup's in the panel's language.
    expect(out.inner).toEqual({ key: 'ui_verify_record_edited', params: { seq: '1' } });
  });

  it("a background answer that names no why is said by its code's general sentence", async () => {
    for (const code of ['corrupt', 'failed'] as const) {
      const send = (async (type: never, payload: never) =>
        type === 'panel:backupRestore'
          ? { ok: false, code, error: 'an older worker' }
          : viaRouter(type, payload)) as never;
      failedWith(await restoreBackup(zipOf(files), REPLACE, deps({ send })), code);
      expect(await everything()).toEqual(before);
    }
  });

  it("the background's refusal of the message: its sentence inside ours, nothing changed", async () => {
    const send = (async (type: never, payload: never) =>
      type === 'panel:backupRestore' ? refusal('invalid') : viaRouter(type, payload)) as never;
    const out = failedWith(await restoreBackup(zipOf(files), REPLACE, deps({ send })), 'restore-failed');
    expect(out.inner).toEqual({ key: 'ui_refusal_invalid' });
    expect(await everything()).toEqual(before);
  });

  it("the evidence store refusing the new log: the store's sentence inside ours, nothing changed", async () => {
    vi.spyOn(sharedEvidenceStore(), 'replaceAll').mockRejectedValueOnce(
      new EvidenceStoreError('restore-clash', { seq: '2' }),
    );
    const out = failedWith(await restoreBackup(zipOf(files), REPLACE, deps()), 'restore-failed');
    expect(out.inner).toEqual({ key: 'ui_evidence_error_restore_clash', params: { seq: '2' } });
    expect(await everything()).toEqual(before);
  });
});

describe('a backup that cannot be made says why', () => {
  it('the background not answering, twice', async () => {
    const send = (async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    failedWith(await createBackup(deps({ send })), 'create-no-answer');
  });

  it("the background failing: its technical detail in the backup's sentence", async () => {
    const send = (async () => refusal('failed', { detail: 'IO error: disk' })) as never;
    failedWith(await createBackup(deps({ send })), 'create-failed-detail', { detail: 'IO error: disk' });
  });

  it("the evidence log unreadable: the store's sentence inside the backup's", async () => {
    vi.spyOn(sharedEvidenceStore(), 'allEntries').mockRejectedValueOnce(new EvidenceStoreError('blocked'));
    const out = failedWith(await createBackup(deps()), 'create-failed');
    expect(out.inner).toEqual({ key: 'ui_evidence_error_blocked', params: {} });
  });
});

describe('the items the background checks again', () => {
  it('an item with no shape check is refused, not written', async () => {
    const schemas = new Map(ITEM_SCHEMAS);
    schemas.set('local:unchecked', { ...ITEM_SCHEMAS.get('local:settings')!, key: 'local:unchecked' });
    const raw = [{ key: 'local:unchecked', version: 1, value: { a: 1 } }];
    await thrownWith(prepareItems(raw, schemas), 'item-no-check', { item: 'local:unchecked' });
    const stored = await fakeBrowser.storage.local.get(null);
    itemsFailedWith(await restoreItems(raw, schemas), 'item-no-check', { item: 'local:unchecked' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });
});

describe('an item saved at an older version', () => {
  // Items whose current version is above 1 and that a backup holds: each v1 fixture must come back migrated.
  const migrating = backupKeys(ITEM_SCHEMAS).filter((k) => ITEM_SCHEMAS.get(k)!.version > 1);

  it.skipIf(migrating.length === 0).each(migrating)(
    '%s from its v1 fixture is restored as the current version, by the same migrations WXT runs',
    async (key) => {
      await seed();
      const files = unzip(await made());
      const v1 = storageFixture(1, key);
      const current = ITEM_SCHEMAS.get(key)!.version;
      const blob = await forge(files, (m) => {
        const it = m.items.find((i) => i.key === key)!;
        it.version = 1;
        it.value = v1;
      });
      expect(await restoreBackup(blob, REPLACE, deps())).toMatchObject({ ok: true });
      const got = (await snapshotItems()).items.find((i) => i.key === key)!;
      expect(got).toEqual({ key, version: current, value: storageFixture(current, key) });
    },
  );

  it('a made-up v2 of settings: its migration runs before anything is written, and a failing one refuses', async () => {
    // The mechanism, whatever the real items' versions are today.
    const v2 = new Map(ITEM_SCHEMAS);
    const settings = ITEM_SCHEMAS.get('local:settings')!;
    v2.set('local:settings', {
      ...settings,
      version: settings.version + 1,
      migrations: {
        [settings.version + 1]: (old) => ({ ...(old as object), lockoutWarnDays: 21 }),
      },
    });
    const old = { lockoutDays: 15, lockoutWarnDays: 10, bridgeDays: [] };
    const raw = [{ key: 'local:settings', version: settings.version, value: old }];
    expect(await restoreItems(raw, v2)).toEqual({ ok: true, items: 1 });
    expect(await fakeBrowser.storage.local.get(['settings', 'settings$'])).toEqual({
      settings: { ...old, lockoutWarnDays: 21 },
      settings$: { v: settings.version + 1 },
    });

    const broken = new Map(v2);
    broken.set('local:settings', {
      ...v2.get('local:settings')!,
      migrations: {
        [settings.version + 1]: () => {
          throw new Error('boom');
        },
      },
    });
    const stored = await fakeBrowser.storage.local.get(null);
    itemsFailedWith(await restoreItems(raw, broken), 'item-migration-failed', {
      item: 'local:settings',
      from: String(settings.version),
      to: String(settings.version + 1),
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
    // A migration that returns the wrong shape is refused too.
    const wrong = new Map(v2);
    wrong.set('local:settings', {
      ...v2.get('local:settings')!,
      migrations: { [settings.version + 1]: () => ({ lockoutDays: 'thirty' }) },
    });
    itemsFailedWith(await restoreItems(raw, wrong), 'item-malformed', { item: 'local:settings' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });
});

describe('a write failing midway rolls everything back', () => {
  let bytes: Uint8Array<ArrayBuffer>;
  let before: Awaited<ReturnType<typeof everything>>;
  let raw: Record<string, unknown>;
  beforeEach(async () => {
    await seed();
    bytes = await made();
    // What is here differs from the backup in storage and in the log.
    await viaRouter('panel:addPerson', { name: 'Later' });
    await viaRouter('panel:setSettings', { lockoutDays: 30 });
    await sharedEvidenceStore().appendCapture(
      fields({ note: 'after' }),
      image(8),
      image(108, 'image/jpeg', 8),
    );
    before = await everything();
    raw = await fakeBrowser.storage.local.get(null);
  });

  async function unchanged() {
    expect(await everything()).toEqual(before);
    // No screenshot of the backup left behind either (written, then removed again).
    expect((await blobKeys()).images).toEqual(Object.keys(before.images).sort());
    expect(await fakeBrowser.storage.local.get(null)).toEqual(raw);
    expect(await verifiesNow()).toBe(true);
  }

  it('storage full on the write (the set call): the old log is put back, storage untouched, code "quota"', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const out = failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'quota');
    expect(out.message).toMatch(/no more storage space/);
    await unchanged();
  });

  it('storage failing after half the write (set done, remove fails): every key put back, versions too', async () => {
    // The backup holds no value for an item that is set here, so the restore must remove it after its set.
    await viaRouter('panel:setReminderSettings', { timeOfDay: '07:00' });
    const files = unzip(bytes);
    const blob = await forge(
      files,
      (m) => (m.items.find((i) => i.key === 'local:reminderSettings')!.value = null),
    );
    before = await everything();
    raw = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('IO error: disk'));
    failedWith(await restoreBackup(blob, REPLACE, deps()), 'restore-failed-detail', {
      detail: 'IO error: disk',
    });
    await unchanged();
  });

  it('IndexedDB full while writing the screenshots: nothing changes, code "quota"', async () => {
    const put = FakeObjectStore.prototype.put;
    let n = 0;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a) {
      if (++n === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, a as Parameters<typeof put>);
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'quota');
    vi.mocked(FakeObjectStore.prototype.put).mockRestore();
    expect(set).not.toHaveBeenCalled();
    await unchanged();
  });

  it('IndexedDB failing on the swap, after every screenshot was written: those are removed again', async () => {
    vi.spyOn(FakeObjectStore.prototype, 'clear').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'quota');
    expect(set).not.toHaveBeenCalled();
    await unchanged();
  });

  it('the background gone mid-restore (the message fails): the old log is put back', async () => {
    const out = await restoreBackup(
      new Blob([bytes]),
      REPLACE,
      deps({
        send: (async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        }) as never,
      }),
    );
    // The panel cannot know whether the background wrote before it went: it says the data may be part new.
    expect(failedWith(out, 'unfinished-no-answer').message).toMatch(/may already be the backup's/);
    await unchanged();
  });

  it("the background writing, then stopping without an answer twice: 'unfinished', and the data is indeed part old, part new", async () => {
    const writesThenDies = (async (type: never, payload: never) => {
      if (type === 'panel:backupRestore') {
        await viaRouter(type, payload); // the write happened, then the worker died before answering
        return undefined;
      }
      return viaRouter(type, payload);
    }) as never;
    const out = await restoreBackup(new Blob([bytes]), REPLACE, deps({ send: writesThenDies }));
    failedWith(out, 'unfinished-no-answer');
    const now = await everything();
    // The evidence log is as before, the stored items are the backup's: what the sentence says may be so.
    expect(now.entries).toEqual(before.entries);
    expect(now.items).not.toEqual(before.items);
    // Restoring the same file again finishes it.
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps())).toMatchObject({ ok: true });
    expect(await verifiesNow()).toBe(true);
  });

  it('storage that cannot be put back after a failed write: \'unfinished\', not "nothing was changed"', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set')
      .mockRejectedValueOnce(new Error('IO error: disk'))
      .mockRejectedValueOnce(new Error('IO error: disk'));
    const out = failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'unfinished-undo-failed');
    expect(out.message).not.toMatch(/Nothing was changed/);
    // The evidence log was put back: what the sentence says of it is so.
    expect((await everything()).entries).toEqual(before.entries);
  });

  it("the old log that cannot be put back after the background failed: 'unfinished', with the store's sentence", async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const clear = FakeObjectStore.prototype.clear;
    let n = 0;
    vi.spyOn(FakeObjectStore.prototype, 'clear').mockImplementation(function (this: IDBObjectStore) {
      // The first clear swaps the log in; the second, putting the old one back, fails.
      if (++n === 2) throw new DOMException('The disk is gone.', 'UnknownError');
      return clear.apply(this);
    });
    const out = failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'unfinished-store');
    expect(out.inner).toEqual({ key: 'ui_evidence_error_restore_half', params: {} });
  });

  it("a failure after storage was written that says nothing itself: 'unfinished', the general sentence", async () => {
    const store = sharedEvidenceStore();
    const replaceAll = store.replaceAll.bind(store);
    vi.spyOn(store, 'replaceAll').mockImplementationOnce(async (entries, media, opts) => {
      await replaceAll(entries, media, opts);
      throw new Error('lost');
    });
    failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'unfinished');
  });

  it('the background stopping once without an answer: the same items are written again, and it succeeds', async () => {
    let calls = 0;
    const flaky = (async (type: never, payload: never) => {
      if (type === 'panel:backupRestore' && calls++ === 0) {
        await viaRouter(type, payload); // the write happened, then the worker died before answering
        return undefined;
      }
      return viaRouter(type, payload);
    }) as never;
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps({ send: flaky }))).toMatchObject({
      ok: true,
    });
    expect(calls).toBe(2);
    const got = await everything();
    expect(got).not.toEqual(before);
    // The same as a restore that nothing disturbed.
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps())).toMatchObject({ ok: true });
    expect(got).toEqual(await everything());
  });

  it('after a failure, the same file restores', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    failedWith(await restoreBackup(new Blob([bytes]), REPLACE, deps()), 'quota');
    expect(await restoreBackup(new Blob([bytes]), REPLACE, deps())).toMatchObject({ ok: true });
    expect(await verifiesNow()).toBe(true);
    expect((await peopleItem.getValue()).people.map((p) => p.name)).toEqual(['Me', 'Ayşe']);
  });
});

describe('nothing outside the backed-up items leaks in or out', () => {
  it('every local item is backed up or left out with a reason; no session item is ever in a backup', () => {
    const local = [...ITEM_SCHEMAS.keys()].filter((k) => k.startsWith('local:'));
    expect(local.length).toBeGreaterThanOrEqual(10);
    for (const k of local)
      expect(backupKeys(ITEM_SCHEMAS).includes(k) !== Object.hasOwn(NOT_BACKED_UP, k), k).toBe(true);
    for (const k of Object.keys(NOT_BACKED_UP)) expect(ITEM_SCHEMAS.has(k), k).toBe(true);
    expect(backupKeys(ITEM_SCHEMAS).some((k) => !k.startsWith('local:'))).toBe(false);
  });

  it('the file holds only the backed-up items, and a restore leaves the others as they are', async () => {
    await seed();
    const tab = {
      tabId: 7,
      reading: (await tabReadingsItem.getValue())['7']!.reading,
      at: NOW.toISOString(),
    };
    await captureGrantsItem.setValue({
      '7': { tabId: 7, origin: 'https://e-ikamet.goc.gov.tr', at: NOW.toISOString(), via: 'action' },
    });
    await autoCaptureLastItem.setValue({ 'https://randevu.goc.gov.tr/': NOW.toISOString() });
    await panelFocusItem.setValue({ card: 'urgency', personId: null, at: NOW.toISOString() });
    await scheduledRemindersItem.setValue([]);
    await fakeBrowser.storage.local.set({ somethingElse: { secret: 'not ours to back up' } });
    const files = unzip(await made());
    const text = new TextDecoder().decode(files.get(BACKUP_MANIFEST)!);
    expect(manifestOf(files).items.map((i) => i.key)).toEqual(backupKeys(ITEM_SCHEMAS));
    for (const leak of [
      'captureGrants',
      'autoCaptureLast',
      'tabReadings',
      'panelFocus',
      'scheduledReminders',
    ])
      expect(text).not.toContain(leak);
    expect(text).not.toContain('not ours to back up');
    expect([...files.keys()].every((p) => p === BACKUP_MANIFEST || p.startsWith('evidence/'))).toBe(true);

    // Changed since: a restore puts back the backed-up items, and leaves the rest exactly as it finds it.
    await tabReadingsItem.setValue({ '9': { ...tab, tabId: 9 } });
    await settingsItem.setValue({ lockoutDays: 30, lockoutWarnDays: 1, bridgeDays: [] });
    const session = await fakeBrowser.storage.session.get(null);
    const others = await fakeBrowser.storage.local.get([
      'tabReadings',
      'panelFocus',
      'scheduledReminders',
      'somethingElse',
    ]);
    expect(await restoreBackup(zipOf(files), REPLACE, deps())).toMatchObject({ ok: true });
    expect((await settingsItem.getValue()).lockoutDays).toBe(15);
    expect(await fakeBrowser.storage.session.get(null)).toEqual(session);
    expect(
      await fakeBrowser.storage.local.get([
        'tabReadings',
        'panelFocus',
        'scheduledReminders',
        'somethingElse',
      ]),
    ).toEqual(others);
  });
});

// Each failure above is checked by its why (errors.ts): this runs last, once every test of this file has.
describe('every why', () => {
  it('of BACKUP_ERRORS was produced by a test above', everyWhyProduced);
});
