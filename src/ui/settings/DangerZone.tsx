import { refusalText } from '../shared/refusal';
import { useState } from 'preact/hooks';
import { send } from '../../messaging';
import { useFormat } from '../shared/FormatContext';
import { Rich } from '../shared/Rich';

/** The word the user types to confirm; the background checks it again (guard.ts). */
export const DELETE_WORD = 'DELETE';

export interface DangerZoneProps {
  /** Called once everything is deleted (e.g. to scroll to the top or show the fresh panel). */
  onDeleted?: () => void;
}

/**
 * "Delete all data" (PRIVACY.md): people, dates, readings, status history, checklists, trips, reminders, settings
 * and the evidence log with its screenshots, from this computer, in one go. Two steps: open the confirmation, then
 * type DELETE; nothing else enables the button.
 */
export function DangerZone({ onDeleted }: DangerZoneProps) {
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const confirmDelete = async (e: Event) => {
    e.preventDefault();
    if (typed !== DELETE_WORD || busy) return;
    setBusy(true);
    try {
      const r = await send('panel:deleteAll', { confirm: DELETE_WORD });
      if (r.ok) {
        setResult({ ok: true, text: f.t('ui_danger_done') });
        setOpen(false);
        setTyped('');
        onDeleted?.();
      } else {
        // The background says where it stopped and so what is still stored (src/background/deleteAll.ts).
        setResult({ ok: false, text: refusalText(f, r) ?? f.t('ui_danger_failed') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card danger-zone" aria-labelledby="danger-title" data-testid="danger-zone">
      <h2 id="danger-title">{f.t('ui_danger_title')}</h2>
      <p class="muted small">{f.t('ui_danger_intro')}</p>
      {!open ? (
        <button
          type="button"
          data-testid="danger-open"
          onClick={() => {
            setOpen(true);
            setResult(null);
          }}
        >
          {f.t('ui_danger_open')}
        </button>
      ) : (
        <form onSubmit={(e) => void confirmDelete(e)} class="field">
          <label for="danger-confirm">
            <Rich k="ui_danger_confirm_label" parts={{ word: <strong>{DELETE_WORD}</strong> }} />
          </label>
          <input
            id="danger-confirm"
            data-testid="danger-input"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <button
            type="submit"
            class="danger"
            data-testid="danger-confirm"
            disabled={typed !== DELETE_WORD || busy}
          >
            {f.t(busy ? 'ui_danger_deleting' : 'ui_danger_confirm')}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setTyped('');
            }}
          >
            {f.t('ui_cancel')}
          </button>
        </form>
      )}
      {result && (
        <p
          class={result.ok ? 'muted' : 'error'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="danger-result"
        >
          {result.text}
        </p>
      )}
    </section>
  );
}
