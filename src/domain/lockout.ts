/**
 * randevu.goc.gov.tr lockout. A confirmed appointment can be neither cancelled nor rescheduled (randevu article;
 * Mondaq 2024-08-01; NatLawReview). A missed one means waiting 30 days before a new booking (randevu article; Mondaq
 * 2024-08-01); one secondary source says 15 (⚠ homesoverseas.ru citing Türkiye Today). That a *confirmed*
 * appointment also blocks new bookings for 30 days rests only on the randevu article and one cut-off sentence on
 * visa-guru.com (⚠): it is shown, marked weak, and the user may set the length to 15 in the settings.
 *
 * Counting: booking opens again on `start + length` (start = the confirmation day, or the missed appointment's
 * day). With 30 days and a booking on 1 Nov, 30 Nov is still locked (day 29) and 1 Dec is open (day 30).
 * When the confirmation day was not read, the day the confirmed appointment was first seen stands in for it and
 * the result is marked `estimated` (the real lockout may end earlier, never later).
 */
import type { IsoDate } from './types';
import { addDays, daysBetween } from './calendar';
import { collectSources, isWeakSource, type SourceId } from './sources';
import { line, type Line } from './text';

export type LockoutLength = 30 | 15;

/** The lengths the setting offers, each with its source (for a missed appointment; see `lockoutSources`). */
export const LOCKOUT_LENGTHS = {
  30: { sources: ['randevu-article', 'mondaq-2024-08-01'] as SourceId[], weak: false },
  15: { sources: ['randevu-secondary-15-days'] as SourceId[], weak: true }, // [randevu-secondary-15-days] weak
} as const satisfies Record<LockoutLength, { sources: SourceId[]; weak: boolean }>;

/** No cancel or reschedule after confirmation: the randevu article, Mondaq (2024-08-01) and NatLawReview. */
export const NO_CANCEL_SOURCES: SourceId[] = ['randevu-article', 'mondaq-2024-08-01', 'natlawreview-randevu'];

/** A confirmed appointment blocks new bookings for 30 days: the randevu article and one cut-off sentence (⚠). */
export const CONFIRMED_BLOCK_SOURCES: SourceId[] = ['randevu-article', 'visa-guru-confirmed-block'];

/**
 * What a lockout of this kind and length rests on. 30 days after a missed appointment: the randevu article and
 * Mondaq. 30 days after a confirmed one: the randevu article and a cut-off sentence (⚠). 15 days, the user's
 * setting: the one secondary source that says 15 (⚠).
 */
export function lockoutSources(kind: LockoutEvent['kind'], length: LockoutLength): SourceId[] {
  if (length === 15) return LOCKOUT_LENGTHS[15].sources;
  return kind === 'missed' ? LOCKOUT_LENGTHS[30].sources : CONFIRMED_BLOCK_SOURCES;
}

export const DEFAULT_LOCKOUT_LENGTH: LockoutLength = 30; // [randevu-article]
/** Fewer free days than this between the lockout's end and the permit's end raises the top warning. */
export const DEFAULT_TIGHT_DAYS = 15; // product choice: the start of the "High" urgency band (relocation-guide)

export type LockoutEvent =
  /** A confirmed randevu appointment. `bookedOn` when the page showed it, else `firstSeen` is used (estimated). */
  | { kind: 'confirmed'; bookedOn: IsoDate | null; firstSeen: IsoDate }
  /** An appointment the user did not attend (answered "Did you attend?" with no). */
  | { kind: 'missed'; appointmentDate: IsoDate };

export interface LockoutOptions {
  /** 30 by default; 15 is the weakly sourced reading. */
  length?: LockoutLength;
  /** When known, `outlastsPermit` and `tight` are computed against it. */
  permitEnd?: IsoDate | null;
  /** Threshold for `tight`, in days. Default 15. */
  tightDays?: number;
}

export interface Lockout {
  kind: LockoutEvent['kind'];
  /** The day the lockout counts from. */
  startsOn: IsoDate;
  /** First day a new booking is possible: `startsOn + length`. */
  opensOn: IsoDate;
  length: LockoutLength;
  /** The length rests on a weak source (the 15-day reading, or any confirmed block): show `opensOn` with the caveat. */
  lengthWeak: boolean;
  /** True when `startsOn` is the day the confirmation was first seen, not the booking day read from the page. */
  estimated: boolean;
  /** Today is before `opensOn`. */
  active: boolean;
  /** Days from today to `opensOn` (0 when not active). */
  daysUntilOpen: number;
  /** Active and `opensOn` is after the permit's end date: booking cannot reopen while the permit is valid. */
  outlastsPermit: boolean;
  /** Active, does not outlast the permit, but leaves fewer than `tightDays` days (0 … tightDays−1) before its end. */
  tight: boolean;
  /** Days from `opensOn` to the permit's end (negative when it outlasts it), or null with no permit end. */
  daysLeftAfterOpen: number | null;
  /** `outlastsPermit || tight`: the caller shows `warning` as the top warning. */
  topWarning: boolean;
  warning: Line | null;
  lines: Line[];
  sources: SourceId[];
}

export function lockout(event: LockoutEvent, today: IsoDate, options: LockoutOptions = {}): Lockout {
  const length = options.length ?? DEFAULT_LOCKOUT_LENGTH;
  const tightDays = options.tightDays ?? DEFAULT_TIGHT_DAYS;
  const permitEnd = options.permitEnd ?? null;
  const lengthSources = lockoutSources(event.kind, length);

  const estimated = event.kind === 'confirmed' && event.bookedOn === null;
  const startsOn = event.kind === 'confirmed' ? (event.bookedOn ?? event.firstSeen) : event.appointmentDate;
  const opensOn = addDays(startsOn, length);
  const daysUntilOpen = Math.max(0, daysBetween(today, opensOn));
  const active = daysUntilOpen > 0;

  const daysLeftAfterOpen = permitEnd ? daysBetween(opensOn, permitEnd) : null;
  let outlastsPermit = false;
  let tight = false;
  let warning: Line | null = null;
  if (active && permitEnd && daysLeftAfterOpen !== null) {
    outlastsPermit = daysLeftAfterOpen < 0;
    tight = !outlastsPermit && daysLeftAfterOpen < tightDays;
    if (outlastsPermit) {
      warning = line('lockout_outlasts_permit', lengthSources, { opensOn, permitEnd });
    } else if (tight) {
      warning = line('lockout_tight', lengthSources, { opensOn, permitEnd, daysLeft: daysLeftAfterOpen });
    }
  }

  const lines: Line[] = [];
  if (!active) {
    lines.push(line('lockout_ended', lengthSources, { opensOn }));
  } else if (event.kind === 'missed') {
    lines.push(line('lockout_active_missed', lengthSources, { startsOn, opensOn }));
  } else {
    // An estimate is not a weak source: the UI marks it through `estimated` and the sentence itself says so.
    const text = estimated ? 'lockout_active_confirmed_estimated' : 'lockout_active_confirmed';
    lines.push(line(text, lengthSources, { startsOn, opensOn }));
  }
  if (event.kind === 'confirmed') {
    lines.push(
      line('lockout_no_cancel', NO_CANCEL_SOURCES),
      line('lockout_length_confirmed_30', CONFIRMED_BLOCK_SOURCES),
    );
  }
  // After a missed appointment: the article's and Mondaq's 30 days first, the one secondary 15 after it.
  lines.push(
    line('lockout_length_missed_30', LOCKOUT_LENGTHS[30].sources),
    line('lockout_length_15', ['randevu-secondary-15-days']),
  );

  return {
    kind: event.kind,
    startsOn,
    opensOn,
    length,
    lengthWeak: lengthSources.some(isWeakSource),
    estimated,
    active,
    daysUntilOpen,
    outlastsPermit,
    tight,
    daysLeftAfterOpen,
    topWarning: warning !== null,
    warning,
    lines,
    sources: collectSources(warning ? [warning, ...lines] : lines),
  };
}

/**
 * Of several lockouts (a confirmed booking and a missed appointment), the one that ends last decides when the
 * user can book again. Returns null for no events.
 */
export function currentLockout(
  events: readonly LockoutEvent[],
  today: IsoDate,
  options: LockoutOptions = {},
): Lockout | null {
  let best: Lockout | null = null;
  for (const e of events) {
    const l = lockout(e, today, options);
    if (!best || daysBetween(best.opensOn, l.opensOn) > 0) best = l;
  }
  return best;
}
