/**
 * e-ikamet application status page (/Ikamet/BasvuruDurum): status, permit type and the permit's start and end
 * ("Başlangıç - Bitiş" / "Starting-Ending dates", the key date). Values are found by their labels only, so the
 * application date or a delivery date next to the permit range is never taken for it.
 */
import { findDates, parseRange, type RangeProblem } from './dates';
import {
  chosen,
  dateText,
  findAll,
  findFirst,
  findParsedDate,
  hasPhrase,
  labelAt,
  type Found,
} from './labels';
import { LABELS, PERMIT_TYPES, STATUS } from './phrases';
import { scrub } from './privacy';
import type { ApplicationStatus, IsoDate, PermitType, PortalReading, ReadProblem } from './types';
import type { Line } from './text';

export type StatusReading = Pick<
  PortalReading,
  'status' | 'statusText' | 'statusDate' | 'permit' | 'permitType' | 'problems'
>;

export function statusOf(folded: string): ApplicationStatus | null {
  for (const s of STATUS) if (hasPhrase(folded, s.phrases)) return s.status;
  return null;
}

export function permitTypeOf(folded: string): PermitType {
  for (const p of PERMIT_TYPES) if (hasPhrase(folded, p.phrases)) return p.type;
  return 'other';
}

/** "Kayıt durumunuz: PTT'ye Teslim Edildi" → "PTT'ye Teslim Edildi". */
function withoutPrefix(f: Pick<Found, 'raw' | 'folded'>): { raw: string; folded: string } {
  const hit = labelAt({ raw: f.raw, folded: f.folded } as Line, LABELS.status);
  return hit?.inline ? { raw: hit.inline.raw, folded: hit.inline.folded } : f;
}

function readStatusText(lines: readonly Line[]): {
  status: ApplicationStatus | null;
  text: { raw: string; folded: string } | null;
} {
  const candidates: { raw: string; folded: string }[] = [];
  // 1. after a status label ("Kayıt durumunuz:", "Your Application Status:", the heading "Başvuru Durumunuz")
  for (const f of findAll(lines, LABELS.status)) if (f.raw) candidates.push(withoutPrefix(f));
  // 2. the element that holds the status text (SEEN: class txt-md)
  for (const l of lines) if (l.el.classList?.contains('txt-md')) candidates.push(withoutPrefix(l));
  for (const c of candidates) {
    const status = statusOf(c.folded);
    if (status) return { status, text: c };
  }
  // 3. any line that reads like a status
  for (const l of lines) {
    const status = statusOf(l.folded);
    if (status) return { status, text: withoutPrefix(l) };
  }
  return { status: null, text: candidates[0] ?? null };
}

/** Why the "Başlangıç - Bitiş" range gave no (or only part of a) permit. */
const RANGE_PROBLEM: Readonly<Record<RangeProblem, ReadProblem>> = {
  none: 'permit-range-none',
  one: 'permit-range-one',
  impossible: 'permit-range-impossible',
  reversed: 'permit-range-reversed',
};

function readPermit(
  lines: readonly Line[],
  problems: ReadProblem[],
): { start: IsoDate | null; end: IsoDate | null } | null {
  const ranges = findAll(lines, LABELS.permitRange);
  const range = ranges[0];
  if (range) {
    if (!range.raw) {
      problems.push('permit-range-empty');
      return null;
    }
    const r = parseRange(dateText(range.raw));
    // The label again with other dates: the page contradicts itself, and neither is taken (never a wrong date).
    for (const other of ranges.slice(1)) {
      const o = parseRange(dateText(other.raw));
      if ((o.start || o.end) && (o.start !== r.start || o.end !== r.end)) {
        problems.push('permit-range-twice');
        return null;
      }
    }
    if (r.problem) problems.push(RANGE_PROBLEM[r.problem]);
    return r.start || r.end ? { start: r.start, end: r.end } : null;
  }
  const start = findParsedDate(lines, LABELS.permitStart, problems, {
    unreadable: 'permit-start-unreadable',
    twice: 'permit-start-twice',
  });
  const end = findParsedDate(lines, LABELS.permitEnd, problems, {
    unreadable: 'permit-end-unreadable',
    twice: 'permit-end-twice',
  });
  return start || end ? { start, end } : null;
}

export function readStatusPage(lines: readonly Line[]): StatusReading {
  const problems: ReadProblem[] = [];
  const { status, text } = readStatusText(lines);
  if (!text) problems.push('status-text-missing');
  else if (!status) problems.push('status-text-unknown');

  const typeText = chosen(findFirst(lines, LABELS.permitType));
  const permitType = typeText ? permitTypeOf(findFirst(lines, LABELS.permitType)!.folded) : null;

  const permit = readPermit(lines, problems);
  if (
    !permit?.end &&
    (status === 'approved-printing' || status === 'delivered-to-ptt') &&
    problems.length === 0
  )
    problems.push('permit-end-missing');

  // A date-shaped text in the status that is no real day (31.04.2027, year 2250): say so, take nothing.
  const dateHit = text ? findDates(text.raw)[0] : undefined;
  if (dateHit && !dateHit.iso) problems.push('status-date-not-real');

  return {
    status,
    statusText: text ? scrub(text.raw) : null,
    statusDate: dateHit?.iso ?? null,
    permit,
    permitType,
    problems,
  };
}
