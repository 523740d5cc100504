import { line } from '../domain/text';
import type { Lockout } from '../domain/lockout';
import { send } from '../messaging';
import { useFormat } from './format';
import { LineList, LineText } from './Lines';
import type { AppointmentView } from './model';
import { provenance } from './provenance';
import type { Observation } from '../state/facts';

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
        <h2 id="appt-title">Appointment: date coming by SMS</h2>
        <p data-testid="appointment-pending">
          <LineText line={line('appointment.date-by-sms', ['e-ikamet-instructions', 'yimer-2018'])} />
        </p>
        <p class="provenance">{provenance(pending, f, props.today)}</p>
        <p>
          When the message arrives, open the appointment on the portal so the date is read here, or enter it
          below.
        </p>
      </section>
    );
  }
  if (!a) {
    return (
      <section class="card" aria-labelledby="appt-title" data-testid="appointment">
        <h2 id="appt-title">Appointment</h2>
        <p>
          No appointment known. Open "my appointments" on randevu or your application on e-ikamet, or enter it
          below.
        </p>
      </section>
    );
  }
  const v = a.obs.value;
  const until =
    a.daysUntil === null
      ? ''
      : a.daysUntil > 1
        ? `in ${a.daysUntil} days`
        : a.daysUntil === 1
          ? 'tomorrow'
          : a.daysUntil === 0
            ? 'today'
            : `${-a.daysUntil} days ago`;
  const holiday = a.day?.holidays[0];
  return (
    <section class="card" aria-labelledby="appt-title" data-testid="appointment">
      <h2 id="appt-title">Appointment {until && <span class="muted">({until})</span>}</h2>
      <dl class="dates">
        <dt>Date</dt>
        <dd data-testid="appointment-date">
          {f.date(v.date!)}
          {v.time ? `, ${v.time}` : ''}
        </dd>
        {v.office && (
          <>
            <dt>Office</dt>
            <dd>{v.office}</dd>
          </>
        )}
        {v.type && (
          <>
            <dt>Type</dt>
            <dd>{v.type}</dd>
          </>
        )}
        {v.bookedOn && (
          <>
            <dt>Booked on</dt>
            <dd>{f.date(v.bookedOn)}</dd>
          </>
        )}
      </dl>
      <p class="provenance">{provenance(a.obs, f, props.today)}</p>
      {a.day && a.day.status !== 'open' && (
        <p class="flag" role="note" data-testid="holiday-flag">
          ⚑ {a.day.weekend ? 'This is a weekend day.' : holiday ? `${f.line({ text: holiday.name })}.` : ''}{' '}
          {a.nextWorking && (
            <LineText
              line={line('holiday.next-working-day', ['law-2429'], {
                date: v.date!,
                next: a.nextWorking.date,
              })}
            />
          )}
          {a.day.status === 'half-day' && a.day.closesAt && ` Offices close at ${a.day.closesAt}.`}
        </p>
      )}
      {a.day && !a.day.religiousHolidaysKnown && (
        <p class="flag">
          <LineText line={line('holiday.religious-unknown', ['law-2429'], { year: v.date!.slice(0, 4) })} />
        </p>
      )}
      {a.askAttended && <AttendedQuestion date={v.date!} personId={props.personId} />}
      {a.attended === 'no' && (
        <LineList
          lines={[
            line('missed.slot-only', ['relocation-guide']),
            line('missed.never-applied', ['law-firm-missed-appointment']),
            line('missed.rebook', ['relocation-guide']),
            line('missed.emergency', ['relocation-guide']),
          ]}
        />
      )}
    </section>
  );
}

function AttendedQuestion({ date, personId }: { date: string; personId: string }) {
  const answer = (a: 'yes' | 'no') => void send('panel:attended', { personId, date, answer: a });
  return (
    <div class="question" role="group" aria-labelledby="attended-q">
      <p id="attended-q">
        <strong>Did you attend this appointment?</strong> A missed randevu appointment means waiting before
        you can book again.
      </p>
      <button type="button" onClick={() => answer('yes')}>
        Yes, I attended
      </button>{' '}
      <button type="button" onClick={() => answer('no')}>
        No, I missed it
      </button>
    </div>
  );
}

export function LockoutCard({ l }: { l: Lockout | null }) {
  const f = useFormat();
  if (!l) return null;
  return (
    <section
      class={`card ${l.active ? 'lockout-active' : ''}`}
      aria-labelledby="lockout-title"
      data-testid="lockout"
    >
      <h2 id="lockout-title">
        {l.active ? 'randevu booking locked' : 'randevu booking open'}:{' '}
        <span data-testid="lockout-opens">
          {l.active ? `opens again on ${f.date(l.opensOn)}` : `since ${f.date(l.opensOn)}`}
        </span>
      </h2>
      {l.warning && (
        <p class="warning">
          <LineText line={l.warning} />
        </p>
      )}
      <LineList lines={l.lines} />
    </section>
  );
}
