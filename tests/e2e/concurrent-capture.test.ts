/**
 * Two portal tabs capturing at once on the shipped build: both records land, one chain, nothing half-written.
 * How and why: tests/e2e/README.md (Resilience).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { type CaptureResult } from '../../src/evidence/captureState';
import { evidenceTabForward, grantCapture, noSlotsRead, removeDownloads } from './panelActions';
import { EIKAMET_NO_SLOTS, type Chrome, snapshot, openPortals } from './resilienceKit';

afterAll(() => removeDownloads());

describe('two portal tabs capturing at once', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('gives two whole records with consecutive seq numbers, and the chain verifies', async () => {
    // captureVisibleTab shows a window's visible tab: each portal gets a window of its own.
    const randevu = await openPortals(b);
    const eik = await b.openPortal(EIKAMET_NO_SLOTS.url, EIKAMET_NO_SLOTS.file);
    await noSlotsRead(b, eik);
    // The e-ikamet tab moves to a new window of its own (the same page: nothing loads again).
    await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await ext.tabs.query({ url: 'https://e-ikamet.goc.gov.tr/*' });
      await ext.windows.create({ tabId: tab!.id!, type: 'normal' });
    });
    const tabs = await waitFor(async () => {
      const all = await b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        const found = await ext.tabs.query({
          url: ['https://randevu.goc.gov.tr/*', 'https://e-ikamet.goc.gov.tr/*'],
        });
        return found.map((t) => ({ windowId: t.windowId, active: t.active }));
      });
      return new Set(all.map((t) => t.windowId)).size === 2 && all.every((t) => t.active) ? all : null;
    }, 'each portal tab the visible tab of its own window');
    expect(tabs).toHaveLength(2);

    // Each tab armed by its own toolbar click, as a user would (the grant is per tab).
    const r = await grantCapture(b, randevu);
    const e = await grantCapture(b, eik);
    expect(r).not.toBe(e);
    const panel = await b.openPanelWindow();
    await evidenceTabForward(panel);
    // Both requests leave the panel in the same turn of its event loop, as two quick presses would.
    const both = await panel.evaluate(
      ([rId, eId]) => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        const capture = (tabId: number) =>
          ext.runtime.sendMessage({ type: 'panel:capture', payload: { tabId } }) as Promise<CaptureResult>;
        return Promise.all([capture(rId), capture(eId)]);
      },
      [r, e] as const,
    );
    expect(
      both.map((x) => x.ok),
      JSON.stringify(both),
    ).toEqual([true, true]);
    const seqs = both.map((x) => (x as { seq: number }).seq).sort();
    expect(seqs).toEqual([1, 2]);

    const s = await snapshot(panel);
    expect(s.verify.problems).toEqual([]);
    expect(s.verify).toMatchObject({ ok: true, records: 2, chainHead: { seq: 2 } });
    const captures = s.entries.filter((x) => x.kind === 'capture');
    expect(captures.map((x) => x.seq)).toEqual([1, 2]);
    expect(captures.map((x) => new URL(x.kind === 'capture' ? x.url : '').host).sort()).toEqual([
      'e-ikamet.goc.gov.tr',
      'randevu.goc.gov.tr',
    ]);
    expect(captures[1]!.prevHash).toBe(captures[0]!.hash);
    expect(Object.keys(s.images)).toHaveLength(2);
  });
});

// --- 3. the worker stopped mid-operation --------------------------------------------------------------------------
