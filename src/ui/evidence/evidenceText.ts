/**
 * The evidence log's sentences in the panel's language. The store, the background and the import return numbers,
 * dates, codes and catalogue sentences (`Said`); only the panel renders them, through the catalogue. Nothing here
 * reads an English sentence back.
 */
import { CAPTURE_ERROR_KEY, isCaptureErrorCode, type CaptureOutcome } from '../../evidence/captureState';
import type { ImportFailure } from '../../evidence/import';
import { sayVerbatim } from '../../evidence/report';
import type { LogSummary } from '../../evidence/store';
import { isSaid, type Said } from '../../i18n/said';
import type { Format } from '../shared/FormatContext';
import { saidText } from '../shared/refusal';

/** "3 Nov", or "3 Nov 2025" when not in `currentYear` (the language's date with its year left off). */
function day(f: Format, iso: string, currentYear: number): string {
  const full = f.date(iso);
  return Number(iso.slice(0, 4)) === currentYear ? full.replace(/\s*\d{4}\s*$/, '') : full;
}

/** "Attempts: 14, between 3 Nov and 21 Nov, no slots each time". */
export function summarySentence(f: Format, s: LogSummary, currentYear: number): string {
  if (s.attempts === 0 || !s.firstDay || !s.lastDay) {
    return s.removed > 0
      ? f.t('ui_evidence_summary_empty_removed', { removed: s.removed })
      : f.t('ui_evidence_summary_empty');
  }
  const n = s.attempts;
  const all = s.noSlotsAttempts === n;
  const none = s.noSlotsAttempts === 0;
  const params = { count: n, noSlots: s.noSlotsAttempts };
  const sentence =
    s.firstDay === s.lastDay
      ? f.t(
          none
            ? 'ui_evidence_summary_on'
            : all
              ? n === 1
                ? 'ui_evidence_summary_on_no_slots'
                : 'ui_evidence_summary_on_all'
              : 'ui_evidence_summary_on_some',
          { ...params, day: day(f, s.firstDay, currentYear) },
        )
      : f.t(
          none
            ? 'ui_evidence_summary_between'
            : all
              ? 'ui_evidence_summary_between_all'
              : 'ui_evidence_summary_between_some',
          { ...params, first: day(f, s.firstDay, currentYear), last: day(f, s.lastDay, currentYear) },
        );
  return s.removed > 0
    ? sayVerbatim(f, 'ui_evidence_summary_removed', { removed: s.removed }, { summary: sentence })
    : sentence;
}

/** Page kinds in plain words for the list. */
export function pageLabel(f: Format, page: string | undefined, url: string): string {
  switch (page) {
    case 'randevu-booking':
      return f.t('ui_evidence_page_booking');
    case 'randevu-my-appointments':
      return f.t('ui_evidence_page_my_appointments');
    case 'randevu-home':
      return 'randevu';
    case 'eikamet-appointment':
      return f.t('ui_evidence_page_eikamet_appointment');
    case 'eikamet-status':
      return f.t('ui_evidence_page_eikamet_status');
    default:
      try {
        const u = new URL(url);
        return `${u.hostname.replace('.goc.gov.tr', '')}${u.pathname === '/' ? '' : u.pathname}`;
      } catch {
        return url;
      }
  }
}

/**
 * A capture's failure in the panel's language: its own sentence (`said`: the capture code's, or the evidence store's
 * when it said why), else the code's sentence (outcomes kept before `said` was added), else the general one.
 */
export function captureErrorText(f: Format, code: unknown, said?: Said | null): string {
  if (said && isSaid(said)) return saidText(f, said);
  return f.t(isCaptureErrorCode(code) ? CAPTURE_ERROR_KEY[code] : CAPTURE_ERROR_KEY.failed);
}

/** "The last keyboard capture failed: …" for a capture the panel did not start; null when there is none. */
export function lastFailureText(f: Format, last: CaptureOutcome | null | undefined): string | null {
  if (!last || last.ok || last.trigger === 'panel' || !last.code) return null;
  const message = captureErrorText(f, last.code, last.said);
  const key =
    last.trigger === 'auto'
      ? 'ui_evidence_last_failed_auto'
      : last.trigger === 'command'
        ? 'ui_evidence_last_failed_command'
        : last.trigger === 'toolbar'
          ? 'ui_evidence_last_failed_toolbar'
          : 'ui_evidence_last_failed_menu';
  return sayVerbatim(f, key, {}, { message });
}

/** Why an import was refused, with the first problem verify found said inside it when there is one. */
export function importErrorText(f: Format, out: ImportFailure): string {
  return saidText(f, out.said, out.inner ? { problem: saidText(f, out.inner) } : {});
}
