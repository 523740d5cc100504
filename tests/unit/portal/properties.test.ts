// @vitest-environment happy-dom
/**
 * Property tests of the date and text layer: whatever the page says, the readers' helpers never throw,
 * never return a day that does not exist, read back every date format they claim to read, and fold Turkish casing
 * the same way whichever case the page uses.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  daysInMonth as calendarDaysInMonth,
  isValidIsoDate,
  parseIsoDate,
} from '../../../src/domain/calendar';
import {
  daysInMonth,
  findDates,
  isoDate,
  parseDate,
  parseDateTime,
  parseRange,
  parseTime,
} from '../../../src/portal/dates';
import { collapse, fold, key, norm, visibleLines } from '../../../src/portal/text';
import { EN_MONTHS, TR_MONTHS } from '../../fixtures/adversarial';

// ------------------------------------------------------------------------------------------------ arbitraries

/** Any UTF-16 string, lone surrogates included (a page's text node can hold them). */
const anyUtf16 = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});
const anyCodePoints = fc.string({ unit: 'binary', maxLength: 60 });

/** Text made of the pieces dates are made of, so the date patterns really run (and collide). */
const dateish = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 3000 }).map(String),
      fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
      fc.constantFrom(
        '.',
        '/',
        '-',
        ':',
        ' ',
        ', ',
        '\u00a0',
        '–',
        '\u200b',
        'saat ',
        'at ',
        'Pazartesi',
        'Monday',
        'st',
        ...TR_MONTHS,
        ...EN_MONTHS,
        'ARALIK',
        'İ',
        'ı',
      ),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(anyUtf16, anyCodePoints, dateish);

/** A real calendar day in the range the readers accept (1900–2199). */
const realDay = fc
  .record({
    y: fc.integer({ min: 1900, max: 2199 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

const p2 = (n: number) => String(n).padStart(2, '0');
const isoOf = ({ y, m, d }: { y: number; m: number; d: number }) => `${y}-${p2(m)}-${p2(d)}`;

/** Turkish casing of a month name as a page may write it. */
const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toLocaleUpperCase('tr'),
  (s: string) => s.toLocaleLowerCase('tr'),
  (s: string) => s.toUpperCase(),
);

/** Every format dates.ts says it accepts. */
const FORMATS: {
  name: string;
  fmt: (x: { y: number; m: number; d: number }, c: (s: string) => string) => string;
}[] = [
  { name: 'dd.MM.yyyy', fmt: ({ y, m, d }) => `${p2(d)}.${p2(m)}.${y}` },
  { name: 'd.M.yyyy', fmt: ({ y, m, d }) => `${d}.${m}.${y}` },
  { name: 'dd/MM/yyyy', fmt: ({ y, m, d }) => `${p2(d)}/${p2(m)}/${y}` },
  { name: 'yyyy-MM-dd', fmt: (x) => isoOf(x) },
  { name: 'd <Turkish month> yyyy', fmt: ({ y, m, d }, c) => `${d} ${c(TR_MONTHS[m - 1]!)} ${y}` },
  { name: 'd <English month> yyyy', fmt: ({ y, m, d }, c) => `${d} ${c(EN_MONTHS[m - 1]!)} ${y}` },
  { name: '<English month> d, yyyy', fmt: ({ y, m, d }, c) => `${c(EN_MONTHS[m - 1]!)} ${d}, ${y}` },
  {
    name: 'd <Turkish month> yyyy <weekday> HH:mm',
    fmt: ({ y, m, d }, c) => `${d} ${c(TR_MONTHS[m - 1]!)} ${y} ${c('Çarşamba')} 09:30`,
  },
];

/** Words (no digits) around a date: they cannot form or break one. */
const words = fc
  .array(fc.constantFrom('Randevu', 'Tarihi', ':', 'Başlangıç', 'date', 'İŞLEM', '(', ')', '—'), {
    maxLength: 4,
  })
  .map((w) => w.join(' '));

// ------------------------------------------------------------------------------------------------ dates

describe('portal dates: any text', () => {
  test('never throws, and every date it returns exists', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const h of findDates(s)) {
          if (h.iso !== null) expect(isValidIsoDate(h.iso), h.iso).toBe(true);
          if (h.time !== null) expect(h.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(h.index).toBeLessThan(h.end);
        }
        const d = parseDate(s);
        if (d !== null) expect(isValidIsoDate(d)).toBe(true);
        const dt = parseDateTime(s);
        if (dt?.date) expect(isValidIsoDate(dt.date)).toBe(true);
        const t = parseTime(s);
        if (t !== null) expect(t).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      }),
      { numRuns: 400 },
    );
  });

  test('a range never runs backwards and never holds an impossible date', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const r = parseRange(s);
        for (const d of [r.start, r.end]) if (d !== null) expect(isValidIsoDate(d)).toBe(true);
        if (r.start && r.end) expect(r.start <= r.end).toBe(true);
        // A complete range has no problem; an incomplete one says why.
        expect(r.problem === null).toBe(r.start !== null && r.end !== null);
      }),
      { numRuns: 300 },
    );
  });

  test('hits come in order and never overlap', () => {
    fc.assert(
      fc.property(dateish, (s) => {
        const hits = findDates(s);
        for (let i = 1; i < hits.length; i++) expect(hits[i]!.index).toBeGreaterThanOrEqual(hits[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });
});

describe('portal dates: formatted dates read back', () => {
  test.each(FORMATS)('$name', ({ fmt }) => {
    fc.assert(
      fc.property(realDay, casing, words, words, (day, c, before, after) => {
        const text = `${before} ${fmt(day, c)} ${after}`;
        expect(parseDate(text), text).toBe(isoOf(day));
      }),
      { numRuns: 150 },
    );
  });

  test('a time written after the date is read with it', () => {
    fc.assert(
      fc.property(
        realDay,
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(' ', ', ', ' saat ', ' Pazartesi ', ' at '),
        (day, h, min, sep) => {
          const text = `${p2(day.d)}.${p2(day.m)}.${day.y}${sep}${h}:${p2(min)}`;
          expect(parseDateTime(text)).toEqual({ date: isoOf(day), time: `${p2(h)}:${p2(min)}` });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('two formatted days read as a range, in order, or as a problem when reversed', () => {
    fc.assert(
      fc.property(
        realDay,
        realDay,
        fc.constantFrom(' - ', '–', ' — ', '\u00a0-\u00a0', ' -\n '),
        (a, b, dash) => {
          const r = parseRange(`${p2(a.d)}.${p2(a.m)}.${a.y}${dash}${p2(b.d)}.${p2(b.m)}.${b.y}`);
          if (isoOf(a) <= isoOf(b)) expect(r).toEqual({ start: isoOf(a), end: isoOf(b), problem: null });
          else expect(r).toEqual({ start: null, end: null, problem: 'reversed' });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('an impossible day is never rolled over to another one', () => {
    const impossible = fc
      .record({
        y: fc.integer({ min: 1900, max: 2199 }),
        m: fc.integer({ min: 1, max: 12 }),
        over: fc.integer({ min: 1, max: 3 }),
      })
      .map(({ y, m, over }) => ({ y, m, d: daysInMonth(y, m) + over }))
      .filter(({ d }) => d <= 31);
    fc.assert(
      fc.property(impossible, ({ y, m, d }) => {
        expect(parseDate(`${d}.${m}.${y}`)).toBeNull();
        expect(parseDate(`${d} ${EN_MONTHS[m - 1]} ${y}`)).toBeNull();
        expect(isoDate(y, m, d)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  test('isoDate agrees with the domain calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1800, max: 2300 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (y, m, d) => {
          const mine = isoDate(y, m, d);
          const iso = `${y}-${p2(Math.max(0, m))}-${p2(Math.max(0, d))}`;
          if (mine !== null) expect(mine).toBe(iso);
          if (m >= 0 && d >= 0) expect(mine !== null).toBe(parseIsoDate(iso).ok);
          if (m >= 1 && m <= 12) expect(daysInMonth(y, m)).toBe(calendarDaysInMonth(y, m));
        },
      ),
      { numRuns: 400 },
    );
  });
});

// ------------------------------------------------------------------------------------------------ text

const TR_LETTERS = 'abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZâîû'.split('');
const turkish = fc.string({ unit: fc.constantFrom(...TR_LETTERS, ' ', '-', "'"), maxLength: 40 });

describe('Turkish folding', () => {
  test('fold keeps the length of any string (indexes map back to the raw text)', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16, anyCodePoints), (s) => {
        expect(fold(s)).toHaveLength(s.length);
      }),
      { numRuns: 500 },
    );
  });

  test('fold is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16, anyCodePoints, turkish), (s) => {
        expect(fold(fold(s))).toBe(fold(s));
      }),
      { numRuns: 500 },
    );
  });

  test('Turkish text folds the same whichever case the page writes it in', () => {
    fc.assert(
      fc.property(turkish, (s) => {
        const f = fold(s);
        expect(fold(s.toLocaleUpperCase('tr'))).toBe(f);
        expect(fold(s.toLocaleLowerCase('tr'))).toBe(f);
        // Upper-casing the folded text with Turkish rules and folding again comes back to it.
        expect(fold(f.toLocaleUpperCase('tr'))).toBe(f);
        expect(fold(f.toUpperCase())).toBe(f);
        // Turkish letters fold to plain ASCII.
        expect(f).toMatch(/^[a-z '-]*$/);
        expect(key(s.toLocaleUpperCase('tr'))).toBe(key(s));
      }),
      { numRuns: 400 },
    );
  });

  test('collapse: no zero-width characters, no runs of spaces, trimmed, idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16, anyCodePoints, dateish), (s) => {
        const c = collapse(s);
        expect(c).not.toMatch(/[\u200b-\u200d\u2060\ufeff\u00ad]/);
        expect(c).not.toMatch(/\s\s/);
        expect(c).toBe(c.trim());
        expect(collapse(c)).toBe(c);
        expect(norm(s)).toBe(fold(c));
        expect(key(s)).toMatch(/^[a-z0-9]*$/);
      }),
      { numRuns: 400 },
    );
  });

  test('visible text of a text node is the text itself, collapsed: nothing lost, nothing invented', () => {
    fc.assert(
      fc.property(fc.oneof(anyUtf16, dateish, turkish), (s) => {
        const p = document.createElement('p');
        p.textContent = s;
        const lines = visibleLines(p);
        const c = collapse(s);
        expect(lines.map((l) => l.raw)).toEqual(c ? [c] : []);
        for (const l of lines) expect(l.folded).toBe(fold(l.raw));
      }),
      { numRuns: 150 },
    );
  });
});
