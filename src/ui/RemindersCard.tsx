import { useState } from 'preact/hooks';
import { isValidWallTime } from '../domain/calendar';
import {
  MAX_CANCELLATION_TIMES,
  REMINDER_KINDS,
  type ReminderKind,
  type ReminderSettingsPatch,
  type ReminderSettings,
} from '../domain/reminders';
import { send } from '../messaging';
import type { FiredReminder, Person, ScheduledReminder } from '../storage';
import { useFormat } from './format';

export const REMINDER_KIND_NAMES: Record<ReminderKind, string> = {
  'window-opens': 'Extension window opens (60 days before the end)',
  urgency: 'Urgency level changes',
  'days-left': '15 and 7 days left on the permit',
  'lockout-ends': 'randevu booking lockout ends',
  'appointment-tomorrow': 'Appointment tomorrow (with the checklist)',
  'documents-deadline': 'Missing-documents deadline (7 days, 1 day, last day)',
  'status-unchanged': 'Application status unchanged',
  'cancellation-check': 'Check for cancelled slots at the times below',
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

const save = (patch: ReminderSettingsPatch) => void send('panel:setReminderSettings', patch);

export function RemindersCard(props: RemindersCardProps) {
  const f = useFormat();
  const s = props.settings;
  const [time, setTime] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const who = (personId: string | null) =>
    props.people.length > 1 && personId ? props.people.find((p) => p.id === personId)?.name : undefined;

  const addTime = (e: Event) => {
    e.preventDefault();
    const t = time.trim();
    if (!isValidWallTime(t)) return setErr(`"${t}" is not a time like 10:30 (24-hour clock).`);
    if (s.cancellationTimes.length >= MAX_CANCELLATION_TIMES)
      return setErr(`At most ${MAX_CANCELLATION_TIMES} times a day.`);
    setErr(null);
    setTime('');
    save({ cancellationTimes: [...s.cancellationTimes, t] });
  };
  const quiet = s.quietHours;

  return (
    <details class="card" id="reminders" data-testid="reminders-card">
      <summary>
        <h2>Reminders</h2>
      </summary>
      <p class="muted small">
        Notifications from this computer only, at Turkey's time. The extension never checks the portals by
        itself: a reminder asks you to look.
      </p>
      <fieldset>
        <legend>Remind me of</legend>
        {REMINDER_KINDS.map((k) => (
          <label key={k} class="inline-check">
            <input
              type="checkbox"
              data-testid={`reminder-kind-${k}`}
              checked={s.enabled[k]}
              onChange={(e) => save({ enabled: { [k]: e.currentTarget.checked } })}
            />{' '}
            {REMINDER_KIND_NAMES[k]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="reminder-time">Time of day for reminders</label>
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
        <label for="unchanged-days">"Status unchanged" after this many days</label>
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
        <legend>Quiet hours</legend>
        <label>
          <input
            type="checkbox"
            checked={quiet.enabled}
            onChange={(e) => save({ quietHours: { ...quiet, enabled: e.currentTarget.checked } })}
          />{' '}
          No notifications from{' '}
          <input
            type="time"
            aria-label="Quiet hours start"
            value={quiet.start}
            onChange={(e) =>
              isValidWallTime(e.currentTarget.value) &&
              save({ quietHours: { ...quiet, start: e.currentTarget.value } })
            }
          />{' '}
          to{' '}
          <input
            type="time"
            aria-label="Quiet hours end"
            value={quiet.end}
            onChange={(e) =>
              isValidWallTime(e.currentTarget.value) &&
              save({ quietHours: { ...quiet, end: e.currentTarget.value } })
            }
          />
        </label>
        <p class="muted small">A reminder that falls in quiet hours comes when they end.</p>
      </fieldset>
      <fieldset>
        <legend>Check for cancelled slots</legend>
        <p class="muted small">
          When slots are scarce, checking several times a day helps. At these times a notification opens the
          portal for you to look.
        </p>
        {s.cancellationTimes.length > 0 && (
          <ul data-testid="cancellation-times">
            {s.cancellationTimes.map((t) => (
              <li key={t}>
                {t}{' '}
                <button
                  type="button"
                  aria-label={`Remove ${t}`}
                  onClick={() => save({ cancellationTimes: s.cancellationTimes.filter((x) => x !== t) })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="field" onSubmit={addTime}>
          <label for="cancellation-time">Add a time</label>
          <input
            id="cancellation-time"
            type="time"
            value={time}
            onInput={(e) => setTime(e.currentTarget.value)}
          />
          <button type="submit">Add</button>
          <p class="error" role="status">
            {err ?? ''}
          </p>
        </form>
        <label>
          Open{' '}
          <select
            value={s.cancellationPortal}
            onChange={(e) =>
              save({ cancellationPortal: e.currentTarget.value === 'e-ikamet' ? 'e-ikamet' : 'randevu' })
            }
          >
            <option value="randevu">randevu.goc.gov.tr</option>
            <option value="e-ikamet">e-ikamet.goc.gov.tr</option>
          </select>
        </label>
      </fieldset>
      <h3>Coming up</h3>
      {props.upcoming.length === 0 ? (
        <p class="muted" data-testid="reminders-upcoming">
          Nothing scheduled.
        </p>
      ) : (
        <ul data-testid="reminders-upcoming">
          {props.upcoming.slice(0, 10).map((r) => (
            <li key={r.id} data-id={r.id} data-fire-at={r.fireAt}>
              <span class="provenance">{f.when(r.fireAt, props.today)}</span>{' '}
              {who(r.personId) && `${who(r.personId)}: `}
              {f.line(r.title)}
            </li>
          ))}
        </ul>
      )}
      <h3>Fired</h3>
      {props.fired.length === 0 ? (
        <p class="muted" data-testid="reminders-log">
          No reminder has fired yet.
        </p>
      ) : (
        <ol class="history" data-testid="reminders-log">
          {[...props.fired].reverse().map((r) => (
            <li key={r.id} data-id={r.id} data-late={String(r.late)}>
              <span class="provenance">{f.when(r.firedAt, props.today)}</span>{' '}
              {who(r.personId) && `${who(r.personId)}: `}
              {f.line(r.title)}
              {r.late && !r.superseded && (
                <span class="flag" title={`Due ${f.when(r.fireAt, props.today)}; the browser was closed`}>
                  {' '}
                  late
                </span>
              )}
              {r.superseded && <span class="muted"> (missed; a newer reminder was shown instead)</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
