/**
 * What a page reader could not read (a code, src/portal/types.ts READ_PROBLEMS), said in the panel's language.
 * A reading stored by the previous version may still hold English sentences instead of codes: each such entry is
 * said as one generic sentence, never shown as it is and never parsed.
 */
import type { MessageKey } from '../../i18n/catalogue';
import type { ReadProblem } from '../../portal/types';

/** One sentence per code: `ui_read_problem_` and the code with `_` for `-`. */
export const READ_PROBLEM_KEY = {
  'page-shape-changed': 'ui_read_problem_page_shape_changed',
  'portal-language-unknown': 'ui_read_problem_portal_language_unknown',
  'permit-range-empty': 'ui_read_problem_permit_range_empty',
  'permit-range-twice': 'ui_read_problem_permit_range_twice',
  'permit-range-none': 'ui_read_problem_permit_range_none',
  'permit-range-one': 'ui_read_problem_permit_range_one',
  'permit-range-impossible': 'ui_read_problem_permit_range_impossible',
  'permit-range-reversed': 'ui_read_problem_permit_range_reversed',
  'permit-start-unreadable': 'ui_read_problem_permit_start_unreadable',
  'permit-start-twice': 'ui_read_problem_permit_start_twice',
  'permit-end-unreadable': 'ui_read_problem_permit_end_unreadable',
  'permit-end-twice': 'ui_read_problem_permit_end_twice',
  'permit-end-missing': 'ui_read_problem_permit_end_missing',
  'status-text-missing': 'ui_read_problem_status_text_missing',
  'status-text-unknown': 'ui_read_problem_status_text_unknown',
  'status-date-not-real': 'ui_read_problem_status_date_not_real',
  'documents-list-missing': 'ui_read_problem_documents_list_missing',
  'appointment-date-not-real': 'ui_read_problem_appointment_date_not_real',
  'appointment-date-unreadable': 'ui_read_problem_appointment_date_unreadable',
  'booking-date-unreadable': 'ui_read_problem_booking_date_unreadable',
  'confirm-dates-several': 'ui_read_problem_confirm_dates_several',
  'confirm-date-missing': 'ui_read_problem_confirm_date_missing',
} as const satisfies Record<ReadProblem, MessageKey>;

/** Said for any entry that is not a code (a sentence stored by the previous version). */
export const READ_PROBLEM_UNKNOWN: MessageKey = 'ui_read_problem_unknown';

/**
 * The sentences to show for a reading's problems, in order, each once: a code's own sentence, and the generic one
 * (once, however many) for anything else.
 */
export function readProblemKeys(problems: readonly unknown[]): MessageKey[] {
  const keys = problems.map((p) =>
    typeof p === 'string' && Object.hasOwn(READ_PROBLEM_KEY, p)
      ? READ_PROBLEM_KEY[p as ReadProblem]
      : READ_PROBLEM_UNKNOWN,
  );
  return [...new Set(keys)];
}
