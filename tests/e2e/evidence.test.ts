/**
 * The evidence log in the real browser, on the replica no-slots pages of both portals: capture from the panel,
 * the keyboard command and the context menu (their handlers called from the service worker); the stored image
 * is the portal page, not the panel; export a bundle; it verifies; one changed byte makes it fail. Captures use a
 * copy of the build granted <all_urls> (`wxt build --mode e2e`): a headless test cannot click the toolbar icon to
 * grant activeTab. The real build, with no grant, must say what to press.
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

const E2E_BUILD = join(ROOT, '.output/chrome-mv3-e2e');
const noSlots = (portal: 'randevu' | 'e-ikamet') =>
  FIXTURES.find((f) => f.portal === portal && f.expect.noSlots && !f.dynamic && f.lang === 'en') ??
  FIXTURES.find((f) => f.portal === portal && f.expect.noSlots && f.lang === 'en')!;

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

function verify(file: string) {
  return spawnSync('npx', ['tsx', 'scripts/verify-evidence.ts', file], { cwd: ROOT, encoding: 'utf8' });
}

describe('evidence log (build granted <all_urls>)', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension({ build: E2E_BUILD });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('captures both portals from the panel, the command and the context menu, exports, verifies, detects tampering', async () => {
    const f = noSlots('randevu');
    const portal = await b.openPortal(f.url, f.file);
    await portal.waitForTimeout(f.settledAfterMs + 300);
    const panel = await b.openPanelWindow();
    await expect
      .poll(() => panel.getByRole('tab', { name: /Evidence/ }).getAttribute('aria-selected'), {
        timeout: 8000,
      })
      .toBe('true');
    await panel.getByTestId('capture-button').click();
    const rows = panel.getByTestId('evidence-list').locator('[data-seq]');
    await expect.poll(() => rows.count(), { timeout: 10000 }).toBe(1);

    // The stored image is the portal page (its size and its header colour), not the panel.
    const stored = await panel.evaluate(async () => {
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
    const shot = `data:image/png;base64,${(await portal.screenshot()).toString('base64')}`;
    const [capR, capG, capB, capW, capH] = await topBandColour(panel, stored);
    const [shR, shG, shB, shW, shH] = await topBandColour(panel, shot);
    expect([capW, capH]).toEqual([shW, shH]);
    expect(Math.abs(capR! - shR!) + Math.abs(capG! - shG!) + Math.abs(capB! - shB!)).toBeLessThan(40);

    // The keyboard command and the context menu, through the handlers the browser would call.
    const viaHandlers = await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const t = globalThis as unknown as {
        __ikametTest: {
          onCaptureCommand(c: string, tab: unknown): Promise<{ ok: boolean } | null>;
          onCaptureMenu(i: { menuItemId: string }, tab: unknown): Promise<{ ok: boolean } | null>;
        };
      };
      const [tab] = await ext.tabs.query({ url: 'https://randevu.goc.gov.tr/*' });
      const a = await t.__ikametTest.onCaptureCommand('capture-evidence', tab);
      await new Promise((r) => setTimeout(r, 600)); // the browser allows two captures a second
      const m = await t.__ikametTest.onCaptureMenu({ menuItemId: 'capture-evidence' }, tab);
      return [a?.ok, m?.ok];
    });
    expect(viaHandlers).toEqual([true, true]);
    await expect.poll(() => rows.count(), { timeout: 10000 }).toBe(3);

    // The e-ikamet no-slots answer (a toast that vanishes): captured while it shows.
    const e = noSlots('e-ikamet');
    await portal.close();
    const eik = await b.openPortal(e.url, e.file);
    await eik.waitForSelector('span.noty_text', { timeout: 8000 });
    await panel.bringToFront();
    await expect.poll(() => panel.getByTestId('capture-button').isEnabled(), { timeout: 8000 }).toBe(true);
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => rows.count(), { timeout: 10000 }).toBe(4);
    expect(await panel.getByTestId('evidence-summary').textContent()).toMatch(/^Attempts: 4,/);

    // Export, verify, tamper.
    const download = panel.waitForEvent('download', { timeout: 15000 });
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
    await eik.close();
    await panel.close();
  });
});

describe('evidence log, worker killed mid-capture (build granted <all_urls>)', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension({ build: E2E_BUILD });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('leaves either a whole record or none, and the log still exports and verifies', async () => {
    const f = noSlots('randevu');
    const portal = await b.openPortal(f.url, f.file);
    await portal.waitForTimeout(f.settledAfterMs + 300);
    const panel = await b.openPanelWindow();
    await panel.getByRole('tab', { name: /Evidence/ }).click();
    const rows = panel.getByTestId('evidence-list').locator('[data-seq]');
    // One good record first, then a capture whose worker is stopped while it works.
    await panel.getByTestId('capture-button').click();
    await expect.poll(() => rows.count(), { timeout: 10000 }).toBe(1);
    await panel.waitForTimeout(600);
    const cdp = await b.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await panel.getByTestId('capture-button').click();
    await panel.waitForTimeout(30);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await panel.waitForTimeout(1500);
    await panel.reload();
    await panel.getByRole('tab', { name: /Evidence/ }).click();
    await expect.poll(() => rows.count(), { timeout: 8000 }).toBeGreaterThanOrEqual(1);
    const n = await rows.count();
    expect(n).toBeLessThanOrEqual(2);
    // The worker comes back on the next message, and the chain still verifies as a whole.
    const download = panel.waitForEvent('download', { timeout: 15000 });
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

describe('evidence log (the shipped build, no grant)', () => {
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
      .poll(() => panel.getByTestId('capture-status').textContent(), { timeout: 8000 })
      .toContain('Click the Ikamet Companion toolbar icon while the portal tab is open, then capture again.');
    expect(await panel.getByTestId('evidence-list').locator('[data-seq]').count()).toBe(0);
    await portal.close();
    await panel.close();
  });
});
