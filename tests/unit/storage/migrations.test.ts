/**
 * Upgrades: every storage item is versioned, and data written by every past version loads without loss.
 *
 * - Storage: src/storage.ts must give each `storage.defineItem` a `version`; each item has a fixture of what its v1
 *   code wrote (tests/unit/storage/fixtures/v1/<key>.json, made by running the v1 handlers); the fixture is put in
 *   storage raw, the way @wxt-dev/storage keeps it (the value under its key, `{ v }` under `<key>$`), and must read
 *   back equal, before and after the item's migrations run. When an item goes to v2, add its `migrations[2]`, a
 *   fixtures/v2 folder, and a case here that the v1 fixture migrates to the v2 one.
 * - IndexedDB: a database made with the v1 schema (written out below, not taken from store.ts, so a change to the
 *   upgrade code is caught) holding a chain of records opens with the current code, exports, and verifies.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import * as storageModule from '../../../src/storage';
import { exportBundle } from '../../../src/evidence/export';
import { unzipBundle } from '../../../src/evidence/import';
import {
  ENTRY_FORMAT,
  istanbulStamp,
  sealEntry,
  webSha256,
  ZERO_HASH,
  type CaptureRecord,
  type Entry,
  type NoteEditEntry,
} from '../../../src/evidence/record';
import { DB_NAME, DB_VERSION, openEvidenceStore } from '../../../src/evidence/store';
import { verifyBundle } from '../../../src/evidence/verify';

const SOURCE = readFileSync('src/storage.ts', 'utf8');
const FIXTURES = join(__dirname, 'fixtures');

type AnyItem = WxtStorageItem<unknown, Record<string, unknown>>;
const ITEMS = (Object.entries(storageModule) as [string, unknown][]).filter(
  (e): e is [string, AnyItem] =>
    typeof e[1] === 'object' && e[1] !== null && 'key' in e[1] && 'getValue' in e[1] && 'migrate' in e[1],
);

/** Every `storage.defineItem(...)` call in src/storage.ts: its key and its options text. */
function definitions(): { key: string; options: string }[] {
  const out: { key: string; options: string }[] = [];
  const re = /storage\.defineItem<[\s\S]*?>\(\s*'([^']+)'\s*,\s*\{([\s\S]*?)\}\s*\)/g;
  for (const m of SOURCE.matchAll(re)) out.push({ key: m[1]!, options: m[2]! });
  return out;
}

const fileOf = (key: string) => key.replace(/^(local|session):/, '');
const areaOf = (key: string) =>
  key.startsWith('session:') ? fakeBrowser.storage.session : fakeBrowser.storage.local;
const fixture = (version: number, key: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, `v${version}`, `${fileOf(key)}.json`), 'utf8'));

beforeEach(() => fakeBrowser.reset());

describe('every storage item is versioned', () => {
  it('src/storage.ts defines each item with a version, and exports each one', () => {
    const defs = definitions();
    expect(defs.length).toBeGreaterThanOrEqual(10);
    expect(SOURCE.match(/storage\.defineItem/g)).toHaveLength(defs.length);
    for (const d of defs) expect(d.options, d.key).toMatch(/\bversion:\s*\d+/);
    expect(ITEMS.map(([, i]) => i.key).sort()).toEqual(defs.map((d) => d.key).sort());
  });

  it('each item has a v1 fixture, and each fixture an item', () => {
    const files = readdirSync(join(FIXTURES, 'v1')).sort();
    expect(files).toEqual(ITEMS.map(([, i]) => `${fileOf(i.key)}.json`).sort());
  });

  it('the v1 fixtures hold no personal identifiers', () => {
    const all = readdirSync(join(FIXTURES, 'v1'))
      .map((f) => readFileSync(join(FIXTURES, 'v1', f), 'utf8'))
      .join('\n');
    for (const id of ['U12345678', '99123456789', '2024341234567', '@example.com', '555 12 34'])
      expect(all).not.toContain(id);
  });
});

describe.each(ITEMS.map(([name, item]) => [name, item] as const))('%s', (_name, item) => {
  const key = item.key.replace(/^(local|session):/, '');
  const versionOf = () =>
    Number(/\bversion:\s*(\d+)/.exec(definitions().find((d) => d.key === item.key)!.options)![1]);

  it('v1 data with its version mark reads back without loss, before and after migrating', async () => {
    const v1 = fixture(1, item.key);
    await areaOf(item.key).set({ [key]: v1, [`${key}$`]: { v: 1 } });
    const current = versionOf();
    if (current === 1) {
      expect(await item.getValue()).toEqual(v1);
      await item.migrate();
      expect(await item.getValue()).toEqual(v1);
      expect((await item.getMeta()).v).toBe(1);
    } else {
      await item.migrate();
      expect(await item.getValue()).toEqual(fixture(current, item.key));
    }
  });

  it('v1 data written before version marks existed reads back too', async () => {
    const v1 = fixture(1, item.key);
    await areaOf(item.key).set({ [key]: v1 });
    await item.migrate();
    expect(await item.getValue()).toEqual(versionOf() === 1 ? v1 : fixture(versionOf(), item.key));
  });

  it('a fresh profile reads the fallback', async () => {
    expect(await item.getValue()).toEqual(item.fallback);
  });
});

// ------------------------------------------------------------------------------------------------ IndexedDB

/** The v1 schema, as version 1 of store.ts created it. Frozen here on purpose. */
function createV1(db: IDBDatabase) {
  const entries = db.createObjectStore('entries', { keyPath: 'seq' });
  entries.createIndex('id', 'id', { unique: true });
  entries.createIndex('targetId', 'targetId', { unique: false });
  db.createObjectStore('images');
  db.createObjectStore('thumbs');
}

const IMG = new Uint8Array([0xff, 0xd8, ...Array.from({ length: 62 }, (_, i) => (i * 7) & 0xff)]);
const THUMB = new Uint8Array([0xff, 0xd8, 1, 2, 3, 4]);

async function v1Entries(): Promise<Entry[]> {
  const at = new Date('2026-11-03T06:00:00.000Z');
  const capture = await sealEntry<CaptureRecord>({
    format: ENTRY_FORMAT,
    kind: 'capture',
    id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    seq: 1,
    prevHash: ZERO_HASH,
    capturedAtUtc: at.toISOString(),
    capturedAtIstanbul: istanbulStamp(at),
    trigger: 'panel',
    url: 'https://randevu.goc.gov.tr/#/randevu-al',
    title: 'Randevu Sistemi',
    reading: {
      portal: 'randevu',
      page: 'randevu-booking',
      step: 'date-selection',
      noSlots: true,
      noSlotsText: 'Seçilen tarihte boş randevu yoktur.',
      selection: { province: 'Antalya', office: 'Antalya İl Göç İdaresi Müdürlüğü', type: null },
      readAtUtc: '2026-11-03T05:59:58.000Z',
    },
    personId: 'p-default',
    personName: 'Me',
    extensionVersion: '0.1.0',
    note: 'no slots again',
    imageSha256: await webSha256(IMG),
    imageType: 'image/jpeg',
    imageBytes: IMG.byteLength,
    imageWidth: 1280,
    imageHeight: 800,
  });
  const edit = await sealEntry<NoteEditEntry>({
    format: ENTRY_FORMAT,
    kind: 'note-edit',
    id: '7a2d3b45-6c7e-4f80-9bac-1d2e3f4a5b6c',
    seq: 2,
    prevHash: capture.hash,
    recordedAtUtc: '2026-11-04T06:00:00.000Z',
    recordedAtIstanbul: istanbulStamp(new Date('2026-11-04T06:00:00.000Z')),
    extensionVersion: '0.1.0',
    targetId: capture.id,
    targetSeq: 1,
    targetHash: capture.hash,
    note: 'no slots again (3rd day)',
  });
  return [capture, edit];
}

/** Write a v1 database the way v1 wrote it: rows `{ seq, id, kind, targetId, entry, note, noteEdited }`. */
async function makeV1Database(factory: IDBFactory, entries: Entry[]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = factory.open(DB_NAME, 1);
    r.onupgradeneeded = () => createV1(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['entries', 'images', 'thumbs'], 'readwrite');
    const [capture, edit] = entries as [CaptureRecord, NoteEditEntry];
    tx.objectStore('entries').add({
      seq: 1,
      id: capture.id,
      kind: 'capture',
      targetId: null,
      entry: capture,
      note: edit.note,
      noteEdited: true,
    });
    tx.objectStore('entries').add({
      seq: 2,
      id: edit.id,
      kind: 'note-edit',
      targetId: capture.id,
      entry: edit,
      note: null,
      noteEdited: false,
    });
    tx.objectStore('images').put(new Blob([IMG], { type: 'image/jpeg' }), capture.id);
    tx.objectStore('thumbs').put(new Blob([THUMB], { type: 'image/jpeg' }), capture.id);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('the evidence database', () => {
  it('is versioned: one upgrade per schema version', () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('a v1 database opens with the current code, keeps every record, and still verifies', async () => {
    const factory = new IDBFactory();
    const entries = await v1Entries();
    await makeV1Database(factory, entries);

    const store = openEvidenceStore({ indexedDB: factory });
    expect(await store.allEntries()).toEqual(entries);
    const { items } = await store.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ note: 'no slots again (3rd day)', noteEdited: true });
    expect(await store.imageBytes(entries[0]!.id)).toEqual(IMG);
    expect(await store.thumbBytes(entries[0]!.id)).toEqual(THUMB);

    const now = new Date('2026-11-22T11:05:00.000Z');
    const first = await verifyBundle(
      unzipBundle(
        new Uint8Array(
          await (await exportBundle(store, { now, extensionVersion: '0.2.0' })).blob.arrayBuffer(),
        ),
      ),
    );
    expect(first.problems).toEqual([]);
    expect(first).toMatchObject({ ok: true, records: 1, chainHead: { seq: 2, hash: entries[1]!.hash } });

    // The chain goes on from the old head.
    const next = await store.appendCapture(
      {
        trigger: 'command',
        url: 'https://randevu.goc.gov.tr/#/randevu-al',
        title: 'Randevu Sistemi',
        reading: null,
        personId: 'p-default',
        personName: 'Me',
        extensionVersion: '0.2.0',
        note: '',
        capturedAtUtc: '2026-11-05T06:00:00.000Z',
      },
      { bytes: IMG, type: 'image/jpeg', width: 1280, height: 800 },
      null,
    );
    expect(next).toMatchObject({ seq: 3, prevHash: entries[1]!.hash });
    const after = await verifyBundle(
      unzipBundle(
        new Uint8Array(
          await (await exportBundle(store, { now, extensionVersion: '0.2.0' })).blob.arrayBuffer(),
        ),
      ),
    );
    expect(after).toMatchObject({ ok: true, records: 2, chainHead: { seq: 3 } });

    // And the database is at the current version.
    store.close();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME);
      r.onsuccess = () => resolve(r.result);
    });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'images', 'thumbs']);
    db.close();
  });
});
