import { useState } from 'preact/hooks';
import { parseIsoDate } from '../domain/calendar';
import { send } from '../messaging';
import { valueKey, type Observation } from '../state/facts';
import { checkTime } from '../state/manual';
import { useFormat } from './format';
import { provenance } from './provenance';

/**
 * Manual entry and override of every date, with the reason when a date is refused. Conflicting values (two
 * readings with different end dates) are listed with their times; the newest is used unless the user picks one.
 */
export function DatesCard(props: {
  personId: string;
  end: Observation<string> | null;
  endConflicts: Observation<string>[];
  today: string;
  open: boolean;
}) {
  const f = useFormat();
  return (
    <details class="card" open={props.open} id="dates">
      <summary>
        <h2>Your dates</h2>
      </summary>
      {props.endConflicts.length > 0 && (
        <div class="conflict" role="group" aria-labelledby="conflict-title" data-testid="end-conflicts">
          <p id="conflict-title">
            <strong>Different end dates were seen.</strong> The newest is used; pick another if it is the
            right one.
          </p>
          <ul>
            {props.endConflicts.map((o) => (
              <li key={o.value + o.source}>
                <label>
                  <input
                    type="radio"
                    name="end-pick"
                    checked={props.end?.value === o.value}
                    onChange={() =>
                      void send('panel:pin', {
                        personId: props.personId,
                        key: 'permitEnd',
                        valueKey: valueKey(o.value),
                      })
                    }
                  />{' '}
                  {f.date(o.value)} <span class="muted">({provenance(o, f, props.today)})</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      <DateField
        label="Permit end date"
        id="permit-end"
        onSave={(value) => send('panel:setManual', { personId: props.personId, key: 'permitEnd', value })}
      />
      <AppointmentForm personId={props.personId} />
    </details>
  );
}

function errorOf(r: unknown): string | null {
  return r && typeof r === 'object' && 'ok' in r && r.ok === false && 'error' in r ? String(r.error) : null;
}

function DateField(props: { label: string; id: string; onSave: (iso: string) => Promise<unknown> }) {
  const [value, setValue] = useState('');
  const [msg, setMsg] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(value);
    if (!p.ok) return setMsg({ kind: 'error', text: p.reason });
    const err = errorOf(await props.onSave(p.date));
    setMsg(err ? { kind: 'error', text: err } : { kind: 'ok', text: 'Saved.' });
  };
  return (
    <form class="field" onSubmit={save} noValidate>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        placeholder="YYYY-MM-DD"
        inputMode="numeric"
        value={value}
        aria-describedby={`${props.id}-msg`}
        aria-invalid={msg?.kind === 'error'}
        onInput={(e) => setValue(e.currentTarget.value)}
      />
      <button type="submit">Save</button>
      <p id={`${props.id}-msg`} class={msg?.kind === 'error' ? 'error' : 'muted'} role="status">
        {msg?.text ?? ''}
      </p>
    </form>
  );
}

function AppointmentForm({ personId }: { personId: string }) {
  const [v, setV] = useState({ date: '', time: '', bookedOn: '', office: '', type: '', portal: 'randevu' });
  const [msg, setMsg] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const set = (k: keyof typeof v) => (e: Event) =>
    setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });
  const save = async (e: Event) => {
    e.preventDefault();
    const d = parseIsoDate(v.date);
    if (!d.ok) return setMsg({ kind: 'error', text: `Appointment date: ${d.reason}` });
    if (v.time) {
      const t = checkTime(v.time);
      if (!t.ok) return setMsg({ kind: 'error', text: t.reason });
    }
    if (v.bookedOn) {
      const b = parseIsoDate(v.bookedOn);
      if (!b.ok) return setMsg({ kind: 'error', text: `Booked on: ${b.reason}` });
    }
    const value = JSON.stringify({ ...v, time: v.time || null, bookedOn: v.bookedOn || null });
    const err = errorOf(await send('panel:setManual', { personId, key: 'appointment', value }));
    setMsg(err ? { kind: 'error', text: err } : { kind: 'ok', text: 'Saved.' });
  };
  return (
    <form class="field-group" onSubmit={save} noValidate aria-labelledby="appt-form-title">
      <h3 id="appt-form-title">Appointment</h3>
      <label for="appt-date">Date</label>
      <input id="appt-date" placeholder="YYYY-MM-DD" value={v.date} onInput={set('date')} />
      <label for="appt-time">Time</label>
      <input id="appt-time" placeholder="HH:MM" value={v.time} onInput={set('time')} />
      <label for="appt-portal">Booked on which portal</label>
      <select id="appt-portal" value={v.portal} onChange={set('portal')}>
        <option value="randevu">randevu.goc.gov.tr (30-day lockout applies)</option>
        <option value="e-ikamet">e-ikamet.goc.gov.tr</option>
      </select>
      <label for="appt-booked">Booked/confirmed on (optional)</label>
      <input id="appt-booked" placeholder="YYYY-MM-DD" value={v.bookedOn} onInput={set('bookedOn')} />
      <label for="appt-office">Office (optional)</label>
      <input id="appt-office" value={v.office} onInput={set('office')} />
      <label for="appt-type">Type (optional)</label>
      <input id="appt-type" value={v.type} onInput={set('type')} />
      <button type="submit">Save appointment</button>
      <p class={msg?.kind === 'error' ? 'error' : 'muted'} role="status">
        {msg?.text ?? ''}
      </p>
    </form>
  );
}
