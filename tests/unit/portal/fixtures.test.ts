// @vitest-environment happy-dom
/**
 * Every replica page, both languages, through read(): the settled reading matches the catalogue's `expect`, and the
 * page's own timeline (client render, toast, redraw) is seen as it happens. Pages are read as their scripts drew
 * them (fixture-dom.ts runs the inline scripts with a manual clock).
 */
import { describe, expect, test } from 'vitest';
import { FIXTURES } from '../../fixtures/index';
import { mergeNoSlots } from '../../../src/portal/noSlots';
import { read } from '../../../src/portal/read';
import type { PortalReading } from '../../../src/portal/types';
import { loadFixture } from './fixture-dom';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const STEP_MS = 100;

/** Like the content script: read after every change (here every 100 ms of page time) and merge. */
function playThrough(file: (typeof FIXTURES)[number]) {
  const page = loadFixture(file, { runScripts: true });
  let stored: PortalReading | null = null;
  const seen: PortalReading[] = [];
  for (let t = 0; t <= file.settledAfterMs + STEP_MS; t += STEP_MS) {
    if (t) page.advance(STEP_MS);
    const now = new Date(T0 + t);
    const r = read(page.document, page.url, now);
    seen.push(r);
    stored = mergeNoSlots(stored, r, now);
  }
  return { page, stored: stored!, seen };
}

describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_name, f) => {
  test('settled reading matches the catalogue', async () => {
    const { page, stored } = playThrough(f);
    expect(stored).toMatchObject(f.expect);
    if (stored.noSlots) expect(stored.noSlotsSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.close();
  });

  if (f.timeline)
    test('timeline: what read() sees over time', async () => {
      const page = loadFixture(f, { runScripts: true });
      let t = 0;
      for (const m of f.timeline ?? []) {
        page.advance(m.atMs - t);
        t = m.atMs;
        expect(read(page.document, page.url, new Date(T0 + t)), `at ${m.atMs} ms`).toMatchObject(m.expect);
      }
      await page.close();
    });

  if (f.rendering === 'server' && !f.dynamic)
    test('server page reads the same without running scripts', async () => {
      const page = loadFixture(f);
      expect(read(page.document, page.url, new Date(T0))).toMatchObject(f.expect);
      await page.close();
    });
});

test('the e-ikamet toast is remembered with the time it first appeared', async () => {
  const f = FIXTURES.find((x) => x.dynamic === 'toast-appears-then-vanishes')!;
  const { page, stored, seen } = playThrough(f);
  expect(seen.at(-1)!.noSlots).toBe(false); // gone from the page…
  expect(stored.noSlots).toBe(true); // …but kept in the reading
  expect(Date.parse(stored.noSlotsSeenAt!) - T0).toBeGreaterThanOrEqual(1000);
  expect(Date.parse(stored.noSlotsSeenAt!) - T0).toBeLessThanOrEqual(1200);
  await page.close();
});

test('a randevu route change redraws the app and the reading follows', async () => {
  const f = FIXTURES.find((x) => x.file === 'randevu/confirm-tr.html')!;
  const page = loadFixture(f, { runScripts: true });
  page.advance(400);
  expect(read(page.document, page.url).step).toBe('confirmation');
  page.window.location.hash = '#/';
  await new Promise((r) => setTimeout(r, 0)); // hashchange is dispatched asynchronously
  page.advance(400);
  const home = read(page.document, new URL(page.window.location.href));
  expect(home.page).toBe('randevu-home');
  expect(home.step).toBeNull();
  expect(home.appointment).toBeNull();
  await page.close();
});
