import { useMemo, useState } from 'preact/hooks';
import { parseIsoDate } from '../domain/calendar';
import type { ApplicationStatus, IsoDate } from '../portal/types';
import { send } from '../messaging';
import type { PersonFacts } from '../state/facts';
import { validateLabel, type ApplicationInfo, type TimelineEntry } from '../state/timeline';
import { useFormat } from './format';
import { LineList, LineText } from './Lines';
import { statusView } from './statusView';

/** Short names for the history list; the meaning and what to do come from the domain (statusInfo). */
export const STATUS_NAMES: Record<ApplicationStatus, string> = {
  'in-progress': 'In progress',
  'approved-printing': 'Approved: card being printed',
  'delivered-to-ptt': 'Card handed to PTT',
  'concluded-apply-to-office': 'Concluded: apply to the Provincial Directorate',
  'documents-required': 'Documents missing',
  'not-found': 'Not found',
};

export interface StatusCardProps {
  personId: string;
  /** The person's facts (for a status read before the timeline existed). */
  facts: PersonFacts;
  /** The person's timeline, oldest first (`timelineItem` value [personId] ?? []). */
  timeline: readonly TimelineEntry[];
  /** `applicationsItem` value [personId]. */
  application: ApplicationInfo | undefined;
  today: IsoDate;
}

export function StatusCard(props: StatusCardProps) {
  const f = useFormat();
  const v = useMemo(
    () => statusView(props.facts, props.timeline, props.application, props.today),
    [props.facts, props.timeline, props.application, props.today],
  );
  const cur = v.current;
  return (
    <section class="card" aria-labelledby="status-title" data-testid="status-card" id="status">
      <h2 id="status-title">
        Application status
        {v.application.label && <span class="muted"> ({v.application.label})</span>}
      </h2>
      {!cur ? (
        <p data-testid="status-current">
          No status known yet. Open your application on e-ikamet ("Application Result") and it is read here.
        </p>
      ) : (
        <div data-testid="status-current" data-status={cur.status}>
          <p>
            <strong>{STATUS_NAMES[cur.status]}</strong>{' '}
            <span class="provenance">
              since {f.when(cur.seenAt, props.today)}
              {cur.lastSeenAt !== cur.seenAt && `, still shown ${f.when(cur.lastSeenAt, props.today)}`}
            </span>
          </p>
          <blockquote class="muted small" lang="">
            {cur.text}
          </blockquote>
          {v.info && (
            <>
              <p>
                <LineText line={v.info.meaning} />
              </p>
              <LineList lines={v.info.actions} />
            </>
          )}
        </div>
      )}
      {v.countdown && (
        <div
          class={v.countdown.passed || v.countdown.daysLeft <= 7 ? 'warning' : ''}
          data-testid="documents-countdown"
          data-days-left={v.countdown.daysLeft}
          data-estimated={String(v.countdown.estimated)}
        >
          <p>
            <strong>
              {v.countdown.passed
                ? `The deadline passed ${-v.countdown.daysLeft} ${-v.countdown.daysLeft === 1 ? 'day' : 'days'} ago`
                : v.countdown.daysLeft === 0
                  ? 'Today is the last day for the missing documents'
                  : `${v.countdown.daysLeft} ${v.countdown.daysLeft === 1 ? 'day' : 'days'} left to deliver the missing documents`}
            </strong>
          </p>
          <p>
            <LineText line={v.countdown.line} />
          </p>
          <p class="muted small">
            {v.countdown.estimated
              ? `Counted from ${f.date(v.countdown.from)}, the day the notice was first seen here: the portal showed no date.`
              : `Counted from ${f.date(v.countdown.from)}, the date shown in e-ikamet.`}
          </p>
        </div>
      )}
      {v.decision && (
        <div data-testid="decision-count" class={v.decision.passed ? 'warning' : ''}>
          <p>
            <LineText line={v.decision.line} />
          </p>
          <p class="muted small">
            {v.decision.basis === 'entered'
              ? 'Counted from the date you entered as the day your file was complete.'
              : 'Counted from the first day "in progress" was seen here (an estimate: your file may have been complete earlier). Enter the date if you know it.'}
          </p>
        </div>
      )}
      <ApplicationFields
        key={`${props.personId}-${v.application.label ?? ''}`}
        personId={props.personId}
        application={v.application}
        today={props.today}
      />
      <h3>History</h3>
      {v.history.length === 0 ? (
        <p class="muted" data-testid="status-history">
          Each change of status read from e-ikamet is added here.
        </p>
      ) : (
        <ol class="history" data-testid="status-history">
          {v.history.map((e) => (
            <li key={`${e.seenAt}-${e.status}`} data-status={e.status}>
              <span class="provenance">{f.when(e.seenAt, props.today)}</span> {STATUS_NAMES[e.status]}
              {e.label && <span class="muted"> · {e.label}</span>}
              {e.date && <span class="muted"> · date shown: {f.date(e.date)}</span>}
              <div class="muted small">{e.text}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ApplicationFields(props: { personId: string; application: ApplicationInfo; today: IsoDate }) {
  const f = useFormat();
  const [label, setLabel] = useState(props.application.label ?? '');
  const [complete, setComplete] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const report = (r: { ok: boolean; error?: string }) => setErr(r.ok ? null : (r.error ?? 'Not saved.'));

  const saveLabel = async (e: Event) => {
    e.preventDefault();
    const checked = validateLabel(label);
    if (!checked.ok) return setErr(checked.reason);
    report(await send('panel:setApplicationLabel', { personId: props.personId, label }));
  };
  const saveComplete = async (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(complete);
    if (!p.ok) return setErr(p.reason);
    if (p.date > props.today) return setErr('The day your file was complete cannot be in the future.');
    setComplete('');
    report(await send('panel:setCompleteOn', { personId: props.personId, date: p.date }));
  };

  return (
    <details class="field-group">
      <summary>Application label and dates</summary>
      <form class="field" onSubmit={(e) => void saveLabel(e)}>
        <label for="app-label">Your name for this application (not its number)</label>
        <input
          id="app-label"
          data-testid="application-label"
          maxLength={60}
          placeholder="e.g. 2026 extension"
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <button type="submit">Save</button>
        <p class="muted small">
          Statuses read from now on are filed under this label, so a new application starts its own history.
        </p>
      </form>
      <form class="field" onSubmit={(e) => void saveComplete(e)}>
        <label for="complete-on">Day your file was complete (starts the 90-day count)</label>
        <input
          id="complete-on"
          placeholder="YYYY-MM-DD"
          value={complete}
          onInput={(e) => setComplete(e.currentTarget.value)}
        />
        <button type="submit">Save</button>
        {props.application.completeOn && (
          <p>
            Entered: {f.date(props.application.completeOn)}{' '}
            <button
              type="button"
              onClick={() =>
                void send('panel:setCompleteOn', { personId: props.personId, date: null }).then(report)
              }
            >
              Clear
            </button>
          </p>
        )}
      </form>
      <p class="error" role="status">
        {err ?? ''}
      </p>
    </details>
  );
}
