/**
 * Portal readers in the real browser: on every replica page the background receives the right reading; live
 * changes (the randevu redraw, the vanishing e-ikamet toast) are noticed; no personal data is stored. That the
 * extension never touches the page is tests/e2e/never-touches.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES, PERSONAL_DATA, type Fixture } from '../fixtures';
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
      f.settledAfterMs + 30_000,
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
    await page.waitForSelector('span.noty_text', { state: 'attached', timeout: 30_000 });
    await page.waitForSelector('span.noty_text', { state: 'detached', timeout: 30_000 });
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
