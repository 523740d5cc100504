import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { parseIsoDate } from '../../domain/calendar';
import type { Settings } from '../../storage';
import { dateProblem } from '../model/dateProblem';
import { useFormat } from '../shared/FormatContext';
import { SourceRefs } from '../shared/Lines';
import { sendAndSay } from '../shared/refusal';

export interface SettingsCardProps {
  s: Settings;
  /** Settings shown first in the card, above the lockout ones (the language menu). */
  children?: ComponentChildren;
}

export function SettingsCard({ s, children }: SettingsCardProps) {
  const f = useFormat();
  const [bridge, setBridge] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const addBridge = (e: Event) => {
    e.preventDefault();
    const p = parseIsoDate(bridge);
    if (!p.ok) return setErr(dateProblem(f, p, bridge));
    setErr(null);
    setBridge('');
    void sendAndSay('panel:setSettings', { bridgeDays: [...s.bridgeDays, p.date] });
  };
  return (
    <details class="card" id="settings">
      <summary>
        <h2>{f.t('ui_settings_title')}</h2>
      </summary>
      {children}
      <fieldset>
        <legend>{f.t('ui_settings_lockout_legend')}</legend>
        <label>
          <input
            type="radio"
            name="lockout"
            checked={s.lockoutDays === 30}
            onChange={() => void sendAndSay('panel:setSettings', { lockoutDays: 30 })}
          />{' '}
          {f.t('ui_settings_lockout_days', { days: 30 })}{' '}
          <SourceRefs ids={['randevu-article', 'mondaq-2024-08-01']} />
        </label>
        <label>
          <input
            type="radio"
            name="lockout"
            checked={s.lockoutDays === 15}
            onChange={() => void sendAndSay('panel:setSettings', { lockoutDays: 15 })}
          />{' '}
          {f.t('ui_settings_lockout_days', { days: 15 })}{' '}
          <SourceRefs ids={['randevu-secondary-15-days']} weak />
        </label>
      </fieldset>
      <label for="warn-days">{f.t('ui_settings_warn_label')}</label>
      <input
        id="warn-days"
        type="number"
        min={0}
        max={120}
        value={s.lockoutWarnDays}
        onChange={(e) =>
          void sendAndSay('panel:setSettings', { lockoutWarnDays: Number(e.currentTarget.value) })
        }
      />
      <form onSubmit={addBridge} class="field">
        <label for="bridge">{f.t('ui_settings_bridge_label')}</label>
        <input
          id="bridge"
          placeholder={f.t('ui_settings_bridge_placeholder')}
          value={bridge}
          onInput={(e) => setBridge(e.currentTarget.value)}
        />
        <button type="submit">{f.t('ui_settings_bridge_add')}</button>
        <p class="error" role="alert">
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
                aria-label={f.t('ui_settings_bridge_remove_label', { date: d })}
                onClick={() =>
                  void sendAndSay('panel:setSettings', { bridgeDays: s.bridgeDays.filter((x) => x !== d) })
                }
              >
                {f.t('ui_settings_bridge_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
