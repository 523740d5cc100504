import { useState } from 'preact/hooks';
import { parseIsoDate } from '../domain/calendar';
import { send } from '../messaging';
import type { Settings } from '../storage';
import { useFormat } from './format';
import { SourceRefs } from './Lines';

export function SettingsCard({ s }: { s: Settings }) {
  const f = useFormat();
  const [bridge, setBridge] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const addBridge = (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(bridge);
    if (!p.ok) return setErr(p.reason);
    setErr(null);
    setBridge('');
    void send('panel:setSettings', { bridgeDays: [...s.bridgeDays, p.date] });
  };
  return (
    <details class="card" id="settings">
      <summary>
        <h2>Settings</h2>
      </summary>
      <fieldset>
        <legend>randevu lockout length</legend>
        <label>
          <input
            type="radio"
            name="lockout"
            checked={s.lockoutDays === 30}
            onChange={() => void send('panel:setSettings', { lockoutDays: 30 })}
          />{' '}
          30 days <SourceRefs ids={['randevu-article']} />
        </label>
        <label>
          <input
            type="radio"
            name="lockout"
            checked={s.lockoutDays === 15}
            onChange={() => void send('panel:setSettings', { lockoutDays: 15 })}
          />{' '}
          15 days <SourceRefs ids={['randevu-secondary-15-days']} weak />
        </label>
      </fieldset>
      <label for="warn-days">
        Warn when a lockout leaves fewer than this many days before the permit ends
      </label>
      <input
        id="warn-days"
        type="number"
        min={0}
        max={120}
        value={s.lockoutWarnDays}
        onChange={(e) => void send('panel:setSettings', { lockoutWarnDays: Number(e.currentTarget.value) })}
      />
      <form onSubmit={addBridge} class="field">
        <label for="bridge">Bridge day declared for public offices</label>
        <input
          id="bridge"
          placeholder="YYYY-MM-DD"
          value={bridge}
          onInput={(e) => setBridge(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
        <p class="error" role="status">
          {err ?? ''}
        </p>
      </form>
      {s.bridgeDays.length > 0 && (
        <ul>
          {s.bridgeDays.map((d) => (
            <li key={d}>
              {f.date(d)}{' '}
              <button
                type="button"
                aria-label={`Remove bridge day ${f.date(d)}`}
                onClick={() =>
                  void send('panel:setSettings', { bridgeDays: s.bridgeDays.filter((x) => x !== d) })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
