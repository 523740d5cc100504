import { saidText, sendAndSay } from '../shared/refusal';
import { systemClock } from '../../clock';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { istanbulToday } from '../../domain/calendar';
import { armedFor } from '../../evidence/captureState';
import { exportBundle } from '../../evidence/export';
import { importBundle, type ImportOutcome } from '../../evidence/import';
import {
  sharedEvidenceStore,
  type EvidenceStore,
  type ListItem,
  type LogFilter,
  type LogSummary,
} from '../../evidence/store';
import { isRefusal, send } from '../../messaging';
import type { PortalReading } from '../../portal/types';
import { captureGrantsItem, evidenceSettingsItem, lastCaptureItem, type Person } from '../../storage';
import { EvidenceList } from './EvidenceList';
import { captureErrorText, importErrorText, lastFailureText, summarySentence } from './evidenceText';
import { makeFormat } from '../../i18n/format';
import { loadMessages } from '../../i18n/load';
import { useFormat } from '../shared/FormatContext';
import { useStored } from '../shared/useStored';
import { download } from '../shared/download';
import { RecordDetail } from './RecordDetail';

/**
 * What the panel says of capture on the portal tab. Firefox ends a grant on every page load and its toolbar icon
 * captures at once (background/panel.ts), so there the sentences say that instead of a lasting "ready".
 */
const ARMED_KEYS = {
  armed: 'ui_evidence_status_armed',
  ended: 'ui_evidence_status_grant_ended',
  notArmed: 'ui_evidence_status_not_armed',
} as const;
const FIREFOX_ARMED_KEYS = {
  armed: 'ui_evidence_status_armed_firefox',
  ended: 'ui_evidence_status_grant_ended_firefox',
  notArmed: 'ui_evidence_status_not_armed_firefox',
} as const;

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

function version(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

export function EvidenceCard({ portalTabId, reading, people, store: given }: EvidenceCardProps) {
  const f = useFormat();
  const store = useMemo(() => given ?? sharedEvidenceStore(), [given]);
  const grants = useStored(captureGrantsItem);
  const last = useStored(lastCaptureItem);
  const settings = useStored(evidenceSettingsItem);
  const armed = armedFor(grants ?? {}, portalTabId);

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

  // Reload from the first page when the filter changes, or after any capture/edit/delete/import. The first rows
  // are drawn as soon as they are read; the summary reads every row, so it follows on its own ("counting…" until
  // then) and the log's size never delays the list (bench row "Evidence tab → first row", issue #20).
  useEffect(() => {
    let live = true;
    const failed = (e: unknown) =>
      live && setBanner({ kind: 'error', text: f.t('ui_evidence_log_read_failed', { detail: String(e) }) });
    setLoading(true);
    setSummary(null);
    void store
      .list({ ...filter, limit: PAGE })
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setCursor(page.nextCursor);
      })
      .catch(failed)
      .finally(() => live && setLoading(false));
    void store
      .summary(filter)
      .then((s) => live && setSummary(s))
      .catch(failed);
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
      const res = await send('panel:capture', { tabId: portalTabId });
      if (res.ok) setBanner({ kind: 'ok', text: f.t('ui_evidence_captured', { seq: String(res.seq) }) });
      else setCaptureError(isRefusal(res) ? saidText(f, res) : captureErrorText(f, res.code, res.said));
    } catch (e) {
      setCaptureError(f.t('ui_evidence_error_capture_failed_detail', { detail: String(e) }));
    } finally {
      setBusy(null);
      reload();
    }
  };

  const doExport = async () => {
    setBusy('export');
    try {
      const { blob, fileName, manifest, problems } = await exportBundle(store, {
        now: systemClock(),
        extensionVersion: version(),
        format: f,
        // The report is also in Turkish, for the migration office (its catalogue is loaded for this only).
        turkish: makeFormat('tr', await loadMessages('tr')),
      });
      download(blob, fileName);
      const head = manifest.chainHead;
      setBanner({
        kind: problems.length ? 'error' : 'ok',
        text: head
          ? f.t('ui_evidence_export_saved', { file: fileName, hash: head.hash })
          : f.t('ui_evidence_export_saved_empty', { file: fileName }),
        ...(problems.length ? { detail: problems.map((p) => saidText(f, p)) } : {}),
      });
    } catch (e) {
      setBanner({
        kind: 'error',
        text: f.t('ui_evidence_export_failed', { detail: e instanceof Error ? e.message : String(e) }),
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
      setBusy(null);
      setBanner({ kind: 'error', text: f.t('ui_evidence_import_read_failed', { detail: String(e) }) });
      return;
    }
    setBusy(null);
    if (out.ok) {
      const counts = { records: out.verify.records, added: out.added, skipped: out.skipped };
      const head = out.verify.chainHead;
      setBanner({
        kind: 'ok',
        text: head
          ? f.t('ui_evidence_import_ok', { ...counts, head: head.hash.slice(0, 16) })
          : f.t('ui_evidence_import_ok_no_head', counts),
      });
    } else {
      setBanner({
        kind: 'error',
        text: importErrorText(f, out),
        detail: out.verify?.problems.slice(0, 20).map((p) => p.problem),
      });
    }
    reload();
  };

  const noSlots = reading?.noSlots === true;
  const year = Number(istanbulToday(systemClock()).slice(0, 4));
  const lastFailure = lastFailureText(f, last);
  // The minutes field sits inside its sentence, wherever the language puts it.
  const [everyBefore = '', everyAfter = ''] = f
    .t('ui_evidence_auto_every', { minutes: '\uE000' })
    .split('\uE000');

  return (
    <section
      class={`card evidence${noSlots ? ' evidence-prominent' : ''}`}
      id="evidence"
      aria-labelledby="evidence-h"
    >
      <h2 id="evidence-h">{f.t('ui_evidence_title')}</h2>
      {settings && !settings.noticeSeen && (
        <p class="warning" role="note">
          {f.t('ui_evidence_notice')}{' '}
          <button
            type="button"
            onClick={() => void sendAndSay('panel:setEvidenceSettings', { noticeSeen: true })}
          >
            {f.t('ui_evidence_notice_ok')}
          </button>
        </p>
      )}
      {noSlots && (
        <p>
          <strong>{f.t('ui_evidence_no_slots_lead')}</strong> {f.t('ui_evidence_no_slots_hint')}
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
          {f.t('ui_evidence_capture_button')}
        </button>
      </p>
      <p data-testid="capture-status" role="status" class={captureError ? 'error' : 'muted small'}>
        {captureError ??
          f.t(
            portalTabId === null
              ? 'ui_evidence_status_no_tab'
              : (import.meta.env.FIREFOX ? FIREFOX_ARMED_KEYS : ARMED_KEYS)[
                  armed.armed ? 'armed' : armed.ended ? 'ended' : 'notArmed'
                ],
          )}
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
      <p data-testid="evidence-summary">
        {summary ? summarySentence(f, summary, year) : f.t('ui_evidence_summary_loading')}
      </p>
      <fieldset class="evidence-filters">
        <legend class="sr-only">{f.t('ui_evidence_filter_legend')}</legend>
        <label>
          {f.t('ui_evidence_filter_person')}{' '}
          <select
            value={filter.personId ?? ''}
            onChange={(e) => setFilter((cur) => ({ ...cur, personId: e.currentTarget.value || null }))}
          >
            <option value="">{f.t('ui_evidence_filter_everyone')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {f.t('ui_evidence_filter_from')}{' '}
          <input
            type="date"
            value={filter.fromDay ?? ''}
            onChange={(e) => setFilter((cur) => ({ ...cur, fromDay: e.currentTarget.value || null }))}
          />
        </label>
        <label>
          {f.t('ui_evidence_filter_to')}{' '}
          <input
            type="date"
            value={filter.toDay ?? ''}
            onChange={(e) => setFilter((cur) => ({ ...cur, toDay: e.currentTarget.value || null }))}
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
          {f.t('ui_evidence_export_button')}
        </button>{' '}
        <label class="evidence-import">
          {f.t('ui_evidence_import_label')}{' '}
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
          <summary>{f.t('ui_evidence_auto_title')}</summary>
          <label>
            <input
              type="checkbox"
              checked={settings.autoCapture}
              onChange={(e) =>
                void sendAndSay('panel:setEvidenceSettings', { autoCapture: e.currentTarget.checked })
              }
            />{' '}
            {f.t('ui_evidence_auto_toggle')}
          </label>
          <label>
            {everyBefore}
            <input
              type="number"
              min={1}
              max={1440}
              value={settings.autoCaptureMinutes}
              onChange={(e) =>
                void sendAndSay('panel:setEvidenceSettings', {
                  autoCaptureMinutes: Math.max(
                    1,
                    Math.min(1440, Math.round(Number(e.currentTarget.value)) || 10),
                  ),
                })
              }
            />
            {everyAfter}
          </label>
          <p class="muted small">{f.t('ui_evidence_auto_hint')}</p>
        </details>
      )}
      <p class="muted small">{f.t('ui_evidence_footer')}</p>
    </section>
  );
}
