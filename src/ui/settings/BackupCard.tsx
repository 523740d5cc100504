import { useRef, useState } from 'preact/hooks';
import { createBackup, restoreBackup, type BackupFailure } from '../../backup/client';
import { download } from '../shared/download';
import { useFormat, type Format } from '../shared/FormatContext';
import { saidText } from '../shared/refusal';

/**
 * `then`: what the user can do next, after the sentence (an unfinished restore: how to finish it or go back).
 * `detail`: the damaged records a backup was made with.
 */
type Result = { ok: boolean; text: string; then?: string; detail?: string[]; code?: string; why?: string };

/**
 * A failed backup or restore in the panel's language: the failure's own sentence (which says what is stored now),
 * with the sentence said inside it; after an unfinished restore, how to finish it or go back. The general
 * 'unfinished' sentence already says how to finish, so it stands alone.
 */
function failureResult(f: Format, r: BackupFailure): Result {
  const text = saidText(f, r.said, r.inner ? { problem: saidText(f, r.inner) } : {});
  const then = r.code === 'unfinished' && r.why !== 'unfinished' ? f.t('ui_backup_unfinished_next') : null;
  return { ok: false, text, code: r.code, why: r.why, ...(then ? { then } : {}) };
}

/**
 * Backup and restore of everything the extension keeps, as one file (src/backup). Making one changes nothing;
 * restoring replaces everything here, so it takes a second, explicit step after the file is chosen.
 */
export function BackupCard() {
  const f = useFormat();
  const [busy, setBusy] = useState<'create' | 'restore' | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  // Emptied after each restore and on cancel, so choosing the same file again (to finish an unfinished restore, or
  // to retry) is seen as a new choice: a file input fires no change for the file it already holds.
  const fileInput = useRef<HTMLInputElement>(null);
  const forgetFile = () => {
    setChosen(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const make = async () => {
    setBusy('create');
    setResult(null);
    try {
      const r = await createBackup();
      if (!r.ok) return setResult(failureResult(f, r));
      download(r.blob, r.filename);
      setResult({
        ok: r.problems.length === 0,
        text: r.problems.length
          ? f.t('ui_backup_saved_problems', { file: r.filename, records: r.counts.records })
          : f.t('ui_backup_saved', { file: r.filename, records: r.counts.records }),
        ...(r.problems.length ? { detail: r.problems.map((p) => saidText(f, p)) } : {}),
      });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return;
    setBusy('restore');
    setResult(null);
    try {
      const r = await restoreBackup(chosen, { confirm: 'REPLACE' });
      setResult(
        r.ok
          ? {
              ok: true,
              text: f.t('ui_backup_restored', { items: r.counts.items, records: r.counts.records }),
            }
          : failureResult(f, r),
      );
      forgetFile();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title" data-testid="backup">
      <h2 id="backup-title">{f.t('ui_backup_title')}</h2>
      <p class="muted small">{f.t('ui_backup_intro')}</p>
      <button type="button" data-testid="backup-create" disabled={busy !== null} onClick={() => void make()}>
        {f.t('ui_backup_create')}
      </button>
      <form class="field-group" onSubmit={(e) => void restore(e)}>
        <label for="backup-file">{f.t('ui_backup_restore_label')}</label>
        <input
          id="backup-file"
          type="file"
          accept=".zip,application/zip"
          data-testid="backup-file"
          ref={fileInput}
          disabled={busy !== null}
          onChange={(e) => {
            setResult(null);
            setChosen(e.currentTarget.files?.[0] ?? null);
          }}
        />
        {chosen && (
          <div role="group" aria-labelledby="backup-confirm">
            <p id="backup-confirm" class="warning">
              {f.t('ui_backup_restore_warning', { file: chosen.name })}
            </p>
            <button type="submit" data-testid="backup-restore" disabled={busy !== null}>
              {f.t('ui_backup_restore_confirm')}
            </button>{' '}
            <button type="button" onClick={forgetFile}>
              {f.t('ui_cancel')}
            </button>
          </div>
        )}
      </form>
      {busy && (
        <p role="status" class="muted">
          {f.t(busy === 'create' ? 'ui_backup_busy_create' : 'ui_backup_busy_restore')}
        </p>
      )}
      {result && (
        <div
          role={result.ok ? 'status' : 'alert'}
          class={result.ok ? 'muted' : 'error'}
          data-testid="backup-result"
          data-code={result.code}
          data-why={result.why}
        >
          <p>{result.text}</p>
          {result.then && <p>{result.then}</p>}
          {result.detail && (
            <ul>
              {result.detail.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
