/**
 * Firefox: a real capture from a real gesture. The manifest's keyboard shortcut, typed on the X display with
 * xdotool, is a user gesture Firefox cannot tell from a person's: it grants activeTab and the command captures the
 * portal tab at once. Firefox ends that grant on every page load (../shared/browser-facts.md): after a reload the
 * panel says so (not a stale "ready"), and one more press captures again. The log is exported from the panel and
 * verified with `npm run verify-evidence`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, waitFor } from '../../scripts/lib/browser';
import { finishedDownloads, launchFirefox, type FirefoxSession } from '../../scripts/lib/firefox';
import { EN_MESSAGES } from '../../src/i18n/catalogue';
import { FIXTURES } from '../fixtures';

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

const text = (p: Page, sel: string) => p.$eval(sel, (e) => e.textContent ?? '').catch(() => '');
const rows = (p: Page) =>
  p.$$eval('[data-testid=evidence-list] [data-seq]', (xs) => xs.length).catch(() => 0);

describe('Firefox: capture from the keyboard shortcut', () => {
  it('captures at once, says the grant ended after a reload, captures again, and the export verifies', async () => {
    const f = FIXTURES.find((x) => x.portal === 'randevu' && x.expect.noSlots && x.lang === 'en')!;
    const page = await ff.openPortal(f.url, f.file);
    const panel = await ff.panel();
    await panel.click('#tab-evidence');
    await waitFor(
      async () =>
        (await text(panel, '[data-testid=capture-status]')) ===
        EN_MESSAGES.ui_evidence_status_not_armed_firefox,
      'the Firefox "not armed" sentence',
    );
    await new Promise((r) => setTimeout(r, f.settledAfterMs));

    await ff.press(page, 'alt+shift+k');
    await waitFor(async () => (await rows(panel)) === 1, 'the first record in the panel', 60_000);
    const last = await ff.ext(async () => {
      const b = (
        globalThis as unknown as {
          browser: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).browser;
      return (await b.storage.session.get('lastCapture')).lastCapture as { ok: boolean; trigger: string };
    });
    expect(last).toMatchObject({ ok: true, trigger: 'command' });
    await waitFor(
      async () =>
        (await text(panel, '[data-testid=capture-status]')) === EN_MESSAGES.ui_evidence_status_armed_firefox,
      'the Firefox "ready until the page loads again" sentence',
    );

    // A same-document route change (the randevu app's own) keeps the grant; a reload ends it: the panel says so,
    // and one press captures again.
    await page.evaluate(() => history.pushState(null, '', '#/randevu-al?step=2'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await text(panel, '[data-testid=capture-status]')).toBe(
      EN_MESSAGES.ui_evidence_status_armed_firefox,
    );
    await page.evaluate(() => history.back());
    await page.reload({ waitUntil: 'load' });
    await waitFor(
      async () =>
        (await text(panel, '[data-testid=capture-status]')) ===
        EN_MESSAGES.ui_evidence_status_grant_ended_firefox,
      'the Firefox "grant ended" sentence',
    );
    await new Promise((r) => setTimeout(r, f.settledAfterMs));
    await ff.press(page, 'alt+shift+k');
    await waitFor(async () => (await rows(panel)) === 2, 'the second record', 60_000);

    await panel.click('[data-testid=export-button]');
    const file = await waitFor(
      () => finishedDownloads(ff.downloads).find((n) => n.endsWith('.zip')),
      'the export',
    );
    const out = spawnSync('npx', ['tsx', 'scripts/verify-evidence.ts', join(ff.downloads, file)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out.status, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toMatch(/2 record/);
    await page.close();
  });
});
