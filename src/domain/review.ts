/**
 * Dated rules. Every source carries the date it was last reviewed; the rules as a whole were last reviewed on
 * `LAST_REVIEWED`. Rules about a government office change (randevu's scope moved in 2026; holidays are announced
 * year by year), so from 12 months after that review the panel says the rules may be out of date and where to check.
 * The clock is injected: `today` is Turkey's calendar date from the caller.
 */
import type { IsoDate } from './types';
import { LAST_REVIEWED } from './sources';
import { line, type Line } from './text';

/** After this many months without a review, the rules may be out of date. Product choice: one year of the offices' announcements. */
export const RULES_STALE_AFTER_MONTHS = 12;

/** `iso` plus whole months; a day the target month lacks (31 Jan + 1 month) becomes its last day. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface RulesReview {
  reviewedOn: IsoDate;
  /** From this day on the rules are said to be possibly out of date. */
  staleFrom: IsoDate;
  stale: boolean;
  /** "The rules were last reviewed on …", always shown once. */
  reviewed: Line;
  /** Shown only when stale: may be out of date, and where to check. */
  warning: Line | null;
}

export function rulesReview(today: IsoDate, reviewedOn: IsoDate = LAST_REVIEWED): RulesReview {
  const staleFrom = addMonths(reviewedOn, RULES_STALE_AFTER_MONTHS);
  const stale = today >= staleFrom;
  return {
    reviewedOn,
    staleFrom,
    stale,
    reviewed: line('rules_last_reviewed', [], { date: reviewedOn }),
    warning: stale ? line('rules_may_be_out_of_date', [], { date: reviewedOn }) : null,
  };
}
