/**
 * e-ikamet application status → what it means and what to do (domain-facts, "e-ikamet status → what to do").
 * The facts file gives that table without naming its source except where noted; those lines cite
 * `domain-facts-unattributed` (weak) until a source is confirmed.
 *
 * The same statuses may be read from a message on the pending-application login page ("In Progress", "Not found",
 * status guides 2026): they mean the same wherever they are read. A refusal message tells the applicant to call 157
 * (status guides). "Image verification fails." on that page is the captcha error, never a status.
 */
import {
  APPLICATION_STATUSES as STATUSES,
  type ApplicationStatus,
  type IsoDate,
  type PermitType,
} from './types';
import { addDays, daysBetween } from './calendar';
import { PROVINCE_NAMES, type Province } from './provinces';
import { collectSources, type SourceId } from './sources';
import { line, type Line } from './text';

export { CAPTCHA_FAILURE_TEXTS, isCaptchaFailure } from './captcha';

/** Missing documents are delivered within this many days of the date shown in e-ikamet. */
export const MISSING_DOCUMENTS_DAYS = 30; // [domain-facts-unattributed]
/** Decision due within this many days of a complete application. Law 6458 Art. 21(5). */
export const DECISION_LIMIT_DAYS = 90; // [law-6458-21-5]
/** YİMER: long-term permits in İstanbul and Antalya may take up to this many days (⚠ secondary to the law). */
export const LONG_TERM_EVALUATION_DAYS = 180; // [yimer-long-term-180]
export const LONG_TERM_180_PROVINCES: readonly Province[] = ['istanbul', 'antalya'];

/** Said where the status is shown: the captcha error is not a status (status guides 2026). */
export function captchaNote(): Line {
  return line('status_captcha_not_a_status', ['status-guides-2026']);
}

/**
 * Evaluation time beyond the law's 90 days: only where the permit type and province are known, and only for
 * long-term permits in İstanbul and Antalya (YİMER, ⚠ secondary to the law). Null otherwise.
 */
export function longTermEvaluationNote(
  permitType: PermitType | null,
  province: Province | null,
): Line | null {
  if (permitType !== 'long-term' || province === null || !LONG_TERM_180_PROVINCES.includes(province))
    return null;
  return line('status_evaluation_long_term_180', ['yimer-long-term-180', 'law-6458-21-5'], {
    province: PROVINCE_NAMES[province],
  });
}

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
        line('status_refused_call_157', ['status-guides-2026']),
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
