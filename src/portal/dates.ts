/**
 * Dates as the portals write them → ISO calendar dates (`yyyy-MM-dd`) and wall times (`HH:mm`).
 *
 * Pure calendar arithmetic: nothing goes through `new Date(string)` or a time zone, so "12.08.2026" is 2026-08-12 on
 * any machine. Impossible dates (31.02.2026) are reported as unreadable, never rolled over to another day.
 * Accepted: dd.MM.yyyy, dd/MM/yyyy, d.M.yyyy, yyyy-MM-dd, "3 Aralık 2026", "3 December 2026", "December 3, 2026",
 * with or without a weekday word and a time ("15 Şubat 2027 Pazartesi 09:00", "7 January 2027, 14:45"), a weekday
 * in front ("Thursday, 17th December 2026"), and a slot range after ("17 Aralık 2026 Perşembe 09:15 - 09:30": the
 * appointment time is the slot's start).
 *
 * Text under a right-to-left override, embedding or isolate (U+202E, U+202B, U+2067) is not shown in the order it
 * is stored: "\u202e01.10.2027" displays as "7202.01.10", and a range in an RTL run shows its dates swapped. The
 * portals never write such text, so dates in it are reported as unreadable rather than read in an order the user
 * does not see (adversarial corpus).
 */
import type { IsoDate, WallTime } from './types';
import { fold } from './text';

const MONTHS: Record<string, number> = {
  ocak: 1,
  subat: 2,
  mart: 3,
  nisan: 4,
  mayis: 5,
  haziran: 6,
  temmuz: 7,
  agustos: 8,
  eylul: 9,
  ekim: 10,
  kasim: 11,
  aralik: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  // abbreviations (TR and EN)
  oca: 1,
  sub: 2,
  mar: 3,
  nis: 4,
  haz: 6,
  tem: 7,
  agu: 8,
  eyl: 9,
  eki: 10,
  kas: 11,
  ara: 12,
  jan: 1,
  feb: 2,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const WEEKDAYS =
  'pazartesi|sali|carsamba|persembe|cuma|cumartesi|pazar|monday|tuesday|wednesday|thursday|friday|saturday|sunday|pzt|sal|car|per|cum|cmt|paz|mon|tue|wed|thu|fri|sat|sun';

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

// All patterns run on folded text (lower case, no diacritics).
const NUMERIC = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?![\d])/g;
const ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const DAY_MONTH = new RegExp(
  `(?<![\\d.])(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+(${MONTH_ALT})\\.?(?![a-z])[\\s,]+(\\d{4})(?!\\d)`,
  'g',
);
const MONTH_DAY = new RegExp(
  `(?<![a-z])(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s+(\\d{4})(?!\\d)`,
  'g',
);
/** A time right after a date, with an optional weekday word, comma, "saat" or "at" between. */
const TIME_AFTER = new RegExp(
  `^[\\s,]*(?:(?:${WEEKDAYS})\\.?[\\s,]*)?(?:(?:saat|at)\\s*|-\\s*)?([01]?\\d|2[0-3])[:.]([0-5]\\d)(?![\\d.:])`,
);
const TIME = /(?<![\d.:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/;
const RTL_CONTROL = /[\u202b\u202e\u2067]/;

export interface DateHit {
  /** The ISO date, or null when the text has a date's shape but no such day exists (31.02.2026). */
  iso: IsoDate | null;
  /** Time written right after the date, if any. */
  time: WallTime | null;
  index: number;
  end: number;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A real calendar day → `yyyy-MM-dd`, else null. Years outside 1900–2199 are not portal dates. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every date in the text, in order of appearance. */
export function findDates(text: string): DateHit[] {
  const s = fold(text);
  const rtl = RTL_CONTROL.test(text);
  const hits: DateHit[] = [];
  // Hits of the earlier patterns, by position: a later pattern's match overlapping one of them is dropped. Matches
  // of one pattern never overlap each other, so a binary search per match keeps a page full of dates O(n log n).
  let earlier: DateHit[] = [];
  const overlaps = (index: number, end: number) => {
    let lo = 0;
    let hi = earlier.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (earlier[mid]!.end <= index) lo = mid + 1;
      else hi = mid;
    }
    const h = earlier[lo];
    return !!h && h.index < end;
  };
  const add = (index: number, end: number, y: number, m: number, d: number) => {
    if (overlaps(index, end)) return;
    const t = TIME_AFTER.exec(s.slice(end, end + 32));
    hits.push({
      iso: rtl ? null : isoDate(y, m, d),
      time: t ? `${pad(Number(t[1]))}:${t[2]}` : null,
      index,
      end,
    });
  };
  const pass = () => (earlier = [...hits].sort((a, b) => a.index - b.index));
  for (const m of s.matchAll(NUMERIC)) add(m.index, m.index + m[0].length, +m[4]!, +m[3]!, +m[1]!);
  pass();
  for (const m of s.matchAll(ISO)) add(m.index, m.index + m[0].length, +m[1]!, +m[2]!, +m[3]!);
  pass();
  for (const m of s.matchAll(DAY_MONTH)) add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[2]!]!, +m[1]!);
  pass();
  for (const m of s.matchAll(MONTH_DAY)) add(m.index, m.index + m[0].length, +m[3]!, MONTHS[m[1]!]!, +m[2]!);
  return hits.sort((a, b) => a.index - b.index);
}

/** The first date in the text (null if none, or if the first date-shaped text is impossible). */
export function parseDate(text: string): IsoDate | null {
  return findDates(text)[0]?.iso ?? null;
}

/** The first date and the time written with it. */
export function parseDateTime(text: string): { date: IsoDate | null; time: WallTime | null } | null {
  const h = findDates(text)[0];
  return h ? { date: h.iso, time: h.time } : null;
}

/** `HH:mm` anywhere in the text, outside dates ("12.08.2026" is not 12:08). */
export function parseTime(text: string): WallTime | null {
  const m = TIME.exec(fold(text));
  return m ? `${pad(Number(m[1]))}:${m[2]}` : null;
}

/**
 * Why a range is incomplete: no date in it, only one, a date that is no real day (31.02.2026), or the end before
 * the start.
 */
export type RangeProblem = 'none' | 'one' | 'impossible' | 'reversed';

export interface RangeResult {
  start: IsoDate | null;
  end: IsoDate | null;
  /** Why the range is incomplete, if it is. */
  problem: RangeProblem | null;
}

/**
 * "12.08.2025 - 11.08.2026" (any dash, nbsp, line breaks) → start and end. Only the first two dates count. An
 * impossible date leaves its side null; an end before the start leaves both null. Never guesses.
 */
export function parseRange(text: string): RangeResult {
  const hits = findDates(text);
  if (hits.length === 0) return { start: null, end: null, problem: 'none' };
  if (hits.length === 1) return { start: null, end: null, problem: hits[0]!.iso ? 'one' : 'impossible' };
  const [a, b] = hits as [DateHit, DateHit];
  if (a.iso && b.iso && a.iso > b.iso) return { start: null, end: null, problem: 'reversed' };
  const problem = !a.iso || !b.iso ? 'impossible' : null;
  return { start: a.iso, end: b.iso, problem };
}

/** Today's calendar date in Turkey (UTC+3 all year since 2016, no DST) for an instant. */
export function istanbulDate(now: Date): IsoDate {
  return new Date(now.getTime() + 3 * 3600_000).toISOString().slice(0, 10);
}
