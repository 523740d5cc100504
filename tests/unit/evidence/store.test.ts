import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { ZERO_HASH } from '../../../src/evidence/record';
import { DB_NAME, DB_VERSION, openEvidenceStore } from '../../../src/evidence/store';
import { at, fields, fill, image, makeStore } from './helpers';

function imageKeys(factory: IDBFactory): Promise<IDBValidKey[]> {
  return new Promise((resolve) => {
    const r = factory.open(DB_NAME);
    r.onsuccess = () => {
      const k = r.result.transaction('images').objectStore('images').getAllKeys();
      k.onsuccess = () => {
        r.result.close();
        resolve(k.result);
      };
    };
  });
}

describe('evidence store', () => {
  it('opens the versioned ikamet-evidence database with its three stores', async () => {
    const factory = new IDBFactory();
    const store = openEvidenceStore({ indexedDB: factory });
    await store.head();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME);
      r.onsuccess = () => resolve(r.result);
    });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'images', 'thumbs']);
    db.close();
  });

  it('stores image and thumbnail Blobs and hashes the stored bytes', async () => {
    const store = makeStore();
    const [r] = await fill(store, 1);
    const blob = await store.getImage(r!.id);
    expect(blob?.type).toBe('image/jpeg');
    expect(await store.imageBytes(r!.id)).toEqual(image(0).bytes);
    expect(await store.thumbBytes(r!.id)).toEqual(image(100, 'image/jpeg', 16).bytes);
    expect(r).toMatchObject({
      imageBytes: 64,
      imageWidth: 1280,
      imageHeight: 800,
      capturedAtIstanbul: '2026-11-03 09:00:00',
    });
  });

  it('lists newest first with paging, and filters by person and Istanbul day', async () => {
    const store = makeStore();
    await fill(store, 5, 3);
    await fill(store, 2, 10, { personId: 'p-ayse', personName: 'Ayşe' });
    const page1 = await store.list({ limit: 3 });
    expect(page1.items.map((i) => i.record.seq)).toEqual([7, 6, 5]);
    const page2 = await store.list({ limit: 3, before: page1.nextCursor });
    expect(page2.items.map((i) => i.record.seq)).toEqual([4, 3, 2]);
    const page3 = await store.list({ limit: 3, before: page2.nextCursor });
    expect(page3.items.map((i) => i.record.seq)).toEqual([1]);
    expect(page3.nextCursor).toBeNull();
    expect((await store.list({ personId: 'p-ayse' })).items.map((i) => i.record.seq)).toEqual([7, 6]);
    expect(
      (await store.list({ fromDay: '2026-11-04', toDay: '2026-11-05' })).items.map((i) => i.record.seq),
    ).toEqual([3, 2]);
    expect(await store.count({ personId: 'p-default' })).toBe(5);
  });

  it('summarises attempts: count, first and last day, how many said no slots', async () => {
    const store = makeStore();
    await fill(store, 3, 3);
    await store.appendCapture(fields({ capturedAtUtc: at(21).toISOString(), reading: null }), image(9), null);
    expect(await store.summary()).toEqual({
      attempts: 4,
      noSlotsAttempts: 3,
      firstUtc: at(3).toISOString(),
      lastUtc: at(21).toISOString(),
      firstDay: '2026-11-03',
      lastDay: '2026-11-21',
      removed: 0,
    });
    expect((await store.summary({ toDay: '2026-11-04' })).attempts).toBe(2);
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const store = makeStore();
    const all = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.appendCapture(fields({ capturedAtUtc: at(3 + (i % 5)).toISOString() }), image(i), null),
      ),
    );
    const entries = await store.allEntries();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(all.map((r) => r.seq)).size).toBe(12);
    entries.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? ZERO_HASH : entries[i - 1]!.hash));
  });

  it('keeps the chain linear when two store instances (panel and worker) append at once', async () => {
    const factory = new IDBFactory();
    const a = openEvidenceStore({ indexedDB: factory });
    const b = openEvidenceStore({ indexedDB: factory });
    await Promise.all([fill(a, 4), fill(b, 4, 10)]);
    const entries = await a.allEntries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    entries.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? ZERO_HASH : entries[i - 1]!.hash));
  });

  it('on quota exhaustion saves nothing of the record, loses nothing, and says what happened', async () => {
    const factory = new IDBFactory();
    const store = openEvidenceStore({ indexedDB: factory });
    const [kept] = await fill(store, 1);
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      // the image goes in first; the thumbnail put fails: the image must not stay behind
      if (this.name === 'thumbs')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const err = await store
      .appendCapture(fields({ capturedAtUtc: at(4).toISOString() }), image(1), image(2))
      .catch((e: unknown) => e);
    spy.mockRestore();
    expect(err).toMatchObject({ name: 'EvidenceStoreError', code: 'quota' });
    expect((err as Error).message).toMatch(/no more storage space.*Nothing was lost/);
    const entries = await store.allEntries();
    expect(entries).toEqual([kept]);
    // no orphan image: the only image is the kept record's
    expect(await imageKeys(factory)).toEqual([kept!.id]);
    // and the next capture still links to the kept record
    const next = await store.appendCapture(fields({ capturedAtUtc: at(5).toISOString() }), image(3), null);
    expect(next).toMatchObject({ seq: 2, prevHash: kept!.hash });
  });

  it('an asynchronous write error (quota at commit) also leaves nothing behind', async () => {
    const factory = new IDBFactory();
    const store = openEvidenceStore({ indexedDB: factory });
    await fill(store, 1);
    const add = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      const r = add.apply(this, args as Parameters<typeof add>);
      // make the request fail like a quota error reported on the request
      this.transaction.abort();
      return r;
    });
    await expect(
      store.appendCapture(fields({ capturedAtUtc: at(4).toISOString() }), image(1), image(2)),
    ).rejects.toMatchObject({ code: 'failed' });
    spy.mockRestore();
    expect((await store.allEntries()).map((e) => e.seq)).toEqual([1]);
    expect(await imageKeys(factory)).toHaveLength(1);
  });
});
