/**
 * Property tests of Turkey's calendar: the strict parser never throws and never accepts a day that does
 * not exist; day arithmetic is exact and reversible anywhere in 1900–2199; the two ways of finding "today in
 * Istanbul" (the domain's zone database and the readers' fixed UTC+3) agree since Turkey dropped DST.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  isValidIsoDate,
  isValidWallTime,
  istanbulInstant,
  istanbulParts,
  istanbulToday,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDate,
  weekday,
} from '../../../src/domain/calendar';
import { istanbulDate, parseDate } from '../../../src/portal/dates';

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(MIN_YEAR, 0, 1);
const LAST = Date.UTC(MAX_YEAR, 11, 31);
const TOTAL_DAYS = (LAST - FIRST) / DAY_MS;

/** Any real day in the calendar's range. */
const day = fc
  .integer({ min: 0, max: TOTAL_DAYS })
  .map((n) => new Date(FIRST + n * DAY_MS).toISOString().slice(0, 10));
const offset = fc.integer({ min: -TOTAL_DAYS, max: TOTAL_DAYS });
const inRange = (iso: string, n: number) => {
  const t = Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS;
  return t >= FIRST && t <= LAST;
};

/** Instants since Turkey's last clock change (UTC+3 for good from 7 September 2016). */
const sinceFixedOffset = fc.date({
  min: new Date('2016-09-07T00:00:00Z'),
  max: new Date('2199-12-30T00:00:00Z'),
  noInvalidDate: true,
});

describe('parseIsoDate', () => {
  test('never throws, whatever it is given; accepts only real days', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)),
        (s) => {
          const p = parseIsoDate(s);
          if (p.ok) {
            expect(p.date).toBe(s.trim());
            expect(p.day).toBeLessThanOrEqual(daysInMonth(p.year, p.month));
            expect(p.year).toBeGreaterThanOrEqual(MIN_YEAR);
            expect(p.year).toBeLessThanOrEqual(MAX_YEAR);
          } else expect(p.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('isValidIsoDate and isValidWallTime take anything', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof isValidIsoDate(v)).toBe('boolean');
        expect(typeof isValidWallTime(v)).toBe('boolean');
      }),
      { numRuns: 200 },
    );
    expect(parseIsoDate(null).ok).toBe(false);
    expect(parseIsoDate(undefined).ok).toBe(false);
  });

  test('a formatted real day parses back to itself; day 0 and the day after the last never do', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_YEAR, max: MAX_YEAR }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const p = parseIsoDate(iso);
          expect(p.ok).toBe(d <= daysInMonth(y, m));
          if (p.ok) expect([p.year, p.month, p.day]).toEqual([y, m, d]);
          expect(parseIsoDate(`${iso.slice(0, 8)}00`).ok).toBe(false);
          expect(parseIsoDate(`${iso.slice(0, 8)}${String(daysInMonth(y, m) + 1).padStart(2, '0')}`).ok).toBe(
            false,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('addDays / daysBetween', () => {
  test('addDays(d, n) then -n comes back; daysBetween counts the n', () => {
    fc.assert(
      fc.property(day, offset, (d, n) => {
        fc.pre(inRange(d, n));
        const e = addDays(d, n);
        expect(isValidIsoDate(e)).toBe(true);
        expect(addDays(e, -n)).toBe(d);
        expect(daysBetween(d, e)).toBe(n);
        expect(daysBetween(e, d)).toBe(0 - n); // 0 - n: never -0
      }),
      { numRuns: 400 },
    );
  });

  test('daysBetween is a difference: antisymmetric, additive, and addDays closes it', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(daysBetween(a, b)).toBe(0 - daysBetween(b, a));
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(compareIsoDates(a, b)).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 400 },
    );
  });

  test('one day later is the next calendar day; a week later is the same weekday', () => {
    fc.assert(
      fc.property(day, (d) => {
        fc.pre(inRange(d, 7));
        const next = addDays(d, 1);
        expect(next > d).toBe(true);
        expect(daysBetween(d, next)).toBe(1);
        expect(weekday(addDays(d, 7))).toBe(weekday(d));
        expect(weekday(next)).toBe((weekday(d) + 1) % 7);
      }),
      { numRuns: 300 },
    );
  });

  test('no fractional days, whatever the machine zone', () => {
    expect(() => addDays('2026-03-29', 0.5)).toThrow(RangeError);
    // New York (the test zone) changes its clocks; Istanbul's calendar does not care.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });
});

describe('Istanbul instants', () => {
  test('today in Istanbul: the zone database and the readers\u2019 fixed UTC+3 agree', () => {
    fc.assert(
      fc.property(sinceFixedOffset, (now) => {
        const t = istanbulToday(now);
        expect(isValidIsoDate(t)).toBe(true);
        expect(t).toBe(istanbulDate(now));
      }),
      { numRuns: 300 },
    );
  });

  test('istanbulInstant and istanbulParts are inverse', () => {
    fc.assert(
      fc.property(
        day.filter((d) => d >= '2017-01-01' && d < '2199-12-31'),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const p = istanbulParts(istanbulInstant(d, time));
          expect([p.date, p.time]).toEqual([d, time]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('formatIsoDate is read back by the portal date parser', () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(parseDate(formatIsoDate(d))).toBe(d);
      }),
      { numRuns: 300 },
    );
  });
});
