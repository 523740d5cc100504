/**
 * The extension never touches the portal page: what the page's scripts can observe is the same with and without it,
 * and a touching extension is caught on every channel. How and why: tests/e2e/README.md.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, ROOT, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES, type Fixture } from '../fixtures';
import {
  CAUGHT,
  differences,
  recorder,
  TOUCHER_PAGE as PAGE,
  TOUCHER_URL as URL_OF,
  type Recording,
} from './recorder';

/**
 * Open `url` (served from `file`), let it settle, and return what its own world saw. `clean` empties the origin's
 * cookies and web storage afterwards (the toucher's runs must not leak into each other).
 */
async function record(
  b: ExtensionBrowser,
  url: string,
  file: string,
  settleMs: number,
  clean = false,
): Promise<Recording> {
  const key = url.split('?')[0]!;
  const navigationsSoFar = () =>
    b.requests.filter((r) => r.isNavigation && r.url.split('?')[0] === key).length;
  const before = navigationsSoFar();
  const page = await b.openPortal(url, file);
  await page.waitForLoadState('load');
  await page.waitForTimeout(settleMs + 700);
  // A page that navigated by itself has its recorder anew: wait for it to be there.
  await page.waitForFunction(() => '__snapshot' in window, undefined, { timeout: 30_000 });
  const out = await recorded(page);
  if (clean) {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await b.context.clearCookies();
  }
  await page.close();
  return { ...out, navigations: navigationsSoFar() - before };
}

/** What the page's own world has recorded so far. */
function recorded(page: Page): Promise<Omit<Recording, 'navigations'>> {
  return page.evaluate(() => {
    const w = window as unknown as { __touches: string[]; __snapshot: () => Record<string, unknown> };
    return { log: w.__touches.slice(), snapshot: w.__snapshot() };
  });
}

let ext: ExtensionBrowser;
let plain: ExtensionBrowser;
beforeAll(async () => {
  [ext, plain] = await Promise.all([launchWithExtension(), launchWithExtension({ build: null })]);
  await ext.context.addInitScript(recorder([ext.extensionId]));
  await plain.context.addInitScript(recorder([ext.extensionId]));
});
afterAll(async () => {
  await Promise.all([ext?.close(), plain?.close()]);
});

describe('never touches the page', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))(
    '%s: the page sees the same with and without the extension',
    async (_name, f: Fixture) => {
      const [base, withExt] = await Promise.all([
        record(plain, f.url, f.file, f.settledAfterMs),
        record(ext, f.url, f.file, f.settledAfterMs),
      ]);
      expect(base.log.length + Object.keys(base.snapshot).length).toBeGreaterThan(0); // the recorder ran
      expect(differences(base, withExt)).toEqual([]);
    },
  );

  it('nor while the panel is used beside it, with the toolbar clicked', async () => {
    const f = FIXTURES.find((x) => x.portal === 'randevu' && x.expect.noSlots && x.lang === 'en')!;
    const base = await record(plain, f.url, f.file, f.settledAfterMs);
    const page = await ext.openPortal(f.url, f.file);
    await page.waitForTimeout(f.settledAfterMs + 300);
    const panel = await ext.openPanelWindow();
    await ext.clickToolbar(page);
    for (const tab of ['documents', 'evidence', 'stay', 'more', 'deadlines']) {
      await panel.locator(`#tab-${tab}`).click();
      await expect.poll(() => panel.locator(`#tab-${tab}`).getAttribute('aria-selected')).toBe('true');
    }
    await panel.locator('#tab-evidence').click();
    await panel.getByTestId('capture-button').click();
    await expect
      .poll(() => panel.getByTestId('evidence-list').locator('[data-seq]').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    const withExt = { ...(await recorded(page)), navigations: 1 };
    base.navigations = 1; // one each (the session guard counts them too: an unasked one fails the file)
    expect(differences(base, withExt)).toEqual([]);
    await panel.close();
    await page.close();
  });
});

describe('positive control: a touching extension is caught on every channel', () => {
  let toucher: ExtensionBrowser;
  beforeAll(async () => {
    toucher = await launchWithExtension({ build: join(ROOT, 'tests/e2e/toucher') });
    await toucher.context.addInitScript(recorder([toucher.extensionId]));
  });
  afterAll(async () => {
    // The toucher's navigation channel navigates by itself: that is what the session guard exists to catch.
    toucher?.expectNavigation(URL_OF('navigation'));
    await toucher?.close();
  });

  it.each(Object.entries(CAUGHT))('%s', async (channel, mark) => {
    const [base, touched] = await Promise.all([
      record(plain, URL_OF(channel), PAGE, 300),
      record(toucher, URL_OF(channel), PAGE, 300, true),
    ]);
    const diff = differences(base, touched);
    expect(
      diff.some((d) => d.includes(mark)),
      `${channel}: ${JSON.stringify(diff)}`,
    ).toBe(true);
  });
});

describe('the page cannot stop or steer the content script', () => {
  it("forged framework events, messages and browser events change nothing: it still reads the page's changes", async () => {
    const f = FIXTURES.find(
      (x) => x.page === 'eikamet-status' && x.expect.status === 'in-progress' && x.lang === 'en',
    )!;
    const page = await ext.openPortal(f.url, f.file);
    const stored = () =>
      ext.sw(async () => {
        const c = (globalThis as unknown as { chrome: typeof browser }).chrome;
        return ((await c.storage.local.get('lastReading')).lastReading ?? null) as {
          reading: { status: string | null; statusText: string | null };
        } | null;
      });
    await waitFor(
      async () => (await stored())?.reading.status === 'in-progress',
      'the first reading',
      30_000,
    );
    // What WXT's context listened for, and what a page could forge to make a content script stop or re-read.
    await page.evaluate((id) => {
      const name = `${id}:portal:wxt:content-script-started`;
      const detail = { contentScriptName: 'portal', messageId: 'forged' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, contentScriptName: 'portal', messageId: 'forged' }, '*');
      window.dispatchEvent(new Event(`${id}:portal:wxt:locationchange`));
      for (const t of ['hashchange', 'popstate', 'load', 'pagehide', 'unload'])
        window.dispatchEvent(new Event(t));
    }, ext.extensionId);
    // The page's own change after that is still read: the script was not stopped.
    const status = page.locator('.txt-md').first();
    expect(await status.count()).toBe(1);
    await status.evaluate((el) => {
      el.textContent = 'Your application has been approved. Your residence permit card is being printed.';
    });
    await waitFor(
      async () => (await stored())?.reading.status === 'approved-printing',
      'the change read',
      30_000,
    );
    await page.close();
  });
});
