// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ListItem } from '../../../src/evidence/store';
import { captureGrantsItem, DEFAULT_PERSON } from '../../../src/storage';
import { EvidenceCard } from '../../../src/ui/EvidenceCard';
import { EvidenceList } from '../../../src/ui/EvidenceList';
import { summarySentence } from '../../../src/ui/evidenceText';
import { reading } from '../helpers';
import { fields, fill, makeStore } from './helpers';

let root: HTMLElement;
let sent: { type: string; payload: unknown }[];
let reply: (msg: { type: string }) => unknown;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  reply = () => ({ ok: true });
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    sent.push(msg as { type: string; payload: unknown });
    return Promise.resolve(reply(msg as { type: string }));
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
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
    expect(summarySentence(s, 2026)).toBe('14 attempts between 3 Nov and 21 Nov, no slots each time');
    expect(summarySentence({ ...s, noSlotsAttempts: 12 }, 2026)).toBe(
      '14 attempts between 3 Nov and 21 Nov, no slots in 12 of them',
    );
    expect(summarySentence({ ...s, attempts: 1, noSlotsAttempts: 1, lastDay: '2026-11-03' }, 2027)).toBe(
      '1 attempt on 3 Nov 2026, no slots',
    );
    expect(summarySentence({ ...s, removed: 1 }, 2026)).toBe(
      '14 attempts between 3 Nov and 21 Nov, no slots each time (1 deleted, kept in the chain)',
    );
    expect(summarySentence({ ...s, attempts: 0, firstDay: null, lastDay: null }, 2026)).toBe(
      'No evidence captured yet.',
    );
  });
});

describe('EvidenceList', () => {
  it('renders 10,000 records fast with only the visible rows in the DOM', async () => {
    const many = items(10_000);
    const t0 = performance.now();
    await act(() => {
      render(<EvidenceList items={many} loadThumb={async () => null} onOpen={() => undefined} />, root);
    });
    const ms = performance.now() - t0;
    const rows = () => [...root.querySelectorAll<HTMLElement>('.evidence-row')];
    expect(rows().length).toBeLessThan(20);
    expect(rows()[0]!.dataset.seq).toBe('10000');
    expect(ms).toBeLessThan(500);
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
      '3 attempts between 3 Nov and 5 Nov, no slots each time',
    );
    expect(byTestId('capture-status')!.textContent).toMatch(
      /^Not armed yet: click the Ikamet Companion toolbar icon/,
    );
    expect(root.textContent).toContain(
      'A screenshot holds whatever the portal page shows, including names and numbers.',
    );
    expect(root.querySelectorAll('.evidence-row')).toHaveLength(3);
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
    reply = (m) =>
      m.type === 'panel:capture'
        ? {
            ok: false,
            code: 'no-grant',
            error:
              'Click the Ikamet Companion toolbar icon while the portal tab is open, then capture again.',
          }
        : { ok: true };
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
    expect(byTestId('evidence-summary')!.textContent).toBe('No evidence captured yet.');
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
