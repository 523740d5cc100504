/**
 * Storage full (a real quota) on the shipped build: the clear sentence, nothing written, earlier records kept.
 * How and why: tests/e2e/README.md (Resilience).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { CAPTURE_ERROR_TEXT } from '../../src/evidence/captureState';
import {
  captureOk,
  evidenceTabForward,
  grantCapture,
  panelCapture,
  removeDownloads,
  showTab,
} from './panelActions';
import { snapshot, openPortals, fillStorage, blobCounts } from './resilienceKit';

afterAll(() => removeDownloads());

describe('storage full (real quota)', () => {
  // How the disk is made "full" for real, with nothing mocked:
  // - The shipped build holds `unlimitedStorage`, under which Chromium refuses no write for quota (tried: DevTools'
  //   Storage.overrideQuotaForOrigin on that build lowers the reported quota, yet 50 MB more went into IndexedDB).
  //   So this runs a copy of the shipped build WITHOUT that one permission (its manifest edited; nothing else).
  // - Its origin's quota is set small through DevTools (Storage.overrideQuotaForOrigin) BEFORE the extension first
  //   opens IndexedDB (tried: set later, Chromium keeps the space it saw when the database was first used, and
  //   writes went past the new quota), then another database of the same origin is filled until Chromium itself
  //   answers QuotaExceededError. The next screenshot no longer fits.
  let b: ExtensionBrowser;
  let dir: string;
  let cdp: CDPSession;
  const origin = () => `chrome-extension://${b.extensionId}`;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ikamet-quota-'));
    const build = join(dir, 'chrome-mv3-limited');
    cpSync(CHROME_BUILD, build, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
    manifest.permissions = manifest.permissions.filter((p: string) => p !== 'unlimitedStorage');
    writeFileSync(join(build, 'manifest.json'), JSON.stringify(manifest));
    b = await launchWithExtension({ build });
    cdp = await b.context.newCDPSession(await b.context.newPage());
    const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: origin() });
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: origin(),
      quotaSize: usage + 3 * 1024 * 1024,
    });
  });
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a capture reports "quota" with the clear sentence, writes nothing, and keeps the earlier records', async () => {
    const portal = await openPortals(b);
    const tabId = await grantCapture(b, portal);
    const panel = await b.openPanelWindow();
    await evidenceTabForward(panel);
    await captureOk(panel, tabId);
    await captureOk(panel, tabId);
    const rows = panel.getByTestId('evidence-list').locator('[data-seq]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const before = await snapshot(panel);
    const blobsBefore = await blobCounts(panel);

    expect(await fillStorage(panel)).toBeGreaterThan(0);
    const { usage, quota } = await cdp.send('Storage.getUsageAndQuota', { origin: origin() });
    expect(quota - usage).toBeLessThan(4096);

    // From the panel's button: the panel says the one clear sentence.
    await showTab(panel, 'evidence');
    await panel.getByTestId('capture-button').click();
    await expect
      .poll(() => panel.getByTestId('capture-status').textContent(), { timeout: 30_000 })
      .toContain(CAPTURE_ERROR_TEXT.quota);
    // The result itself carries the code.
    const direct = await waitFor(async () => {
      const r = await panelCapture(panel, tabId);
      return r.ok || r.code !== 'rate-limit' ? r : null;
    }, 'a refused capture');
    expect(direct).toEqual({
      ok: false,
      code: 'quota',
      error: CAPTURE_ERROR_TEXT.quota,
      said: { key: 'ui_evidence_error_quota' },
    });
    // No part of a record: no entry, no screenshot, no thumbnail; the earlier records as they were.
    expect(await blobCounts(panel)).toEqual(blobsBefore);
    await showTab(panel, 'evidence');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    expect(await snapshot(panel)).toEqual(before);

    // Space again (the filler goes): the next capture continues the same chain, and it all verifies.
    await panel.evaluate(
      () =>
        new Promise<void>((ok, no) => {
          const r = indexedDB.deleteDatabase('filler');
          r.onsuccess = () => ok();
          r.onerror = () => no(r.error);
        }),
    );
    const next = await captureOk(panel, tabId);
    expect(next.seq).toBe(3);
    const after = await snapshot(panel);
    expect(after.entries.slice(0, 2)).toEqual(before.entries);
    expect(after.verify).toMatchObject({ ok: true, records: 3 });
    await portal.close();
  }, 120_000);
});

/** Fill the origin's quota with another database, halving the write until even 1 KB is refused; writes made. */
