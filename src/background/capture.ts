/**
 * Evidence capture in the background: a screenshot of the PORTAL tab (its own window, never "the current window",
 * which from the panel could be the panel itself), the latest reading of that tab, the active person, the
 * extension version, compressed and appended to the chain in IndexedDB. Every capture, however started, is taken
 * here (the panel's button `panel:capture` below; the command, menu and auto-capture in captureTriggers.ts). Every
 * failure is typed, explained in one sentence and written to `lastCaptureItem`, so a capture never fails silently.
 */
import { systemClock } from '../clock';
import { browser, type Browser } from 'wxt/browser';
import {
  CAPTURE_ERROR_KEY,
  CAPTURE_ERROR_TEXT,
  type CaptureErrorCode,
  type CaptureResult,
} from '../evidence/captureState';
import { compressCapture, type Compressed } from '../evidence/image';
import type { CaptureTrigger, ReadingSnapshot } from '../evidence/record';
import { EvidenceStoreError, sharedEvidenceStore, type EvidenceStore } from '../evidence/store';
import { isPortalUrl } from '../portal/origins';
import { stripQuery } from '../portal/sanitize';
import type { PortalReading } from '../portal/types';
import { lastCaptureItem, peopleItem, tabReadingsItem, type TabReading } from '../storage';
import { dropGrant } from './grants';

/** Chrome allows 2 captureVisibleTab calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND): wait, retry once. */
const RATE_LIMIT_RETRY_MS = 1100;

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    options?: { cause?: unknown },
  ) {
    super(CAPTURE_ERROR_TEXT[code], options);
    this.name = 'CaptureError';
  }
}

export interface CaptureRequest {
  tabId: number;
  trigger: CaptureTrigger;
  note?: string;
}

export interface CaptureDeps {
  store?: EvidenceStore;
  now?: () => Date;
  compress?: (dataUrl: string) => Promise<Compressed>;
  sleep?: (ms: number) => Promise<void>;
}

export function extensionVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return 'unknown';
  }
}

/** What Chrome and Firefox say when captureVisibleTab is not allowed or too frequent. */
function classify(e: unknown): CaptureErrorCode {
  const msg = e instanceof Error ? e.message : String(e);
  if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|quota/i.test(msg)) return 'rate-limit';
  if (/activeTab|<all_urls>|permission|Missing host|Cannot access/i.test(msg)) return 'no-grant';
  if (/No tab with id|No window with id/i.test(msg)) return 'no-tab';
  return 'failed';
}

export function snapshotOf(t: TabReading | undefined, url: string): ReadingSnapshot | null {
  if (!t) return null;
  const r: PortalReading = t.reading;
  // A reading of another page of the same tab (the tab navigated since) would mislabel the screenshot.
  if (stripQuery(r.url) !== url) return null;
  return {
    portal: r.portal,
    page: r.page,
    step: r.step,
    noSlots: r.noSlots,
    noSlotsText: r.noSlotsText,
    selection: r.selection
      ? { province: r.selection.province, office: r.selection.office, type: r.selection.type }
      : null,
    readAtUtc: t.at,
  };
}

async function takeScreenshot(windowId: number, sleep: (ms: number) => Promise<void>): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (e) {
    if (classify(e) !== 'rate-limit') throw e;
    await sleep(RATE_LIMIT_RETRY_MS);
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
}

export async function captureEvidence(req: CaptureRequest, deps: CaptureDeps = {}): Promise<CaptureResult> {
  const now = deps.now ?? systemClock;
  const store = deps.store ?? sharedEvidenceStore();
  const compress = deps.compress ?? compressCapture;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = now();
  let result: CaptureResult;
  try {
    let tab: Browser.tabs.Tab;
    try {
      tab = await browser.tabs.get(req.tabId);
    } catch (e) {
      throw new CaptureError('no-tab', { cause: e });
    }
    if (!isPortalUrl(tab.url)) throw new CaptureError('not-portal');
    // captureVisibleTab shows the window's ACTIVE tab: refuse rather than capture some other page.
    if (!tab.active) throw new CaptureError('not-visible');
    const url = stripQuery(tab.url!);

    let dataUrl: string;
    try {
      dataUrl = await takeScreenshot(tab.windowId, sleep);
    } catch (e) {
      const code = classify(e);
      if (code === 'no-grant') await dropGrant(req.tabId, true);
      throw new CaptureError(code, { cause: e });
    }
    // The tab must still show the same page: otherwise the pixels and the URL would disagree.
    const after = await browser.tabs.get(req.tabId).catch(() => null);
    if (!after?.active || stripQuery(after.url ?? '') !== url) throw new CaptureError('changed');

    const [readings, people, compressed] = await Promise.all([
      tabReadingsItem.getValue(),
      peopleItem.getValue(),
      compress(dataUrl),
    ]);
    const person = people.people.find((p) => p.id === people.activeId) ?? people.people[0];
    const record = await store.appendCapture(
      {
        capturedAtUtc: started.toISOString(),
        trigger: req.trigger,
        url,
        title: tab.title ?? '',
        reading: snapshotOf(readings[String(req.tabId)], url),
        personId: person?.id ?? people.activeId,
        personName: person?.name ?? '',
        extensionVersion: extensionVersion(),
        note: (req.note ?? '').trim(),
      },
      compressed.image,
      compressed.thumb,
    );
    result = { ok: true, recordId: record.id, seq: record.seq };
  } catch (e) {
    const code: CaptureErrorCode =
      e instanceof CaptureError
        ? e.code
        : e instanceof EvidenceStoreError && e.code === 'quota'
          ? 'quota'
          : 'failed';
    // The store's own sentence when it said why (the log was busy, blocked, ...), else the capture code's.
    const said =
      e instanceof EvidenceStoreError && code !== 'quota' ? e.said : { key: CAPTURE_ERROR_KEY[code] };
    const error = e instanceof EvidenceStoreError && code !== 'quota' ? e.message : CAPTURE_ERROR_TEXT[code];
    result = { ok: false, code, error, said };
  }
  await lastCaptureItem.setValue({
    at: now().toISOString(),
    trigger: req.trigger,
    tabId: req.tabId,
    ok: result.ok,
    recordId: result.ok ? result.recordId : null,
    seq: result.ok ? result.seq : null,
    code: result.ok ? null : result.code,
    message: result.ok ? null : result.error,
    said: result.ok ? null : result.said,
  });
  return result;
}

// --- message handler (wired in handlers.ts) ----------------------------------------------------------------------

export function handleCapture(
  { tabId, note }: { tabId: number; note?: string },
  ctx: { now: () => Date },
): Promise<CaptureResult> {
  return captureEvidence(
    { tabId, trigger: 'panel', ...(note !== undefined ? { note } : {}) },
    { now: ctx.now },
  );
}
