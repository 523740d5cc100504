/**
 * "Delete all data" (PRIVACY.md): extension storage, session storage and the evidence database, gone in one message,
 * even while the panel holds its own connection to the database.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteAllData, versionMarks } from '../../../src/background/deleteAll';
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

  it('gives up with a clear message when a connection will not close', async () => {
    const factory = new IDBFactory();
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const r = factory.open(DB_NAME, 1);
      r.onsuccess = () => resolve(r.result);
    });
    stubborn.onversionchange = () => {}; // never closes
    await expect(deleteAllData(factory, 100)).rejects.toThrow(/Close other Ikamet Companion windows/);
    stubborn.close();
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
