/**
 * Evidence capture in the background: a screenshot of the PORTAL tab (its own window, never "the current window",
 * which from the panel could be the panel itself), the latest reading of that tab, the active person, the
 * extension version, compressed and appended to the chain in IndexedDB.
 *
 * Triggers: the panel's button (`panel:capture`), the keyboard command `capture-evidence`, the context-menu item on
 * the two portals, and optional auto-capture on a no-slots reading. The shipped build has only activeTab, so the
 * toolbar icon, the command and the context menu are also what grant capture; see captureState.ts for how
 * "armed" is tracked and its limits. Every failure is typed, explained in one sentence and written to
 * `lastCaptureItem`, so a command or menu capture never fails silently.
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
import { isPortalUrl, PORTAL_MATCHES } from '../portal/origins';
import { stripQuery } from '../portal/sanitize';
import type { PortalReading } from '../portal/types';
import {
  autoCaptureLastItem,
  evidenceSettingsItem,
  lastCaptureItem,
  peopleItem,
  settingsItem,
  tabReadingsItem,
  type TabReading,
} from '../storage';
import { update } from './update';
import { captureState, dropGrant, recordGrant } from './grants';
import { formatFor } from '../i18n/all';
import { browserLocale } from '../i18n/browserLocale';
import { resolveLang } from '../i18n/catalogue';

export const CAPTURE_COMMAND = 'capture-evidence';
export const CAPTURE_MENU_ID = 'capture-evidence';
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

/** The command or menu was used on a page that is not a portal (or with no tab): say so in the panel. */
async function refuseNoTab(trigger: CaptureTrigger, tab: Browser.tabs.Tab | undefined, now: () => Date) {
  const code: CaptureErrorCode = tab?.id === undefined ? 'no-tab' : 'not-portal';
  await lastCaptureItem.setValue({
    at: now().toISOString(),
    trigger,
    tabId: tab?.id ?? null,
    ok: false,
    recordId: null,
    seq: null,
    code,
    message: CAPTURE_ERROR_TEXT[code],
    said: { key: CAPTURE_ERROR_KEY[code] },
  });
}

export async function onCaptureCommand(
  command: string,
  tab: Browser.tabs.Tab | undefined,
  deps: CaptureDeps = {},
): Promise<CaptureResult | null> {
  if (command !== CAPTURE_COMMAND) return null;
  const now = deps.now ?? systemClock;
  // Chrome passes the active tab of the focused window; older versions pass nothing: look it up.
  const target = tab ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id === undefined || !isPortalUrl(target.url)) {
    await refuseNoTab('command', target, now);
    return null;
  }
  await recordGrant(target, 'command', now);
  return captureEvidence({ tabId: target.id, trigger: 'command' }, deps);
}

export async function onCaptureMenu(
  info: { menuItemId: string | number },
  tab: Browser.tabs.Tab | undefined,
  deps: CaptureDeps = {},
): Promise<CaptureResult | null> {
  if (info.menuItemId !== CAPTURE_MENU_ID) return null;
  const now = deps.now ?? systemClock;
  if (tab?.id === undefined || !isPortalUrl(tab.url)) {
    await refuseNoTab('context-menu', tab, now);
    return null;
  }
  await recordGrant(tab, 'context-menu', now);
  return captureEvidence({ tabId: tab.id, trigger: 'context-menu' }, deps);
}

/**
 * Auto-capture, when on: the tab's reading now says no slots (and did not before, or the message reappeared),
 * the tab is the active tab of a focused window, a grant lives, and this page was not auto-captured in the last
 * N minutes.
 */
export async function maybeAutoCapture(
  tabId: number,
  reading: TabReading,
  previous: TabReading | undefined,
  deps: CaptureDeps = {},
): Promise<CaptureResult | null> {
  const now = deps.now ?? systemClock;
  if (!reading.reading.noSlots) return null;
  if (previous?.reading.noSlots && previous.reading.noSlotsSeenAt === reading.reading.noSlotsSeenAt)
    return null;
  const settings = await evidenceSettingsItem.getValue();
  if (!settings.autoCapture) return null;
  if (!(await captureState(tabId)).armed) return null;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.active || !isPortalUrl(tab.url)) return null;
  const win = await browser.windows.get(tab.windowId).catch(() => null);
  if (!win?.focused) return null;
  const page = stripQuery(tab.url!);
  const last = (await autoCaptureLastItem.getValue())[page];
  const t = now();
  if (last && t.getTime() - Date.parse(last) < settings.autoCaptureMinutes * 60_000) return null;
  await update(autoCaptureLastItem, (all) => ({ ...all, [page]: t.toISOString() }));
  return captureEvidence({ tabId, trigger: 'auto' }, deps);
}

// --- message handlers (wired in handlers.ts) ---------------------------------------------------------------------

export function handleCapture(
  { tabId, note }: { tabId: number; note?: string },
  ctx: { now: () => Date },
): Promise<CaptureResult> {
  return captureEvidence(
    { tabId, trigger: 'panel', ...(note !== undefined ? { note } : {}) },
    { now: ctx.now },
  );
}

export async function handleEvidenceNote(
  { id, note }: { id: string; note: string },
  ctx: { now: () => Date },
  store: EvidenceStore = sharedEvidenceStore(),
): Promise<{ ok: true }> {
  await store.editNote(id, note.trim(), ctx.now(), extensionVersion());
  return { ok: true };
}

export async function handleEvidenceDelete(
  { id, reason }: { id: string; reason: string },
  ctx: { now: () => Date },
  store: EvidenceStore = sharedEvidenceStore(),
): Promise<{ ok: true; removed: number }> {
  const tombstones = await store.remove(id, reason, ctx.now(), extensionVersion());
  return { ok: true, removed: tombstones.length };
}

export async function handleEvidenceSettings(patch: {
  autoCapture?: boolean;
  autoCaptureMinutes?: number;
  noticeSeen?: boolean;
}): Promise<{ ok: true }> {
  await update(evidenceSettingsItem, (s) => ({
    ...s,
    ...(typeof patch.autoCapture === 'boolean' ? { autoCapture: patch.autoCapture } : {}),
    ...(Number.isInteger(patch.autoCaptureMinutes) &&
    patch.autoCaptureMinutes! >= 1 &&
    patch.autoCaptureMinutes! <= 1440
      ? { autoCaptureMinutes: patch.autoCaptureMinutes! }
      : {}),
    ...(typeof patch.noticeSeen === 'boolean' ? { noticeSeen: patch.noticeSeen } : {}),
  }));
  return { ok: true };
}

// --- wiring -------------------------------------------------------------------------------------------------------

/** The menu item's title in the user's chosen language (the panel's language menu), else the browser's. */
async function menuTitle(): Promise<string> {
  const settings = await settingsItem.getValue().catch(() => null);
  return formatFor(resolveLang(settings?.language, browserLocale())).t('ui_menu_capture');
}

function createMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // Menus persist across worker restarts in Chrome; recreate from scratch so an update never duplicates one.
  void Promise.all([menuTitle(), Promise.resolve(menus.removeAll())]).then(([title]) =>
    menus.create({
      id: CAPTURE_MENU_ID,
      title,
      contexts: ['page', 'frame', 'selection', 'link', 'image'],
      documentUrlPatterns: PORTAL_MATCHES,
    }),
  );
}

/** A change of language renames the menu item at once. */
function watchMenuLanguage(): void {
  settingsItem.watch((next, prev) => {
    if (next?.language === prev?.language) return;
    void menuTitle().then((title) =>
      Promise.resolve(browser.contextMenus?.update(CAPTURE_MENU_ID, { title })).catch(() => undefined),
    );
  });
}

/** Wire the keyboard command, the context menu and auto-capture; called once from the background's index. */
export function registerEvidenceCapture(): void {
  // The toolbar click's grant is recorded by the one toolbar listener (panel.ts); tabs that close or leave the
  // portal drop theirs in tabs.ts.
  browser.commands?.onCommand.addListener((command, tab) => void onCaptureCommand(command, tab));
  browser.contextMenus?.onClicked.addListener((info, tab) => void onCaptureMenu(info, tab));
  browser.runtime.onInstalled.addListener(createMenu);
  watchMenuLanguage();
  browser.runtime.onStartup.addListener(createMenu);

  tabReadingsItem.watch((all, old) => {
    for (const [key, t] of Object.entries(all ?? {})) {
      const prev = old?.[key];
      if (t.reading.noSlots && t !== prev) void maybeAutoCapture(t.tabId, t, prev);
    }
  });
}
