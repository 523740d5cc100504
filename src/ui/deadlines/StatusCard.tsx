import { LIMITS } from '../../domain/limits';
import { useMemo, useState } from 'preact/hooks';
import { daysInMonth, MAX_YEAR, MIN_YEAR, parseIsoDate, type ParsedIsoDate } from '../../domain/calendar';
import type { IsoDate } from '../../portal/types';
import { send } from '../../messaging';
import type { PersonFacts } from '../../state/facts';
import { validateLabel, type ApplicationInfo, type TimelineEntry } from '../../state/timeline';
import { useFormat, type Format } from '../shared/FormatContext';
import { refusalText } from '../shared/refusal';
import { LineList, LineText } from '../shared/Lines';
import { statusView } from '../model/statusView';
import { STATUS_NAMES } from '../model/statusNames';
import { AtLimit } from '../shared/AtLimit';

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
        {f.t('ui_status_title')}
        {v.application.label && <span class="muted"> ({v.application.label})</span>}
      </h2>
      {!cur ? (
        <>
          <p data-testid="status-current">{f.t('ui_status_none_yet')}</p>
          {v.captcha && (
            <p class="muted small" data-testid="status-captcha-note">
              <LineText line={v.captcha} />
            </p>
          )}
        </>
      ) : (
        <div data-testid="status-current" data-status={cur.status}>
          <p>
            <strong>{f.t(STATUS_NAMES[cur.status])}</strong>{' '}
            <span class="provenance">
              {cur.lastSeenAt !== cur.seenAt
                ? f.t('ui_status_since_still_shown', {
                    since: f.when(cur.seenAt, props.today),
                    lastSeen: f.when(cur.lastSeenAt, props.today),
                  })
                : f.t('ui_status_since', { since: f.when(cur.seenAt, props.today) })}
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
                ? f.t('ui_status_deadline_passed', { days: -v.countdown.daysLeft })
                : v.countdown.daysLeft === 0
                  ? f.t('ui_status_deadline_today')
                  : f.t('ui_status_days_left', { days: v.countdown.daysLeft })}
            </strong>
          </p>
          <p>
            <LineText line={v.countdown.line} />
          </p>
          <p class="muted small">
            {f.t(v.countdown.estimated ? 'ui_status_counted_from_seen' : 'ui_status_counted_from_shown', {
              date: v.countdown.from,
            })}
          </p>
        </div>
      )}
      {v.decision && (
        <div data-testid="decision-count" class={v.decision.passed ? 'warning' : ''}>
          <p>
            <LineText line={v.decision.line} />
          </p>
          {v.decision.longTerm && (
            <p data-testid="decision-long-term">
              <LineText line={v.decision.longTerm} />
            </p>
          )}
          <p class="muted small">
            {f.t(
              v.decision.basis === 'entered'
                ? 'ui_status_decision_basis_entered'
                : 'ui_status_decision_basis_first_seen',
            )}
          </p>
        </div>
      )}
      <ApplicationFields
        key={`${props.personId}-${v.application.label ?? ''}`}
        personId={props.personId}
        application={v.application}
        today={props.today}
      />
      <h3>{f.t('ui_status_history_title')}</h3>
      {v.history.length === 0 ? (
        <p class="muted" data-testid="status-history">
          {f.t('ui_status_history_empty')}
        </p>
      ) : (
        <ol class="history" data-testid="status-history">
          {v.history.map((e) => (
            <li key={`${e.seenAt}-${e.status}`} data-status={e.status}>
              <span class="provenance">{f.when(e.seenAt, props.today)}</span> {f.t(STATUS_NAMES[e.status])}
              {e.label && <span class="muted"> · {e.label}</span>}
              {e.date && (
                <span class="muted"> · {f.t('ui_status_history_date_shown', { date: e.date })}</span>
              )}
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
  // The panel checks the same rules first; a refusal that still comes says its own sentence.
  const report = (r: { ok: boolean }) =>
    setErr(r.ok ? null : (refusalText(f, r) ?? f.t('ui_status_not_saved')));

  const saveLabel = async (e: Event) => {
    e.preventDefault();
    const checked = validateLabel(label);
    if (!checked.ok) return setErr(f.t(checked.said.key, checked.said.params));
    report(await send('panel:setApplicationLabel', { personId: props.personId, label }));
  };
  const saveComplete = async (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(complete);
    if (!p.ok) return setErr(dateProblem(f, complete, p));
    if (p.date > props.today) return setErr(f.t('ui_status_complete_in_future'));
    setComplete('');
    report(await send('panel:setCompleteOn', { personId: props.personId, date: p.date }));
  };

  return (
    <details class="field-group">
      <summary>{f.t('ui_status_fields_summary')}</summary>
      <form class="field" onSubmit={(e) => void saveLabel(e)}>
        <label for="app-label">{f.t('ui_status_label_field')}</label>
        <input
          id="app-label"
          data-testid="application-label"
          maxLength={LIMITS.applicationLabel}
          placeholder={f.t('ui_status_label_placeholder')}
          value={label}
          onInput={(e) => setLabel(e.currentTarget.value)}
        />
        <AtLimit value={label} max={LIMITS.applicationLabel} />
        <button type="submit">{f.t('ui_status_save')}</button>
        <p class="muted small">{f.t('ui_status_label_help')}</p>
      </form>
      <form class="field" onSubmit={(e) => void saveComplete(e)}>
        <label for="complete-on">{f.t('ui_status_complete_on_field')}</label>
        <input
          id="complete-on"
          placeholder={f.t('ui_status_complete_on_placeholder')}
          value={complete}
          onInput={(e) => setComplete(e.currentTarget.value)}
        />
        <button type="submit">{f.t('ui_status_save')}</button>
        {props.application.completeOn && (
          <p>
            {f.t('ui_status_complete_on_entered', { date: props.application.completeOn })}{' '}
            <button
              type="button"
              onClick={() =>
                void send('panel:setCompleteOn', { personId: props.personId, date: null }).then(report)
              }
            >
              {f.t('ui_status_clear')}
            </button>
          </p>
        )}
      </form>
      <p class="error" role="alert">
        {err ?? ''}
      </p>
    </details>
  );
}

/** Why a typed date was refused, in the panel's language (from the parser's `problem` code). */
function dateProblem(f: Format, input: string, p: Extract<ParsedIsoDate, { ok: false }>): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  switch (p.problem) {
    case 'empty':
      return f.t('ui_status_date_empty');
    case 'format':
      return f.t('ui_status_date_format', { input: input.trim() });
    case 'year':
      return f.t('ui_status_date_year', { year: m?.[1] ?? '', min: String(MIN_YEAR), max: String(MAX_YEAR) });
    case 'month':
      return f.t('ui_status_date_month', { month: m?.[2] ?? '' });
    case 'day': {
      const year = Number(m?.[1]);
      const month = Number(m?.[2]);
      const monthYear = new Intl.DateTimeFormat(`${f.lang}-u-ca-gregory-nu-latn`, {
        month: 'long',
        year: 'numeric',
      }).format(new Date(year, month - 1, 15));
      const max = daysInMonth(year, month);
      return f.t('ui_status_date_day', { monthYear, max, day: m?.[3] ?? '' });
    }
  }
}
