/**
 * The short-stay rule for tourists on a visa or visa exemption: at most 90 days in any 180-day period
 * (Council of Ministers decision 2011/2306, in force 1 Feb 2012); some nationalities get 30 or 60 days
 * (domain-facts, Timing rules). Longer stays need a residence permit.
 *
 * Counting, as official short-stay calculators count (e.g. the Swiss SEM's guide to the EU short-stay calculator,
 * worked through in tests/unit/domain/stay.test.ts):
 * - the entry day and the exit day are both days of stay; a day spent in the country counts once, even when one
 *   trip ends and the next begins on it (leaving and coming back on the same day is not an overlap);
 * - the 180-day window ending on date D is [D − 179, D], both ends included;
 * - an open trip (no exit yet) counts up to `today`.
 * The facts file states the 90/180 rule but not this counting convention for Turkey: the line that states it is
 * flagged weak.
 *
 * Trips are never silently repaired: exits before entries, overlapping trips and open trips that start in the
 * future are reported (naming the trips) and no figure is computed until they are fixed (`stayReport`).
 */
import { LIMITS } from './limits';
import type { IsoDate } from './types';
import { addDays, daysBetween, isValidIsoDate, parseIsoDate } from './calendar';
import { collectSources, type SourceId } from './sources';
import { line, type Line } from './text';

export const WINDOW_DAYS = 180; // [council-of-ministers-2011-2306]
export const ALLOWANCES = [90, 60, 30] as const; // [council-of-ministers-2011-2306] "some get 30 or 60 days"
export type Allowance = (typeof ALLOWANCES)[number];
export const DEFAULT_ALLOWANCE: Allowance = 90;
/** The most trips one person may keep (also the limit of the `panel:setTrips` message and CSV import). */
export const MAX_TRIPS = LIMITS.trips;

const RULE_SOURCES: readonly SourceId[] = ['council-of-ministers-2011-2306'];

export interface Trip {
  id: string;
  entry: IsoDate;
  /** null: still in the country (an open trip, counted up to today). */
  exit: IsoDate | null;
}

export function isAllowance(v: unknown): v is Allowance {
  return (ALLOWANCES as readonly unknown[]).includes(v);
}

// --- Order and problems ----------------------------------------------------------------------------------------

/** Chronological order (entry, then exit, open last), stable: the order trips are shown and numbered in. */
export function sortTrips<T extends Trip>(trips: readonly T[]): T[] {
  return trips
    .map((t, i) => ({ t, i }))
    .sort((a, b) => {
      if (a.t.entry !== b.t.entry) return a.t.entry < b.t.entry ? -1 : 1;
      const ea = a.t.exit ?? '9999-99-99';
      const eb = b.t.exit ?? '9999-99-99';
      if (ea !== eb) return ea < eb ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.t);
}

export type TripProblem =
  | { kind: 'bad-date'; tripIds: [string]; line: Line }
  | { kind: 'exit-before-entry'; tripIds: [string]; line: Line }
  | { kind: 'open-in-future'; tripIds: [string]; line: Line }
  | { kind: 'overlap'; tripIds: [string, string]; line: Line }
  | { kind: 'duplicate-id'; tripIds: [string]; line: Line }
  | { kind: 'too-many'; tripIds: []; line: Line };

/**
 * Everything wrong with a list of trips, each naming its trips (by id, and by number in `sortTrips` order in the
 * line). Two trips overlap when the later one starts before the earlier one ends; sharing only the exit/entry day
 * is allowed. An open trip ends `today` for this purpose, so two open trips always overlap.
 */
export function checkTrips(trips: readonly Trip[], today: IsoDate): TripProblem[] {
  const problems: TripProblem[] = [];
  if (trips.length > MAX_TRIPS) {
    problems.push({
      kind: 'too-many',
      tripIds: [],
      line: line('stay_problem_too_many', [], { count: trips.length, max: MAX_TRIPS }),
    });
  }
  const seen = new Set<string>();
  for (const t of trips) {
    if (seen.has(t.id))
      problems.push({ kind: 'duplicate-id', tripIds: [t.id], line: line('stay_problem_duplicate_id', []) });
    seen.add(t.id);
  }
  const sorted = sortTrips(
    trips.filter((t) => isValidIsoDate(t.entry) && (t.exit === null || isValidIsoDate(t.exit))),
  );
  const number = new Map(sorted.map((t, i) => [t, i + 1]));
  for (const t of trips) {
    if (!number.has(t)) {
      problems.push({
        kind: 'bad-date',
        tripIds: [t.id],
        line: line('stay_problem_bad_date', [], { entry: String(t.entry), exit: String(t.exit ?? '') }),
      });
    }
  }
  const ends: { trip: Trip; end: IsoDate }[] = [];
  for (const t of sorted) {
    const n = number.get(t)!;
    if (t.exit !== null && t.exit < t.entry) {
      problems.push({
        kind: 'exit-before-entry',
        tripIds: [t.id],
        line: line('stay_problem_exit_before_entry', [], { trip: n, entry: t.entry, exit: t.exit }),
      });
      continue;
    }
    if (t.exit === null && t.entry > today) {
      problems.push({
        kind: 'open-in-future',
        tripIds: [t.id],
        line: line('stay_problem_open_in_future', [], { trip: n, entry: t.entry }),
      });
      continue;
    }
    ends.push({ trip: t, end: t.exit ?? today });
  }
  // Sweep in entry order, comparing each trip with every earlier one still running (not just the previous one,
  // so a long trip containing two short ones reports both).
  for (let j = 0; j < ends.length; j++) {
    const b = ends[j]!;
    for (let i = 0; i < j; i++) {
      const a = ends[i]!;
      const same = b.trip.entry === a.trip.entry && b.trip.exit === a.trip.exit;
      if (b.trip.entry < a.end || same) {
        problems.push({
          kind: 'overlap',
          tripIds: [a.trip.id, b.trip.id],
          line: line('stay_problem_overlap', [], {
            trip: number.get(a.trip)!,
            other: number.get(b.trip)!,
          }),
        });
      }
    }
  }
  return problems;
}

// --- Counting ----------------------------------------------------------------------------------------------------

const EPOCH: IsoDate = '1970-01-01';
const dayNo = (d: IsoDate) => daysBetween(EPOCH, d);
const dateOf = (n: number): IsoDate => addDays(EPOCH, n);

/** Merged, sorted runs of days present (day numbers, both ends included), with a prefix sum for fast counts. */
interface Presence {
  runs: { from: number; to: number }[];
  /** days present in runs[0..i-1] */
  before: number[];
}

/**
 * Days present, from trips as given. An open trip runs to `openUntil`; a trip whose exit is before its entry adds
 * nothing (it is reported by `checkTrips`). Days that belong to several trips count once.
 */
function presence(trips: readonly Trip[], openUntil: IsoDate): Presence {
  const raw = trips
    .map((t) => ({ from: dayNo(t.entry), to: dayNo(t.exit ?? openUntil) }))
    .filter((r) => r.to >= r.from)
    .sort((a, b) => a.from - b.from);
  const runs: { from: number; to: number }[] = [];
  for (const r of raw) {
    const last = runs.at(-1);
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else runs.push({ ...r });
  }
  const before = [0];
  for (const r of runs) before.push(before.at(-1)! + (r.to - r.from + 1));
  return { runs, before };
}

/** Days present in [lo, hi]. */
function count(p: Presence, lo: number, hi: number): number {
  if (hi < lo) return 0;
  return upTo(p, hi) - upTo(p, lo - 1);
}

/** Days present on or before day x. */
function upTo(p: Presence, x: number): number {
  // last run starting on or before x
  let a = 0;
  let b = p.runs.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (p.runs[m]!.from <= x) a = m + 1;
    else b = m;
  }
  if (a === 0) return 0;
  const r = p.runs[a - 1]!;
  return p.before[a - 1]! + Math.min(r.to, x) - r.from + 1;
}

function lastDay(p: Presence): number | null {
  return p.runs.at(-1)?.to ?? null;
}

/**
 * Days of stay in the 180-day window ending on `onDate` ([onDate − 179, onDate]). An open trip counts up to
 * `today` when given, else up to `onDate` (as if the stay goes on until then).
 */
export function daysUsed(trips: readonly Trip[], onDate: IsoDate, today?: IsoDate): number {
  const d = dayNo(onDate);
  return count(presence(trips, today ?? onDate), d - (WINDOW_DAYS - 1), d);
}

/** The trip that includes `today` (an open trip, or one whose exit is today or later), if any. */
export function currentTrip(trips: readonly Trip[], today: IsoDate): Trip | null {
  return trips.find((t) => t.entry <= today && (t.exit === null || t.exit >= today)) ?? null;
}

export interface CurrentStay {
  tripId: string;
  /**
   * The latest day this stay may last if it goes on without a break; null when the allowance is already
   * exceeded today.
   */
  latestExit: IsoDate | null;
  /** First day of this stay on which the window held more than the allowance; null if none up to today. */
  overSince: IsoDate | null;
  /**
   * Days over the allowance as of today, counted from `overSince` (today − the last lawful day): what the overstay
   * card takes. It is never less than `excessDays`.
   */
  daysOver: number;
  /** Days used today minus the allowance (what short-stay calculators call the overstay in the window); ≥ 0. */
  excessDays: number;
}

/**
 * The current stay, assumed to go on day after day from today. Days used in the window can only grow or stay
 * equal while one stays (each day adds one and drops at most one), so the latest exit is the last day the count
 * is still within the allowance, and the first day over begins an unbroken overstay.
 */
export function currentStay(
  trips: readonly Trip[],
  allowance: Allowance,
  today: IsoDate,
): CurrentStay | null {
  const trip = currentTrip(trips, today);
  if (!trip) return null;
  const t = dayNo(today);
  // Everything up to today, with this stay counted up to today; later plans are ignored for this answer.
  const past = presence(
    trips.filter((x) => x.entry <= today).map((x) => (x.id === trip.id ? { ...x, exit: today } : x)),
    today,
  );
  const usedOn = (d: number) => count(past, d - (WINDOW_DAYS - 1), Math.min(d, t)) + Math.max(0, d - t);
  const usedToday = usedOn(t);
  let overSince: IsoDate | null = null;
  if (usedToday > allowance) {
    // the first day of this stay (up to today) on which the count went over
    for (let d = dayNo(trip.entry); d <= t; d++) {
      if (usedOn(d) > allowance) {
        overSince = dateOf(d);
        break;
      }
    }
  }
  let latestExit: IsoDate | null = null;
  if (usedToday <= allowance) {
    let d = t;
    while (usedOn(d + 1) <= allowance) d++;
    latestExit = dateOf(d);
  }
  return {
    tripId: trip.id,
    latestExit,
    overSince,
    daysOver: overSince ? daysBetween(overSince, today) + 1 : 0,
    excessDays: Math.max(0, usedToday - allowance),
  };
}

export type Plan =
  | { kind: 'ok'; entry: IsoDate; days: number; lastDay: IsoDate }
  | { kind: 'none'; entry: IsoDate; days: 0 }
  | { kind: 'inside-trip'; entry: IsoDate; tripId: string };

/**
 * "If I enter on `entry`, how long may I stay?": the most consecutive days (entry day included) such that no
 * window ending on one of them holds more than the allowance. Only days before `entry` count as earlier stays
 * (later planned trips are not taken into account); an open trip is taken to end today.
 */
export function maxStayIfEnteringOn(
  trips: readonly Trip[],
  entry: IsoDate,
  allowance: Allowance = DEFAULT_ALLOWANCE,
  today: IsoDate = entry,
): Plan {
  const inside = trips.find((t) => t.entry <= entry && (t.exit ?? today) >= entry);
  if (inside) return { kind: 'inside-trip', entry, tripId: inside.id };
  const days = maxStayFrom(presence(trips, today), dayNo(entry), allowance);
  return days === 0
    ? { kind: 'none', entry, days: 0 }
    : { kind: 'ok', entry, days, lastDay: addDays(entry, days - 1) };
}

function maxStayFrom(p: Presence, e: number, allowance: number): number {
  let k = 0;
  // day e + k is allowed when the earlier days in its window plus the k + 1 days of this stay fit
  while (k < allowance && count(p, e + k - (WINDOW_DAYS - 1), e - 1) + k + 1 <= allowance) k++;
  return k;
}

/**
 * The earliest date, today or later and after every listed day of stay (an open trip taken to end today), on
 * which one could enter and stay the full allowance. Later entry dates only see fewer earlier days in their
 * windows, so the answer is found by bisection; the last day of stay + 180 always qualifies.
 */
export function fullAllowanceFrom(trips: readonly Trip[], allowance: Allowance, today: IsoDate): IsoDate {
  const p = presence(trips, today);
  const last = lastDay(p);
  const t = dayNo(today);
  let lo = last === null ? t : Math.max(t, last + 1);
  let hi = last === null ? t : Math.max(lo, last + WINDOW_DAYS);
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (maxStayFrom(p, m, allowance) >= allowance) hi = m;
    else lo = m + 1;
  }
  return dateOf(lo);
}

/** Each trip on which the window went over the allowance (past or planned), with the first such day. */
export function tripsOver(
  trips: readonly Trip[],
  allowance: Allowance,
  today: IsoDate,
): { tripId: string; from: IsoDate }[] {
  const p = presence(trips, today);
  const out: { tripId: string; from: IsoDate }[] = [];
  for (const trip of sortTrips(trips)) {
    const from = dayNo(trip.entry);
    const to = dayNo(trip.exit ?? today);
    for (let d = from; d <= to; d++) {
      if (count(p, d - (WINDOW_DAYS - 1), d) > allowance) {
        out.push({ tripId: trip.id, from: dateOf(d) });
        break;
      }
    }
  }
  return out;
}

// --- The card's answers ------------------------------------------------------------------------------------------

export interface StayResult {
  allowance: Allowance;
  daysUsed: number;
  /** allowance − days used in the window ending today, never below 0. */
  daysLeft: number;
  /** Present today. */
  inCountry: boolean;
  current: CurrentStay | null;
  fullAllowanceFrom: IsoDate;
  over: { tripId: string; from: IsoDate }[];
  lines: Line[];
}

export interface StayReport {
  problems: TripProblem[];
  /** "Fix the trips marked below…", when there are problems. */
  notice: Line | null;
  /** null while any problem is unresolved: figures from a list with errors would mislead. */
  result: StayResult | null;
  /** The rule and how days are counted: shown whether or not there are problems. */
  rules: Line[];
  sources: SourceId[];
}

export function stayRules(allowance: Allowance): Line[] {
  return [line('stay_rule', RULE_SOURCES, { allowance }), line('stay_counting', [], undefined, true)];
}

export function stayReport(trips: readonly Trip[], allowance: Allowance, today: IsoDate): StayReport {
  const problems = checkTrips(trips, today);
  const rules = stayRules(allowance);
  if (problems.length > 0) {
    const lines = [...rules, ...problems.map((p) => p.line)];
    return {
      problems,
      notice: line('stay_problems', []),
      result: null,
      rules,
      sources: collectSources(lines),
    };
  }
  const used = daysUsed(trips, today, today);
  const current = currentStay(trips, allowance, today);
  const full = fullAllowanceFrom(trips, allowance, today);
  const over = tripsOver(trips, allowance, today);
  const order = new Map(sortTrips(trips).map((t, i) => [t.id, i + 1]));
  const lines: Line[] = [line('stay_days_used', RULE_SOURCES, { date: today, used, allowance })];
  if (current?.latestExit) {
    lines.push(line('stay_latest_exit', RULE_SOURCES, { date: current.latestExit }));
  }
  if (current?.overSince) {
    lines.push(
      line('stay_over_now', RULE_SOURCES, {
        date: current.overSince,
        daysOver: current.daysOver,
        allowance,
      }),
    );
  }
  for (const o of over) {
    // the current stay's overstay has its own line; a planned exit past the latest exit is still shown
    if (o.tripId === current?.tripId && current.overSince !== null) continue;
    lines.push(
      line('stay_trip_over', RULE_SOURCES, { trip: order.get(o.tripId) ?? 0, date: o.from, allowance }),
    );
  }
  lines.push(line('stay_full_allowance', RULE_SOURCES, { date: full, allowance }));
  const result: StayResult = {
    allowance,
    daysUsed: used,
    daysLeft: Math.max(0, allowance - used),
    inCountry: current !== null,
    current,
    fullAllowanceFrom: full,
    over,
    lines,
  };
  return { problems, notice: null, result, rules, sources: collectSources([...rules, ...lines]) };
}

/** The planner's answer as a line. */
export function planLine(plan: Plan, trips: readonly Trip[]): Line {
  switch (plan.kind) {
    case 'ok':
      return line('stay_plan', RULE_SOURCES, { entry: plan.entry, days: plan.days, lastDay: plan.lastDay });
    case 'none':
      return line('stay_plan_none', RULE_SOURCES, { entry: plan.entry });
    case 'inside-trip': {
      const n = sortTrips(trips).findIndex((t) => t.id === plan.tripId) + 1;
      return line('stay_plan_inside_trip', [], { entry: plan.entry, trip: n });
    }
  }
}

/**
 * The add/edit form's dates: the entry is required, an empty exit means "still in Turkey", and an exit before
 * the entry is refused here (a list already holding such a trip shows it as a problem instead).
 */
export function readTripDates(
  entryText: string,
  exitText: string,
): { ok: true; entry: IsoDate; exit: IsoDate | null } | { ok: false; line: Line } {
  const entry = parseIsoDate(entryText);
  if (!entry.ok) return { ok: false, line: line('stay_form_entry', [], { reason: entry.reason }) };
  if (exitText.trim() === '') return { ok: true, entry: entry.date, exit: null };
  const exit = parseIsoDate(exitText);
  if (!exit.ok) return { ok: false, line: line('stay_form_exit', [], { reason: exit.reason }) };
  if (exit.date < entry.date) return { ok: false, line: line('stay_form_exit_before_entry', []) };
  return { ok: true, entry: entry.date, exit: exit.date };
}
