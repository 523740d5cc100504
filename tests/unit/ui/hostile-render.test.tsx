// @vitest-environment happy-dom
/**
 * Nothing a page supplies is ever rendered as HTML: readings whose every text holds markup
 * (`<img src=x onerror=…>`, `<script>`, `javascript:` links) render as text in the panel, in the cards that show
 * page text and in the whole App fed from storage.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HOSTILE_MARKUP } from '../../fixtures/adversarial';
import { emptyFacts, mergeReading } from '../../../src/state/facts';
import { appendStatus } from '../../../src/state/timeline';
import {
  DEFAULT_SETTINGS,
  factsItem,
  lastReadingItem,
  peopleItem,
  tabReadingsItem,
  timelineItem,
  type TabReading,
} from '../../../src/storage';
import { App } from '../../../src/ui/App';
import { ConfirmCheckCard } from '../../../src/ui/frame/ConfirmCheckCard';
import { panelModel } from '../../../src/ui/model/panelModel';
import { ReadingStrip } from '../../../src/ui/frame/ReadingStrip';
import { StatusCard } from '../../../src/ui/deadlines/StatusCard';
import { reading } from '../helpers';

const X = '<img src=x onerror="globalThis.__pwned=1">';
const hostile = (s: string) => `${s} ${X} ${HOSTILE_MARKUP.join(' ')}`;

const NOW = new Date('2026-11-24T10:00:00Z');
const AT = NOW.toISOString();

function hostileReading() {
  return reading({
    portal: 'randevu',
    page: 'randevu-booking',
    url: 'https://randevu.goc.gov.tr/#/randevu-al',
    step: 'confirmation',
    permit: null,
    status: 'documents-required',
    statusText: hostile('Eksik belge'),
    appointment: {
      date: '2027-02-15',
      time: '09:00',
      office: hostile('Antalya İl Göç İdaresi Müdürlüğü'),
      type: hostile('İkamet İzinli Yabancı - Adres Tescili'),
      bookedOn: null,
    },
    selection: { province: hostile('Antalya'), office: hostile('Birim'), type: hostile('Tür') },
    noSlots: true,
    noSlotsText: hostile('Uygun randevu bulunamadı'),
    noSlotsSeenAt: AT,
    requiredDocuments: [hostile('Pasaport'), hostile('Sağlık sigortası')],
    // Problems are codes; a reading stored by the previous version held sentences, which the panel never shows.
    problems: [hostile('status page, but no end date found'), hostile('another problem')] as never,
  });
}

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  (globalThis as { __pwned?: number }).__pwned = undefined;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

/** No element a page's markup could have made, and the markup is there as visible text. */
function expectInert(container: Element) {
  expect(container.querySelectorAll('script, iframe, object, embed')).toHaveLength(0);
  // The panel's own icons only: an <img> from page text would have src "x".
  for (const img of Array.from(container.querySelectorAll('img')))
    expect(img.getAttribute('src'), img.outerHTML).toMatch(/^\/icon\/\d+\.png$/);
  expect(container.querySelectorAll('svg[onload], img[onerror]')).toHaveLength(0);
  for (const el of Array.from(container.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes))
      expect(a.name, `<${el.localName} ${a.name}>`).not.toMatch(/^on/i);
    const href = el.getAttribute('href');
    if (href) expect(href).not.toMatch(/^\s*javascript:/i);
  }
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
}

describe('cards that show page text', () => {
  it('ReadingStrip: the no-slots text renders as text; problems only as catalogue sentences', () => {
    const r: TabReading = { tabId: 1, reading: hostileReading(), at: AT };
    const m = panelModel({
      people: { people: [{ id: 'p', name: hostile('Ayşe'), createdAt: AT }], activeId: 'p' },
      facts: { p: mergeReading(emptyFacts(), r.reading, AT) },
      settings: DEFAULT_SETTINGS,
      reading: r,
      now: NOW,
    });
    render(<ReadingStrip m={m} besidePortal />, root);
    expectInert(root);
    expect(root.textContent).toContain(X);
    const problems = root.querySelector('[data-testid="problems"]');
    expect(problems?.textContent).not.toContain(X);
    expect(Array.from(problems!.querySelectorAll('li'), (li) => li.textContent)).toEqual([
      'Part of this page could not be read.',
    ]);
  });

  it('ConfirmCheckCard: the office and type read from the page render as text', () => {
    const a = hostileReading().appointment!;
    render(
      <ConfirmCheckCard
        personId="p"
        appointment={a}
        province={hostile('Antalya')}
        permitEnd="2027-03-01"
        today="2026-11-24"
        lockoutDays={30}
        ticks={undefined}
      />,
      root,
    );
    expectInert(root);
    expect(root.textContent).toContain(X);
  });

  it('StatusCard: the status text from the page renders as text', () => {
    const r = hostileReading();
    const facts = mergeReading(emptyFacts(), r, AT);
    const timeline = appendStatus(
      [],
      { status: 'documents-required', text: r.statusText!, date: null },
      null,
      AT,
    );
    render(
      <StatusCard
        personId="p"
        facts={facts}
        timeline={timeline}
        application={undefined}
        today="2026-11-24"
      />,
      root,
    );
    expectInert(root);
  });
});

describe('the whole panel, fed from storage', () => {
  it('renders a hostile reading, timeline and person name as text', async () => {
    const r = hostileReading();
    const entry: TabReading = { tabId: 7, reading: r, at: AT };
    await peopleItem.setValue({ people: [{ id: 'p', name: hostile('Ayşe'), createdAt: AT }], activeId: 'p' });
    await factsItem.setValue({ p: mergeReading(emptyFacts(), r, AT) });
    await timelineItem.setValue({
      p: appendStatus([], { status: 'documents-required', text: r.statusText!, date: null }, null, AT),
    });
    await tabReadingsItem.setValue({ '7': entry });
    await lastReadingItem.setValue(entry);
    await act(async () => {
      render(<App />, root);
      await new Promise((res) => setTimeout(res, 50));
    });
    // The panel loads its language, then its data: wait for it (generously), then check.
    for (let i = 0; i < 40 && !root.textContent?.includes(X); i++) {
      await act(async () => {
        await new Promise((res) => setTimeout(res, 50));
      });
    }
    expect(root.textContent).toContain(X);
    expectInert(root);
  });
});
