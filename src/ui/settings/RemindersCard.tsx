import { useState } from 'preact/hooks';
import { isValidWallTime } from '../../domain/calendar';
import {
  MAX_CANCELLATION_TIMES,
  REMINDER_KINDS,
  type ReminderKind,
  type ReminderSettingsPatch,
  type ReminderSettings,
} from '../../domain/reminders';
import type { MessageKey } from '../../i18n/catalogue';
import type { FiredReminder, Person, ScheduledReminder } from '../../storage';
import { useFormat } from '../shared/FormatContext';
import { Rich } from '../shared/Rich';
import { sendAndSay } from '../shared/refusal';

/** Each reminder kind's name in the list of kinds (a catalogue key). */
export const REMINDER_KIND_NAMES: Record<ReminderKind, MessageKey> = {
  'window-opens': 'ui_reminders_kind_window_opens',
  urgency: 'ui_reminders_kind_urgency',
  'days-left': 'ui_reminders_kind_days_left',
  'lockout-ends': 'ui_reminders_kind_lockout_ends',
  'appointment-tomorrow': 'ui_reminders_kind_appointment_tomorrow',
  'documents-deadline': 'ui_reminders_kind_documents_deadline',
  'status-unchanged': 'ui_reminders_kind_status_unchanged',
  'cancellation-check': 'ui_reminders_kind_cancellation_check',
};

export interface RemindersCardProps {
  /** `reminderSettingsItem` value. */
  settings: ReminderSettings;
  /** `firedRemindersItem` value (oldest first). */
  fired: readonly FiredReminder[];
  /** `scheduledRemindersItem` value: what alarms are set for. */
  upcoming: readonly ScheduledReminder[];
  people: readonly Person[];
  today: string;
}

const save = (patch: ReminderSettingsPatch) => void sendAndSay('panel:setReminderSettings', patch);

export function RemindersCard(props: RemindersCardProps) {
  const f = useFormat();
  const s = props.settings;
  const [time, setTime] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const who = (personId: string | null) =>
    props.people.length > 1 && personId ? props.people.find((p) => p.id === personId)?.name : undefined;
  /** A reminder's title, with the person's name when there are several people. */
  const titleOf = (r: Pick<ScheduledReminder, 'personId' | 'title'>) => {
    const name = who(r.personId);
    const title = f.line(r.title);
    return name ? f.t('ui_reminders_person_title', { name, title }) : title;
  };

  const addTime = (e: Event) => {
    e.preventDefault();
    const t = time.trim();
    if (!isValidWallTime(t)) return setErr(f.t('ui_reminders_time_invalid', { time: t }));
    if (s.cancellationTimes.length >= MAX_CANCELLATION_TIMES)
      return setErr(f.t('ui_reminders_time_max', { max: MAX_CANCELLATION_TIMES }));
    setErr(null);
    setTime('');
    save({ cancellationTimes: [...s.cancellationTimes, t] });
  };
  const quiet = s.quietHours;
  /** The quiet hours' start or end: a time field, saved when it holds a valid time. */
  const timeField = (end: 'start' | 'end', label: MessageKey) => (
    <input
      type="time"
      aria-label={f.t(label)}
      value={quiet[end]}
      onChange={(e) =>
        isValidWallTime(e.currentTarget.value) &&
        save({ quietHours: { ...quiet, [end]: e.currentTarget.value } })
      }
    />
  );

  return (
    <details class="card" id="reminders" data-testid="reminders-card">
      <summary>
        <h2>{f.t('ui_reminders_title')}</h2>
      </summary>
      <p class="muted small">{f.t('ui_reminders_intro')}</p>
      <fieldset>
        <legend>{f.t('ui_reminders_kinds_legend')}</legend>
        {REMINDER_KINDS.map((k) => (
          <label key={k} class="inline-check">
            <input
              type="checkbox"
              data-testid={`reminder-kind-${k}`}
              checked={s.enabled[k]}
              onChange={(e) => save({ enabled: { [k]: e.currentTarget.checked } })}
            />{' '}
            {f.t(REMINDER_KIND_NAMES[k])}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="reminder-time">{f.t('ui_reminders_time_label')}</label>
        <input
          id="reminder-time"
          type="time"
          value={s.timeOfDay}
          onChange={(e) =>
            isValidWallTime(e.currentTarget.value) && save({ timeOfDay: e.currentTarget.value })
          }
        />
      </div>
      <div class="field">
        <label for="unchanged-days">{f.t('ui_reminders_unchanged_label')}</label>
        <input
          id="unchanged-days"
          type="number"
          min={1}
          max={365}
          value={s.unchangedDays}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= 365) save({ unchangedDays: n });
          }}
        />
      </div>
      <fieldset>
        <legend>{f.t('ui_reminders_quiet_legend')}</legend>
        <label>
          <input
            type="checkbox"
            checked={quiet.enabled}
            onChange={(e) => save({ quietHours: { ...quiet, enabled: e.currentTarget.checked } })}
          />{' '}
          <Rich
            k="ui_reminders_quiet_range"
            parts={{
              start: timeField('start', 'ui_reminders_quiet_start_label'),
              end: timeField('end', 'ui_reminders_quiet_end_label'),
            }}
          />
        </label>
        <p class="muted small">{f.t('ui_reminders_quiet_note')}</p>
      </fieldset>
      <fieldset>
        <legend>{f.t('ui_reminders_cancel_legend')}</legend>
        <p class="muted small">{f.t('ui_reminders_cancel_intro')}</p>
        {s.cancellationTimes.length > 0 && (
          <ul data-testid="cancellation-times">
            {s.cancellationTimes.map((t) => (
              <li key={t}>
                {t}{' '}
                <button
                  type="button"
                  aria-label={f.t('ui_reminders_time_remove_label', { time: t })}
                  onClick={() => save({ cancellationTimes: s.cancellationTimes.filter((x) => x !== t) })}
                >
                  {f.t('ui_reminders_time_remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="field" onSubmit={addTime}>
          <label for="cancellation-time">{f.t('ui_reminders_time_add_label')}</label>
          <input
            id="cancellation-time"
            type="time"
            value={time}
            onInput={(e) => setTime(e.currentTarget.value)}
          />
          <button type="submit">{f.t('ui_reminders_time_add')}</button>
          <p class="error" role="alert">
            {err ?? ''}
          </p>
        </form>
        <label>
          <Rich
            k="ui_reminders_open_portal"
            parts={{
              portal: (
                <select
                  value={s.cancellationPortal}
                  onChange={(e) =>
                    save({
                      cancellationPortal: e.currentTarget.value === 'e-ikamet' ? 'e-ikamet' : 'randevu',
                    })
                  }
                >
                  <option value="randevu">randevu.goc.gov.tr</option>
                  <option value="e-ikamet">e-ikamet.goc.gov.tr</option>
                </select>
              ),
            }}
          />
        </label>
      </fieldset>
      <h3>{f.t('ui_reminders_upcoming_heading')}</h3>
      {props.upcoming.length === 0 ? (
        <p class="muted" data-testid="reminders-upcoming">
          {f.t('ui_reminders_upcoming_none')}
        </p>
      ) : (
        <ul data-testid="reminders-upcoming">
          {props.upcoming.slice(0, 10).map((r) => (
            <li key={r.id} data-id={r.id} data-fire-at={r.fireAt}>
              <span class="provenance">{f.when(r.fireAt, props.today)}</span> {titleOf(r)}
            </li>
          ))}
        </ul>
      )}
      <h3>{f.t('ui_reminders_fired_heading')}</h3>
      {props.fired.length === 0 ? (
        <p class="muted" data-testid="reminders-log">
          {f.t('ui_reminders_fired_none')}
        </p>
      ) : (
        <ol class="history" data-testid="reminders-log">
          {[...props.fired].reverse().map((r) => (
            <li key={r.id} data-id={r.id} data-late={String(r.late)}>
              <span class="provenance">{f.when(r.firedAt, props.today)}</span> {titleOf(r)}
              {r.late && !r.superseded && (
                <span
                  class="flag"
                  title={f.t('ui_reminders_late_title', { when: f.when(r.fireAt, props.today) })}
                >
                  {' '}
                  {f.t('ui_reminders_late')}
                </span>
              )}
              {r.superseded && <span class="muted"> {f.t('ui_reminders_superseded')}</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
