/**
 * The evidence log on the shipped build, armed by a real toolbar click: captures, a grant's end, the command and
 * menu titles, export and verification, a worker stopped mid-capture. How and why: tests/e2e/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, ROOT, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES } from '../fixtures';

const noSlots = (portal: 'randevu' | 'e-ikamet') =>
  FIXTURES.find((f) => f.portal === portal && f.expect.noSlots && !f.dynamic && f.lang === 'en') ??
  FIXTURES.find((f) => f.portal === portal && f.expect.noSlots && f.lang === 'en')!;
const catalogue = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
const EN = catalogue('en');
const ARMED = EN.ui_evidence_status_armed!.message;
const NOT_ARMED = EN.ui_evidence_status_not_armed!.message;
const ENDED = EN.ui_evidence_status_grant_ended!.message;

/** Mean colour of the top band of an image (data URL), computed in a page with a canvas. */
async function topBandColour(page: Page, dataUrl: string): Promise<number[]> {
  return page.evaluate(async (src) => {
    const img = await createImageBitmap(await (await fetch(src)).blob());
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, 40).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
    return [...sum.map((x) => x / (d.length / 4)), img.width, img.height];
  }, dataUrl);
}

/** The first stored screenshot, as a data URL, read from the panel's IndexedDB. */
function firstImage(panel: Page): Promise<string> {
  return panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('ikamet-evidence');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const all = await new Promise<unknown[]>((ok, no) => {
      const r = db.transaction('images').objectStore('images').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const first = all[0] as Blob | { blob: Blob };
    const blob = first instanceof Blob ? first : first.blob;
    return new Promise<string>((ok) => {
      const fr = new FileReader();
      fr.onload = () => ok(String(fr.result));
      fr.readAsDataURL(blob);
    });
  });
}

function verify(file: string) {
  return spawnSync('npx', ['tsx', 'scripts/verify-evidence.ts', file], { cwd: ROOT, encoding: 'utf8' });
}

const status = (panel: Page) => panel.getByTestId('capture-status').textContent();
const rowsOf = (panel: Page) => panel.getByTestId('evidence-list').locator('[data-seq]');

async function evidenceTab(panel: Page) {
  await panel.locator('#tab-evidence').click();
  await expect.poll(() => panel.locator('#tab-evidence').getAttribute('aria-selected')).toBe('true');
}

describe('evidence log on the shipped build, with a real toolbar click', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('is armed by the toolbar click, captures from the docked panel and the panel window, exports, verifies, detects tampering', async () => {
    const f = noSlots('randevu');
    const portal = await b.openPortal(f.url, f.file);
    await portal.waitForTimeout(f.settledAfterMs + 300);
    const panel = await b.openPanelWindow();
    // The panel comes forward on the Evidence tab by itself on a no-slots page.
    await expect
      .poll(() => panel.locator('#tab-evidence').getAttribute('aria-selected'), { timeout: 30_000 })
      .toBe('true');
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(NOT_ARMED);

    // The user clicks the toolbar button on the portal tab: the real grant, and the real side panel docks.
    await b.clickToolbar(portal);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ARMED);
    const docked = (expr: string) => b.inDockedPanel(expr);
    await expect
      .poll(() => docked(`document.querySelector('[data-testid=capture-status]')?.textContent ?? null`), {
        timeout: 30_000,
      })
      .toBe(ARMED);

    // Capture from the panel docked beside the portal (its own button: our page, our click).
    await docked(`document.querySelector('[data-testid=capture-button]').click()`);
    const rows = rowsOf(panel);
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);

    // The stored image is the portal page, not a panel: its header colour is the portal's, far from the panel's,
    // and it is about as tall as the tab (its width is the tab's less the docked panel).
    const stored = await firstImage(panel);
    const shotOf = async (p: Page) => `data:image/png;base64,${(await p.screenshot()).toString('base64')}`;
    const [capR, capG, capB, , capH] = await topBandColour(panel, stored);
    const [shR, shG, shB, , shH] = await topBandColour(panel, await shotOf(portal));
    const [pR, pG, pB] = await topBandColour(panel, await shotOf(panel));
    const toPortal = Math.abs(capR! - shR!) + Math.abs(capG! - shG!) + Math.abs(capB! - shB!);
    const toPanel = Math.abs(capR! - pR!) + Math.abs(capG! - pG!) + Math.abs(capB! - pB!);
    expect(toPortal).toBeLessThan(40);
    expect(toPanel).toBeGreaterThan(toPortal);
    expect(capH).toBeGreaterThan(0.8 * shH!);

    // And from the panel in its own window.
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    expect(await panel.getByTestId('evidence-summary').textContent()).toMatch(/^Attempts: 2,/);

    // Export, verify, tamper.
    const download = panel.waitForEvent('download', { timeout: 30_000 });
    await panel.getByTestId('export-button').click();
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    const file = join(dir, 'bundle.zip');
    await (await download).saveAs(file);
    const ok = verify(file);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const entries = unzipSync(readFileSync(file));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining(['manifest.json', 'SHA256SUMS', 'report.html']),
    );
    expect(strFromU8(entries['report.html']!)).toContain('randevu.goc.gov.tr');
    const image = Object.keys(entries).find((n) => n.startsWith('images/'))!;
    entries[image]![100] = entries[image]![100]! ^ 0xff;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, zipSync(entries));
    const bad = verify(tampered);
    expect(bad.status).toBe(1);
    expect(bad.stdout + bad.stderr).toContain(image);
    await portal.close();
    await panel.close();
  });

  it("keeps the grant through e-ikamet's same-origin POST reload; a cross-origin navigation ends it and a capture then changes nothing", async () => {
    const e = noSlots('e-ikamet');
    const r = noSlots('randevu');
    const page = await b.openPortal(e.url, e.file);
    await page.waitForSelector('span.noty_text', { timeout: 30_000 });
    const panel = await b.openPanelWindow();
    await evidenceTab(panel);
    const before = await rowsOf(panel).count();
    await b.clickToolbar(page);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ARMED);

    // The user presses a button of the portal's own form: a POST to the same address reloads the page.
    b.expectNavigation(e.url);
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() => (document.getElementById('mainForm') as HTMLFormElement).requestSubmit()),
    ]);
    await page.waitForSelector('span.noty_text', { timeout: 30_000 });
    expect(await status(panel)).toBe(ARMED);
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => rowsOf(panel).count(), { timeout: 30_000 }).toBe(before + 1);

    // The same tab goes to the other portal (another origin): the grant is gone, and the panel says so.
    await b.goto(page, r.url, r.file);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ENDED);
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(EN.ui_evidence_error_no_grant!.message);
    expect(await rowsOf(panel).count()).toBe(before + 1);

    // A login hop through another site and back: still ended (coming back does not restore a grant) until a
    // new click.
    const login = 'https://giris.turkiye.gov.tr/Giris/e-Devlet-Sifresi';
    await b.goto(page, login, FIXTURES.find((x) => x.page === 'eikamet-home' && x.lang === 'en')!.file);
    await b.goto(page, e.url, e.file);
    await panel.reload();
    await evidenceTab(panel);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ENDED);
    await b.clickToolbar(page);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ARMED);
    await page.close();
    await panel.close();
  });

  it('registers the keyboard command and the context-menu item, with their translated titles', async () => {
    const commands = await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return (await ext.commands.getAll()).map((c) => ({ name: c.name, description: c.description }));
    });
    expect(commands).toContainEqual({ name: 'capture-evidence', description: EN.extCommandCapture!.message });
    // The menu item exists (updating an unknown id fails), titled from the catalogue in the panel's language.
    const menu = await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
      try {
        await ext.contextMenus.update('capture-evidence', {});
        return { exists: true, title: ext.i18n.getMessage('ui_menu_capture') };
      } catch (e) {
        return { exists: false, title: String(e) };
      }
    });
    expect(menu).toEqual({ exists: true, title: EN.ui_menu_capture!.message });
    const unknown = await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return ext.contextMenus.update('no-such-item', {}).then(
        () => 'updated',
        () => 'refused',
      );
    });
    expect(unknown).toBe('refused'); // the check above can fail
  });
});

describe('the command title in a Turkish browser', () => {
  it('is the Turkish catalogue sentence', async () => {
    const b = await launchWithExtension({ args: ['--lang=tr'] });
    try {
      const commands = await b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
        return (await ext.commands.getAll()).map((c) => ({ name: c.name, description: c.description }));
      });
      expect(commands).toContainEqual({
        name: 'capture-evidence',
        description: catalogue('tr').extCommandCapture!.message,
      });
    } finally {
      await b.close();
    }
  });
});

describe('evidence log, worker stopped mid-capture', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('leaves either a whole record or none, and the log still exports and verifies', async () => {
    const f = noSlots('randevu');
    const portal = await b.openPortal(f.url, f.file);
    await portal.waitForTimeout(f.settledAfterMs + 300);
    const panel = await b.openPanelWindow();
    await evidenceTab(panel);
    await b.clickToolbar(portal);
    await expect.poll(() => status(panel), { timeout: 30_000 }).toBe(ARMED);
    const rows = rowsOf(panel);
    // One good record first, then a capture whose worker is stopped while it works.
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await panel.waitForTimeout(600);
    const cdp = await b.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await panel.getByTestId('capture-button').click();
    await panel.waitForTimeout(30);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await panel.waitForTimeout(1500);
    await panel.reload();
    await panel.getByRole('tab', { name: /Evidence/ }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const n = await rows.count();
    expect(n).toBeLessThanOrEqual(2);
    // The worker comes back on the next message, and the chain still verifies as a whole.
    const download = panel.waitForEvent('download', { timeout: 30_000 });
    await panel.getByTestId('export-button').click();
    const file = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'bundle.zip');
    await (await download).saveAs(file);
    const ok = verify(file);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(file))).filter((k) => k.startsWith('images/'))).toHaveLength(n);
    await portal.close();
    await panel.close();
  });
});

describe('evidence log without a click', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('says in one sentence what to press when a capture has no grant', async () => {
    const f = noSlots('randevu');
    const portal = await b.openPortal(f.url, f.file);
    await portal.waitForTimeout(f.settledAfterMs + 300);
    const panel = await b.openPanelWindow();
    await panel.getByRole('tab', { name: /Evidence/ }).click();
    await panel.getByTestId('capture-button').click();
    await expect
      .poll(() => panel.getByTestId('capture-status').textContent(), { timeout: 30_000 })
      .toContain('Click the Ikamet Companion toolbar icon while the portal tab is open, then capture again.');
    expect(await panel.getByTestId('evidence-list').locator('[data-seq]').count()).toBe(0);
    await portal.close();
    await panel.close();
  });
});
