import { refusalText, sendAndSay } from '../shared/refusal';
import { LIMITS } from '../../domain/limits';
import { useState } from 'preact/hooks';
import { parseIsoDate } from '../../domain/calendar';
import { send } from '../../messaging';
import { valueKey, type Observation } from '../../state/facts';
import { checkTime } from '../../state/manual';
import { dateProblem } from '../model/dateProblem';
import { useFormat, type Format } from '../shared/FormatContext';
import { provenance } from '../model/provenance';
import { AtLimit } from '../shared/AtLimit';

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
        <h2>{f.t('ui_dates_title')}</h2>
      </summary>
      {props.endConflicts.length > 0 && (
        <div class="conflict" role="group" aria-labelledby="conflict-title" data-testid="end-conflicts">
          <p id="conflict-title">
            <strong>{f.t('ui_dates_conflict')}</strong> {f.t('ui_dates_conflict_pick')}
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
                      void sendAndSay('panel:pin', {
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
        label={f.t('ui_dates_permit_end')}
        id="permit-end"
        onSave={(value) => send('panel:setManual', { personId: props.personId, key: 'permitEnd', value })}
      />
      <AppointmentForm personId={props.personId} />
    </details>
  );
}

/** The background's refusal, if any. Its sentence is English (it re-checks what the panel already checked), so
 * the panel shows its own translated sentence and keeps the English one as detail. */
/** The background's refusal in the panel's language; null when it stored the value (send() always answers). */
function errorOf(r: unknown, f: Format): string | null {
  return refusalText(f, r);
}

function DateField(props: { label: string; id: string; onSave: (iso: string) => Promise<unknown> }) {
  const f = useFormat();
  const [value, setValue] = useState('');
  const [msg, setMsg] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(value);
    if (!p.ok) return setMsg({ kind: 'error', text: dateProblem(f, p, value) });
    const err = errorOf(await props.onSave(p.date), f);
    setMsg(err ? { kind: 'error', text: err } : { kind: 'ok', text: f.t('ui_saved') });
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
      <button type="submit">{f.t('ui_save')}</button>
      <p id={`${props.id}-msg`} class={msg?.kind === 'error' ? 'error' : 'muted'} role="status">
        {msg?.text ?? ''}
      </p>
    </form>
  );
}

function AppointmentForm({ personId }: { personId: string }) {
  const f = useFormat();
  const [v, setV] = useState({ date: '', time: '', bookedOn: '', office: '', type: '', portal: 'randevu' });
  const [msg, setMsg] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const set = (k: keyof typeof v) => (e: Event) =>
    setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });
  const save = async (e: Event) => {
    e.preventDefault();
    const d = parseIsoDate(v.date);
    if (!d.ok)
      return setMsg({
        kind: 'error',
        text: f.t('ui_dates_appt_date_problem', { reason: dateProblem(f, d, v.date) }),
      });
    if (v.time) {
      const t = checkTime(v.time);
      if (!t.ok) return setMsg({ kind: 'error', text: f.t('ui_time_format') });
    }
    if (v.bookedOn) {
      const b = parseIsoDate(v.bookedOn);
      if (!b.ok)
        return setMsg({
          kind: 'error',
          text: f.t('ui_dates_booked_problem', { reason: dateProblem(f, b, v.bookedOn) }),
        });
    }
    const value = JSON.stringify({ ...v, time: v.time || null, bookedOn: v.bookedOn || null });
    const err = errorOf(await send('panel:setManual', { personId, key: 'appointment', value }), f);
    setMsg(err ? { kind: 'error', text: err } : { kind: 'ok', text: f.t('ui_saved') });
  };
  return (
    <form class="field-group" onSubmit={save} noValidate aria-labelledby="appt-form-title">
      <h3 id="appt-form-title">{f.t('ui_appt_title')}</h3>
      <label for="appt-date">{f.t('ui_appt_date')}</label>
      <input id="appt-date" placeholder="YYYY-MM-DD" value={v.date} onInput={set('date')} />
      <label for="appt-time">{f.t('ui_dates_appt_time')}</label>
      <input id="appt-time" placeholder="HH:MM" value={v.time} onInput={set('time')} />
      <label for="appt-portal">{f.t('ui_dates_appt_portal')}</label>
      <select id="appt-portal" value={v.portal} onChange={set('portal')}>
        <option value="randevu">{f.t('ui_dates_appt_portal_randevu')}</option>
        <option value="e-ikamet">e-ikamet.goc.gov.tr</option>
      </select>
      <label for="appt-booked">{f.t('ui_dates_appt_booked')}</label>
      <input id="appt-booked" placeholder="YYYY-MM-DD" value={v.bookedOn} onInput={set('bookedOn')} />
      <label for="appt-office">{f.t('ui_dates_appt_office')}</label>
      <input id="appt-office" maxLength={LIMITS.appointmentOffice} value={v.office} onInput={set('office')} />
      <AtLimit value={v.office} max={LIMITS.appointmentOffice} />
      <label for="appt-type">{f.t('ui_dates_appt_type')}</label>
      <input id="appt-type" maxLength={LIMITS.appointmentType} value={v.type} onInput={set('type')} />
      <AtLimit value={v.type} max={LIMITS.appointmentType} />
      <button type="submit">{f.t('ui_dates_appt_save')}</button>
      <p class={msg?.kind === 'error' ? 'error' : 'muted'} role="status">
        {msg?.text ?? ''}
      </p>
    </form>
  );
}
