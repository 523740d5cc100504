import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handlers } from '../../../src/background/handlers';
import { current } from '../../../src/state/facts';
import {
  DEFAULT_PERSON,
  factsItem,
  lastReadingItem,
  peopleItem,
  tabReadingsItem,
} from '../../../src/storage';
import { reading } from '../helpers';

const ctx = (tabId: number | null = 7) => ({ tabId, now: () => new Date('2026-11-22T11:05:00.000Z') });

beforeEach(() => fakeBrowser.reset());

describe('background handlers', () => {
  it('has a default person on a fresh profile', async () => {
    expect(await peopleItem.getValue()).toEqual({ people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id });
  });

  it('stores a reading for the active person and the tab, without the query string', async () => {
    const r = reading({ url: 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum?basvuruKayitNo=123456' });
    await handlers['content:reading']({ reading: r }, ctx());
    const facts = await factsItem.getValue();
    expect(current(facts[DEFAULT_PERSON.id]!, 'permitEnd')?.value).toBe('2026-08-11');
    const tabs = await tabReadingsItem.getValue();
    expect(tabs['7']?.reading.url).toBe('https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum');
    expect(JSON.stringify(await lastReadingItem.getValue())).not.toContain('123456');
  });

  it("assigns a new tab's readings to whoever is active, each person keeping their own dates", async () => {
    const { personId } = await handlers['panel:addPerson']({ name: ' Ayşe ' }, ctx(null));
    await handlers['content:reading'](
      { reading: reading({ permit: { start: null, end: '2027-03-01' } }) },
      ctx(7),
    );
    await handlers['panel:setActivePerson']({ personId: DEFAULT_PERSON.id }, ctx(null));
    await handlers['content:reading']({ reading: reading() }, ctx(8));
    const facts = await factsItem.getValue();
    expect(current(facts[personId]!, 'permitEnd')?.value).toBe('2027-03-01');
    expect(current(facts[DEFAULT_PERSON.id]!, 'permitEnd')?.value).toBe('2026-08-11');
    expect((await peopleItem.getValue()).people.map((p) => p.name)).toEqual(['Me', 'Ayşe']);
  });

  it("keeps a tab's readings with the person it was first read for, whoever is selected later", async () => {
    const { personId: ayse } = await handlers['panel:addPerson']({ name: 'Ayşe' }, ctx(null));
    await handlers['content:reading'](
      { reading: reading({ permit: { start: null, end: '2027-03-01' } }) },
      ctx(7),
    );
    // The user selects "Me" in the panel while Ayşe's portal tab stays open; the page redraws.
    await handlers['panel:setActivePerson']({ personId: DEFAULT_PERSON.id }, ctx(null));
    await handlers['content:reading'](
      { reading: reading({ permit: { start: null, end: '2027-04-01' } }) },
      ctx(7),
    );
    const facts = await factsItem.getValue();
    expect(current(facts[ayse]!, 'permitEnd')?.value).toBe('2027-04-01');
    expect(facts[DEFAULT_PERSON.id]?.permitEnd ?? []).toEqual([]);
    expect((await tabReadingsItem.getValue())['7']?.personId).toBe(ayse);
    // Once the tab is closed, a new tab is read for whoever is active then.
    await fakeBrowser.storage.local.set({ tabReadings: {} });
    await handlers['content:reading']({ reading: reading() }, ctx(7));
    expect(current((await factsItem.getValue())[DEFAULT_PERSON.id]!, 'permitEnd')?.value).toBe('2026-08-11');
  });

  it('does not lose a reading when two tabs report at once', async () => {
    await Promise.all([
      handlers['content:reading']({ reading: reading() }, ctx(1)),
      handlers['content:reading'](
        { reading: reading({ permit: { start: null, end: '2027-01-01' } }) },
        ctx(2),
      ),
    ]);
    expect(Object.keys(await tabReadingsItem.getValue()).sort()).toEqual(['1', '2']);
    expect((await factsItem.getValue())[DEFAULT_PERSON.id]!.permitEnd).toHaveLength(2);
  });

  it('refuses an impossible manual date and keeps what was stored', async () => {
    await handlers['content:reading']({ reading: reading() }, ctx());
    await expect(
      handlers['panel:setManual'](
        { personId: DEFAULT_PERSON.id, key: 'permitEnd', value: '2026-02-30' },
        ctx(null),
      ),
    ).rejects.toMatchObject({ said: { key: 'ui_refusal_date' } });
    expect(current((await factsItem.getValue())[DEFAULT_PERSON.id]!, 'permitEnd')?.value).toBe('2026-08-11');
  });

  it('records "did you attend?" answers and settings', async () => {
    await handlers['panel:attended'](
      { personId: DEFAULT_PERSON.id, date: '2026-11-01', answer: 'no' },
      ctx(null),
    );
    expect((await factsItem.getValue())[DEFAULT_PERSON.id]!.attended).toEqual({ '2026-11-01': 'no' });
  });
});
