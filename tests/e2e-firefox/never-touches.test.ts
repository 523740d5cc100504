/**
 * Firefox: the add-on never touches the portal page. The Chromium suite's recorder (tests/e2e/recorder.ts) runs in
 * the page's own world before its scripts, on every replica page, first with the add-on installed and then, in the
 * same browser, after it is removed: the two recordings must be the same. Positive control: the touching add-on of
 * tests/e2e/toucher (each ?touch=<channel> page gets one kind of touch) is caught on every channel here too.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/browser';
import { GECKO_ID, launchFirefox, type FirefoxSession } from '../../scripts/lib/firefox';
import { FIXTURES } from '../fixtures';
import {
  CAUGHT,
  differences,
  recorder,
  TOUCHER_PAGE as PAGE,
  TOUCHER_URL as URL_OF,
  type Recording,
} from '../e2e/recorder';

/** Open `url` (served from `file`), let it settle, and return what its own world saw. */
async function record(ff: FirefoxSession, url: string, file: string, settleMs: number, ids: string[]) {
  const before = ff.navigations(url);
  const page = await ff.openPortal(url, file, recorder(ids));
  await new Promise((r) => setTimeout(r, settleMs + 700));
  await page.waitForFunction(() => '__snapshot' in window, { timeout: 30_000 });
  const out = await page.evaluate(() => {
    const w = window as unknown as { __touches: string[]; __snapshot: () => Record<string, unknown> };
    return { log: w.__touches.slice(), snapshot: w.__snapshot() };
  });
  // The cookie jar as the browser keeps it (what the next request would carry), not only what the page's
  // document.cookie shows.
  out.snapshot.cookieJar = (await page.cookies()).map((c) => `${c.name}=${c.value}`).sort();
  // The toucher's storage and cookie channels must not leak into the next page.
  await page.evaluate(() => {
    localStorage.clear();
    sessionStorage.clear();
  });
  await page.deleteCookie(...(await page.cookies()));
  await page.close();
  return { ...out, navigations: ff.navigations(url) - before } satisfies Recording;
}

const PAGES_TIMEOUT_MS = 120_000 + FIXTURES.reduce((n, f) => n + 2 * (f.settledAfterMs + 6_000), 0);

describe('Firefox: never touches the page', () => {
  let ff: FirefoxSession;
  const withExt = new Map<string, Recording>();
  beforeAll(async () => {
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  it(
    'every replica page sees the same with the add-on as after it is removed',
    async () => {
      await ff.panel(); // installed and running
      for (const f of FIXTURES)
        withExt.set(f.file, await record(ff, f.url, f.file, f.settledAfterMs, [GECKO_ID]));
      await ff.uninstall();
      const diffs: string[] = [];
      for (const f of FIXTURES) {
        const base = await record(ff, f.url, f.file, f.settledAfterMs, [GECKO_ID]);
        expect(base.log.length + Object.keys(base.snapshot).length).toBeGreaterThan(0); // the recorder ran
        for (const d of differences(base, withExt.get(f.file)!)) diffs.push(`${f.file}: ${d}`);
      }
      expect(diffs).toEqual([]);
      // Every replica page twice, each with its settle time and a generous allowance for a loaded machine: the limit
      // grows with the fixture set (a fixed 180 s ran out when the set grew from 48 to 62 pages).
    },
    PAGES_TIMEOUT_MS,
  );
});

describe('Firefox positive control: a touching add-on is caught on every channel', () => {
  it('catches each channel against the same page without it', async () => {
    // Firefox runs no service worker as a background: the toucher's copy names the same file as a script.
    const dir = mkdtempSync(join(tmpdir(), 'toucher-firefox-'));
    cpSync(join(ROOT, 'tests/e2e/toucher'), dir, { recursive: true });
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    m.background = { scripts: ['worker.js'] };
    m.browser_specific_settings = { gecko: { id: 'toucher@example.org' } };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const ff = await launchFirefox({ build: null });
    try {
      await ff.install(dir);
      const touched = new Map<string, Recording>();
      // The recorder listens for the toucher's own id too: Firefox gives a temporary add-on a random UUID.
      const ids = async () => [GECKO_ID, 'toucher@example.org'];
      for (const channel of Object.keys(CAUGHT))
        touched.set(channel, await record(ff, URL_OF(channel), PAGE, 300, await ids()));
      await ff.uninstall('toucher@example.org');
      const missed: string[] = [];
      for (const [channel, mark] of Object.entries(CAUGHT)) {
        const base = await record(ff, URL_OF(channel), PAGE, 300, await ids());
        const diff = differences(base, touched.get(channel)!);
        if (!diff.some((d) => d.includes(mark))) missed.push(`${channel}: ${JSON.stringify(diff)}`);
      }
      expect(missed).toEqual([]);
    } finally {
      await ff.close();
    }
  });
});
