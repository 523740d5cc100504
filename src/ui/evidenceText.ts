/**
 * English wording of the evidence log in the panel. The store returns numbers and dates (LogSummary); only this
 * file turns them into sentences, so a later translation replaces one file.
 */
import { formatIsoDate } from '../domain/calendar';
import type { LogSummary } from '../evidence/store';

/** "3 Nov", or "3 Nov 2025" when not in `currentYear`. */
function day(iso: string, currentYear: number): string {
  const full = formatIsoDate(iso);
  return Number(iso.slice(0, 4)) === currentYear ? full.replace(/ \d{4}$/, '') : full;
}

/** "14 attempts between 3 Nov and 21 Nov, no slots each time". */
export function summarySentence(s: LogSummary, currentYear: number): string {
  if (s.attempts === 0 || !s.firstDay || !s.lastDay) {
    return s.removed > 0
      ? `No evidence records (${s.removed} deleted, kept in the chain).`
      : 'No evidence captured yet.';
  }
  const n = s.attempts;
  const span =
    s.firstDay === s.lastDay
      ? `on ${day(s.firstDay, currentYear)}`
      : `between ${day(s.firstDay, currentYear)} and ${day(s.lastDay, currentYear)}`;
  const slots =
    s.noSlotsAttempts === 0
      ? ''
      : s.noSlotsAttempts === n
        ? n === 1
          ? ', no slots'
          : ', no slots each time'
        : `, no slots in ${s.noSlotsAttempts} of them`;
  const removed = s.removed > 0 ? ` (${s.removed} deleted, kept in the chain)` : '';
  return `${n} attempt${n === 1 ? '' : 's'} ${span}${slots}${removed}`;
}

/** Page kinds in plain words for the list. */
export function pageLabel(page: string | undefined, url: string): string {
  switch (page) {
    case 'randevu-booking':
      return 'randevu: booking';
    case 'randevu-my-appointments':
      return 'randevu: my appointments';
    case 'randevu-home':
      return 'randevu';
    case 'eikamet-appointment':
      return 'e-ikamet: appointment';
    case 'eikamet-status':
      return 'e-ikamet: status';
    default:
      try {
        const u = new URL(url);
        return `${u.hostname.replace('.goc.gov.tr', '')}${u.pathname === '/' ? '' : u.pathname}`;
      } catch {
        return url;
      }
  }
}

export const EVIDENCE_NOTICE =
  'A screenshot holds whatever the portal page shows, including names and numbers. It stays on this computer unless you export it.';
