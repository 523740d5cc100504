/**
 * e-ikamet application status → what it means and what to do (domain-facts, "e-ikamet status → what to do").
 * The facts file gives that table without naming its source except where noted; those lines cite
 * `domain-facts-unattributed` (weak) until a source is confirmed.
 */
import { APPLICATION_STATUSES as STATUSES, type ApplicationStatus, type IsoDate } from './types';
import { addDays, daysBetween } from './calendar';
import { collectSources, type SourceId } from './sources';
import { line, type Line } from './text';

/** Missing documents are delivered within this many days of the date shown in e-ikamet. */
export const MISSING_DOCUMENTS_DAYS = 30; // [domain-facts-unattributed]
/** Decision due within this many days of a complete application. Law 6458 Art. 21(5). */
export const DECISION_LIMIT_DAYS = 90; // [law-6458-21-5]

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = STATUSES;

export interface StatusInfo {
  status: ApplicationStatus;
  meaning: Line;
  actions: Line[];
  sources: SourceId[];
}

const U: SourceId[] = ['domain-facts-unattributed'];

function build(status: ApplicationStatus, meaning: Line, actions: Line[]): StatusInfo {
  return { status, meaning, actions, sources: collectSources([meaning, ...actions]) };
}

export function statusInfo(status: ApplicationStatus): StatusInfo {
  switch (status) {
    case 'in-progress':
      return build(status, line('status_in_progress_meaning', U), [
        line('status_in_progress_wait', ['law-6458-21-5']),
      ]);
    case 'approved-printing':
      return build(status, line('status_approved_printing_meaning', U), [
        line('status_approved_printing_certificate', U),
        line('status_approved_printing_keep_contact', U),
        line('status_approved_printing_ptt_next', U),
      ]);
    case 'delivered-to-ptt':
      return build(status, line('status_delivered_to_ptt_meaning', U), [
        line('status_delivered_to_ptt_track', U),
        line('status_delivered_to_ptt_ten_days', ['ptt-secondary']),
      ]);
    case 'concluded-apply-to-office':
      return build(status, line('status_concluded_apply_to_office_meaning', U), [
        line('status_concluded_apply_to_office_go', U),
        line('status_concluded_apply_to_office_istanbul_slot', ['consultancy-istanbul-update-slot']),
        line('status_concluded_apply_to_office_if_refused', U),
      ]);
    case 'documents-required':
      return build(status, line('status_documents_required_meaning', U), [
        line('status_documents_required_deliver', U),
      ]);
    case 'not-found':
      return build(status, line('status_not_found_meaning', U), [
        line('status_not_found_recheck', U),
        line('status_not_found_visit', U),
      ]);
  }
}

export interface Countdown {
  /** The day the count starts from. */
  from: IsoDate;
  /** Last day: `from + days`. */
  deadline: IsoDate;
  /** Days from today to the deadline (0 on the last day, negative after it). */
  daysLeft: number;
  passed: boolean;
  /** `from` is the day the notice was first seen, not the date the portal showed. */
  estimated: boolean;
  line: Line;
}

/**
 * Missing-documents deadline: 30 days from the date the portal shows (`noticeDate`), else from the day the
 * notice was first seen (`estimated`). "Within 30 days of" is read as: the 30th day after is the last day.
 */
export function documentsDeadline(noticeDate: IsoDate | null, firstSeen: IsoDate, today: IsoDate): Countdown {
  const estimated = noticeDate === null;
  const from = noticeDate ?? firstSeen;
  const deadline = addDays(from, MISSING_DOCUMENTS_DAYS);
  const daysLeft = daysBetween(today, deadline);
  return {
    from,
    deadline,
    daysLeft,
    passed: daysLeft < 0,
    estimated,
    line: line(
      estimated ? 'status_documents_required_deadline_estimated' : 'status_documents_required_deadline',
      U,
      { deadline },
    ),
  };
}

/** The 90-day decision limit (Art. 21(5)) counted from the day the file was complete. */
export function decisionLimit(
  completeOn: IsoDate,
  today: IsoDate,
): { dueBy: IsoDate; daysSince: number; daysLeft: number; passed: boolean; sources: SourceId[] } {
  const dueBy = addDays(completeOn, DECISION_LIMIT_DAYS);
  const daysLeft = daysBetween(today, dueBy);
  return {
    dueBy,
    daysSince: daysBetween(completeOn, today),
    daysLeft,
    passed: daysLeft < 0,
    sources: ['law-6458-21-5'],
  };
}

/** The decision count as a sentence: day N of 90 since the complete file, or the limit passed (Art. 21(5)). */
export function decisionLine(completeOn: IsoDate, today: IsoDate): Line {
  const d = decisionLimit(completeOn, today);
  return d.passed
    ? line('status_decision_passed', d.sources, { completeOn, dueBy: d.dueBy })
    : line('status_decision_count', d.sources, { completeOn, dueBy: d.dueBy, daysSince: d.daysSince });
}
