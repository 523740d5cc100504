import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureEvidence } from '../../../src/background/capture';
import {
  CAPTURE_MENU_ID,
  maybeAutoCapture,
  onCaptureCommand,
  onCaptureMenu,
} from '../../../src/background/captureTriggers';
import { captureState, endGrantIfLeft, recordGrant } from '../../../src/background/grants';
import { registerToolbar } from '../../../src/background/panel';
import { registerTabs } from '../../../src/background/tabs';
import { CAPTURE_ERROR_TEXT } from '../../../src/evidence/captureState';
import type { EvidenceStore } from '../../../src/evidence/store';
import {
  captureGrantsItem,
  evidenceSettingsItem,
  lastCaptureItem,
  peopleItem,
  tabReadingsItem,
  type TabReading,
} from '../../../src/storage';
import { reading } from '../helpers';
import { makeStore } from './helpers';

/** A real 1×1 PNG, as captureVisibleTab returns it. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const NOW = new Date('2026-11-22T11:05:00.000Z');
const now = () => NOW;

const PORTAL: Browser.tabs.Tab = {
  id: 41,
  windowId: 7,
  index: 0,
  active: true,
  url: 'https://randevu.goc.gov.tr/randevu?kayit=123#/randevu-al',
  title: 'Randevu Sistemi',
  highlighted: true,
  pinned: false,
  incognito: false,
} as Browser.tabs.Tab;
const OTHER = {
  ...PORTAL,
  id: 42,
  windowId: 9,
  url: 'https://example.com/',
  title: 'Example',
} as Browser.tabs.Tab;

let store: EvidenceStore;
let capture: ReturnType<typeof vi.fn>;
let tabs: Map<number, Browser.tabs.Tab>;

beforeEach(() => {
  fakeBrowser.reset();
  store = makeStore();
  tabs = new Map([
    [PORTAL.id!, { ...PORTAL }],
    [OTHER.id!, { ...OTHER }],
  ]);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
    const t = tabs.get(id);
    if (!t) throw new Error(`No tab with id: ${id}.`);
    return t;
  });
  capture = vi.fn(async () => PNG);
  // fake-browser has no captureVisibleTab: define it on the fake.
  (fakeBrowser.tabs as unknown as { captureVisibleTab: unknown }).captureVisibleTab = capture;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
});

const deps = () => ({ store, now, sleep: async () => undefined });

describe('captureEvidence', () => {
  it("captures the portal tab's own window and stores the record with the tab's reading", async () => {
    const r: TabReading = {
      tabId: 41,
      at: '2026-11-22T11:04:58.000Z',
      reading: reading({
        portal: 'randevu',
        page: 'randevu-booking',
        url: 'https://randevu.goc.gov.tr/randevu#/randevu-al',
        noSlots: true,
        noSlotsText: 'Uygun randevu bulunamadı',
        step: 'date-selection',
        selection: { province: 'İstanbul', office: 'Fatih', type: 'İkamet' },
      }),
    };
    await tabReadingsItem.setValue({ '41': r });
    await peopleItem.setValue({
      people: [{ id: 'p-a', name: 'Ayşe', createdAt: NOW.toISOString() }],
      activeId: 'p-a',
    });
    const out = await captureEvidence({ tabId: 41, trigger: 'panel', note: ' first try ' }, deps());
    expect(out).toMatchObject({ ok: true, seq: 1 });
    expect(capture).toHaveBeenCalledExactlyOnceWith(7, { format: 'png' });
    const [rec] = await store.allEntries();
    expect(rec).toMatchObject({
      kind: 'capture',
      trigger: 'panel',
      url: 'https://randevu.goc.gov.tr/randevu#/randevu-al',
      title: 'Randevu Sistemi',
      personId: 'p-a',
      personName: 'Ayşe',
      extensionVersion: '0.1.0',
      note: 'first try',
      capturedAtUtc: NOW.toISOString(),
      capturedAtIstanbul: '2026-11-22 14:05:00',
      imageType: 'image/png',
      imageWidth: 1,
      imageHeight: 1,
      reading: {
        noSlots: true,
        noSlotsText: 'Uygun randevu bulunamadı',
        step: 'date-selection',
        page: 'randevu-booking',
        selection: { province: 'İstanbul', office: 'Fatih', type: 'İkamet' },
        readAtUtc: '2026-11-22T11:04:58.000Z',
      },
    });
    expect(JSON.stringify(rec)).not.toContain('kayit=123');
    expect(await lastCaptureItem.getValue()).toMatchObject({ ok: true, recordId: out.ok && out.recordId });
  });

  it('refuses a tab that is not a portal, without capturing', async () => {
    const out = await captureEvidence({ tabId: 42, trigger: 'panel' }, deps());
    expect(out).toEqual({
      ok: false,
      code: 'not-portal',
      error: CAPTURE_ERROR_TEXT['not-portal'],
      said: { key: 'ui_evidence_error_not_portal' },
    });
    expect(capture).not.toHaveBeenCalled();
    expect(await store.allEntries()).toEqual([]);
  });

  it('refuses a portal tab that is not the visible tab of its window', async () => {
    tabs.set(41, { ...PORTAL, active: false });
    expect(await captureEvidence({ tabId: 41, trigger: 'panel' }, deps())).toMatchObject({
      code: 'not-visible',
    });
    expect(capture).not.toHaveBeenCalled();
  });

  it('without an activeTab grant says in one sentence what to press, and forgets the stale grant', async () => {
    await recordGrant(PORTAL, 'action', now);
    capture.mockRejectedValue(new Error("Either the '<all_urls>' or 'activeTab' permission is required."));
    const out = await captureEvidence({ tabId: 41, trigger: 'panel' }, deps());
    expect(out).toEqual({
      ok: false,
      code: 'no-grant',
      error: 'Click the Ikamet Companion toolbar icon while the portal tab is open, then capture again.',
      said: { key: 'ui_evidence_error_no_grant' },
    });
    expect(await captureGrantsItem.getValue()).toEqual({});
    expect(await lastCaptureItem.getValue()).toMatchObject({
      ok: false,
      code: 'no-grant',
      message: out.ok ? '' : out.error,
      said: { key: 'ui_evidence_error_no_grant' },
    });
    expect(await store.allEntries()).toEqual([]);
  });

  it('keeps a grant that ended by navigation when a capture is refused, so the panel still says why', async () => {
    await captureGrantsItem.setValue({
      '41': {
        tabId: 41,
        origin: 'https://randevu.goc.gov.tr',
        at: NOW.toISOString(),
        via: 'action',
        endedAt: NOW.toISOString(),
      },
    });
    capture.mockRejectedValue(new Error("Either the '<all_urls>' or 'activeTab' permission is required."));
    expect(await captureEvidence({ tabId: 41, trigger: 'panel' }, deps())).toMatchObject({
      code: 'no-grant',
    });
    expect(await captureState(41)).toMatchObject({ armed: false, ended: true });
    expect(await store.allEntries()).toEqual([]);
  });

  it('retries once when the browser rate-limits captures', async () => {
    capture
      .mockRejectedValueOnce(
        new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.'),
      )
      .mockResolvedValueOnce(PNG);
    expect(await captureEvidence({ tabId: 41, trigger: 'panel' }, deps())).toMatchObject({ ok: true });
    expect(capture).toHaveBeenCalledTimes(2);
    capture.mockRejectedValue(
      new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.'),
    );
    expect(await captureEvidence({ tabId: 41, trigger: 'panel' }, deps())).toMatchObject({
      code: 'rate-limit',
    });
  });

  it('saves nothing when the tab navigated during the capture', async () => {
    capture.mockImplementation(async () => {
      tabs.set(41, { ...PORTAL, url: 'https://randevu.goc.gov.tr/#/randevularim' });
      return PNG;
    });
    expect(await captureEvidence({ tabId: 41, trigger: 'panel' }, deps())).toMatchObject({ code: 'changed' });
    expect(await store.allEntries()).toEqual([]);
  });

  it('explains a full disk and keeps what was stored', async () => {
    await captureEvidence({ tabId: 41, trigger: 'panel' }, deps());
    const { EvidenceStoreError } = await import('../../../src/evidence/store');
    vi.spyOn(store, 'appendCapture').mockRejectedValue(new EvidenceStoreError('quota'));
    const out = await captureEvidence({ tabId: 41, trigger: 'panel' }, deps());
    expect(out).toEqual({
      ok: false,
      code: 'quota',
      error: CAPTURE_ERROR_TEXT.quota,
      said: { key: 'ui_evidence_error_quota' },
    });
    expect(await store.allEntries()).toHaveLength(1);
  });

  it("says the store's own sentence when the log itself refused (another window holds it), not a general one", async () => {
    const { EvidenceStoreError } = await import('../../../src/evidence/store');
    vi.spyOn(store, 'appendCapture').mockRejectedValue(new EvidenceStoreError('blocked'));
    const out = await captureEvidence({ tabId: 41, trigger: 'panel' }, deps());
    expect(out).toMatchObject({ ok: false, code: 'failed', said: { key: 'ui_evidence_error_blocked' } });
    expect(await lastCaptureItem.getValue()).toMatchObject({ said: { key: 'ui_evidence_error_blocked' } });
  });

  it('reports a closed tab', async () => {
    expect(await captureEvidence({ tabId: 99, trigger: 'panel' }, deps())).toMatchObject({ code: 'no-tab' });
  });
});

describe('command and context menu', () => {
  it('the command captures the portal tab and notes the grant it gave', async () => {
    const out = await onCaptureCommand('capture-evidence', PORTAL, deps());
    expect(out).toMatchObject({ ok: true });
    expect(capture).toHaveBeenCalledWith(7, { format: 'png' });
    expect((await store.allEntries())[0]).toMatchObject({ trigger: 'command' });
    expect(await captureState(41)).toMatchObject({ armed: true, via: 'command' });
  });

  it('the command on another page says so in the panel, capturing nothing', async () => {
    expect(await onCaptureCommand('capture-evidence', OTHER, deps())).toBeNull();
    expect(capture).not.toHaveBeenCalled();
    expect(await lastCaptureItem.getValue()).toMatchObject({
      ok: false,
      code: 'not-portal',
      trigger: 'command',
    });
  });

  it('the context-menu item captures the tab it was used on', async () => {
    expect(await onCaptureMenu({ menuItemId: CAPTURE_MENU_ID }, PORTAL, deps())).toMatchObject({ ok: true });
    expect((await store.allEntries())[0]).toMatchObject({ trigger: 'context-menu' });
    expect(await onCaptureMenu({ menuItemId: 'other' }, PORTAL, deps())).toBeNull();
  });
});

describe('armed state', () => {
  beforeEach(() => {
    for (const ev of [fakeBrowser.commands.onCommand, fakeBrowser.contextMenus.onClicked])
      vi.spyOn(ev, 'addListener').mockImplementation(() => undefined);
  });

  it('is armed after a toolbar click on a portal tab, not on other tabs', async () => {
    expect(await captureState(41)).toMatchObject({ armed: false });
    await recordGrant(PORTAL, 'action', now);
    await recordGrant(OTHER, 'action', now);
    expect(await captureState(41)).toEqual({ armed: true, via: 'action', since: NOW.toISOString() });
    expect(await captureState(42)).toMatchObject({ armed: false });
  });

  it('drops the grant when the tab leaves the portal origin or closes, keeps it within the origin', async () => {
    registerTabs();
    await recordGrant(PORTAL, 'action', now);
    await fakeBrowser.tabs.onUpdated.trigger(
      41,
      { url: 'https://randevu.goc.gov.tr/#/randevularim' },
      PORTAL,
    );
    await vi.waitFor(async () => expect(await captureState(41)).toMatchObject({ armed: true }));
    // Another site: the grant ends, and the panel is told it ended (a new click is needed), not "never armed".
    await fakeBrowser.tabs.onUpdated.trigger(41, { url: 'https://example.com/' }, PORTAL);
    await vi.waitFor(async () => expect(await captureState(41)).toMatchObject({ armed: false, ended: true }));
    // Coming back does not restore it (Chrome's rule); a new click does.
    await fakeBrowser.tabs.onUpdated.trigger(41, { url: PORTAL.url }, PORTAL);
    expect(await captureState(41)).toMatchObject({ armed: false, ended: true });
    await recordGrant(PORTAL, 'action', now);
    expect(await captureState(41)).toMatchObject({ armed: true });
    // a page the extension has no host access to: the browser hides its URL
    await fakeBrowser.tabs.onUpdated.trigger(41, { status: 'loading' }, { ...PORTAL, url: undefined });
    await vi.waitFor(async () => expect(await captureState(41)).toMatchObject({ armed: false, ended: true }));
    await recordGrant(PORTAL, 'action', now);
    await fakeBrowser.tabs.onRemoved.trigger(41, { windowId: 7, isWindowClosing: false });
    await vi.waitFor(async () =>
      expect(await captureState(41)).toEqual({ armed: false, via: null, since: null }),
    );
  });
});

describe('Firefox: the grant lives as long as the page', () => {
  it('a same-origin page load ends it there (not in Chrome); a same-document route change keeps it', async () => {
    const loading = { status: 'loading', url: PORTAL.url };
    await recordGrant(PORTAL, 'action', now);
    await endGrantIfLeft(41, loading, PORTAL, now, false);
    expect(await captureState(41)).toMatchObject({ armed: true });
    await endGrantIfLeft(41, { url: 'https://randevu.goc.gov.tr/#/randevularim' }, PORTAL, now, true);
    expect(await captureState(41)).toMatchObject({ armed: true });
    await endGrantIfLeft(41, loading, PORTAL, now, true);
    expect(await captureState(41)).toMatchObject({ armed: false, ended: true });
  });

  it('the toolbar click captures the portal tab at once in Firefox, and only opens the panel elsewhere', async () => {
    vi.stubEnv('FIREFOX', true as never);
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidebarAction: unknown }).sidebarAction = { open };
    const listeners: ((tab: Browser.tabs.Tab, info?: never) => void)[] = [];
    vi.spyOn(fakeBrowser.action.onClicked, 'addListener').mockImplementation((l) => void listeners.push(l));
    try {
      registerToolbar();
      listeners[0]!(OTHER);
      expect(open).toHaveBeenCalledTimes(1);
      listeners[0]!(PORTAL);
      expect(open).toHaveBeenCalledTimes(2);
      await vi.waitFor(() => expect(capture).toHaveBeenCalledWith(7, { format: 'png' }));
      await vi.waitFor(async () =>
        expect(await lastCaptureItem.getValue()).toMatchObject({ ok: true, trigger: 'toolbar' }),
      );
      expect(capture).toHaveBeenCalledTimes(1);
      // Positive control: the same click in Chrome grants, and captures nothing by itself.
      vi.stubEnv('FIREFOX', false as never);
      (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open: vi.fn(async () => undefined) };
      listeners[0]!(PORTAL);
      await vi.waitFor(async () =>
        expect(await captureState(41)).toMatchObject({ armed: true, via: 'action' }),
      );
      expect(capture).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('auto-capture', () => {
  const noSlots = (seenAt: string): TabReading => ({
    tabId: 41,
    at: seenAt,
    reading: reading({
      portal: 'randevu',
      page: 'randevu-booking',
      url: 'https://randevu.goc.gov.tr/randevu#/randevu-al',
      noSlots: true,
      noSlotsText: 'Uygun randevu bulunamadı',
      noSlotsSeenAt: seenAt,
    }),
  });

  beforeEach(() => {
    vi.spyOn(fakeBrowser.windows, 'get').mockResolvedValue({ id: 7, focused: true } as never);
  });

  it('is off by default', async () => {
    await recordGrant(PORTAL, 'action', now);
    expect(await maybeAutoCapture(41, noSlots(NOW.toISOString()), undefined, deps())).toBeNull();
    expect(capture).not.toHaveBeenCalled();
  });

  it('when on: captures once per N minutes per page, only with a grant and a focused window', async () => {
    await evidenceSettingsItem.setValue({ autoCapture: true, autoCaptureMinutes: 10, noticeSeen: true });
    expect(await maybeAutoCapture(41, noSlots('2026-11-22T11:00:00.000Z'), undefined, deps())).toBeNull(); // no grant
    await recordGrant(PORTAL, 'action', now);
    expect(await maybeAutoCapture(41, noSlots('2026-11-22T11:00:00.000Z'), undefined, deps())).toMatchObject({
      ok: true,
    });
    expect((await store.allEntries())[0]).toMatchObject({ trigger: 'auto' });
    // the message shows again 2 minutes later: too soon
    expect(
      await maybeAutoCapture(
        41,
        noSlots('2026-11-22T11:02:00.000Z'),
        noSlots('2026-11-22T11:00:00.000Z'),
        deps(),
      ),
    ).toBeNull();
    // later, but the window is not focused
    const later = { ...deps(), now: () => new Date('2026-11-22T11:30:00.000Z') };
    vi.spyOn(fakeBrowser.windows, 'get').mockResolvedValue({ id: 7, focused: false } as never);
    expect(await maybeAutoCapture(41, noSlots('2026-11-22T11:29:00.000Z'), undefined, later)).toBeNull();
    vi.spyOn(fakeBrowser.windows, 'get').mockResolvedValue({ id: 7, focused: true } as never);
    expect(await maybeAutoCapture(41, noSlots('2026-11-22T11:29:00.000Z'), undefined, later)).toMatchObject({
      ok: true,
    });
    expect(await store.allEntries()).toHaveLength(2);
  });
});
