import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { admit } from '../../../src/background/guard';
import { handlers } from '../../../src/background/handlers';
import { stayFor, stayItem } from '../../../src/storage';

const ctx = { tabId: null, now: () => new Date('2026-11-22T11:05:00.000Z') };
const trip = (id: string, entry: string, exit: string | null) => ({ id, entry, exit });

beforeEach(() => fakeBrowser.reset());

describe('panel:setTrips and panel:setAllowance: payload checks', () => {
  const ok = {
    personId: 'p-default',
    trips: [trip('t1', '2026-01-01', '2026-01-10'), trip('t2', '2026-02-01', null)],
  };

  it('admits well-formed trips from the panel only', () => {
    expect(admit({ type: 'panel:setTrips', payload: ok }, 'panel')).not.toBeNull();
    expect(admit({ type: 'panel:setTrips', payload: ok }, 'content')).toBeNull();
    expect(
      admit({ type: 'panel:setTrips', payload: { personId: 'p-default', trips: [] } }, 'panel'),
    ).not.toBeNull();
  });

  it.each([
    ['a date not in ISO form', [trip('t1', '01/01/2026', null)]],
    ['a missing exit field', [{ id: 't1', entry: '2026-01-01' }]],
    ['an id with odd characters', [trip('t 1<', '2026-01-01', null)]],
    ['an empty id', [trip('', '2026-01-01', null)]],
    ['a number for a date', [trip('t1', 20260101 as never, null)]],
    ['not a list', { t1: trip('t1', '2026-01-01', null) }],
    ['501 trips', Array.from({ length: 501 }, (_, i) => trip(`t${i}`, '2026-01-01', '2026-01-01'))],
  ])('drops %s', (_what, trips) => {
    expect(admit({ type: 'panel:setTrips', payload: { personId: 'p-default', trips } }, 'panel')).toBeNull();
  });

  it('drops a bad person id', () => {
    expect(admit({ type: 'panel:setTrips', payload: { ...ok, personId: '../x' } }, 'panel')).toBeNull();
  });

  it('admits 500 trips', () => {
    const trips = Array.from({ length: 500 }, (_, i) => trip(`t${i}`, '2026-01-01', '2026-01-01'));
    expect(
      admit({ type: 'panel:setTrips', payload: { personId: 'p-default', trips } }, 'panel'),
    ).not.toBeNull();
  });

  it('allowance is 90, 60 or 30 only', () => {
    for (const allowance of [90, 60, 30]) {
      expect(
        admit({ type: 'panel:setAllowance', payload: { personId: 'p-default', allowance } }, 'panel'),
      ).not.toBeNull();
    }
    for (const allowance of [45, '90', null, 0]) {
      expect(
        admit({ type: 'panel:setAllowance', payload: { personId: 'p-default', allowance } }, 'panel'),
      ).toBeNull();
    }
  });
});

describe('panel:setTrips and panel:setAllowance: handlers', () => {
  it('a fresh profile has a 90-day allowance and no trips', async () => {
    expect(stayFor(await stayItem.getValue(), 'p-default')).toEqual({ allowance: 90, trips: [] });
  });

  it('stores trips per person as sent (overlaps kept, to be shown), keeping the allowance', async () => {
    await handlers['panel:setAllowance']({ personId: 'a', allowance: 60 }, ctx);
    const trips = [trip('t2', '2026-01-05', '2026-01-20'), trip('t1', '2026-01-01', '2026-01-10')];
    await handlers['panel:setTrips']({ personId: 'a', trips }, ctx);
    await handlers['panel:setTrips']({ personId: 'b', trips: [trip('x', '2026-03-01', null)] }, ctx);
    const all = await stayItem.getValue();
    expect(all.a).toEqual({ allowance: 60, trips });
    expect(all.b).toEqual({ allowance: 90, trips: [trip('x', '2026-03-01', null)] });
    await handlers['panel:setAllowance']({ personId: 'b', allowance: 30 }, ctx);
    expect((await stayItem.getValue()).b?.trips).toHaveLength(1);
  });

  it('keeps only the three fields of a trip', async () => {
    const sneaky = { ...trip('t1', '2026-01-01', null), passport: 'U1234567' };
    await handlers['panel:setTrips']({ personId: 'a', trips: [sneaky] }, ctx);
    expect(JSON.stringify(await stayItem.getValue())).not.toContain('U1234567');
  });

  it('refuses impossible calendar dates and duplicate ids, keeping what was stored', async () => {
    await handlers['panel:setTrips']({ personId: 'a', trips: [trip('t1', '2026-01-01', null)] }, ctx);
    await expect(
      handlers['panel:setTrips']({ personId: 'a', trips: [trip('t1', '2026-02-30', null)] }, ctx),
    ).rejects.toMatchObject({ said: { key: 'ui_refusal_trip_date' } });
    await expect(
      handlers['panel:setTrips'](
        { personId: 'a', trips: [trip('t1', '2026-01-01', null), trip('t1', '2026-03-01', '2026-03-02')] },
        ctx,
      ),
    ).rejects.toMatchObject({ said: { key: 'ui_refusal_invalid' } });
    expect((await stayItem.getValue()).a?.trips).toEqual([trip('t1', '2026-01-01', null)]);
  });
});
