import { useRef, useState } from 'preact/hooks';
import { createBackup, restoreBackup, type BackupErrorCode } from '../backup/client';
import type { MessageKey } from '../i18n/catalogue';
import { download } from './EvidenceCard';
import { useFormat } from './format';

const ERROR_KEY: Record<BackupErrorCode, MessageKey> = {
  'not-backup': 'ui_backup_error_not_backup',
  'newer-version': 'ui_backup_error_newer',
  corrupt: 'ui_backup_error_corrupt',
  quota: 'ui_backup_error_quota',
  failed: 'ui_backup_error_failed',
  unfinished: 'ui_backup_error_unfinished',
};

/** `detail`: English sentences from the evidence store (as the command-line tools print them). */
type Result = { ok: boolean; text: string; detail?: string[] };

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
      if (!r.ok) return setResult({ ok: false, text: f.t(ERROR_KEY[r.code]) });
      download(r.blob, r.filename);
      setResult({
        ok: r.problems.length === 0,
        text: r.problems.length
          ? f.t('ui_backup_saved_problems', { file: r.filename, records: r.counts.records })
          : f.t('ui_backup_saved', { file: r.filename, records: r.counts.records }),
        ...(r.problems.length ? { detail: r.problems } : {}),
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
          : { ok: false, text: f.t(ERROR_KEY[r.code]), ...(f.lang === 'en' ? {} : { detail: [r.message] }) },
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
        >
          <p>{result.text}</p>
          {result.detail && (
            <ul lang="en" dir="ltr">
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
