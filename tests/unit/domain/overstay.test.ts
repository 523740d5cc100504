import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar';
import {
  BAN_TABLE,
  banBand,
  bandStartsOn,
  overstay,
  overstayFromPermit,
  type BanBand,
} from '../../../src/domain/overstay';
import { isWeakSource } from '../../../src/domain/sources';
import { renderEn } from '../../../src/domain/text';

/** An overstay whose first day over is `first`, seen on `today`. */
const seen = (first: string, today: string) =>
  overstay({ kind: 'permit', daysOver: daysBetween(first, today) + 1 }, today)!;

describe('entry-ban rows (DGMM 2020), edges counted in calendar months from the first day over', () => {
  const F = '2026-01-10';
  it.each<[string, BanBand]>([
    ['2026-01-10', 'under-3-months'], // first day over
    ['2026-04-08', 'under-3-months'], // 10 Jan – 8 Apr: one day short of 3 months
    ['2026-04-09', '3-6-months'], // 10 Jan – 9 Apr: exactly 3 months, in the 3–6 row
    ['2026-07-08', '3-6-months'],
    ['2026-07-09', '6-12-months'], // exactly 6 months
    ['2027-01-08', '6-12-months'],
    ['2027-01-09', '1-2-years'], // exactly 1 year
    ['2028-01-08', '1-2-years'],
    ['2028-01-09', '2-3-years'], // exactly 2 years
    ['2029-01-08', '2-3-years'],
    ['2029-01-09', 'over-3-years'], // exactly 3 years: the 5-year row
    ['2035-01-01', 'over-3-years'],
  ])('seen on %s: %s', (today, band) => {
    expect(banBand(F, today)).toBe(band);
    expect(seen(F, today).band).toBe(band);
  });

  it('a first day over at the end of a month: 31 Jan + 1 month is the end of February', () => {
    expect(bandStartsOn('2025-11-30', '3-6-months')).toBe('2026-02-27'); // 30 Nov + 3 months = 28 Feb
    expect(bandStartsOn('2025-11-29', '3-6-months')).toBe('2026-02-27'); // 29 Nov + 3 months = 28 Feb too
    expect(bandStartsOn('2025-12-01', '3-6-months')).toBe('2026-02-28'); // 1 Dec – 28 Feb
    expect(bandStartsOn('2026-01-31', '6-12-months')).toBe('2026-07-30');
    expect(bandStartsOn('2024-02-29', '1-2-years')).toBe('2025-02-27'); // 29 Feb + 1 year = 28 Feb
    expect(bandStartsOn('2024-02-29', '6-12-months')).toBe('2024-08-28');
    expect(bandStartsOn('2024-03-01', 'over-3-years')).toBe('2027-02-28');
  });

  it('in days: 3 months from 10 Jan are 89 days over, 90 days over is the 3–6 row', () => {
    const at = (n: number) => overstay({ kind: 'visa', daysOver: n }, addDays('2026-01-09', n))!;
    expect(at(89).band).toBe('under-3-months');
    expect(at(90).band).toBe('3-6-months');
  });

  it('shows the whole table with the day each row starts and the current one marked', () => {
    const o = seen(F, '2026-05-01');
    expect(o.table.map((r) => [r.band, r.from, r.current])).toEqual([
      ['under-3-months', '2026-01-10', false],
      ['3-6-months', '2026-04-09', true],
      ['6-12-months', '2026-07-09', false],
      ['1-2-years', '2027-01-09', false],
      ['2-3-years', '2028-01-09', false],
      ['over-3-years', '2029-01-09', false],
    ]);
    expect(renderEn(o.ban)).toBe('3 to 6 months: entry ban of 1 month');
    expect(o.next).toEqual({ band: '6-12-months', from: '2026-07-09' });
    expect(o.now.map((l) => renderEn(l))).toContain(
      'Every day counts: from 9 Jul 2026 the next row of the ban table applies.',
    );
    expect(BAN_TABLE.map((r) => r.ban)).toEqual([
      null,
      { months: 1 },
      { months: 3 },
      { years: 1 },
      { years: 2 },
      { years: 5 },
    ]);
    expect(seen(F, '2030-01-01').next).toBeNull();
  });
});

describe('the 10-day rules', () => {
  const END = '2026-12-31';
  it('10 days over: not yet a deportation ground, apply by day 10', () => {
    const o = overstayFromPermit(END, addDays(END, 10))!;
    expect(o.daysOver).toBe(10);
    expect(o.tenDays.deportationGround).toBe(false);
    expect(o.consequences.map((l) => renderEn(l))).toContain(
      'From 11 Jan 2027, being more than 10 days over a visa, visa exemption or permit is a ground for deportation.',
    );
    expect(o.now.map((l) => l.text)).toContain('overstay_now_apply_before');
    expect(renderEn(o.now.find((l) => l.text === 'overstay_now_apply_before')!)).toContain(
      'Apply by 10 Jan 2027',
    );
  });

  it('11 days over: a deportation ground, and no "apply before" line', () => {
    const o = overstayFromPermit(END, addDays(END, 11))!;
    expect(o.tenDays.deportationGround).toBe(true);
    expect(o.consequences.map((l) => l.text)).toContain('overstay_deportation_ground');
    expect(o.now.map((l) => l.text)).not.toContain('overstay_now_apply_before');
  });
});

describe('overstay from a permit (fed by the deadline engine)', () => {
  it('nothing while the permit is valid, its last day included', () => {
    expect(overstayFromPermit('2026-12-31', '2026-12-30')).toBeNull();
    expect(overstayFromPermit('2026-12-31', '2026-12-31')).toBeNull();
    expect(overstay({ kind: 'visa', daysOver: 0 }, '2026-12-31')).toBeNull();
  });

  it('the day after the end is the first day over', () => {
    const o = overstayFromPermit('2026-12-31', '2027-01-01')!;
    expect(o).toMatchObject({
      kind: 'permit',
      daysOver: 1,
      lastLawfulDay: '2026-12-31',
      firstDayOver: '2027-01-01',
      band: 'under-3-months',
    });
    expect(renderEn(o.consequences[0]!)).toBe('You are 1 days past your permit, which ended on 31 Dec 2026.');
  });

  it('refuses a fractional number of days', () => {
    expect(() => overstay({ kind: 'visa', daysOver: 1.5 }, '2026-01-01')).toThrow(RangeError);
  });
});

describe('every line cites its sources', () => {
  const o = overstay({ kind: 'visa', daysOver: 200 }, '2026-11-24')!;
  it('rules carry sources; the weak amendment is flagged', () => {
    for (const l of [...o.consequences, ...o.banNotes, ...o.now, ...o.table.map((r) => r.line)]) {
      expect(l.sources.length, l.text).toBeGreaterThan(0);
      expect(l.weak === true, l.text).toBe(l.sources.some(isWeakSource));
    }
    const amendment = o.banNotes.find((l) => l.text === 'overstay_amendment')!;
    expect(amendment.weak).toBe(true);
  });

  it('the fee rule, the older 2015 wording (both sources), unpaid fines, Art. 9(3), 9(4)', () => {
    const byText = new Map([...o.consequences, ...o.banNotes, ...o.now].map((l) => [l.text, l.sources]));
    expect(byText.get('overstay_fee')).toEqual(['dgmm-2020-statement', 'overstay-guide-2015']);
    expect(byText.get('overstay_ban_older_2015')).toEqual(['overstay-guide-2015', 'dgmm-2020-statement']);
    expect(byText.get('overstay_unpaid_fines')).toContain('law-6458-9-3');
    expect(byText.get('overstay_now_leave_before_detection')).toContain('law-6458-9-4');
    expect(byText.get('overstay_deportation_ground')).toEqual(['law-6458-54-1']);
    expect(o.now.at(-1)?.text).toBe('overstay_now_lawyer');
    expect(o.now[0]?.text).toBe('overstay_now_pay_at_exit');
    expect(o.sources).toEqual(
      expect.arrayContaining(['law-6458-9-amendment', 'council-of-ministers-2011-2306']),
    );
  });
});
