import { expect, test } from 'vitest';
import { mergeNoSlots } from '../../../src/portal/noSlots';
import { emptyReading } from '../../../src/portal/read';
import type { PortalReading } from '../../../src/portal/types';

const EI = new URL('https://e-ikamet.goc.gov.tr/Ikamet/RandevuTalep');
const RV = new URL('https://randevu.goc.gov.tr/#/randevu-al');
const t = (s: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, s));

function r(url: URL, over: Partial<PortalReading> = {}): PortalReading {
  return {
    ...emptyReading(url),
    portal: url.host.startsWith('e-ikamet') ? 'e-ikamet' : 'randevu',
    page: url.host.startsWith('e-ikamet') ? 'eikamet-appointment' : 'randevu-booking',
    selection: { province: 'Antalya', office: null, type: null },
    ...over,
  };
}
const TOAST = { noSlots: true, noSlotsText: 'Uygun randevu bulunamadı.' };

test('first sighting gets the time; later sightings keep the first time', () => {
  const a = mergeNoSlots(null, r(EI, TOAST), t(1));
  expect(a.noSlotsSeenAt).toBe(t(1).toISOString());
  expect(mergeNoSlots(a, r(EI, TOAST), t(3)).noSlotsSeenAt).toBe(t(1).toISOString());
});

test('an e-ikamet toast that disappeared stays in the reading with its time', () => {
  const a = mergeNoSlots(null, r(EI, TOAST), t(1));
  const b = mergeNoSlots(a, r(EI), t(5));
  expect(b).toMatchObject({
    noSlots: true,
    noSlotsText: TOAST.noSlotsText,
    noSlotsSeenAt: t(1).toISOString(),
  });
  expect(mergeNoSlots(b, r(EI), t(9)).noSlots).toBe(true);
});

test('…until the page, the URL or the searched selection changes', () => {
  const a = mergeNoSlots(mergeNoSlots(null, r(EI, TOAST), t(1)), r(EI), t(5));
  expect(mergeNoSlots(a, r(EI, { page: 'eikamet-status' }), t(6)).noSlots).toBe(false);
  expect(mergeNoSlots(a, r(new URL('https://e-ikamet.goc.gov.tr/Ikamet/RandevuTalep2')), t(6)).noSlots).toBe(
    false,
  );
  const other = mergeNoSlots(a, r(EI, { selection: { province: 'Mersin', office: null, type: null } }), t(6));
  expect(other).toMatchObject({ noSlots: false, noSlotsText: null, noSlotsSeenAt: null });
});

test('on randevu the reading follows the page: slots back means no longer "no slots"', () => {
  const a = mergeNoSlots(null, r(RV, TOAST), t(1));
  expect(mergeNoSlots(a, r(RV), t(2))).toMatchObject({ noSlots: false, noSlotsSeenAt: null });
});

test('pure: inputs are not changed', () => {
  const prev = mergeNoSlots(null, r(EI, TOAST), t(1));
  const next = r(EI);
  const copy = JSON.stringify([prev, next]);
  mergeNoSlots(prev, next, t(2));
  expect(JSON.stringify([prev, next])).toBe(copy);
});
