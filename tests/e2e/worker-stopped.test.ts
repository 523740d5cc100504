/**
 * The service worker stopped mid-operation on the shipped build: a whole record or none, storage as before or after.
 * How and why: tests/e2e/README.md (Resilience).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { verifyBundle } from '../../src/evidence/verify';
import {
  captureOk,
  grantCapture,
  makeBackup,
  removeDownloads,
  restoreBackup,
  showTab,
  startBackup,
  startRestore,
} from './panelActions';
import {
  RANDEVU,
  type Chrome,
  sentenceOf,
  panelSend,
  snapshotOf,
  snapshot,
  fileOf,
  same,
  fixture,
  FIRED_VERSION,
  stopWorker,
  openPortals,
  makeData,
} from './resilienceKit';

afterAll(() => removeDownloads());

describe('the service worker stopped mid-operation', () => {
  let b: ExtensionBrowser;
  let panel: Page;
  /** A DevTools session on a blank page that stays open: it stops the worker whatever else is open. */
  let cdp: CDPSession;
  let workerStatus = 'unknown';
  /** How many times the worker reached 'running' and 'stopped' (DevTools events; Playwright does not see them). */
  const seen = { running: 0, stopped: 0 };
  beforeAll(async () => {
    b = await launchWithExtension();
    const blank = await b.context.newPage();
    cdp = await b.context.newCDPSession(blank);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) {
        if (!v.scriptURL.startsWith(`chrome-extension://${b.extensionId}/`)) continue;
        if (
          v.runningStatus !== workerStatus &&
          (v.runningStatus === 'running' || v.runningStatus === 'stopped')
        )
          seen[v.runningStatus]++;
        workerStatus = v.runningStatus;
      }
    });
    await cdp.send('ServiceWorker.enable');
    panel = await b.openPanelWindow();
    await makeData(b, panel);
  });
  afterAll(async () => {
    await b?.close();
  });

  /** When to stop the worker: ms after the operation starts, or ms after the worker received its message. */
  type StopAt = { afterStart: number } | { afterMessage: number };
  const stopMoments: StopAt[] = [
    { afterStart: 0 },
    { afterStart: 20 },
    { afterMessage: 0 },
    { afterMessage: 1 },
    { afterMessage: 3 },
    { afterMessage: 8 },
  ];

  /**
   * A test-side listener in the worker (the product is not instrumented, as in hostile.test.ts) noting when the
   * message of `type` arrives. Polled with short evaluations: one left pending across a stop holds the stop up.
   */
  async function arm(type: string): Promise<void> {
    await (b.context.serviceWorkers()[0] ?? b.worker!).evaluate((t) => {
      const g = globalThis as unknown as { chrome: Chrome; __arrived?: boolean };
      g.__arrived = false;
      g.chrome.runtime.onMessage.addListener((m: unknown) => {
        if ((m as { type?: string } | null)?.type === t) g.__arrived = true;
        return undefined;
      });
    }, type);
  }

  async function stopAt(at: StopAt): Promise<void> {
    if ('afterStart' in at) await new Promise((r) => setTimeout(r, at.afterStart));
    else {
      const live = b.context.serviceWorkers()[0] ?? b.worker!;
      const end = Date.now() + 10_000;
      while (
        Date.now() < end &&
        !(await live.evaluate(() => (globalThis as { __arrived?: boolean }).__arrived))
      );
      if (at.afterMessage) await new Promise((r) => setTimeout(r, at.afterMessage));
    }
    const stops = seen.stopped;
    await stopWorker(cdp);
    // DevTools saw it stop: the stop did land (the worker was running the operation's part, or had just done it).
    await waitFor(() => seen.stopped > stops, 'the worker stopped');
  }

  it('during an evidence export: the data is as before, and exporting again works', async () => {
    // The export runs in the panel (src/evidence/export.ts reads the database there), so stopping the worker
    // must not disturb it; the panel page itself closed mid-export is the other case, below.
    const before = await snapshot(panel);
    for (const delay of [0, 10, 40]) {
      const download = panel.waitForEvent('download', { timeout: 30_000 });
      await showTab(panel, 'evidence');
      await panel.getByTestId('export-button').click();
      await panel.waitForTimeout(delay);
      await stopWorker(cdp);
      const dir = mkdtempSync(join(tmpdir(), 'export-'));
      const file = join(dir, 'bundle.zip');
      await (await download).saveAs(file);
      const v = await verifyBundle(new Map(Object.entries(unzipSync(readFileSync(file)))));
      rmSync(dir, { recursive: true, force: true });
      expect(v.problems).toEqual([]);
      expect(v).toMatchObject({ ok: true, records: 2 });
      expect(await snapshot(panel)).toEqual(before);
    }
    // The page doing the export closed half-way: nothing was written, so nothing can be half-written.
    const other = await b.openPanel();
    await other.getByRole('tab', { name: /Evidence/ }).click();
    await other.getByTestId('export-button').click();
    await other.close();
    await stopWorker(cdp);
    expect(await snapshot(panel)).toEqual(before);
  }, 120_000);

  it('during a backup: it fails or succeeds whole, the data is as before, and a retry works', async () => {
    const before = await snapshot(panel);
    // `at`: ms after the press, or after the worker received the message (then the stop lands while it answers).
    for (const at of stopMoments) {
      await arm('panel:backupCreate');
      const { result } = await startBackup(panel);
      let answered = false;
      void result.then(() => (answered = true));
      await stopAt(at);
      const late = answered;
      // Either outcome is allowed: a whole file, or the panel's sentence for the code 'failed' (the worker
      // vanished mid-answer).
      const out = await result;
      console.log(
        `backup, worker stopped ${JSON.stringify(at)}${late ? ' (after the panel had answered)' : ''}: ${out.text.slice(0, 100)}`,
      );
      if (out.ok) expect(await snapshotOf(out.bytes)).toEqual(before);
      else {
        // A backup that was not made says so, in its own sentence; making one changes nothing.
        expect(out.code).toBe('failed');
        expect(out.text).toBe(sentenceOf(out.why));
      }
      // Pressed again, undisturbed: a whole backup of the same data.
      const again = await makeBackup(panel);
      expect(again.ok, again.text).toBe(true);
      expect(await snapshotOf((again as { bytes: Buffer }).bytes)).toEqual(before);
    }
  }, 180_000);

  it('during a restore: storage and the log are each wholly old or wholly new; restoring again finishes it', async () => {
    const original = await fileOf(panel);
    const wanted = await snapshotOf(original.bytes);
    // Change things, so old and new differ in storage and in the log; keep that state as a file too.
    expect(await panelSend(panel, 'panel:addPerson', { name: 'Later' })).toMatchObject({ ok: true });
    expect(await panelSend(panel, 'panel:setSettings', { lockoutDays: 15 })).toEqual({ ok: true });
    const portal = await openPortals(b);
    await captureOk(panel, await grantCapture(b, portal));
    await portal.close();
    const changedFile = await fileOf(panel);
    const changed = await snapshotOf(changedFile.bytes);
    expect(changed.entries.length).toBe(wanted.entries.length + 1);
    const restored = /^Restored: stored items: \d+, evidence records: \d+\.$/;

    for (const at of stopMoments) {
      expect(await restoreBackup(panel, changedFile.file)).toMatchObject({ ok: true, text: restored });
      await arm('panel:backupRestore');
      const { result } = await startRestore(panel, original.file);
      let answered = false;
      void result.then(() => (answered = true));
      await stopAt(at);
      const delay = `${JSON.stringify(at)}${answered ? ' (after the panel had answered)' : ''}`;
      const out = await result;

      const now = await snapshot(panel);
      const which = (x: unknown, old: unknown, neu: unknown) =>
        same(x, old) ? 'old' : same(x, neu) ? 'new' : 'mixed';
      console.log(
        `restore, worker stopped ${delay}: ${out.text.slice(0, 60)}; log ${which(now.entries, changed.entries, wanted.entries)}, storage ${which(now.items, changed.items, wanted.items)}`,
      );
      expect(now.verify.problems).toEqual([]);
      // Each part exactly the old one or exactly the backup's, never a mix within it.
      expect(
        same(now.entries, changed.entries) || same(now.entries, wanted.entries),
        `the log, worker stopped ${delay}`,
      ).toBe(true);
      expect(same(now.images, changed.images) || same(now.images, wanted.images)).toBe(true);
      expect(
        same(now.items, changed.items) || same(now.items, wanted.items),
        `storage, worker stopped ${delay}`,
      ).toBe(true);
      if (out.ok) {
        expect(out.text).toMatch(restored);
        expect(now).toEqual(wanted);
      } else if (out.code === 'unfinished') {
        // It says the data may be part old, part new (each part whole: checked above), and to restore again.
        expect(out.text.startsWith(sentenceOf(out.why))).toBe(true);
      } else {
        // It says nothing was changed: then nothing was.
        expect(out.code).toBe('failed');
        expect(out.text).toBe(sentenceOf(out.why));
        expect(same(now.entries, changed.entries) && same(now.items, changed.items)).toBe(true);
      }
      // Again, undisturbed: the backup's state, whatever the stop left.
      expect(await restoreBackup(panel, original.file)).toMatchObject({ ok: true, text: restored });
      expect(await snapshot(panel)).toEqual(wanted);
    }
  }, 300_000);

  it('during its start-up storage migration: the next start ends at the current version, nothing lost', async () => {
    // What is tested: firedReminders stored as v1 (text ids with dots, before the rename of v2), then the worker
    // woken (a portal page's reading wakes it; at start-up @wxt-dev/storage runs the migration) and stopped again
    // after several delays. What this can show is the state after the next start (reading storage needs a running
    // worker, which migrates first): always exactly the v2 data marked v2, the other items untouched. Why it
    // holds: the migrated value and its version mark are written in ONE storage.local.set, so a stop lands before
    // it (v1 stays, migrated at the next start) or after it. No extension page is open meanwhile: each would run
    // the same migration on load.
    expect(FIRED_VERSION).toBeGreaterThanOrEqual(2);
    const v1 = fixture(1, 'firedReminders') as { title: { text: string } }[];
    const v2 = fixture(FIRED_VERSION, 'firedReminders') as { title: { text: string } }[];
    // No extension page open: the panel window closes, and so does the side panel the toolbar clicks docked.
    await panel.close();
    await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
      const side = ext.sidePanel as unknown as { close(o: { windowId: number }): Promise<void> };
      for (const w of await ext.windows.getAll())
        await side.close({ windowId: w.id! }).catch(() => undefined);
    });
    await waitFor(async () => {
      const pages = await b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        const all = await ext.runtime.getContexts({});
        return all.filter((c) => c.contextType !== 'BACKGROUND').map((c) => c.contextType);
      });
      return pages.length === 0;
    }, 'no extension page open');
    const UNRELATED = ['people', 'checklists', 'settings', 'stay', 'applications', 'reminderSettings'];
    // Playwright keeps one Worker object across stops and restarts: the worker's running status comes from
    // DevTools' ServiceWorker events instead.
    const running = () => waitFor(() => workerStatus === 'running', 'the worker running', 15_000);
    const stopAndSee = async () => {
      const stops = seen.stopped;
      await stopWorker(cdp);
      await waitFor(() => seen.stopped > stops, 'the worker stopped');
    };
    const read = async (keys: string[]) => {
      await running();
      return (b.context.serviceWorkers()[0] ?? b.worker)!.evaluate(
        (k) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get(k),
        keys,
      );
    };
    const rest = await read(UNRELATED);
    const waker = await b.openPortal(RANDEVU.url, RANDEVU.file);
    for (const delay of [0, 1, 3, 6, 10, 20, 40, 80]) {
      await running();
      await (b.context.serviceWorkers()[0] ?? b.worker)!.evaluate(
        (value) =>
          (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({
            firedReminders: value,
            firedReminders$: { v: 1 },
          }),
        v1,
      );
      await stopAndSee();
      // Wake it (the page's content script sends a reading) and stop it `delay` ms after its script has run,
      // while the migration's read and write are under way (or just before, or just after).
      const runs = seen.running;
      await b.reload(waker);
      await waitFor(() => seen.running > runs, 'the worker started', 15_000);
      await new Promise((r) => setTimeout(r, delay));
      await stopAndSee();
      await b.reload(waker); // start it again, undisturbed
      const stored = (await read(['firedReminders', 'firedReminders$'])) as {
        firedReminders: { title: { text: string } }[];
        firedReminders$: unknown;
      };
      // The v2 entries, whole (the worker may since have logged a reminder that fell due), none left at v1.
      expect(stored.firedReminders$, `stopped ${delay} ms after start`).toEqual({ v: FIRED_VERSION });
      expect(stored.firedReminders).toEqual(expect.arrayContaining(v2));
      expect(stored.firedReminders.filter((r) => /[.-]/.test(r.title.text))).toEqual([]);
      expect(await read(UNRELATED)).toEqual(rest);
    }
    await waker.close();
    panel = await b.openPanelWindow();
  }, 180_000);
});

// --- 4. storage full --------------------------------------------------------------------------------------------
