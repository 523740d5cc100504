/**
 * The skeleton, in the real browser: the built extension loads, its content script runs on the two portals
 * and nowhere else, the panel renders from stored state on a fresh profile, and nothing leaves the machine: a
 * whole session makes no request, and a canary from each context (worker, panel tab, docked side panel, content
 * script; http and WebSocket) proves the recorder sees that context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES } from '../fixtures';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

/** Names of the isolated worlds (content scripts) alive in a page, via the DevTools protocol. */
async function isolatedWorlds(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const names: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    const aux = e.context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') names.push(e.context.name);
  });
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  await new Promise((r) => setTimeout(r, 200));
  await cdp.detach();
  return names;
}

async function storedTabReadings(): Promise<Record<string, { reading: { portal: string; url: string } }>> {
  return b.sw(async () => {
    // Runs inside the service worker: only what is written here exists there.
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const got = await ext.storage.local.get('tabReadings');
    return (got.tabReadings ?? {}) as Record<string, { reading: { portal: string; url: string } }>;
  });
}

describe('foundation', () => {
  it('renders the panel on a fresh profile with a default person and no onboarding wall', async () => {
    const panel = await b.openPanel();
    await expect.poll(() => panel.getByRole('combobox', { name: 'Person' }).inputValue()).toBeTruthy();
    await expect.poll(() => panel.getByText('Me', { exact: true }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => panel.getByRole('heading', { level: 1 }).textContent())
      .toContain('Ikamet Companion');
    await panel.close();
  });

  it('runs the content script on both portals, and the background stores their readings', async () => {
    const eik = FIXTURES.find((f) => f.portal === 'e-ikamet' && f.page === 'eikamet-status')!;
    const ran = FIXTURES.find((f) => f.portal === 'randevu' && f.page === 'randevu-my-appointments')!;
    const p1 = await b.openPortal(eik.url, eik.file);
    const p2 = await b.openPortal(ran.url, ran.file);
    const readings = await waitFor(async () => {
      const all = Object.values(await storedTabReadings());
      const portals = new Set(all.map((t) => t.reading.portal));
      return portals.has('e-ikamet') && portals.has('randevu') ? all : null;
    }, 'readings from both portals');
    // Stored URLs drop the query string (e-ikamet puts the application's record number there).
    for (const t of readings) expect(new URL(t.reading.url).search).toBe('');
    expect(await isolatedWorlds(p1)).toContain('Ikamet Companion');
    expect(await isolatedWorlds(p2)).toContain('Ikamet Companion');
    await p1.close();
    await p2.close();
  });

  it('does not run on other sites, even on a copy of a portal page', async () => {
    const eik = FIXTURES.find((f) => f.portal === 'e-ikamet' && f.page === 'eikamet-status')!;
    const elsewhere = await b.openPortal('https://example.org/Ikamet/BasvuruDurum', eik.file);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await isolatedWorlds(elsewhere)).not.toContain('Ikamet Companion');
    const stored = Object.values(await storedTabReadings());
    expect(stored.some((t) => t.reading.url.includes('example.org'))).toBe(false);
    await elsewhere.close();
  });

  it('makes no network request of its own, the service worker included', async () => {
    // A whole session: every replica page read, then the panel through every tab, in two languages. (Every E2E
    // session is guarded the same way when it closes: scripts/lib/browser.ts, violations().)
    for (const f of FIXTURES) {
      const p = await b.openPortal(f.url, f.file);
      await new Promise((r) => setTimeout(r, 200));
      await p.close();
    }
    const panel = await b.openPanel();
    for (const lang of ['en', 'ar']) {
      await panel.locator('#language').selectOption(lang);
      await expect
        .poll(() => panel.evaluate(() => document.documentElement.lang), { timeout: 30_000 })
        .toBe(lang);
      for (const tab of ['deadlines', 'documents', 'evidence', 'stay', 'more']) {
        await panel.locator(`#tab-${tab}`).click();
        await expect.poll(() => panel.locator(`#tab-${tab}`).getAttribute('aria-selected')).toBe('true');
      }
    }
    await panel.locator('#language').selectOption('auto');
    await panel.close();
    expect(b.violations()).toEqual([]);
    expect(b.requests.filter((r) => /^(https?|wss?):/.test(r.url) && !r.isNavigation)).toEqual([]);
  });

  it('sees a request from every context of the extension (one canary each, http and WebSocket)', async () => {
    const f = FIXTURES.find((x) => x.portal === 'randevu' && x.lang === 'en')!;
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await b.clickToolbar(page); // docks the real side panel beside the tab
    await expect.poll(() => b.inDockedPanel('document.readyState'), { timeout: 30_000 }).toBe('complete');
    const canary = (who: string) =>
      `(fetch('https://${who}.canary.invalid/').catch(() => 0), new WebSocket('wss://${who}-ws.canary.invalid/'), 1)`;
    await b.sw(() => {
      fetch('https://worker.canary.invalid/').catch(() => 0);
      new WebSocket('wss://worker-ws.canary.invalid/');
    });
    await panel.evaluate(canary('panel'));
    await b.inContentScript(page, canary('content'));
    await b.inDockedPanel(canary('docked'));
    const want = ['worker', 'panel', 'content', 'docked'].flatMap((who) => [
      `https://${who}.canary.invalid/`,
      `wss://${who}-ws.canary.invalid/`,
    ]);
    // Each canary is reported as a violation: the guard would fail the session on it.
    await expect
      .poll(() => want.filter((u) => !b.violations().some((v) => v.includes(u))), { timeout: 30_000 })
      .toEqual([]);
    b.forget((r) => r.url.includes('canary.invalid'));
    expect(b.violations()).toEqual([]);
    await panel.close();
    await page.close();
  });
});
