import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { istanbulToday } from '../domain/calendar';
import { armedFor, CAPTURE_ERROR_TEXT, type CaptureResult } from '../evidence/captureState';
import { exportBundle } from '../evidence/export';
import { importBundle, type ImportOutcome } from '../evidence/import';
import {
  sharedEvidenceStore,
  type EvidenceStore,
  type ListItem,
  type LogFilter,
  type LogSummary,
} from '../evidence/store';
import { send } from '../messaging';
import type { PortalReading } from '../portal/types';
import { captureGrantsItem, evidenceSettingsItem, lastCaptureItem, type Person } from '../storage';
import { EvidenceList } from './EvidenceList';
import { EVIDENCE_NOTICE, summarySentence } from './evidenceText';
import { useStored } from './useStored';

export interface EvidenceCardProps {
  /** The portal tab beside the panel (the active tab of the panel's window), or null. */
  portalTabId: number | null;
  /** That tab's latest reading (null away from the portals): a no-slots reading makes the capture prominent. */
  reading: PortalReading | null;
  /** Everyone in the people list, for the person filter. */
  people: Person[];
  /** Tests pass their own store; the panel uses the shared IndexedDB one. */
  store?: EvidenceStore;
}

const PAGE = 200;

type Banner = { kind: 'ok' | 'error'; text: string; detail?: string[] } | null;

function useAllUrls(): boolean {
  const [all, setAll] = useState(false);
  useEffect(() => {
    void Promise.resolve()
      .then(() => browser.permissions.contains({ origins: ['<all_urls>'] }))
      .then(setAll, () => setAll(false));
  }, []);
  return all;
}

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The full-size record: image, what was recorded, note editing and deletion (both kept in the chain). */
function RecordDetail({
  item,
  store,
  onClose,
  onChanged,
}: {
  item: ListItem;
  store: EvidenceStore;
  onClose: () => void;
  onChanged: (text: string) => void;
}) {
  const r = item.record;
  const [src, setSrc] = useState<string | null>(null);
  const [note, setNote] = useState(item.note);
  const [reason, setReason] = useState('');
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    void store.getImage(r.id).then((b) => {
      if (!b) return setErr('The screenshot of this record is missing from this browser.');
      url = URL.createObjectURL(b);
      setSrc(url);
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [r.id, store]);
  const saveNote = async (e: Event) => {
    e.preventDefault();
    const res = await send('panel:evidenceNote', { id: r.id, note: note.trim().slice(0, 1000) });
    if (!res.ok) return setErr(res.error);
    onChanged('Note saved. The earlier note stays in the log.');
  };
  const remove = async (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setErr('Say why you delete this record: the reason is kept in the log.');
    const res = await send('panel:evidenceDelete', { id: r.id, reason: reason.trim().slice(0, 500) });
    if (!res.ok) return setErr(res.error);
    onChanged(`Record #${r.seq} deleted. The log keeps its hash, the time and your reason.`);
  };
  const sel = r.reading?.selection;
  return (
    <div class="evidence-detail" role="dialog" aria-modal="true" aria-label={`Evidence record ${r.seq}`}>
      <p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
      {src ? (
        <a href={src} target="_blank" rel="noopener">
          <img class="evidence-full" src={src} alt={`Screenshot of record ${r.seq}`} />
        </a>
      ) : (
        <p class="muted">Loading the screenshot…</p>
      )}
      <dl class="evidence-dl">
        <dt>Time</dt>
        <dd>
          {r.capturedAtIstanbul} Istanbul · {r.capturedAtUtc} UTC
        </dd>
        <dt>Page</dt>
        <dd>
          {r.title} · <span class="evidence-hash">{r.url}</span>
        </dd>
        {r.reading?.noSlotsText && (
          <>
            <dt>Message</dt>
            <dd>{r.reading.noSlotsText}</dd>
          </>
        )}
        {sel && (
          <>
            <dt>Selection</dt>
            <dd>{[sel.province, sel.office, sel.type].filter(Boolean).join(' · ')}</dd>
          </>
        )}
        <dt>Person</dt>
        <dd>{r.personName}</dd>
        {item.noteEdited && (
          <>
            <dt>Original note</dt>
            <dd>{r.note || '(none)'}</dd>
          </>
        )}
        <dt>Image SHA-256</dt>
        <dd class="evidence-hash">{r.imageSha256}</dd>
        <dt>Record hash</dt>
        <dd class="evidence-hash">{r.hash}</dd>
      </dl>
      <form onSubmit={saveNote} class="field">
        <label for="evidence-note">Note</label>
        <textarea
          id="evidence-note"
          maxLength={1000}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <button type="submit">Save note</button>
      </form>
      <form onSubmit={remove} class="field">
        <label for="evidence-reason">Reason for deleting</label>
        <input
          id="evidence-reason"
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <button type="submit">Delete record</button>
      </form>
      {err && (
        <p class="error" role="alert">
          {err}
        </p>
      )}
    </div>
  );
}

export function EvidenceCard({ portalTabId, reading, people, store: given }: EvidenceCardProps) {
  const store = useMemo(() => given ?? sharedEvidenceStore(), [given]);
  const grants = useStored(captureGrantsItem);
  const last = useStored(lastCaptureItem);
  const settings = useStored(evidenceSettingsItem);
  const allUrls = useAllUrls();
  const armed = armedFor(grants ?? {}, portalTabId, allUrls);

  const [filter, setFilter] = useState<LogFilter>({});
  const [items, setItems] = useState<ListItem[]>([]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [summary, setSummary] = useState<LogSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<ListItem | null>(null);
  const [busy, setBusy] = useState<'capture' | 'export' | 'import' | null>(null);
  const [banner, setBanner] = useState<Banner>(null);
  const [captureError, setCaptureError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const reload = useCallback(() => setRevision((n) => n + 1), []);

  // Reload from the first page when the filter changes, or after any capture/edit/delete/import.
  useEffect(() => {
    let live = true;
    setLoading(true);
    void Promise.all([store.list({ ...filter, limit: PAGE }), store.summary(filter)])
      .then(([page, s]) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setSummary(s);
      })
      .catch(
        (e: unknown) => live && setBanner({ kind: 'error', text: `The log could not be read: ${String(e)}` }),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [store, filter, revision, last?.at]);

  const loadMore = useCallback(() => {
    if (loading || cursor === null) return;
    setLoading(true);
    void store
      .list({ ...filter, before: cursor, limit: PAGE })
      .then((page) => {
        setItems((prev) => [...prev, ...page.items]);
        setCursor(page.nextCursor);
      })
      .finally(() => setLoading(false));
  }, [store, filter, cursor, loading]);

  const loadThumb = useCallback((id: string) => store.getThumb(id), [store]);

  const capture = async () => {
    if (portalTabId === null) return;
    setBusy('capture');
    setCaptureError(null);
    try {
      const res = (await send('panel:capture', { tabId: portalTabId })) as
        CaptureResult | { ok: false; error: string };
      if (res.ok) setBanner({ kind: 'ok', text: `Captured: record #${res.seq}.` });
      else setCaptureError(res.error);
    } catch (e) {
      setCaptureError(`${CAPTURE_ERROR_TEXT.failed} (${String(e)})`);
    } finally {
      setBusy(null);
      reload();
    }
  };

  const doExport = async () => {
    setBusy('export');
    try {
      const { blob, fileName, manifest, problems } = await exportBundle(store, {
        now: new Date(),
        extensionVersion: version(),
        language: 'en',
      });
      download(blob, fileName);
      const head = manifest.chainHead;
      setBanner({
        kind: problems.length ? 'error' : 'ok',
        text: head
          ? `Bundle saved as ${fileName}. Send this chain-head hash to your lawyer or e-mail it to yourself: ${head.hash}`
          : `Bundle saved as ${fileName} (the log is empty).`,
        ...(problems.length ? { detail: problems } : {}),
      });
    } catch (e) {
      setBanner({
        kind: 'error',
        text: `The bundle could not be made: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (file: File | undefined) => {
    if (!file) return;
    setBusy('import');
    let out: ImportOutcome;
    try {
      out = await importBundle(store, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      out = { ok: false, reason: `The file could not be read: ${String(e)}`, verify: null };
    }
    setBusy(null);
    if (out.ok) {
      setBanner({
        kind: 'ok',
        text: `The bundle verified (${out.verify.records} records, chain head ${out.verify.chainHead?.hash.slice(0, 16) ?? 'none'}…). Imported ${out.added} entries; ${out.skipped} were already here.`,
      });
    } else {
      setBanner({
        kind: 'error',
        text: out.reason,
        detail: out.verify?.problems.slice(0, 20).map((p) => p.problem),
      });
    }
    reload();
  };

  const noSlots = reading?.noSlots === true;
  const year = Number(istanbulToday(new Date()).slice(0, 4));
  const lastFailure =
    last && !last.ok && last.trigger !== 'panel' && last.message
      ? `The last ${last.trigger === 'auto' ? 'automatic' : last.trigger === 'command' ? 'keyboard' : 'menu'} capture failed: ${last.message}`
      : null;

  return (
    <section
      class={`card evidence${noSlots ? ' evidence-prominent' : ''}`}
      id="evidence"
      aria-labelledby="evidence-h"
    >
      <h2 id="evidence-h">Evidence log</h2>
      {settings && !settings.noticeSeen && (
        <p class="warning" role="note">
          {EVIDENCE_NOTICE}{' '}
          <button type="button" onClick={() => void send('panel:setEvidenceSettings', { noticeSeen: true })}>
            Got it
          </button>
        </p>
      )}
      {noSlots && (
        <p>
          <strong>The portal says no appointments are available.</strong> Capture it as evidence that you
          tried.
        </p>
      )}
      <p>
        <button
          type="button"
          class={noSlots ? 'primary' : ''}
          data-testid="capture-button"
          disabled={portalTabId === null || busy === 'capture'}
          onClick={() => void capture()}
        >
          Capture evidence
        </button>
      </p>
      <p data-testid="capture-status" role="status" class={captureError ? 'error' : 'muted small'}>
        {captureError ??
          (portalTabId === null
            ? 'Open an e-ikamet or randevu page in this window to capture it.'
            : armed.armed
              ? 'Capture is ready for this portal tab.'
              : 'Not armed yet: click the Ikamet Companion toolbar icon while the portal tab is open (or press Alt+Shift+E there).')}
      </p>
      {lastFailure && (
        <p class="error" role="alert">
          {lastFailure}
        </p>
      )}
      {banner && (
        <div
          class={banner.kind === 'error' ? 'error' : 'evidence-ok'}
          role={banner.kind === 'error' ? 'alert' : 'status'}
        >
          <p class="evidence-break">{banner.text}</p>
          {banner.detail && banner.detail.length > 0 && (
            <ul>
              {banner.detail.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p data-testid="evidence-summary">{summary ? summarySentence(summary, year) : 'Reading the log…'}</p>
      <fieldset class="evidence-filters">
        <legend class="sr-only">Filter the log</legend>
        <label>
          Person{' '}
          <select
            value={filter.personId ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, personId: e.currentTarget.value || null }))}
          >
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            value={filter.fromDay ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, fromDay: e.currentTarget.value || null }))}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            value={filter.toDay ?? ''}
            onChange={(e) => setFilter((f) => ({ ...f, toDay: e.currentTarget.value || null }))}
          />
        </label>
      </fieldset>
      <EvidenceList items={items} loadThumb={loadThumb} onOpen={setOpen} onNearEnd={loadMore} />
      {open && (
        <RecordDetail
          item={open}
          store={store}
          onClose={() => setOpen(null)}
          onChanged={(text) => {
            setOpen(null);
            setBanner({ kind: 'ok', text });
            reload();
          }}
        />
      )}
      <p class="evidence-actions">
        <button
          type="button"
          data-testid="export-button"
          disabled={busy === 'export'}
          onClick={() => void doExport()}
        >
          Export bundle
        </button>{' '}
        <label class="evidence-import">
          Import a bundle{' '}
          <input
            type="file"
            accept=".zip,application/zip"
            data-testid="import-input"
            disabled={busy === 'import'}
            onChange={(e) => {
              const input = e.currentTarget;
              void doImport(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </p>
      {settings && (
        <details class="evidence-auto">
          <summary>Automatic capture</summary>
          <label>
            <input
              type="checkbox"
              checked={settings.autoCapture}
              onChange={(e) =>
                void send('panel:setEvidenceSettings', { autoCapture: e.currentTarget.checked })
              }
            />{' '}
            Capture by itself when the portal says there are no slots
          </label>
          <label>
            at most once every{' '}
            <input
              type="number"
              min={1}
              max={1440}
              value={settings.autoCaptureMinutes}
              onChange={(e) =>
                void send('panel:setEvidenceSettings', {
                  autoCaptureMinutes: Math.max(
                    1,
                    Math.min(1440, Math.round(Number(e.currentTarget.value)) || 10),
                  ),
                })
              }
            />{' '}
            minutes per page
          </label>
          <p class="muted small">
            Only while the portal tab is open and in front, and only after the toolbar icon, the keyboard
            shortcut or the menu item was used on that tab.
          </p>
        </details>
      )}
      <p class="muted small">
        Records are kept only in this browser until you export them. Anyone can check an exported bundle with
        sha256sum -c SHA256SUMS (instructions are inside its report.html).
      </p>
    </section>
  );
}
