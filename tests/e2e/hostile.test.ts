/**
 * A page that mutates every 10 ms: reads stay at least the debounce apart and still happen, with nothing in the
 * product instrumented. How and why: tests/e2e/README.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { HOSTILE_RUN_MS, HOSTILE_URL, hostilePage } from '../fixtures/hostile';
import { DEBOUNCE_MS } from '../../src/content/debounce';

let b: ExtensionBrowser;
let dir: string;
beforeAll(async () => {
  b = await launchWithExtension();
  dir = mkdtempSync(join(tmpdir(), 'ikamet-hostile-'));
  // Count content:reading messages as the background receives them (test-side listener; product untouched).
  await b.sw(() => {
    const g = globalThis as unknown as { __readings?: number; chrome: typeof browser };
    g.__readings = 0;
    g.chrome.runtime.onMessage.addListener((m: unknown) => {
      if ((m as { type?: string } | null)?.type === 'content:reading') g.__readings = (g.__readings ?? 0) + 1;
      return undefined;
    });
  });
});
afterAll(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function readingsSeen(): Promise<number> {
  return b.sw(() => (globalThis as unknown as { __readings?: number }).__readings ?? 0);
}

describe('a page that mutates every 10 ms', () => {
  it.each([
    ['a small page', 0],
    ['a page of 10,000 elements', 10_000],
  ])('%s: reads bounded by the debounce, and the latest state read', async (_name, extra) => {
    const file = join(dir, `hostile-${extra}.html`);
    writeFileSync(file, hostilePage(extra));
    const url = HOSTILE_URL;
    const before = await readingsSeen();
    const page = await b.openPortal(url, file);
    await page.waitForFunction(() => (window as unknown as { __done?: boolean }).__done === true, undefined, {
      timeout: HOSTILE_RUN_MS + 60_000,
    });
    const { ticks, elapsed } = await page.evaluate(() => {
      const w = window as unknown as { __ticks: number; __start: number };
      return { ticks: w.__ticks, elapsed: performance.now() - w.__start };
    });
    // Let the last debounced read arrive.
    await page.waitForTimeout(400);
    const sent = (await readingsSeen()) - before;
    // The page's whole life so far, on its own clock: however slow the machine, reads are bounded by it.
    const life = await page.evaluate(() => performance.now());
    console.log(
      `hostile page (${extra} extra elements): ${ticks} ticks of 10 ms in ${elapsed.toFixed(0)} ms, ${sent} readings sent in ${life.toFixed(0)} ms of page life`,
    );
    // Reads keep happening under the storm (the 200 ms ceiling: the load read and at least one during it)…
    expect(sent).toBeGreaterThanOrEqual(2);
    // …but two reads are never closer than the debounce, and each needs a change of the page.
    expect(sent).toBeLessThanOrEqual(Math.floor(life / DEBOUNCE_MS) + 1);
    expect(sent).toBeLessThanOrEqual(ticks + 1);
    // And the last reading is the page's latest status, read correctly.
    const last = await waitFor(async () => {
      const s = await b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
        return (await ext.storage.local.get('lastReading')).lastReading as
          { reading: { status: string | null; statusText: string | null } } | undefined;
      });
      return s?.reading.statusText?.endsWith(String(ticks)) ? s : null;
    }, 'the final status read');
    expect(last.reading.status).toBe('in-progress');
    await page.close();
  });
});
