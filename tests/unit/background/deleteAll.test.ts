/**
 * "Delete all data" (PRIVACY.md): extension storage, session storage and the evidence database, gone in one message,
 * even while the panel holds its own connection to the database.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteAllError, deleteAllData, versionMarks } from '../../../src/background/deleteAll';
import { handlers } from '../../../src/background/handlers';
import { registerRouter } from '../../../src/background/router';
import {
  DB_NAME,
  openEvidenceStore,
  resetSharedEvidenceStore,
  sharedEvidenceStore,
} from '../../../src/evidence/store';
import {
  captureGrantsItem,
  DEFAULT_PERSON,
  factsItem,
  firedRemindersItem,
  peopleItem,
  scheduledRemindersItem,
} from '../../../src/storage';
import { fields, image } from '../evidence/helpers';
import { reading } from '../helpers';

const ctx = { tabId: 7, now: () => new Date('2026-11-22T11:05:00.000Z') };

async function databases(factory: IDBFactory): Promise<string[]> {
  return (await factory.databases()).map((d) => d.name ?? '');
}

async function seed(): Promise<void> {
  await handlers['panel:addPerson']({ name: 'Ayşe' }, ctx);
  await handlers['content:reading']({ reading: reading() }, ctx);
  await captureGrantsItem.setValue({
    '7': { tabId: 7, origin: 'https://e-ikamet.goc.gov.tr', at: '2026-11-22T11:00:00.000Z', via: 'action' },
  });
  await sharedEvidenceStore().appendCapture(fields(), image(1), image(2, 'image/jpeg', 8));
}

beforeEach(() => {
  fakeBrowser.reset();
  resetSharedEvidenceStore();
  globalThis.indexedDB = new IDBFactory();
});

describe('delete all data', () => {
  it('empties local and session storage and deletes the evidence database', async () => {
    await seed();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).length).toBeGreaterThan(2);
    expect(await databases(globalThis.indexedDB as IDBFactory)).toContain(DB_NAME);

    expect(await handlers['panel:deleteAll']({ confirm: 'DELETE' }, ctx)).toEqual({ ok: true });

    // Nothing but the version marks of items past v1 (so data written next is not migrated twice).
    expect(await fakeBrowser.storage.local.get(null)).toEqual(versionMarks());
    expect(versionMarks()).toEqual({ firedReminders$: { v: 2 }, scheduledReminders$: { v: 2 } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(await databases(globalThis.indexedDB as IDBFactory)).not.toContain(DB_NAME);
    // A fresh start: the default person, no facts, an empty log.
    expect(await peopleItem.getValue()).toEqual({ people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id });
    expect(await factsItem.getValue()).toEqual({});
    expect(await sharedEvidenceStore().count()).toBe(0);
  });

  it('keeps the version marks, so data written afterwards is read at its own version', async () => {
    await seed();
    await handlers['panel:deleteAll']({ confirm: 'DELETE' }, ctx);
    await firedRemindersItem.setValue([]);
    expect(((await firedRemindersItem.getMeta()) as { v?: number }).v).toBe(2);
    expect(((await scheduledRemindersItem.getMeta()) as { v?: number }).v).toBe(2);
  });

  it('is not held up by an open panel: its connection closes itself', async () => {
    await seed();
    const panelStore = openEvidenceStore(); // the panel's own connection to the same database
    expect(await panelStore.count()).toBe(1);
    await deleteAllData();
    expect(await databases(globalThis.indexedDB as IDBFactory)).not.toContain(DB_NAME);
    // The panel reopens lazily and finds an empty log.
    expect(await panelStore.count()).toBe(0);
    panelStore.close();
  });

  it('gives up when a connection will not close, saying truly what is deleted now and what will be', async () => {
    await seed();
    const before = await fakeBrowser.storage.local.get(null);
    const factory = globalThis.indexedDB as IDBFactory;
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME);
      r.onsuccess = () => resolve(r.result);
    });
    stubborn.onversionchange = () => {}; // never closes
    const e = await deleteAllData(factory, 100).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeleteAllError);
    expect((e as DeleteAllError).said.key).toBe('ui_danger_failed_blocked');
    expect((e as Error).message).toMatch(
      /^Not finished: another Ikamet Companion window keeps the evidence log/,
    );
    // What the sentence says: nothing is deleted yet…
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await fakeBrowser.storage.session.get(null)).not.toEqual({});
    expect(await databases(factory)).toContain(DB_NAME);
    // …the evidence log goes as soon as that window closes (the browser keeps the deletion waiting)…
    stubborn.close();
    await vi.waitFor(async () => expect(await databases(factory)).not.toContain(DB_NAME));
    // …and the rest stays until "delete" is pressed again.
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    expect(await deleteAllData()).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(versionMarks());
  });

  it('stopped after the evidence log: says the log is gone and the rest is still here, as it is', async () => {
    await seed();
    const before = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockRejectedValueOnce(new Error('disk error'));
    const e = (await deleteAllData().catch((x: unknown) => x)) as DeleteAllError;
    expect(e.said).toEqual({ key: 'ui_danger_failed_storage', params: { detail: 'disk error' } });
    expect(e.message).toMatch(
      /^Only part was deleted: the evidence log and its screenshots are gone, but people/,
    );
    expect(await databases(globalThis.indexedDB as IDBFactory)).not.toContain(DB_NAME);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    // Delete again finishes.
    expect(await deleteAllData()).toEqual({ ok: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(versionMarks());
  });

  it('stopped at the session: says the data is gone and only the capture permissions remain, as it is', async () => {
    await seed();
    vi.spyOn(fakeBrowser.storage.session, 'clear').mockRejectedValueOnce(new Error('session error'));
    const e = (await deleteAllData().catch((x: unknown) => x)) as DeleteAllError;
    expect(e.said.key).toBe('ui_danger_failed_session');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(versionMarks());
    expect(await databases(globalThis.indexedDB as IDBFactory)).not.toContain(DB_NAME);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['captureGrants']);
  });

  it('the panel gets the stop as a refusal with its sentence through the router', async () => {
    registerRouter(ctx.now);
    await seed();
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockRejectedValueOnce(new Error('disk error'));
    const panel = {
      id: fakeBrowser.runtime.id,
      url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html`,
    };
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'panel:deleteAll', payload: { confirm: 'DELETE' } },
        panel,
      ),
    ).toEqual([
      {
        ok: false,
        code: 'failed',
        key: 'ui_danger_failed_storage',
        params: { detail: 'disk error' },
        error: expect.stringMatching(/^failed: ui_danger_failed_storage: Only part was deleted/),
      },
    ]);
  });

  it('runs from the panel through the router, and only with the typed word', async () => {
    registerRouter(ctx.now);
    await seed();
    const panel = {
      id: fakeBrowser.runtime.id,
      url: `chrome-extension://${fakeBrowser.runtime.id}/sidepanel.html`,
    };
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'panel:deleteAll', payload: { confirm: 'yes' } },
        panel,
      ),
    ).toEqual([{ ok: false, code: 'invalid', key: 'ui_refusal_invalid', error: 'invalid' }]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).length).toBeGreaterThan(0);
    expect(
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'panel:deleteAll', payload: { confirm: 'DELETE' } },
        panel,
      ),
    ).toEqual([{ ok: true }]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual(versionMarks());
  });
});
