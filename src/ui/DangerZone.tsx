import { useState } from 'preact/hooks';
import { send } from '../messaging';

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
      if (r && r.ok) {
        setResult({ ok: true, text: 'Everything the extension kept on this computer has been deleted.' });
        setOpen(false);
        setTyped('');
        onDeleted?.();
      } else {
        setResult({ ok: false, text: r && 'error' in r ? r.error : 'Nothing was deleted. Try again.' });
      }
    } catch (err) {
      setResult({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card danger-zone" aria-labelledby="danger-title" data-testid="danger-zone">
      <h2 id="danger-title">Delete all data</h2>
      <p class="muted small">
        Deletes everything this extension keeps on this computer: the people you added, dates, readings,
        status history, checklist ticks and notes, trips, reminders, settings and the evidence log with its
        screenshots. It cannot be undone. Export the evidence log first if you may need it. Removing the
        extension deletes the same.
      </p>
      {!open ? (
        <button
          type="button"
          data-testid="danger-open"
          onClick={() => {
            setOpen(true);
            setResult(null);
          }}
        >
          Delete all data…
        </button>
      ) : (
        <form onSubmit={(e) => void confirmDelete(e)} class="field">
          <label for="danger-confirm">
            Type <strong>{DELETE_WORD}</strong> to delete everything
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
            {busy ? 'Deleting…' : 'Delete everything'}
          </button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setTyped('');
            }}
          >
            Cancel
          </button>
        </form>
      )}
      {result && (
        <p class={result.ok ? 'muted' : 'error'} role="status" data-testid="danger-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
