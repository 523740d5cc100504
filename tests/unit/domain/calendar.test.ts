import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  formatIsoDate,
  formatIstanbulShort,
  istanbulInstant,
  istanbulParts,
  istanbulTime,
  istanbulToday,
  isValidIsoDate,
  isValidWallTime,
  isWeekend,
  parseIsoDate,
  weekday,
} from '../../../src/domain/calendar';

describe('istanbulToday: Turkey’s calendar whatever the process zone', () => {
  it('runs under a zone far from Istanbul (vitest config sets America/New_York)', () => {
    expect(process.env.TZ).toBe('America/New_York');
    // Sanity: the local zone really is New York, so a local-time bug would show.
    expect(new Date('2026-11-24T21:00:00Z').getDate()).toBe(24);
  });

  it.each([
    ['2026-11-24T20:59:59.999Z', '2026-11-24'],
    ['2026-11-24T21:00:00.000Z', '2026-11-25'],
    ['2026-11-23T21:00:00.000Z', '2026-11-24'],
    ['2026-12-31T20:59:59Z', '2026-12-31'],
    ['2026-12-31T21:00:00Z', '2027-01-01'],
    ['2028-02-28T21:00:00Z', '2028-02-29'],
    ['2028-02-29T21:00:00Z', '2028-03-01'],
  ])('%s is %s in Istanbul', (instant, expected) => {
    expect(istanbulToday(new Date(instant))).toBe(expected);
  });

  it('a New York user at 23:00 local is already on the next day in Istanbul', () => {
    // 24 Nov 2026 23:00 in New York (EST, UTC−5) = 25 Nov 04:00 UTC = 25 Nov 07:00 Istanbul.
    const now = new Date('2026-11-24T23:00:00-05:00');
    expect(now.getDate()).toBe(24); // local (New York) day
    expect(istanbulToday(now)).toBe('2026-11-25');
    expect(istanbulTime(now)).toBe('07:00');
  });

  it('a New York user in summer (EDT, UTC−4) at 23:00 is on the next day in Istanbul', () => {
    expect(istanbulToday(new Date('2026-07-14T23:00:00-04:00'))).toBe('2026-07-15');
  });

  it('a Pacific/Kiritimati (UTC+14) user at 01:00 local is still on the previous day in Istanbul', () => {
    // 25 Nov 2026 01:00 at UTC+14 = 24 Nov 11:00 UTC = 24 Nov 14:00 Istanbul.
    expect(istanbulToday(new Date('2026-11-25T01:00:00+14:00'))).toBe('2026-11-24');
  });

  it('gives the same answers in child processes under other zones (UTC−5, UTC+14, UTC, Istanbul)', () => {
    const script = `
      import { istanbulToday, istanbulTime } from './src/domain/calendar.ts';
      const out = ['2026-11-24T20:59:59Z', '2026-11-24T21:00:00Z', '2026-11-25T01:00:00+14:00', '2026-11-24T23:00:00-05:00']
        .map((s) => istanbulToday(new Date(s)) + ' ' + istanbulTime(new Date(s)));
      console.log(JSON.stringify(out));`;
    const results = ['America/New_York', 'Pacific/Kiritimati', 'UTC', 'Europe/Istanbul', 'Etc/GMT+12'].map(
      (tz) =>
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        }).trim(),
    );
    const expected = JSON.stringify([
      '2026-11-24 23:59',
      '2026-11-25 00:00',
      '2026-11-24 14:00',
      '2026-11-25 07:00',
    ]);
    for (const r of results) expect(r).toBe(expected);
  }, 30_000);

  it('istanbulParts / istanbulTime / formatIstanbulShort', () => {
    expect(istanbulParts('2026-11-22T11:05:00Z')).toMatchObject({
      date: '2026-11-22',
      time: '14:05',
      hour: 14,
    });
    expect(formatIstanbulShort('2026-11-22T11:05:00Z')).toBe('22 Nov 14:05');
    expect(formatIstanbulShort('2026-11-22T11:05:00Z', '2026-12-01')).toBe('22 Nov 14:05');
    expect(formatIstanbulShort('2025-11-22T11:05:00Z', '2026-12-01')).toBe('22 Nov 2025 14:05');
    expect(() => istanbulParts('not a date')).toThrow(RangeError);
  });

  it('istanbulInstant is the inverse (Istanbul wall time → instant)', () => {
    expect(istanbulInstant('2026-11-25', '00:00').toISOString()).toBe('2026-11-24T21:00:00.000Z');
    expect(istanbulInstant('2026-07-15', '09:30').toISOString()).toBe('2026-07-15T06:30:00.000Z');
    expect(istanbulToday(istanbulInstant('2026-11-25'))).toBe('2026-11-25');
    expect(() => istanbulInstant('2026-02-30')).toThrow(RangeError);
    expect(() => istanbulInstant('2026-02-03', '24:00')).toThrow(RangeError);
  });
});

describe('parseIsoDate / isValidIsoDate', () => {
  it.each(['2026-11-24', '2028-02-29', '2000-02-29', '2026-12-31', '2026-01-01', ' 2026-11-24 '])(
    'accepts %j',
    (s) => {
      const p = parseIsoDate(s);
      expect(p.ok).toBe(true);
      if (p.ok) expect(p.date).toBe(s.trim());
    },
  );

  it.each([
    ['', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['24.11.2026', 'format'],
    ['2026-1-5', 'format'],
    ['2026-11-24T00:00', 'format'],
    ['1899-12-31', 'year'],
    ['2200-01-01', 'year'],
    ['2026-00-10', 'month'],
    ['2026-13-01', 'month'],
    ['2026-02-29', 'day'],
    ['1900-02-29', 'day'],
    ['2026-04-31', 'day'],
    ['2026-11-00', 'day'],
    ['2026-01-32', 'day'],
  ] as const)('rejects %j as %s, with a reason', (s, problem) => {
    const p = parseIsoDate(s);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.problem).toBe(problem);
      expect(p.reason.length).toBeGreaterThan(5);
    }
  });

  it('explains an impossible day in words', () => {
    const p = parseIsoDate('2026-02-30');
    expect(!p.ok && p.reason).toBe('February 2026 has 28 days, so day 30 does not exist.');
  });

  it('isValidIsoDate is a type guard for unknown input', () => {
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2027-02-29')).toBe(false);
    expect(isValidIsoDate(20261124)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });

  it('isValidWallTime', () => {
    expect(isValidWallTime('00:00')).toBe(true);
    expect(isValidWallTime('23:59')).toBe(true);
    expect(isValidWallTime('24:00')).toBe(false);
    expect(isValidWallTime('9:30')).toBe(false);
  });
});

describe('calendar arithmetic on ISO strings', () => {
  it('addDays across month, year and leap days', () => {
    expect(addDays('2026-11-24', 0)).toBe('2026-11-24');
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30'); // EU DST change day elsewhere: no effect
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02'); // US DST end (the process zone): no effect
    expect(() => addDays('2026-11-24', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('daysBetween is exact, signed, and counts leap days', () => {
    expect(daysBetween('2026-11-24', '2026-11-24')).toBe(0);
    expect(daysBetween('2026-11-24', '2026-11-25')).toBe(1);
    expect(daysBetween('2026-11-25', '2026-11-24')).toBe(-1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245); // across both US DST switches
    for (let n = -400; n <= 400; n += 37) expect(daysBetween('2028-02-29', addDays('2028-02-29', n))).toBe(n);
  });

  it('compareIsoDates, weekday, isWeekend, formatIsoDate', () => {
    expect(compareIsoDates('2026-11-24', '2026-11-25')).toBe(-1);
    expect(compareIsoDates('2026-11-25', '2026-11-25')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(weekday('2026-11-24')).toBe(2); // Tuesday
    expect(weekday('2028-02-29')).toBe(2); // Tuesday
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
    expect(isWeekend('2026-11-30')).toBe(false);
    expect(formatIsoDate('2026-11-04')).toBe('4 Nov 2026');
  });
});
