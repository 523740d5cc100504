/**
 * Days the migration offices are closed: weekends, official holidays (Law 2429, dates from domain-facts) and
 * bridge days the user adds (declared yearly for public offices, so not known in advance).
 *
 * Religious holidays move every year and are known here for 2025–2027 only. Their dates come from Diyanet's
 * calendar (Dini Günler Takvimi); the 2026 dates here match it as Turkish news quotes it. 2027's dates are the
 * facts file's (⚠): no official 2027 announcement was found in the December 2026 review, so they stay weakly
 * sourced and cite that they are unchecked. For any other year `religiousHolidaysKnown` is false: the caller says
 * "not known" instead of guessing. The fixed days are the same every year and are always applied.
 *
 * Half days: 28 Oct closes at 13:00 (domain-facts). The facts file marks the bayram eves (arife) as half days
 * without giving the hour, so their `closesAt` is null; `isOfficeClosed` treats a half day as open unless it knows
 * that the given time is past the closing hour.
 */
import type { IsoDate, WallTime } from './types';
import { addDays, isWeekend, yearOf } from './calendar';
import { collectSources, type SourceId, type Sourced } from './sources';
import { line, type Line, type TextId } from './text';

export type HolidayKind =
  | 'fixed'
  | 'republic-eve'
  | 'ramazan-arife'
  | 'ramazan-bayrami'
  | 'kurban-arife'
  | 'kurban-bayrami'
  | 'bridge';

export interface Holiday extends Sourced {
  date: IsoDate;
  kind: HolidayKind;
  name: TextId;
  /** Offices work in the morning only. */
  halfDay: boolean;
  /** For half days, when offices close, if the source says so. */
  closesAt: WallTime | null;
  /** Added by the user, not from a source. */
  userAdded?: boolean;
}

const LAW: SourceId[] = ['law-2429'];

/** Fixed holidays, month-day → name. Law 2429, per domain-facts. */
const FIXED: ReadonlyArray<readonly [string, TextId]> = [
  ['01-01', 'holiday_new_year'],
  ['04-23', 'holiday_national_sovereignty'],
  ['05-01', 'holiday_labour'],
  ['05-19', 'holiday_youth_sports'],
  ['07-15', 'holiday_democracy'],
  ['08-30', 'holiday_victory'],
  ['10-29', 'holiday_republic'],
];
/** 28 Oct, half day from 13:00. Law 2429, per domain-facts. */
const REPUBLIC_EVE = '10-28';
const REPUBLIC_EVE_CLOSES_AT: WallTime = '13:00';

interface ReligiousYear {
  ramazanArife: IsoDate;
  ramazan: readonly [IsoDate, IsoDate];
  kurbanArife: IsoDate;
  kurban: readonly [IsoDate, IsoDate];
  /** Law 2429 makes them holidays; the dates come from the sources after it. */
  sources: SourceId[];
  weak: boolean;
}

/** domain-facts, "Public holidays" table [law-2429]. 2027 is marked ⚠ there. */
export const RELIGIOUS_HOLIDAYS: Readonly<Record<number, ReligiousYear>> = {
  2025: {
    ramazanArife: '2025-03-29',
    ramazan: ['2025-03-30', '2025-04-01'],
    kurbanArife: '2025-06-05',
    kurban: ['2025-06-06', '2025-06-09'],
    sources: ['law-2429'],
    weak: false,
  },
  2026: {
    ramazanArife: '2026-03-19',
    ramazan: ['2026-03-20', '2026-03-22'],
    kurbanArife: '2026-05-26',
    kurban: ['2026-05-27', '2026-05-30'],
    sources: ['law-2429', 'diyanet-dini-gunler'],
    weak: false,
  },
  2027: {
    ramazanArife: '2027-03-08',
    ramazan: ['2027-03-09', '2027-03-11'],
    kurbanArife: '2027-05-15',
    kurban: ['2027-05-16', '2027-05-19'],
    sources: ['law-2429', 'holidays-2027-unchecked'],
    weak: true, // ⚠ in domain-facts; not found in an official 2027 announcement
  },
};

export function religiousHolidaysKnown(year: number): boolean {
  return Object.prototype.hasOwnProperty.call(RELIGIOUS_HOLIDAYS, year);
}

function within(date: IsoDate, [from, to]: readonly [IsoDate, IsoDate]): boolean {
  return from <= date && date <= to;
}

function religiousHoliday(date: IsoDate): Holiday | null {
  const y = RELIGIOUS_HOLIDAYS[yearOf(date)];
  if (!y) return null;
  const base = { date, sources: y.sources, ...(y.weak ? { weak: true } : {}) };
  if (date === y.ramazanArife) {
    return { ...base, kind: 'ramazan-arife', name: 'holiday_ramazan_arife', halfDay: true, closesAt: null };
  }
  if (within(date, y.ramazan)) {
    return { ...base, kind: 'ramazan-bayrami', name: 'holiday_ramazan', halfDay: false, closesAt: null };
  }
  if (date === y.kurbanArife) {
    return { ...base, kind: 'kurban-arife', name: 'holiday_kurban_arife', halfDay: true, closesAt: null };
  }
  if (within(date, y.kurban)) {
    return { ...base, kind: 'kurban-bayrami', name: 'holiday_kurban', halfDay: false, closesAt: null };
  }
  return null;
}

export interface HolidayLookup {
  date: IsoDate;
  /** Usually zero or one; several when a bridge day or two holidays fall on the same date. Full days first. */
  holidays: Holiday[];
  /** False for years whose religious holidays are not in the table: the date may still be a bayram. */
  religiousHolidaysKnown: boolean;
}

export interface OfficeDayOptions {
  /** Bridge days declared for public offices, added by the user. */
  bridgeDays?: readonly IsoDate[];
  /** Time of day (Istanbul) to check half days against, e.g. the appointment time. */
  time?: WallTime | null;
}

export function holidayOn(date: IsoDate, bridgeDays: readonly IsoDate[] = []): HolidayLookup {
  const holidays: Holiday[] = [];
  const md = date.slice(5);
  const fixed = FIXED.find(([d]) => d === md);
  if (fixed)
    holidays.push({ date, kind: 'fixed', name: fixed[1], halfDay: false, closesAt: null, sources: LAW });
  if (md === REPUBLIC_EVE) {
    holidays.push({
      date,
      kind: 'republic-eve',
      name: 'holiday_republic_eve',
      halfDay: true,
      closesAt: REPUBLIC_EVE_CLOSES_AT,
      sources: LAW,
    });
  }
  const religious = religiousHoliday(date);
  if (religious) holidays.push(religious);
  if (bridgeDays.includes(date)) {
    holidays.push({
      date,
      kind: 'bridge',
      name: 'holiday_bridge',
      halfDay: false,
      closesAt: null,
      sources: [],
      userAdded: true,
    });
  }
  holidays.sort((a, b) => Number(a.halfDay) - Number(b.halfDay));
  return { date, holidays, religiousHolidaysKnown: religiousHolidaysKnown(yearOf(date)) };
}

export type OfficeDayStatus = 'open' | 'closed' | 'half-day';

export interface OfficeDay extends HolidayLookup {
  weekend: boolean;
  /** 'closed' all day (weekend, full holiday, bridge day); 'half-day' open in the morning only. */
  status: OfficeDayStatus;
  /** The closing time on a half day, when the source gives it. */
  closesAt: WallTime | null;
}

export function officeDay(date: IsoDate, options: OfficeDayOptions = {}): OfficeDay {
  const lookup = holidayOn(date, options.bridgeDays);
  const weekend = isWeekend(date);
  const full = lookup.holidays.some((h) => !h.halfDay);
  const half = lookup.holidays.find((h) => h.halfDay);
  const status: OfficeDayStatus = weekend || full ? 'closed' : half ? 'half-day' : 'open';
  return { ...lookup, weekend, status, closesAt: status === 'half-day' ? (half?.closesAt ?? null) : null };
}

/**
 * Whether offices are closed on `date` (at `time`, when given). A half day counts as closed only when the time is
 * known to be at or after the closing hour. Unknown religious holidays (years outside the table) count as open:
 * check `officeDay(...).religiousHolidaysKnown` to say so.
 */
export function isOfficeClosed(date: IsoDate, options: OfficeDayOptions = {}): boolean {
  const day = officeDay(date, options);
  if (day.status === 'closed') return true;
  if (day.status === 'half-day' && options.time && day.closesAt) return options.time >= day.closesAt;
  return false;
}

export interface WorkingDay {
  date: IsoDate;
  /** The working day is a half day (morning only). */
  halfDay: boolean;
  /** False when `date` is in a year whose religious holidays are unknown: it may be a bayram. */
  certain: boolean;
}

/** The first day after `date` on which offices open (half days count: they open in the morning). */
export function nextWorkingDay(date: IsoDate, options: Omit<OfficeDayOptions, 'time'> = {}): WorkingDay {
  let d = date;
  // A bayram plus weekends and bridge days never spans a month; the bound only guards against bad input.
  for (let i = 0; i < 60; i++) {
    d = addDays(d, 1);
    const day = officeDay(d, options);
    if (day.status !== 'closed') {
      return { date: d, halfDay: day.status === 'half-day', certain: day.religiousHolidaysKnown };
    }
  }
  throw new RangeError(`No working day within 60 days after ${date}`);
}

export interface OfficeClosureNotice {
  day: OfficeDay;
  /** Offices are closed all day (or at `time`, on a half day whose closing hour is known). */
  closed: boolean;
  /** When closed: the next working day. */
  next: WorkingDay | null;
  /** What the appointment card shows: closed → next working day; half day; religious holidays not known. */
  lines: Line[];
}

/** The holiday flag for a date the user cares about (an appointment, a deadline). */
export function officeClosureNotice(date: IsoDate, options: OfficeDayOptions = {}): OfficeClosureNotice {
  const day = officeDay(date, options);
  const closed = isOfficeClosed(date, options);
  const next = closed ? nextWorkingDay(date, options) : null;
  const holidaySources = collectSources(day.holidays.filter((h) => !h.userAdded));
  const weak = day.holidays.some((h) => h.weak);
  const lines: Line[] = [];
  if (next) lines.push(line('holiday_next_working_day', holidaySources, { date, next: next.date }, weak));
  else if (day.status === 'half-day') {
    const halfDays = day.holidays.filter((h) => h.halfDay && !h.userAdded);
    lines.push(line('holiday_half_day', collectSources(halfDays), { date }, weak));
  }
  if (!day.religiousHolidaysKnown || (next && !next.certain)) {
    lines.push(
      line('holiday_religious_unknown', [], { year: yearOf(next && !next.certain ? next.date : date) }),
    );
  }
  return { day, closed, next, lines };
}
