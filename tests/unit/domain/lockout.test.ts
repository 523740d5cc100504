import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import {
  CONFIRMED_BLOCK_SOURCES,
  currentLockout,
  lockout,
  lockoutSources,
  LOCKOUT_LENGTHS,
  NO_CANCEL_SOURCES,
} from '../../../src/domain/lockout';
import { getSource } from '../../../src/domain/sources';
import { renderEn } from '../../../src/domain/text';

const BOOKED = '2026-11-01';
const confirmed = { kind: 'confirmed', bookedOn: BOOKED, firstSeen: '2026-11-03' } as const;

describe('30-day lockout from a confirmed booking', () => {
  it.each([
    [0, true, 30],
    [29, true, 1],
    [30, false, 0],
    [31, false, 0],
  ])('day %i after booking: active=%s, %i days until open', (day, active, until) => {
    const l = lockout(confirmed, addDays(BOOKED, day));
    expect(l.opensOn).toBe('2026-12-01');
    expect(l.active).toBe(active);
    expect(l.daysUntilOpen).toBe(until);
    expect(l.estimated).toBe(false);
    expect(l.lines[0]?.text).toBe(active ? 'lockout_active_confirmed' : 'lockout_ended');
  });

  it('uses firstSeen when the booking day was not read, flagged as estimated', () => {
    const l = lockout({ kind: 'confirmed', bookedOn: null, firstSeen: '2026-11-03' }, '2026-11-10');
    expect(l.startsOn).toBe('2026-11-03');
    expect(l.opensOn).toBe('2026-12-03');
    expect(l.estimated).toBe(true);
    expect(l.lines[0]?.text).toBe('lockout_active_confirmed_estimated');
    // The estimate shows in the sentence; the caveat comes from the sources: a confirmed block is weakly sourced.
    expect(l.lines[0]?.sources).toEqual(CONFIRMED_BLOCK_SOURCES);
    expect(l.lines[0]?.weak).toBe(true);
  });

  it('a confirmed block for 30 days is shown, marked weak: the randevu article and one cut-off sentence', () => {
    const l = lockout(confirmed, '2026-11-10');
    expect(l.lengthWeak).toBe(true);
    const block = l.lines.find((x) => x.text === 'lockout_length_confirmed_30')!;
    expect(block.sources).toEqual(['randevu-article', 'visa-guru-confirmed-block']);
    expect(block.weak).toBe(true);
    expect(renderEn(block)).toBe(
      'A confirmed randevu appointment also blocks new bookings for 30 days: only the randevu article and one cut-off sentence elsewhere say so. If you know better, change the length in the settings.',
    );
    expect(getSource('visa-guru-confirmed-block').title).toBe('visa-guru.com page on randevu.goc.gov.tr');
    // The user's override: the same booking with the 15-day setting counts 15 days, still marked weak.
    const short = lockout(confirmed, '2026-11-10', { length: 15 });
    expect(short.opensOn).toBe('2026-11-16');
    expect(short.lines[0]?.sources).toEqual(['randevu-secondary-15-days']);
    expect(short.lines[0]?.weak).toBe(true);
  });

  it('no cancel or reschedule: the randevu article, Mondaq and NatLawReview; the sentence no longer claims the block', () => {
    const l = lockout(confirmed, '2026-11-10');
    const noCancel = l.lines.find((x) => x.text === 'lockout_no_cancel')!;
    expect(noCancel.sources).toEqual(['randevu-article', 'mondaq-2024-08-01', 'natlawreview-randevu']);
    expect(noCancel.sources).toEqual(NO_CANCEL_SOURCES);
    expect(noCancel.weak).toBeUndefined();
    expect(renderEn(noCancel)).toBe(
      'A confirmed randevu appointment can be neither cancelled nor rescheduled.',
    );
  });

  it('cites both readings of the missed-appointment wait: 30 days (article, Mondaq) first, the one 15 after it', () => {
    const l = lockout(confirmed, '2026-11-10');
    const texts = l.lines.map((x) => x.text);
    expect(texts.indexOf('lockout_length_missed_30')).toBeLessThan(texts.indexOf('lockout_length_15'));
    const thirty = l.lines.find((x) => x.text === 'lockout_length_missed_30')!;
    expect(thirty.sources).toEqual(['randevu-article', 'mondaq-2024-08-01']);
    expect(thirty.weak).toBeUndefined();
    const fifteen = l.lines.find((x) => x.text === 'lockout_length_15')!;
    expect(fifteen.weak).toBe(true);
    expect(renderEn(fifteen)).toBe('One secondary source says 15 days after a missed appointment.');
    expect(getSource('randevu-secondary-15-days').title).toBe('homesoverseas.ru, citing Türkiye Today');
    expect(l.sources).toEqual(expect.arrayContaining(['randevu-article', 'randevu-secondary-15-days']));
  });
});

describe('lockoutSources', () => {
  it('missed 30: well sourced; confirmed 30: weak; 15 (the setting): weak', () => {
    expect(lockoutSources('missed', 30)).toEqual(['randevu-article', 'mondaq-2024-08-01']);
    expect(lockoutSources('confirmed', 30)).toEqual(['randevu-article', 'visa-guru-confirmed-block']);
    expect(lockoutSources('missed', 15)).toEqual(['randevu-secondary-15-days']);
    expect(lockoutSources('confirmed', 15)).toEqual(['randevu-secondary-15-days']);
    expect(LOCKOUT_LENGTHS[30].weak).toBe(false);
  });
});

describe('lockout from a missed appointment', () => {
  const missed = { kind: 'missed', appointmentDate: '2026-11-10' } as const;
  it.each([
    [29, true],
    [30, false],
    [31, false],
  ])('day %i after the missed appointment: active=%s', (day, active) => {
    const l = lockout(missed, addDays('2026-11-10', day));
    expect(l.opensOn).toBe('2026-12-10');
    expect(l.active).toBe(active);
    expect(l.estimated).toBe(false);
  });

  it('with the 15-day setting (weak source)', () => {
    const l = lockout(missed, '2026-11-24', { length: 15 });
    expect(l.opensOn).toBe('2026-11-25');
    expect(l.length).toBe(15);
    expect(l.active).toBe(true);
    expect(l.lines[0]?.sources).toEqual(['randevu-secondary-15-days']);
    expect(l.lines[0]?.weak).toBe(true);
    expect(lockout(missed, '2026-11-25', { length: 15 }).active).toBe(false);
    expect(LOCKOUT_LENGTHS[15].weak).toBe(true);
    expect(LOCKOUT_LENGTHS[30].weak).toBe(false);
  });

  it('does not mention cancelling (that is about confirmed appointments)', () => {
    expect(lockout(missed, '2026-11-11').lines.map((x) => x.text)).not.toContain('lockout_no_cancel');
  });
});

describe('lockout against the permit end', () => {
  // Booked 1 Nov → opens 1 Dec.
  it.each([
    // permitEnd, outlasts, tight, daysLeftAfterOpen
    ['2026-11-30', true, false, -1], // opens the day after the permit ends
    ['2026-12-01', false, true, 0], // opens on the last day of the permit
    ['2026-12-15', false, true, 14], // 14 < 15
    ['2026-12-16', false, false, 15], // exactly 15 days: not tight
    ['2027-03-01', false, false, 90],
  ] as const)('permit ends %s: outlasts=%s tight=%s', (permitEnd, outlasts, tight, left) => {
    const l = lockout(confirmed, '2026-11-05', { permitEnd });
    expect(l.outlastsPermit).toBe(outlasts);
    expect(l.tight).toBe(tight);
    expect(l.daysLeftAfterOpen).toBe(left);
    expect(l.topWarning).toBe(outlasts || tight);
    expect(l.warning?.text ?? null).toBe(
      outlasts ? 'lockout_outlasts_permit' : tight ? 'lockout_tight' : null,
    );
  });

  it('renders the warnings with dates', () => {
    expect(renderEn(lockout(confirmed, '2026-11-05', { permitEnd: '2026-11-20' }).warning!)).toBe(
      'You can book again only on 1 Dec 2026, after your permit ends on 20 Nov 2026. Act now: see the urgent actions.',
    );
    expect(renderEn(lockout(confirmed, '2026-11-05', { permitEnd: '2026-12-10' }).warning!)).toBe(
      'When booking opens again on 1 Dec 2026, only 9 days remain before your permit ends on 10 Dec 2026.',
    );
  });

  it('tightDays is a parameter', () => {
    expect(lockout(confirmed, '2026-11-05', { permitEnd: '2026-12-25', tightDays: 30 }).tight).toBe(true);
    expect(lockout(confirmed, '2026-11-05', { permitEnd: '2026-12-25', tightDays: 24 }).tight).toBe(false);
  });

  it('raises nothing once the lockout is over, and nothing without a permit end', () => {
    const over = lockout(confirmed, '2026-12-01', { permitEnd: '2026-11-30' });
    expect(over.active).toBe(false);
    expect(over.outlastsPermit).toBe(false);
    expect(over.topWarning).toBe(false);
    const noEnd = lockout(confirmed, '2026-11-05');
    expect(noEnd.daysLeftAfterOpen).toBeNull();
    expect(noEnd.topWarning).toBe(false);
  });

  it('crosses the permit end in the stop-and-check case: booking today, permit ending in 20 days', () => {
    const today = '2026-11-24';
    const l = lockout({ kind: 'confirmed', bookedOn: today, firstSeen: today }, today, {
      permitEnd: addDays(today, 20),
    });
    expect(l.opensOn).toBe('2026-12-24');
    expect(l.outlastsPermit).toBe(true);
  });
});

describe('currentLockout', () => {
  it('picks the lockout that ends last, or null', () => {
    expect(currentLockout([], '2026-11-05')).toBeNull();
    const l = currentLockout([confirmed, { kind: 'missed', appointmentDate: '2026-11-04' }], '2026-11-05');
    expect(l?.kind).toBe('missed');
    expect(l?.opensOn).toBe('2026-12-04');
  });
});

describe('lengthWeak', () => {
  it('is true for the 15-day reading and for any confirmed block; false for 30 days after a missed appointment', () => {
    expect(lockout(confirmed, '2026-11-05').lengthWeak).toBe(true);
    expect(lockout(confirmed, '2026-11-05', { length: 15 }).lengthWeak).toBe(true);
    const missed = { kind: 'missed', appointmentDate: '2026-11-01' } as const;
    expect(lockout(missed, '2026-11-05').lengthWeak).toBe(false);
    expect(lockout(missed, '2026-11-05', { length: 15 }).lengthWeak).toBe(true);
  });
});
