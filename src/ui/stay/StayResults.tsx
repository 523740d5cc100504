import { useState } from 'preact/hooks';
import { parseIsoDate } from '../../domain/calendar';
import { daysUsed, maxStayIfEnteringOn, planLine, stayReport, type Trip } from '../../domain/stay';
import { line } from '../../domain/text';
import { useFormat } from '../shared/FormatContext';
import { LineList, LineText, SourceRefs } from '../shared/Lines';
import { Rich } from '../shared/Rich';

export function Results({
  trips,
  report,
  today,
}: {
  trips: Trip[];
  report: NonNullable<ReturnType<typeof stayReport>['result']>;
  today: string;
}) {
  const f = useFormat();
  const [onDate, setOnDate] = useState('');
  const [planDate, setPlanDate] = useState('');
  const on = parseIsoDate(onDate);
  const plan = parseIsoDate(planDate);
  const warnings = report.lines.filter((l) => l.text === 'stay_over_now' || l.text === 'stay_trip_over');
  const cur = report.current;
  const rule = ['council-of-ministers-2011-2306'] as const;

  return (
    <div data-testid="stay-results">
      <dl class="dates">
        <dt>{f.t('ui_stay_days_used_label')}</dt>
        <dd>
          <Rich
            k="ui_stay_days_used_value"
            parts={{
              used: <strong data-testid="stay-days-used">{f.num(report.daysUsed)}</strong>,
              allowance: f.num(report.allowance),
            }}
          />{' '}
          <SourceRefs ids={rule} />
        </dd>
        <dt>{f.t('ui_stay_days_left_label')}</dt>
        <dd data-testid="stay-days-left">{f.num(report.daysLeft)}</dd>
        <dt>{f.t('ui_stay_latest_exit_label')}</dt>
        <dd data-testid="stay-latest-exit">
          {cur === null
            ? f.t('ui_stay_not_in_turkey')
            : cur.latestExit
              ? f.date(cur.latestExit)
              : f.t('ui_stay_over_since', { date: cur.overSince ?? today })}
        </dd>
        <dt>{f.t('ui_stay_full_allowance_label')}</dt>
        <dd data-testid="stay-full-allowance">{f.date(report.fullAllowanceFrom)}</dd>
      </dl>
      {warnings.length > 0 && <LineList lines={warnings} class="lines warning" />}

      <div class="field">
        <label for="stay-on-date">{f.t('ui_stay_days_used_on_label')}</label>
        <input
          id="stay-on-date"
          type="date"
          value={onDate}
          onInput={(e) => setOnDate(e.currentTarget.value)}
        />
        <p data-testid="stay-days-used-on" role="status">
          {on.ok && (
            <LineText
              line={line('stay_days_used', rule, {
                date: on.date,
                used: daysUsed(trips, on.date, today),
                allowance: report.allowance,
              })}
            />
          )}
        </p>
      </div>
      <div class="field">
        <label for="stay-plan-date">{f.t('ui_stay_plan_label')}</label>
        <input
          id="stay-plan-date"
          type="date"
          value={planDate}
          onInput={(e) => setPlanDate(e.currentTarget.value)}
        />
        <p data-testid="stay-plan" role="status">
          {plan.ok && (
            <LineText
              line={planLine(maxStayIfEnteringOn(trips, plan.date, report.allowance, today), trips)}
            />
          )}
        </p>
      </div>
    </div>
  );
}
