/**
 * What a user does, driven through the shipped build's own surfaces (no test hooks): the toolbar click that grants
 * activeTab on a portal tab, the panel's capture message, and the panel's backup, restore and "delete all"
 * controls (src/ui/settings/BackupCard.tsx, src/ui/settings/DangerZone.tsx). Shared by the E2E files that need them; usable in
 * hooks as well as tests (waits poll with `waitFor`, not expect.poll).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import type { CaptureGrant, CaptureResult } from '../../src/evidence/captureState';

type Chrome = typeof browser;

/** The grants the background has recorded (chrome.storage.session `captureGrants`), by tab id. */
export function grants(b: ExtensionBrowser): Promise<Record<string, CaptureGrant>> {
  return b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
    return ((await ext.storage.session.get('captureGrants')).captureGrants ?? {}) as Record<
      string,
      CaptureGrant
    >;
  });
}

/**
 * The user's toolbar click on `page`'s tab (a real activeTab grant, and the side panel docks beside it). Resolves,
 * once the background has recorded the grant, with the tab's id (checked against the browser's own tab list).
 */
export async function grantCapture(b: ExtensionBrowser, page: Page): Promise<number> {
  const before = await grants(b);
  const origin = new URL(page.url()).origin;
  await b.clickToolbar(page);
  const tabId = await waitFor(
    async () =>
      Object.values(await grants(b)).find(
        (g) => g.via === 'action' && g.origin === origin && before[String(g.tabId)]?.at !== g.at,
      )?.tabId,
    `the toolbar click on ${page.url()} to grant capture`,
    30_000,
  );
  const seen = await (b.context.serviceWorkers()[0] ?? b.worker)!.evaluate(async (id) => {
    const t = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.get(id);
    return { url: t.url, active: t.active };
  }, tabId);
  if (seen.url !== page.url() || !seen.active)
    throw new Error(`The grant names tab ${tabId} (${JSON.stringify(seen)}), not ${page.url()}`);
  return tabId;
}

/** The panel's capture request (`panel:capture`, as EvidenceCard sends it) for `tabId`, from a panel page. */
export function panelCapture(panel: Page, tabId: number): Promise<CaptureResult> {
  return panel.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({
        type: 'panel:capture',
        payload: { tabId: id },
      }) as Promise<CaptureResult>,
    tabId,
  );
}

/**
 * A capture that must succeed; asked again only while the browser says two a second is enough ('rate-limit', after
 * the background's own retry), any other refusal fails the test.
 */
export async function captureOk(panel: Page, tabId: number): Promise<CaptureResult & { ok: true }> {
  const end = Date.now() + 30_000;
  for (;;) {
    const r = await panelCapture(panel, tabId);
    if (r.ok) return r;
    if (r.code !== 'rate-limit' || Date.now() > end)
      throw new Error(`capture of tab ${tabId} refused: ${JSON.stringify(r)}`);
  }
}

/** Show one of the panel's tabs (and wait until it is the selected one). */
export async function showTab(
  panel: Page,
  tab: 'deadlines' | 'documents' | 'evidence' | 'stay' | 'more',
): Promise<void> {
  await panel.locator(`#tab-${tab}`).click();
  await waitFor(
    async () => (await panel.locator(`#tab-${tab}`).getAttribute('aria-selected')) === 'true',
    `the ${tab} tab shown`,
  );
}

let files = 0;
let downloads: string | null = null;
/** Where downloaded backups are saved: one temporary folder per test file, removed by `removeDownloads()`. */
function saveDir(): string {
  return (downloads ??= mkdtempSync(join(tmpdir(), 'ikamet-downloads-')));
}
export function removeDownloads(): void {
  if (downloads) rmSync(downloads, { recursive: true, force: true });
  downloads = null;
}

const onMore = async (panel: Page) => {
  if ((await panel.locator('#tab-more').getAttribute('aria-selected')) !== 'true')
    await showTab(panel, 'more');
};

/**
 * Press a control of the backup card; `result` settles with the card's answer to that press (a result shown
 * before it is marked old, so it is never mistaken for the new one).
 */
async function press(panel: Page, testId: string, timeout: number) {
  await panel.evaluate(() =>
    document.querySelector('[data-testid="backup-result"]')?.setAttribute('data-old', ''),
  );
  await panel.getByTestId(testId).click();
  const shown = panel.locator('[data-testid="backup-result"]:not([data-old])');
  const result = shown.waitFor({ timeout }).then(async () => ({
    ok: (await shown.getAttribute('role')) === 'status',
    text: ((await shown.textContent()) ?? '').trim(),
    // A failure's code and exact reason (src/backup/format.ts BACKUP_ERRORS): what the sentence stands for.
    code: await shown.getAttribute('data-code'),
    why: await shown.getAttribute('data-why'),
  }));
  return { result };
}

/** The backup card's answer: its sentence, and for a failure its code and reason (`data-code`, `data-why`). */
export interface PanelAnswer {
  ok: boolean;
  text: string;
  code: string | null;
  why: string | null;
}

export type BackupOutcome =
  | { ok: true; file: string; bytes: Buffer; text: string }
  | { ok: false; text: string; code: string | null; why: string | null };

/**
 * Press "Make a backup" in the panel's More tab. Resolves once pressed; `result` is the downloaded file, or the
 * sentence the panel showed instead.
 */
export async function startBackup(
  panel: Page,
  timeout = 30_000,
): Promise<{ result: Promise<BackupOutcome> }> {
  await onMore(panel);
  const download = panel.waitForEvent('download', { timeout }).catch(() => null);
  const { result } = await press(panel, 'backup-create', timeout);
  return {
    result: result.then(async (out): Promise<BackupOutcome> => {
      if (!out.ok) return { ok: false, text: out.text, code: out.code, why: out.why };
      const d = await download;
      if (!d) throw new Error(`The panel said "${out.text}", but nothing was downloaded`);
      const file = join(saveDir(), `${++files}-${d.suggestedFilename()}`);
      await d.saveAs(file);
      return { ok: true, file, bytes: readFileSync(file), text: out.text };
    }),
  };
}

export async function makeBackup(panel: Page): Promise<BackupOutcome> {
  return (await startBackup(panel)).result;
}

/**
 * Restore in the panel's More tab: choose `file`, then press "Replace everything with this backup" (the second,
 * explicit step). Resolves once pressed; `result` is the panel's answer.
 */
export async function startRestore(
  panel: Page,
  file: string,
  timeout = 30_000,
): Promise<{ result: Promise<PanelAnswer> }> {
  await onMore(panel);
  // Chromium fires no change event when the same file is chosen again (the input keeps the last choice after a
  // restore, while the panel forgets it): the choice is cleared first, as cancelling the file dialog does.
  await panel.getByTestId('backup-file').setInputFiles([]);
  await panel.getByTestId('backup-file').setInputFiles(file);
  return press(panel, 'backup-restore', timeout);
}

export async function restoreBackup(panel: Page, file: string): Promise<PanelAnswer> {
  return (await startRestore(panel, file)).result;
}

/**
 * "Delete all data" in the More tab: open, type DELETE, confirm; waits until the panel has gone back to its first
 * tab (what it does once everything is deleted), and fails on the alert it shows when it could not delete.
 */
export async function deleteAll(panel: Page): Promise<void> {
  await onMore(panel);
  await panel.getByTestId('danger-open').click();
  await panel.getByTestId('danger-input').fill('DELETE');
  await panel.getByTestId('danger-confirm').click();
  // The panel goes to its first tab once everything is deleted; a refusal stays, as an alert, in the More tab.
  const refused = panel.locator('[data-testid="danger-result"][role="alert"]');
  const done = await waitFor(
    async () =>
      (await refused.count())
        ? 'refused'
        : (await panel.locator('#tab-deadlines').getAttribute('aria-selected')) === 'true' && 'deleted',
    'everything deleted',
    30_000,
  );
  if (done === 'refused') throw new Error(`delete all refused: ${await refused.textContent()}`);
}

/**
 * A panel beside a portal page that says "no appointments" brings its Evidence tab forward by itself (App.tsx):
 * wait for that, so a tab the test then chooses is not switched away under it.
 */
export async function evidenceTabForward(panel: Page): Promise<void> {
  await waitFor(
    async () => (await panel.locator('#tab-evidence').getAttribute('aria-selected')) === 'true',
    'the Evidence tab brought forward',
    30_000,
  );
}

/** Wait until the background has stored a "no appointments" reading of `page` (the content script has read it). */
export async function noSlotsRead(b: ExtensionBrowser, page: Page): Promise<void> {
  const { origin, pathname } = new URL(page.url());
  await waitFor(
    async () => {
      const all = await b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        return ((await ext.storage.local.get('tabReadings')).tabReadings ?? {}) as Record<
          string,
          { reading: { url: string; noSlots: boolean } }
        >;
      });
      return Object.values(all).some((t) => {
        const u = new URL(t.reading.url);
        return u.origin === origin && u.pathname === pathname && t.reading.noSlots;
      });
    },
    `the no-slots reading of ${page.url()}`,
    30_000,
  );
}
