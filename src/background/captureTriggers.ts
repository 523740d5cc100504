/**
 * The ways an evidence capture is started besides the panel's button: the keyboard command `capture-evidence`,
 * the context-menu item on the two portals, and optional auto-capture on a no-slots reading. The shipped build has
 * only activeTab, so the toolbar icon, the command and the context menu are also what grant capture (grants.ts;
 * see captureState.ts for how "armed" is tracked and its limits). A command or menu used off the portal writes its
 * refusal to `lastCaptureItem`, so it never fails silently; the capture itself is capture.ts.
 */
import { systemClock } from '../clock';
import { browser, type Browser } from 'wxt/browser';
import {
  CAPTURE_ERROR_KEY,
  CAPTURE_ERROR_TEXT,
  type CaptureErrorCode,
  type CaptureResult,
} from '../evidence/captureState';
import type { CaptureTrigger } from '../evidence/record';
import { isPortalUrl, PORTAL_MATCHES } from '../portal/origins';
import { stripQuery } from '../portal/sanitize';
import {
  autoCaptureLastItem,
  evidenceSettingsItem,
  lastCaptureItem,
  settingsItem,
  tabReadingsItem,
  type TabReading,
} from '../storage';
import { update } from './update';
import { captureState, recordGrant } from './grants';
import { captureEvidence, type CaptureDeps } from './capture';
import { formatFor } from '../i18n/all';
import { browserLocale } from '../i18n/browserLocale';
import { resolveLang } from '../i18n/catalogue';

export const CAPTURE_COMMAND = 'capture-evidence';
export const CAPTURE_MENU_ID = 'capture-evidence';

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
