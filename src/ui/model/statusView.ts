/**
 * What the status card shows, from a person's timeline, facts and application info and the date. Pure, so the
 * rules (which countdown, which 90-day basis) are tested without a DOM (tests/unit/ui/statusView.test.ts).
 */
import type { IsoDate } from '../../portal/types';
import { istanbulToday } from '../../domain/calendar';
import { provinceIn } from '../../domain/provinces';
import {
  captchaNote,
  decisionLimit,
  decisionLine,
  documentsDeadline,
  longTermEvaluationNote,
  statusInfo,
  type Countdown,
  type StatusInfo,
} from '../../domain/status';
import type { Appointment, PermitType } from '../../domain/types';
import type { Line } from '../../domain/text';
import { current, type PersonFacts, type StatusValue } from '../../state/facts';
import {
  completeOn,
  currentEntry,
  EMPTY_APPLICATION,
  type ApplicationInfo,
  type CompleteOnBasis,
  type TimelineEntry,
} from '../../state/timeline';

export interface StatusView {
  /** The status in force: the newest timeline entry (else the facts, for readings older than the timeline). */
  current: TimelineEntry | null;
  info: StatusInfo | null;
  /** Missing documents: the 30-day countdown. */
  countdown: Countdown | null;
  /** While in progress: days since the complete file against the 90-day limit, and what it counts from. */
  decision: {
    line: Line;
    completeOn: IsoDate;
    basis: CompleteOnBasis;
    daysSince: number;
    dueBy: IsoDate;
    passed: boolean;
    /** Long-term permits in İstanbul or Antalya, when both are known: YİMER's up to 180 days (⚠). */
    longTerm: Line | null;
  } | null;
  /** Before any status is read: the login page's captcha error is not a status. */
  captcha: Line | null;
  /** Newest first. */
  history: TimelineEntry[];
  application: ApplicationInfo;
}

export function statusView(
  facts: PersonFacts,
  timeline: readonly TimelineEntry[],
  application: ApplicationInfo | undefined,
  today: IsoDate,
): StatusView {
  const app = application ?? EMPTY_APPLICATION;
  let cur = currentEntry(timeline);
  if (!cur) {
    const o = current<StatusValue>(facts, 'status');
    if (o) {
      cur = {
        status: o.value.status,
        text: o.value.text,
        date: o.value.date,
        label: null,
        seenAt: o.firstSeen,
        lastSeenAt: o.lastSeen,
      };
    }
  }
  const countdown =
    cur?.status === 'documents-required'
      ? documentsDeadline(cur.date, istanbulToday(new Date(cur.seenAt)), today)
      : null;

  let decision: StatusView['decision'] = null;
  const showDecision = cur ? cur.status === 'in-progress' : app.completeOn !== null;
  const start = showDecision ? completeOn(cur && timeline.length === 0 ? [cur] : timeline, app) : null;
  if (start) {
    const d = decisionLimit(start.date, today);
    // The province is known only from an appointment's office read from the page ("İstanbul İl Göç İdaresi …").
    const permitType = current<PermitType>(facts, 'permitType')?.value ?? null;
    const province = provinceIn(current<Appointment>(facts, 'appointment')?.value.office);
    decision = {
      line: decisionLine(start.date, today),
      longTerm: longTermEvaluationNote(permitType, province),
      completeOn: start.date,
      basis: start.basis,
      daysSince: d.daysSince,
      dueBy: d.dueBy,
      passed: d.passed,
    };
  }

  return {
    current: cur,
    info: cur ? statusInfo(cur.status) : null,
    countdown,
    decision,
    captcha: cur ? null : captchaNote(),
    history: [...timeline].reverse(),
    application: app,
  };
}
