import { line } from '../../domain/text';
import { useFormat } from '../shared/FormatContext';
import { LineList, LineText } from '../shared/Lines';
import type { AppointmentView } from '../model/panelModel';
import { provenance } from '../model/provenance';
import type { Observation } from '../../state/facts';
import { sendAndSay } from '../shared/refusal';

export function AppointmentCard(props: {
  a: AppointmentView | null;
  pending: Observation<boolean> | null;
  personId: string;
  today: string;
}) {
  const f = useFormat();
  const { a, pending } = props;
  if (pending) {
    return (
      <section class="card" aria-labelledby="appt-title" data-testid="appointment">
        <h2 id="appt-title">{f.t('ui_appt_sms_title')}</h2>
        <p data-testid="appointment-pending">
          <LineText line={line('appointment_date_by_sms', ['e-ikamet-instructions', 'yimer-2018'])} />
        </p>
        <p class="provenance">{provenance(pending, f, props.today)}</p>
        <p>{f.t('ui_appt_sms_next')}</p>
      </section>
    );
  }
  if (!a) {
    return (
      <section class="card" aria-labelledby="appt-title" data-testid="appointment">
        <h2 id="appt-title">{f.t('ui_appt_title')}</h2>
        <p>{f.t('ui_appt_none')}</p>
      </section>
    );
  }
  const v = a.obs.value;
  const until =
    a.daysUntil === null
      ? ''
      : a.daysUntil > 1
        ? f.t('ui_appt_in_days', { days: a.daysUntil })
        : a.daysUntil === 1
          ? f.t('ui_appt_tomorrow')
          : a.daysUntil === 0
            ? f.t('ui_appt_today')
            : f.t('ui_appt_days_ago', { days: -a.daysUntil });
  const holiday = a.day?.holidays[0];
  return (
    <section class="card" aria-labelledby="appt-title" data-testid="appointment">
      <h2 id="appt-title">
        {f.t('ui_appt_title')} {until && <span class="muted">({until})</span>}
      </h2>
      <dl class="dates">
        <dt>{f.t('ui_appt_date')}</dt>
        <dd data-testid="appointment-date">
          {f.date(v.date!)}
          {v.time ? `, ${v.time}` : ''} <span class="muted portal-date">({f.portalDate(v.date!)})</span>
        </dd>
        {v.office && (
          <>
            <dt>{f.t('ui_appt_office')}</dt>
            <dd>
              <bdi lang="tr">{v.office}</bdi>
            </dd>
          </>
        )}
        {v.type && (
          <>
            <dt>{f.t('ui_appt_type')}</dt>
            <dd>
              <bdi lang="tr">{v.type}</bdi>
            </dd>
          </>
        )}
        {v.bookedOn && (
          <>
            <dt>{f.t('ui_appt_booked_on')}</dt>
            <dd>{f.date(v.bookedOn)}</dd>
          </>
        )}
      </dl>
      <p class="provenance">{provenance(a.obs, f, props.today)}</p>
      {a.day && a.day.status !== 'open' && (
        <p class="flag" role="note" data-testid="holiday-flag">
          <span aria-hidden="true">⚑</span>{' '}
          {a.day.weekend ? f.t('ui_appt_weekend') : holiday ? `${f.line({ text: holiday.name })}.` : ''}{' '}
          {a.nextWorking && (
            <LineText
              line={line('holiday_next_working_day', ['law-2429'], {
                date: v.date!,
                next: a.nextWorking.date,
              })}
            />
          )}
          {a.day.status === 'half-day' &&
            a.day.closesAt &&
            ` ${f.t('ui_appt_closes_at', { time: a.day.closesAt })}`}
        </p>
      )}
      {a.day && !a.day.religiousHolidaysKnown && (
        <p class="flag">
          <LineText line={line('holiday_religious_unknown', ['law-2429'], { year: v.date!.slice(0, 4) })} />
        </p>
      )}
      {a.askAttended && <AttendedQuestion date={v.date!} personId={props.personId} />}
      {a.attended === 'no' && (
        <LineList
          lines={[
            line('missed_slot_only', ['relocation-guide']),
            line('missed_never_applied', ['law-firm-missed-appointment']),
            line('missed_rebook', ['relocation-guide']),
            line('missed_emergency', ['relocation-guide']),
          ]}
        />
      )}
    </section>
  );
}

function AttendedQuestion({ date, personId }: { date: string; personId: string }) {
  const f = useFormat();
  const answer = (a: 'yes' | 'no') => void sendAndSay('panel:attended', { personId, date, answer: a });
  return (
    <div class="question" role="group" aria-labelledby="attended-q">
      <p id="attended-q">
        <strong>{f.t('ui_appt_attended_q')}</strong> {f.t('ui_appt_attended_why')}
      </p>
      <button type="button" onClick={() => answer('yes')}>
        {f.t('ui_appt_attended_yes')}
      </button>{' '}
      <button type="button" onClick={() => answer('no')}>
        {f.t('ui_appt_attended_no')}
      </button>
    </div>
  );
}
