// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ListItem } from '../../../src/evidence/store';
import { captureGrantsItem, DEFAULT_PERSON } from '../../../src/storage';
import { EvidenceCard } from '../../../src/ui/evidence/EvidenceCard';
import { EvidenceList } from '../../../src/ui/evidence/EvidenceList';
import { EvidenceStoreError } from '../../../src/evidence/store';
import { EN_MESSAGES, type MessageKey } from '../../../src/i18n/catalogue';
import { EN_FORMAT, makeFormat } from '../../../src/i18n/format';
import { captureErrorText, importErrorText, summarySentence } from '../../../src/ui/evidence/evidenceText';
import { FormatContext } from '../../../src/ui/shared/FormatContext';
import { saidText } from '../../../src/ui/shared/refusal';
import { renderMessage } from '../../../src/i18n/render';
import type { ImportFailure } from '../../../src/evidence/import';
import { reading } from '../helpers';
import { registerRouter } from '../../../src/background/router';
import { fields, fill, makeStore } from './helpers';

let root: HTMLElement;
let sent: { type: string; payload: unknown }[];

/** A randevu tab, shown in its window: what the real background's capture looks up. */
const PORTAL_TAB = { id: 41, windowId: 1, active: true, url: 'https://randevu.goc.gov.tr/' };

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  // The REAL background router, guard and handlers answer the panel (the panel's page is the sender).
  registerRouter(() => new Date('2026-11-22T11:05:00.000Z'));
  const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) => {
    sent.push(m as { type: string; payload: unknown });
    return (await fakeBrowser.runtime.onMessage.trigger(m, panel)).find((x) => x !== undefined);
  }) as never);
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(PORTAL_TAB as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

const flush = () => act(() => new Promise((r) => setTimeout(r, 20)));
const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function items(n: number): ListItem[] {
  const base = fields();
  return Array.from({ length: n }, (_, i) => {
    const seq = n - i;
    return {
      record: {
        ...base,
        format: 1,
        kind: 'capture',
        id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        seq,
        capturedAtIstanbul: '2026-11-03 09:00:00',
        imageSha256: 'a'.repeat(64),
        imageType: 'image/jpeg',
        imageBytes: 1,
        imageWidth: 1,
        imageHeight: 1,
        prevHash: '0'.repeat(64),
        hash: 'b'.repeat(64),
      },
      note: '',
      noteEdited: false,
    } satisfies ListItem;
  });
}

describe('summary sentence', () => {
  const s = {
    attempts: 14,
    noSlotsAttempts: 14,
    firstUtc: '',
    lastUtc: '',
    firstDay: '2026-11-03',
    lastDay: '2026-11-21',
    removed: 0,
  };
  it('words the numbers as the issue asks', () => {
    const f = EN_FORMAT;
    expect(summarySentence(f, s, 2026)).toBe('Attempts: 14, between 3 Nov and 21 Nov, no slots each time');
    expect(summarySentence(f, { ...s, noSlotsAttempts: 12 }, 2026)).toBe(
      'Attempts: 14, between 3 Nov and 21 Nov, no slots in 12 of them',
    );
    expect(summarySentence(f, { ...s, noSlotsAttempts: 0 }, 2026)).toBe(
      'Attempts: 14, between 3 Nov and 21 Nov',
    );
    expect(summarySentence(f, { ...s, attempts: 1, noSlotsAttempts: 1, lastDay: '2026-11-03' }, 2027)).toBe(
      'Attempts: 1, on 3 Nov 2026, no slots',
    );
    expect(summarySentence(f, { ...s, attempts: 3, noSlotsAttempts: 3, lastDay: '2026-11-03' }, 2026)).toBe(
      'Attempts: 3, on 3 Nov, no slots each time',
    );
    expect(summarySentence(f, { ...s, removed: 1 }, 2026)).toBe(
      'Attempts: 14, between 3 Nov and 21 Nov, no slots each time (1 deleted, kept in the chain)',
    );
    expect(summarySentence(f, { ...s, attempts: 0, firstDay: null, lastDay: null }, 2026)).toBe(
      'No evidence captured yet.',
    );
    expect(summarySentence(f, { ...s, attempts: 0, firstDay: null, lastDay: null, removed: 2 }, 2026)).toBe(
      'No evidence records (2 deleted, kept in the chain).',
    );
  });
});

describe('EvidenceList', () => {
  it('renders 10,000 records with only the visible rows in the DOM (its speed: npm run bench)', async () => {
    const many = items(10_000);
    await act(() => {
      render(<EvidenceList items={many} loadThumb={async () => null} onOpen={() => undefined} />, root);
    });
    const rows = () => [...root.querySelectorAll<HTMLElement>('.evidence-row')];
    expect(rows().length).toBeLessThan(20);
    expect(rows()[0]!.dataset.seq).toBe('10000');
    const list = byTestId('evidence-list')!;
    list.scrollTop = 72 * 5000;
    await act(() => {
      list.dispatchEvent(new Event('scroll'));
    });
    expect(rows().length).toBeLessThan(20);
    expect(rows().map((r) => Number(r.dataset.seq))).toContain(5000);
  });

  it('asks for the next page near the end, and opens a record', async () => {
    const onNearEnd = vi.fn();
    const onOpen = vi.fn();
    await act(() => {
      render(
        <EvidenceList items={items(3)} loadThumb={async () => null} onOpen={onOpen} onNearEnd={onNearEnd} />,
        root,
      );
    });
    expect(onNearEnd).toHaveBeenCalled();
    await act(() => root.querySelector<HTMLButtonElement>('.evidence-open')!.click());
    expect(onOpen.mock.calls[0]![0].record.seq).toBe(3);
  });
});

describe('EvidenceCard', () => {
  it('shows the buttons, the summary, the one-time notice and that capture is not armed', async () => {
    const store = makeStore();
    await fill(store, 3, 3);
    await act(() => {
      render(
        <EvidenceCard
          portalTabId={41}
          reading={reading({ noSlots: true })}
          people={[DEFAULT_PERSON]}
          store={store}
        />,
        root,
      );
    });
    await flush();
    expect(byTestId('capture-button')!.textContent).toBe('Capture evidence');
    expect(byTestId('capture-button')!.className).toContain('primary');
    expect(byTestId('export-button')!.textContent).toBe('Export bundle');
    expect(byTestId('evidence-summary')!.textContent).toBe(
      'Attempts: 3, between 3 Nov and 5 Nov, no slots each time',
    );
    expect(byTestId('capture-status')!.textContent).toMatch(
      /^Not armed yet: click the Ikamet Companion toolbar icon/,
    );
    expect(root.textContent).toContain(
      'A screenshot holds whatever the portal page shows, including names and numbers.',
    );
    expect(root.querySelectorAll('.evidence-row')).toHaveLength(3);
  });

  it('draws the first rows without waiting for the summary, which reads every row (and says it is counting)', async () => {
    const real = makeStore();
    await fill(real, 3, 3);
    let finish: (() => void) | undefined;
    // The summary is held back until told: the rows must be drawn meanwhile.
    const store = {
      ...real,
      summary: (filter?: Parameters<typeof real.summary>[0]) =>
        new Promise<Awaited<ReturnType<typeof real.summary>>>((resolve) => {
          finish = () => void real.summary(filter).then(resolve);
        }),
    };
    await act(() => {
      render(<EvidenceCard portalTabId={41} reading={null} people={[DEFAULT_PERSON]} store={store} />, root);
    });
    await flush();
    expect(root.querySelectorAll('.evidence-row')).toHaveLength(3);
    expect(byTestId('evidence-summary')!.textContent).toBe('Reading the log…');
    await act(() => finish!());
    await flush();
    expect(byTestId('evidence-summary')!.textContent).toBe(
      'Attempts: 3, between 3 Nov and 5 Nov, no slots each time',
    );
  });

  it('says it is armed after a grant, and shows the one sentence when a click has no grant', async () => {
    await captureGrantsItem.setValue({
      '41': {
        tabId: 41,
        origin: 'https://randevu.goc.gov.tr',
        at: '2026-11-22T11:00:00.000Z',
        via: 'action',
      },
    });
    // What Chrome says when the grant is gone: the real capture turns it into its sentence.
    vi.spyOn(fakeBrowser.tabs, 'captureVisibleTab').mockRejectedValue(
      new Error("Either the '<all_urls>' or 'activeTab' permission is required."),
    );
    await act(() => {
      render(
        <EvidenceCard portalTabId={41} reading={null} people={[DEFAULT_PERSON]} store={makeStore()} />,
        root,
      );
    });
    await flush();
    expect(byTestId('capture-status')!.textContent).toBe('Capture is ready for this portal tab.');
    await act(() => byTestId('capture-button')!.click());
    await flush();
    expect(sent).toContainEqual({ type: 'panel:capture', payload: { tabId: 41 } });
    expect(byTestId('capture-status')!.textContent).toBe(
      'Click the Ikamet Companion toolbar icon while the portal tab is open, then capture again.',
    );
  });

  it('disables capture away from the portals', async () => {
    await act(() => {
      render(
        <EvidenceCard portalTabId={null} reading={null} people={[DEFAULT_PERSON]} store={makeStore()} />,
        root,
      );
    });
    await flush();
    expect((byTestId('capture-button') as HTMLButtonElement).disabled).toBe(true);
    // The log is read from IndexedDB: poll for it rather than guess how long that takes.
    await vi.waitFor(() =>
      expect(byTestId('evidence-summary')!.textContent).toBe('No evidence captured yet.'),
    );
  });

  it('exports through a blob link with a download name', async () => {
    // happy-dom's Blob does not survive fake-indexeddb's structuredClone; browsers' Blobs do. Use Node's here.
    vi.stubGlobal('Blob', NodeBlob);
    const store = makeStore();
    await fill(store, 2);
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    URL.createObjectURL = vi.fn(() => 'blob:bundle');
    URL.revokeObjectURL = vi.fn();
    await act(() => {
      render(
        <EvidenceCard portalTabId={null} reading={null} people={[DEFAULT_PERSON]} store={store} />,
        root,
      );
    });
    await flush();
    await act(() => byTestId('export-button')!.click());
    await vi.waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]!.download).toMatch(/^ikamet-evidence-\d{4}-\d{2}-\d{2}-\d{6}\.zip$/);
    expect(clicks[0]!.href).toBe('blob:bundle');
    await flush();
    expect(root.textContent).toMatch(
      /Send this chain-head hash to your lawyer or e-mail it to yourself: [0-9a-f]{64}/,
    );
  });
});

/** A "translation" that marks every sentence, so a test sees which key the panel used and that it used one. */
const MARKED = makeFormat(
  'tr',
  Object.fromEntries(Object.entries(EN_MESSAGES).map(([k, v]) => [k, `[${k}] ${v}`])) as Record<
    MessageKey,
    string
  >,
);

describe('evidence errors in the panel language', () => {
  it('says a capture failure by the sentence it carries, else by its code', () => {
    expect(captureErrorText(MARKED, 'no-grant', { key: 'ui_evidence_error_no_grant' })).toMatch(
      /^\[ui_evidence_error_no_grant\] Click the Ikamet Companion toolbar icon/,
    );
    // A store error the capture carried is said as itself, not as "the capture failed".
    expect(captureErrorText(MARKED, 'failed', new EvidenceStoreError('blocked').said)).toBe(
      '[ui_evidence_error_blocked] Close other Ikamet Companion windows and retry.',
    );
    // An outcome kept before `said` existed: its code's sentence.
    expect(captureErrorText(MARKED, 'not-visible', undefined)).toMatch(/^\[ui_evidence_error_not_visible\]/);
    expect(captureErrorText(MARKED, 'unheard-of', null)).toMatch(/^\[ui_evidence_error_capture_failed\]/);
  });

  it('a store error says itself: its key and parameters, with the English sentence only for logs', () => {
    const foreign = new EvidenceStoreError('foreign-bundle', { seq: '1234' });
    expect(foreign.code).toBe('conflict');
    expect(foreign.said).toEqual({ key: 'ui_evidence_error_foreign_bundle', params: { seq: '1234' } });
    expect(foreign.message).toBe(renderMessage(EN_MESSAGES, foreign.said.key, foreign.said.params));
    expect(saidText(MARKED, foreign.said)).toMatch(
      /^\[ui_evidence_error_foreign_bundle\] This bundle holds a different record #1234 /,
    );
    // Parameters go in as they are: a record number is not reformatted.
    expect(saidText(MARKED, new EvidenceStoreError('restore-clash', { seq: '12345' }).said)).toMatch(
      /^\[ui_evidence_error_restore_clash\] Record #12345 of the backup/,
    );
  });

  it('says import refusals and export problems by their sentences', () => {
    const notZip: ImportFailure = {
      ok: false,
      code: 'not-zip',
      reason: 'x',
      said: { key: 'ui_evidence_import_not_zip' },
      verify: null,
    };
    expect(importErrorText(MARKED, notZip)).toMatch(/^\[ui_evidence_import_not_zip\]/);
    const e = new EvidenceStoreError('image-missing', { seq: '7' });
    expect(
      importErrorText(MARKED, { ok: false, code: 'store', reason: e.message, said: e.said, verify: null }),
    ).toBe(
      '[ui_evidence_error_import_image_missing] The image of record #7 is missing. Nothing was imported.',
    );
    // The first verify problem is said inside the import's sentence, both in the panel's language.
    expect(
      importErrorText(MARKED, {
        ok: false,
        code: 'not-verified',
        reason: 'x',
        said: { key: 'ui_evidence_import_not_verified' },
        inner: { key: 'ui_evidence_error_import_image_missing', params: { seq: '3' } },
        verify: null,
      }),
    ).toBe(
      '[ui_evidence_import_not_verified] This bundle failed verification, so nothing was imported: [ui_evidence_error_import_image_missing] The image of record #3 is missing. Nothing was imported.',
    );
    expect(saidText(MARKED, { key: 'ui_evidence_export_image_mismatch', params: { seq: '12' } })).toBe(
      '[ui_evidence_export_image_mismatch] The stored screenshot of record #12 does not match its hash.',
    );
  });

  it('renders the card through the panel language, keeping the notes and names as they are', async () => {
    // The portal tab is not the one its window shows: the real capture refuses.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...PORTAL_TAB, active: false } as never);
    const store = makeStore();
    await fill(store, 2, 2, { note: '2026-11-03' });
    await act(() => {
      render(
        <FormatContext.Provider value={MARKED}>
          <EvidenceCard portalTabId={41} reading={null} people={[DEFAULT_PERSON]} store={store} />
        </FormatContext.Provider>,
        root,
      );
    });
    await flush();
    expect(byTestId('capture-button')!.textContent).toBe('[ui_evidence_capture_button] Capture evidence');
    // The log is read from IndexedDB: poll for it rather than guess how long that takes.
    await vi.waitFor(
      () =>
        expect(byTestId('evidence-summary')!.textContent).toMatch(
          /^\[ui_evidence_summary_between_all\] Attempts: 2/,
        ),
      { timeout: 30_000 },
    );
    const spans = [...root.querySelectorAll('.evidence-row span')].map((e) => e.textContent);
    expect(spans).toContain('[ui_evidence_list_note] Note: 2026-11-03');
    await act(() => byTestId('capture-button')!.click());
    await flush();
    expect(byTestId('capture-status')!.textContent).toMatch(/^\[ui_evidence_error_not_visible\]/);
    const every = root.querySelector('input[type="number"]')!.parentElement!;
    expect(every.textContent).toBe('[ui_evidence_auto_every] at most once every  minutes per page');
    expect(every.firstChild?.textContent).toBe('[ui_evidence_auto_every] at most once every ');
  });
});
