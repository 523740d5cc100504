/**
 * Turkey's calendar. Every date in the domain is an `IsoDate` (`yyyy-MM-dd`) on Europe/Istanbul's calendar, and
 * all arithmetic is done on those strings through UTC date math, so neither the machine's nor the browser's
 * time zone can shift a day. Only `istanbulToday` and the formatting helpers look at an instant.
 *
 * Istanbul has been on UTC+3 all year since 2016 (domain-facts: "UTC+3, no DST since 2016"); the zone database is
 * still used instead of a hard-coded offset so that a future change needs no code change.
 */
import { TZDate } from '@date-fns/tz';
import type { IsoDate, WallTime } from './types';

export const ISTANBUL_TZ = 'Europe/Istanbul';
const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Dates outside this range are treated as typing mistakes (a permit in 1066 or 9999 is not a thing). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export type IsoDateProblem = 'empty' | 'format' | 'year' | 'month' | 'day';

export type ParsedIsoDate =
  | { ok: true; date: IsoDate; year: number; month: number; day: number }
  | { ok: false; problem: IsoDateProblem; reason: string };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Strict `yyyy-MM-dd` parser that rejects impossible dates (2026-02-29, 2026-04-31, 2026-13-01) with a reason a
 * person can act on. Surrounding whitespace is ignored; nothing else is.
 */
export function parseIsoDate(input: string | null | undefined): ParsedIsoDate {
  const s = (input ?? '').trim();
  if (s === '') return { ok: false, problem: 'empty', reason: 'No date given.' };
  const m = ISO_RE.exec(s);
  if (!m) return { ok: false, problem: 'format', reason: `"${s}" is not a date in the form YYYY-MM-DD.` };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return { ok: false, problem: 'year', reason: `The year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}.` };
  }
  if (month < 1 || month > 12) {
    return { ok: false, problem: 'month', reason: `There is no month ${m[2]}; months run from 01 to 12.` };
  }
  const max = daysInMonth(year, month);
  if (day < 1 || day > max) {
    return {
      ok: false,
      problem: 'day',
      reason: `${monthName(month)} ${year} has ${max} days, so day ${m[3]} does not exist.`,
    };
  }
  return { ok: true, date: `${m[1]}-${m[2]}-${m[3]}`, year, month, day };
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_RE.test(value) && parseIsoDate(value).ok;
}

export function isValidWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && WALL_TIME_RE.test(value);
}

/** Throws on an invalid date: domain functions are called with validated dates, so this is a programming error. */
function toUtcMs(iso: IsoDate): number {
  const p = parseIsoDate(iso);
  if (!p.ok) throw new RangeError(`Invalid IsoDate ${JSON.stringify(iso)}: ${p.reason}`);
  return Date.UTC(p.year, p.month - 1, p.day);
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromUtcMs(toUtcMs(iso) + n * DAY_MS);
}

/** Calendar days from `fromIso` to `toIso`: positive when `toIso` is later, 0 on the same day. */
export function daysBetween(fromIso: IsoDate, toIso: IsoDate): number {
  return Math.round((toUtcMs(toIso) - toUtcMs(fromIso)) / DAY_MS);
}

/** -1, 0 or 1. ISO dates also compare correctly as strings; this validates them on the way. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekday(iso: IsoDate): number {
  return new Date(toUtcMs(iso)).getUTCDay();
}

export function isWeekend(iso: IsoDate): boolean {
  const d = weekday(iso);
  return d === 0 || d === 6;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

// --- Instants → Istanbul ---------------------------------------------------------------------------------------

function toDate(instant: Date | string | number): Date {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant ${String(instant)}`);
  return d;
}

/** The wall-clock parts of an instant in Istanbul, whatever the process or browser time zone. */
export function istanbulParts(instant: Date | string | number): {
  date: IsoDate;
  time: WallTime;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
} {
  const z = new TZDate(toDate(instant).getTime(), ISTANBUL_TZ);
  const year = z.getFullYear();
  const month = z.getMonth() + 1;
  const day = z.getDate();
  const hour = z.getHours();
  const minute = z.getMinutes();
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    year,
    month,
    day,
    hour,
    minute,
  };
}

/** Today's date on Turkey's calendar. A user in New York at 23:00 is already on the next day here. */
export function istanbulToday(now: Date): IsoDate {
  return istanbulParts(now).date;
}

/** `HH:mm` in Istanbul for an instant. */
export function istanbulTime(instant: Date | string | number): WallTime {
  return istanbulParts(instant).time;
}

/** The instant at which Istanbul's wall clock shows `date` `time` (e.g. for scheduling a reminder). */
export function istanbulInstant(date: IsoDate, time: WallTime = '00:00'): Date {
  const p = parseIsoDate(date);
  if (!p.ok) throw new RangeError(`Invalid IsoDate ${JSON.stringify(date)}: ${p.reason}`);
  const t = WALL_TIME_RE.exec(time);
  if (!t) throw new RangeError(`Invalid WallTime ${JSON.stringify(time)}`);
  const z = new TZDate(p.year, p.month - 1, p.day, Number(t[1]), Number(t[2]), ISTANBUL_TZ);
  return new Date(z.getTime());
}

const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

/** "22 Nov 2026", from an IsoDate, no time zone involved. English: the UI may format with its own locale. */
export function formatIsoDate(iso: IsoDate): string {
  const p = parseIsoDate(iso);
  if (!p.ok) throw new RangeError(`Invalid IsoDate ${JSON.stringify(iso)}: ${p.reason}`);
  return `${p.day} ${SHORT_MONTHS[p.month - 1]} ${p.year}`;
}

/**
 * "22 Nov 14:05" (Istanbul wall clock) for provenance lines such as "read from e-ikamet status page, 22 Nov
 * 14:05". The year is added when it differs from `today`'s year, if given.
 */
export function formatIstanbulShort(instant: Date | string | number, today?: IsoDate): string {
  const p = istanbulParts(instant);
  const year = today && yearOf(today) !== p.year ? ` ${p.year}` : '';
  return `${p.day} ${SHORT_MONTHS[p.month - 1]}${year} ${p.time}`;
}
