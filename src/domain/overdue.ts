/**
 * An expired permit: how many days over, and the two 10-day rules (domain-facts, Timing rules):
 * - applications up to 10 days past expiry are still accepted (implementing regulation, ⚠ article not
 *   confirmed), but as a NEW application: an expired permit cannot be extended (official e-ikamet instructions);
 * - more than 10 days over a visa, exemption or permit is a deportation ground (Law 6458 Art. 54(1)).
 * Boundaries: daysOver 1…10 → still within the 10 days (day 10 = end + 10 is the last such day);
 * daysOver ≥ 11 → deportation ground. The fees and entry bans belong to the overstay card (`showOverstayCard`).
 */
import type { IsoDate } from './types';
import { addDays, daysBetween } from './calendar';
import { collectSources, type SourceId } from './sources';
import { line, type Line } from './text';

/** ⚠ Implementing regulation: applications this many days past expiry are still accepted (as new ones). */
export const LATE_ACCEPTANCE_DAYS = 10; // [implementing-regulation] weak
/** Law 6458 Art. 54(1): MORE than this many days over is a deportation ground. */
export const DEPORTATION_GROUND_AFTER_DAYS = 10; // [law-6458-54-1]

export interface Overdue {
  /** The permit's end date has passed (today is after it). */
  expired: boolean;
  /** Days past the end date; 0 while the permit is valid. */
  daysOver: number;
  /** Last day a late application may be accepted as a new one: end + 10. ⚠ */
  lateApplicationUntil: IsoDate;
  /** 1 ≤ daysOver ≤ 10. ⚠ (implementing regulation) */
  withinLateAcceptance: boolean;
  /** First day that is more than 10 days over: end + 11. */
  deportationGroundFrom: IsoDate;
  /** daysOver > 10 (Art. 54(1)). */
  deportationGround: boolean;
  /** The panel should point to the overstay card (fees, entry bans). */
  showOverstayCard: boolean;
  lines: Line[];
  sources: SourceId[];
}

export function overdue(permitEnd: IsoDate, today: IsoDate): Overdue {
  const daysOver = Math.max(0, daysBetween(permitEnd, today));
  const expired = daysOver > 0;
  const lateApplicationUntil = addDays(permitEnd, LATE_ACCEPTANCE_DAYS);
  const deportationGroundFrom = addDays(permitEnd, DEPORTATION_GROUND_AFTER_DAYS + 1);
  const withinLateAcceptance = expired && daysOver <= LATE_ACCEPTANCE_DAYS;
  const deportationGround = daysOver > DEPORTATION_GROUND_AFTER_DAYS;

  const lines: Line[] = [];
  if (expired) {
    lines.push(line('overdue_days_over', [], { permitEnd, daysOver }));
    if (withinLateAcceptance) {
      lines.push(
        line('overdue_ten_days_accepted', ['implementing-regulation', 'e-ikamet-instructions'], {
          acceptedUntil: lateApplicationUntil,
        }),
        line('overdue_deportation_ground_from', ['law-6458-54-1'], { groundFrom: deportationGroundFrom }),
      );
    } else {
      lines.push(line('overdue_deportation_ground', ['law-6458-54-1']));
    }
    lines.push(line('overdue_see_overstay', []));
  }

  return {
    expired,
    daysOver,
    lateApplicationUntil,
    withinLateAcceptance,
    deportationGroundFrom,
    deportationGround,
    showOverstayCard: expired,
    lines,
    sources: collectSources(lines),
  };
}
