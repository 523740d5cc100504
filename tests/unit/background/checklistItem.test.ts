import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { admit } from '../../../src/background/guard';
import { handlers } from '../../../src/background/handlers';
import { checklistsItem, DEFAULT_PERSON } from '../../../src/storage';

const ctx = { tabId: null, now: () => new Date('2027-01-20T09:00:00.000Z') };
const me = DEFAULT_PERSON.id;
const key = 'app:extension:short-term';

beforeEach(() => fakeBrowser.reset());

describe('panel:checklistItem validator', () => {
  const msg = (payload: unknown) => ({ type: 'panel:checklistItem', payload });

  it('admits a tick, an n/a mark or a note from the panel only', () => {
    const ok = msg({ personId: me, checklistKey: key, itemId: 'passport-extension', done: true });
    expect(admit(ok, 'panel')).toEqual(ok);
    expect(admit(ok, 'content')).toBeNull();
    expect(
      admit(msg({ personId: me, checklistKey: key, itemId: 'photos', na: false, note: 'x' }), 'panel'),
    ).not.toBeNull();
    expect(
      admit(msg({ personId: me, checklistKey: 'randevu:address-registration', itemId: 'address' }), 'panel'),
    ).not.toBeNull();
  });

  it('refuses wrong types, long notes and odd keys', () => {
    const bad = [
      { personId: me, checklistKey: key, itemId: 'photos', done: 'yes' },
      { personId: me, checklistKey: key, itemId: 'photos', na: 1 },
      { personId: me, checklistKey: key, itemId: 'photos', note: 'x'.repeat(501) },
      { personId: me, checklistKey: key, itemId: 'photos', note: 42 },
      { personId: me, checklistKey: 'App:<b>', itemId: 'photos' },
      { personId: me, checklistKey: key, itemId: '../etc' },
      { personId: me, checklistKey: key },
      { personId: 'has space', checklistKey: key, itemId: 'photos' },
      null,
    ];
    for (const p of bad) expect(admit(msg(p), 'panel'), JSON.stringify(p)).toBeNull();
    expect(
      admit(msg({ personId: me, checklistKey: key, itemId: 'photos', note: 'x'.repeat(500) }), 'panel'),
    ).not.toBeNull();
  });
});

describe('panel:checklistItem handler', () => {
  it('stores a tick, then a note, each change keeping the other fields', async () => {
    const h = handlers['panel:checklistItem'];
    await h({ personId: me, checklistKey: key, itemId: 'passport-extension', done: true }, ctx);
    await h(
      { personId: me, checklistKey: key, itemId: 'passport-extension', note: 'copy at the notary on Mon' },
      ctx,
    );
    await h({ personId: me, checklistKey: key, itemId: 'under-18', na: true }, ctx);
    expect(await checklistsItem.getValue()).toEqual({
      [me]: {
        [key]: {
          'passport-extension': { done: true, na: false, note: 'copy at the notary on Mon' },
          'under-18': { done: false, na: true, note: '' },
        },
      },
    });
    await h({ personId: me, checklistKey: key, itemId: 'passport-extension', done: false }, ctx);
    expect((await checklistsItem.getValue())[me]![key]!['passport-extension']).toEqual({
      done: false,
      na: false,
      note: 'copy at the notary on Mon',
    });
  });

  it('keeps each person and each checklist apart', async () => {
    const { personId } = await handlers['panel:addPerson']({ name: 'Ayşe' }, ctx);
    const h = handlers['panel:checklistItem'];
    await h({ personId, checklistKey: key, itemId: 'photos', done: true }, ctx);
    await h({ personId: me, checklistKey: 'emergency', itemId: 'hospital-records', done: true }, ctx);
    const all = await checklistsItem.getValue();
    expect(Object.keys(all).sort()).toEqual([me, personId].sort());
    expect(all[personId]).toEqual({ [key]: { photos: { done: true, na: false, note: '' } } });
    expect(all[me]).toEqual({ emergency: { 'hospital-records': { done: true, na: false, note: '' } } });
  });

  it('does not lose a tick when two arrive at once', async () => {
    const h = handlers['panel:checklistItem'];
    await Promise.all([
      h({ personId: me, checklistKey: key, itemId: 'photos', done: true }, ctx),
      h({ personId: me, checklistKey: key, itemId: 'means', done: true }, ctx),
    ]);
    expect(Object.keys((await checklistsItem.getValue())[me]![key]!).sort()).toEqual(['means', 'photos']);
  });

  it('refuses unknown checklists, items and people, storing nothing', async () => {
    const h = handlers['panel:checklistItem'];
    await expect(
      h({ personId: me, checklistKey: 'app:first:nonsense', itemId: 'photos', done: true }, ctx),
    ).rejects.toThrow();
    await expect(
      h({ personId: me, checklistKey: key, itemId: 'title-deeds', done: true }, ctx),
    ).rejects.toThrow();
    await expect(
      h({ personId: me, checklistKey: 'app:first:humanitarian', itemId: 'photos', done: true }, ctx),
    ).rejects.toThrow();
    await expect(
      h({ personId: 'p-ghost', checklistKey: key, itemId: 'photos', done: true }, ctx),
    ).rejects.toThrow();
    expect(await checklistsItem.getValue()).toEqual({});
  });

  it('caps a note at 500 characters even if a caller skipped the validator', async () => {
    await handlers['panel:checklistItem'](
      { personId: me, checklistKey: key, itemId: 'photos', note: 'y'.repeat(900) },
      ctx,
    );
    expect((await checklistsItem.getValue())[me]![key]!.photos!.note).toHaveLength(500);
  });
});
