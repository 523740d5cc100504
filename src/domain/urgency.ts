/**
 * Urgency of the current permit (the product's headline), from the relocation guide's table
 * (domain-facts: "Urgency by time left on the current permit").
 *
 * `daysLeft` is the number of calendar days from `today` to `permitEnd` on Turkey's calendar: 0 means the permit
 * ends today (still valid, Very High); -1 means it ended yesterday (Critical).
 *
 * Boundaries. The table's ranges overlap at 60, 30 and 15 ("30–60 Medium", "15–30 High"), so we use inclusive
 * lower bounds, each level owning its lower edge:
 *   daysLeft > 60          Low
 *   30 ≤ daysLeft ≤ 60     Medium      (day 60 and day 30 are Medium)
 *   15 ≤ daysLeft ≤ 29     High        (day 15 is High)
 *    0 ≤ daysLeft ≤ 14     Very High   ("under 15 days"; day 0 = ends today)
 *        daysLeft < 0      Critical    ("already expired", from the day after the end date)
 * Day 60 being Medium also matches the extension window opening 60 days before the end (Law 6458 Art. 24(2)).
 */
import type { IsoDate } from './types';
import { addDays, daysBetween } from './calendar';
import { collectSources, type SourceId } from './sources';
import { line, type Line, type TextId } from './text';

export type UrgencyLevel = 'low' | 'medium' | 'high' | 'very-high' | 'critical';

export const URGENCY_LEVELS: readonly UrgencyLevel[] = ['low', 'medium', 'high', 'very-high', 'critical'];

/** The catalogue key of each level's name. */
export const URGENCY_LABEL: Readonly<Record<UrgencyLevel, TextId>> = {
  low: 'urgency_low',
  medium: 'urgency_medium',
  high: 'urgency_high',
  'very-high': 'urgency_very_high',
  critical: 'urgency_critical',
};

/** Lowest `daysLeft` of each non-critical level (inclusive). Source: relocation guide's urgency table. */
export const URGENCY_LOWER_BOUNDS = {
  low: 61, // "more than 60 days" [relocation-guide]
  medium: 30, // "30–60 days" [relocation-guide]
  high: 15, // "15–30 days", 30 itself going to Medium [relocation-guide]
  'very-high': 0, // "under 15 days"; 0 = ends today [relocation-guide]
} as const;

export interface Urgency {
  level: UrgencyLevel;
  /** Text id of the level's name ("Very high"). */
  label: TextId;
  permitEnd: IsoDate;
  today: IsoDate;
  /** Calendar days from today to the end date; negative once the permit has expired (then see `daysOver`). */
  daysLeft: number;
  /** Days past the end date: 0 while the permit is valid (including its last day), 1 on the day after. */
  daysOver: number;
  /** The headline sentence ("12 days left: …", "ends today", "ended … days ago"). */
  summary: Line;
  /** The 2–4 actions for this level, in the table's order. */
  actions: Line[];
  /** Warnings the card must show (unlawful stay for Very High and Critical). */
  warnings: Line[];
  sources: SourceId[];
}

export function urgencyLevel(daysLeft: number): UrgencyLevel {
  if (daysLeft >= URGENCY_LOWER_BOUNDS.low) return 'low';
  if (daysLeft >= URGENCY_LOWER_BOUNDS.medium) return 'medium';
  if (daysLeft >= URGENCY_LOWER_BOUNDS.high) return 'high';
  if (daysLeft >= URGENCY_LOWER_BOUNDS['very-high']) return 'very-high';
  return 'critical';
}

const GUIDE: SourceId[] = ['relocation-guide'];

function actionsFor(level: UrgencyLevel, permitEnd: IsoDate): Line[] {
  switch (level) {
    case 'low':
      return [
        line('action_low_book', GUIDE),
        line('action_low_window_opens', ['law-6458-24-2'], { opensOn: addDays(permitEnd, -60) }),
      ];
    case 'medium':
      return [line('action_medium_book_now', GUIDE), line('action_medium_earliest_slot', GUIDE)];
    case 'high':
      return [
        line('action_high_book_urgently', GUIDE),
        line('action_high_check_daily', GUIDE),
        line('action_high_visit_office', GUIDE),
        line('action_document_no_slots', GUIDE),
      ];
    case 'very-high':
      return [
        line('action_very_high_contact_office', GUIDE),
        line('action_very_high_emergency_appointment', GUIDE),
        line('action_very_high_lawyer', GUIDE),
        line('action_document_no_slots', GUIDE),
      ];
    case 'critical':
      return [
        line('action_critical_legal_advice', GUIDE),
        line('action_critical_overstay_risk', GUIDE),
        line('action_critical_new_application', ['e-ikamet-instructions', 'law-6458-24-2']),
      ];
  }
}

function warningsFor(level: UrgencyLevel): Line[] {
  // domain-facts, Timing rules: "The Very High and Critical cards must say this."
  if (level === 'very-high') {
    return [line('warning_unlawful_stay', GUIDE), line('warning_lodged_certificate', ['law-6458-24-2'])];
  }
  if (level === 'critical') return [line('warning_unlawful_stay_expired', GUIDE)];
  return [];
}

export function urgency(permitEnd: IsoDate, today: IsoDate): Urgency {
  const daysLeft = daysBetween(today, permitEnd);
  const daysOver = Math.max(0, -daysLeft);
  const level = urgencyLevel(daysLeft);
  const summary =
    daysLeft > 0
      ? line('urgency_days_left', [], { daysLeft, permitEnd })
      : daysLeft === 0
        ? line('urgency_ends_today', [], { permitEnd })
        : line('urgency_days_over', [], { daysOver, permitEnd });
  const actions = actionsFor(level, permitEnd);
  const warnings = warningsFor(level);
  return {
    level,
    label: URGENCY_LABEL[level],
    permitEnd,
    today,
    daysLeft,
    daysOver,
    summary,
    actions,
    warnings,
    sources: collectSources([...actions, ...warnings], GUIDE),
  };
}
