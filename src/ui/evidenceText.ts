/**
 * The evidence log's sentences in the panel's language. The store, the background and the import return numbers,
 * dates and error codes (LogSummary, CaptureErrorCode, EvidenceErrorWhy, ImportErrorCode); only this file turns
 * them into sentences, through the catalogue.
 */
import {
  CAPTURE_ERROR_KEY,
  CAPTURE_ERROR_TEXT,
  isCaptureErrorCode,
  type CaptureErrorCode,
  type CaptureOutcome,
} from '../evidence/captureState';
import { EXPORT_PROBLEM_KEYS } from '../evidence/export';
import type { ImportFailure } from '../evidence/import';
import { sayVerbatim } from '../evidence/report';
import {
  englishParams,
  EVIDENCE_ERRORS,
  evidenceErrorFromMessage,
  type EvidenceErrorParams,
  type EvidenceErrorWhy,
  type LogSummary,
} from '../evidence/store';
import { EN_MESSAGES } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Format } from './format';

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

/** An English sentence of ours shown inside a generic translated one (never alone, untranslated). */
function unknown(f: Format, english: string): string {
  return sayVerbatim(f, 'ui_evidence_error_unknown', {}, { detail: english });
}

/**
 * A store error in the panel's language. `english` is the sentence the error carried: when it is not the one its
 * `why` stands for (an error made with a sentence of its own), it is shown inside the generic sentence.
 */
export function storeErrorText(
  f: Format,
  why: EvidenceErrorWhy,
  params: EvidenceErrorParams,
  english?: string,
): string {
  const key = EVIDENCE_ERRORS[why].key;
  if (english !== undefined && english !== renderMessage(EN_MESSAGES, key, params))
    return unknown(f, english);
  return sayVerbatim(f, key, {}, params);
}

/** An error the background relayed as its English sentence (note, delete): read back to its code, then said. */
export function relayedErrorText(f: Format, english: string): string {
  const store = evidenceErrorFromMessage(english);
  if (store) return storeErrorText(f, store.why, store.params);
  const capture = (Object.keys(CAPTURE_ERROR_TEXT) as CaptureErrorCode[]).find(
    (c) => CAPTURE_ERROR_TEXT[c] === english,
  );
  return capture ? f.t(CAPTURE_ERROR_KEY[capture]) : unknown(f, english);
}

/**
 * A capture error by its code. A 'failed' capture may carry the store's own sentence (the log was busy, blocked,
 * ...): that one is said instead when it is one of ours.
 */
export function captureErrorText(f: Format, code: unknown, english?: string | null): string {
  if (!isCaptureErrorCode(code))
    return english ? relayedErrorText(f, english) : f.t(CAPTURE_ERROR_KEY.failed);
  if (code === 'failed' && english && english !== CAPTURE_ERROR_TEXT.failed) {
    const store = evidenceErrorFromMessage(english);
    if (store) return storeErrorText(f, store.why, store.params);
  }
  return f.t(CAPTURE_ERROR_KEY[code]);
}

/** "The last keyboard capture failed: …" for a capture the panel did not start; null when there is none. */
export function lastFailureText(f: Format, last: CaptureOutcome | null | undefined): string | null {
  if (!last || last.ok || last.trigger === 'panel' || !last.message) return null;
  const message = captureErrorText(f, last.code, last.message);
  const key =
    last.trigger === 'auto'
      ? 'ui_evidence_last_failed_auto'
      : last.trigger === 'command'
        ? 'ui_evidence_last_failed_command'
        : 'ui_evidence_last_failed_menu';
  return sayVerbatim(f, key, {}, { message });
}

/** Why an import was refused. Problems found by verify stay as the CLI prints them (English). */
export function importErrorText(f: Format, out: ImportFailure): string {
  switch (out.code) {
    case 'too-large':
      return f.t('ui_evidence_import_too_large');
    case 'not-zip':
      return f.t('ui_evidence_import_not_zip');
    case 'not-verified':
      return out.problem
        ? sayVerbatim(f, 'ui_evidence_import_not_verified', {}, { problem: out.problem })
        : f.t('ui_evidence_import_not_verified_plain');
    case 'not-bundle':
      return out.problem
        ? sayVerbatim(f, 'ui_evidence_import_not_bundle', {}, { problem: out.problem })
        : f.t('ui_evidence_import_not_verified_plain');
    case 'store':
      return out.error && 'why' in out.error
        ? storeErrorText(f, out.error.why, out.error.params, out.reason)
        : unknown(f, out.reason);
    case 'failed':
      return sayVerbatim(
        f,
        'ui_evidence_import_failed',
        {},
        {
          detail: out.error && 'detail' in out.error ? out.error.detail : out.reason,
        },
      );
    default:
      return unknown(f, (out as { reason: string }).reason);
  }
}

/** A problem the export found with a stored screenshot (English from export.ts), in the panel's language. */
export function exportProblemText(f: Format, english: string): string {
  for (const key of EXPORT_PROBLEM_KEYS) {
    const params = englishParams(key, english);
    if (params) return sayVerbatim(f, key, {}, params);
  }
  return english;
}
