/**
 * Portal readers in the real browser: on every replica page the background receives the right reading; live
 * changes (the randevu redraw, the vanishing e-ikamet toast) are noticed; and the extension never touches the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { CHROMIUM, launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES, fixturePath, PERSONAL_DATA, type Fixture } from '../fixtures';
import { readFileSync } from 'node:fs';
import type { PortalReading } from '../../src/portal/types';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

type Stored = { reading: PortalReading; at: string } | null;

async function clearReadings() {
  await b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    await ext.storage.local.remove(['lastReading', 'tabReadings']);
  });
}

async function lastReading(): Promise<Stored> {
  return b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return ((await ext.storage.local.get('lastReading')).lastReading ?? null) as Stored;
  });
}

async function allStorage(): Promise<string> {
  return b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    return JSON.stringify(await ext.storage.local.get(null));
  });
}

function matches(r: PortalReading | undefined, want: Partial<PortalReading>): boolean {
  if (!r) return false;
  try {
    expect(r).toMatchObject(want);
    return true;
  } catch {
    return false;
  }
}

describe('readings in the real browser', () => {
  it.each(FIXTURES.map((f) => [f.file, f] as const))('%s', async (_name, f: Fixture) => {
    await clearReadings();
    const page = await b.openPortal(f.url, f.file);
    const got = await waitFor(
      async () => {
        const s = await lastReading();
        return matches(s?.reading, f.expect) ? s : null;
      },
      `a reading of ${f.file} matching ${JSON.stringify(f.expect)}`,
      f.settledAfterMs + 8000,
    ).catch(async (e: unknown) => {
      // Say what was stored instead, so a failure explains itself.
      throw new Error(`${String(e)}\nstored: ${JSON.stringify(await lastReading())}`);
    });
    expect(got.reading).toMatchObject(f.expect);
    await page.close();
  });

  it('notices a randevu slot list redrawn to "no slots" after load', async () => {
    const f = FIXTURES.find((x) => x.dynamic === 'redraws-to-no-slots')!;
    await clearReadings();
    const page = await b.openPortal(f.url, f.file);
    await waitFor(async () => (await lastReading())?.reading.step === 'date-selection', 'the first drawing');
    const first = await lastReading();
    expect(first?.reading.noSlots).toBe(false);
    const later = await waitFor(async () => {
      const s = await lastReading();
      return s?.reading.noSlots ? s : null;
    }, 'the redraw to no slots');
    expect(later.reading.noSlotsText).toBeTruthy();
    await page.close();
  });

  it('keeps the e-ikamet "no appointment" toast in the stored reading after it vanishes', async () => {
    const f = FIXTURES.find((x) => x.dynamic === 'toast-appears-then-vanishes')!;
    await clearReadings();
    const page = await b.openPortal(f.url, f.file);
    await page.waitForSelector('span.noty_text', { state: 'attached', timeout: 8000 });
    await page.waitForSelector('span.noty_text', { state: 'detached', timeout: 15000 });
    await page.waitForTimeout(500);
    const s = await lastReading();
    expect(s?.reading.noSlots).toBe(true);
    expect(s?.reading.noSlotsSeenAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.close();
  });

  it('stores none of the personal data the pages show, and no query strings', async () => {
    for (const f of FIXTURES) {
      const page = await b.openPortal(f.url, f.file);
      await page.waitForTimeout(Math.min(f.settledAfterMs, 2000) + 300);
      await page.close();
    }
    const all = (await allStorage()).toLowerCase();
    for (const pii of PERSONAL_DATA) expect(all).not.toContain(pii.toLowerCase());
    expect(all).not.toContain('basvurukayitno');
  });
});

/**
 * A recorder installed in the page's own world before its scripts run: every DOM mutation, submit, click, input,
 * change, key and focus event. The extension's isolated world would show up here if it touched anything.
 */
const RECORDER = `(() => {
  const log = [];
  window.__touches = log;
  const desc = (n) => n && n.nodeType === 1 ? n.tagName + (n.id ? '#' + n.id : '') : n ? '#' + n.nodeName : '';
  new MutationObserver((ms) => { for (const m of ms) log.push('mutation:' + m.type + ':' + desc(m.target) + ':' + (m.attributeName || '') + ':' + [...m.addedNodes].map(desc).join(',') + ':' + [...m.removedNodes].map(desc).join(',')); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const t of ['submit', 'click', 'input', 'change', 'keydown', 'keyup', 'focus', 'focusin', 'blur', 'mousedown', 'pointerdown'])
    window.addEventListener(t, (e) => log.push('event:' + t + ':' + desc(e.target)), true);
  const origSubmit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () { log.push('call:submit'); return origSubmit.call(this); };
})();`;

async function touches(page: Page, f: Fixture): Promise<string[]> {
  await page.waitForTimeout(f.settledAfterMs + 700);
  return page.evaluate(() => (window as unknown as { __touches: string[] }).__touches.slice());
}

describe('never touches the page', () => {
  it(
    'records the same page activity with and without the extension, and no events at all',
    { timeout: 240_000 },
    async () => {
      // Baseline: the same pages in a browser without the extension: what the replicas' own scripts do.
      const plain = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox'],
      });
      const plainCtx = await plain.newContext();
      let current: Fixture = FIXTURES[0]!;
      await plainCtx.route(/^https?:\/\//, (route) => {
        const same = new URL(current.url).pathname === new URL(route.request().url()).pathname;
        return same
          ? route.fulfill({ contentType: 'text/html', body: readFileSync(fixturePath(current)) })
          : route.abort();
      });
      await b.context.addInitScript(RECORDER);
      await plainCtx.addInitScript(RECORDER);
      const panel = await b.openPanel();
      try {
        for (const f of FIXTURES) {
          current = f;
          // Both sides at once: the baseline browser and the extension's, each recording its own page.
          const basePage = await plainCtx.newPage();
          const [base, withExt] = await Promise.all([
            basePage.goto(f.url).then(() => touches(basePage, f)),
            (async () => {
              const page = await b.openPortal(f.url, f.file);
              // Use the panel meanwhile: switching sections must not reach the page either. (Only tabs: the panel
              // brings a section forward by itself when a page calls for it.)
              for (const name of ['Documents', 'Evidence', 'Stay', 'Reminders & settings', 'Deadlines']) {
                await panel.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
              }
              const t = await touches(page, f);
              await page.close();
              return t;
            })(),
          ]);
          await basePage.close();

          expect(withExt.filter((t) => !t.startsWith('mutation:'))).toEqual([]);
          expect([...withExt].sort(), f.file).toEqual([...base].sort());
        }
      } finally {
        await panel.close();
        await plain.close();
      }
    },
  );
});
