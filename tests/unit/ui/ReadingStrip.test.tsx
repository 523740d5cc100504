// @vitest-environment happy-dom
/**
 * The strip says whose page the portal tab shows, when there is more than one person, and what the page could not
 * give, in the panel's language.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { EN_MESSAGES, type Lang } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import { loadMessages } from '../../../src/i18n/load';
import { FormatContext } from '../../../src/ui/shared/FormatContext';
import type { PanelModel } from '../../../src/ui/model/panelModel';
import { ReadingStrip } from '../../../src/ui/frame/ReadingStrip';
import { reading } from '../helpers';
import { cardHarness } from './harness';

const { root } = cardHarness();
const ME = { id: 'p-default', name: 'Me', createdAt: '2026-11-01T00:00:00Z' };
const AYSE = { id: 'p-ayse', name: 'Ayşe', createdAt: '2026-11-02T00:00:00Z' };

function model(active: typeof ME, owner: string | undefined, people = [ME, AYSE]): PanelModel {
  return {
    today: '2026-12-01',
    person: active,
    people,
    end: null,
    reading: {
      tabId: 7,
      at: '2026-12-01T07:00:00Z',
      reading: reading(),
      ...(owner ? { personId: owner } : {}),
    },
  } as unknown as PanelModel;
}

const owner = () => root.querySelector('[data-testid="strip-owner"]')?.textContent ?? null;

it('names the person the tab is read for, and warns when another person is selected', async () => {
  await act(() => render(<ReadingStrip m={model(ME, ME.id)} besidePortal />, root));
  expect(owner()).toBe("This tab's readings are kept for Me.");
  await act(() => render(<ReadingStrip m={model(ME, AYSE.id)} besidePortal />, root));
  expect(owner()).toBe(
    "This tab's readings are kept for Ayşe, not for Me: to read this page for Me, close the tab and open the page again.",
  );
});

it('says nothing of it with one person, or away from the portal', async () => {
  await act(() => render(<ReadingStrip m={model(ME, ME.id, [ME])} besidePortal />, root));
  expect(owner()).toBeNull();
  await act(() => render(<ReadingStrip m={model(ME, AYSE.id)} besidePortal={false} />, root));
  expect(owner()).toBeNull();
});

describe("what the page could not give, in the panel's language", () => {
  const withProblems = (problems: readonly string[]): PanelModel =>
    ({
      ...model(ME, ME.id, [ME]),
      reading: { tabId: 7, at: '2026-12-01T07:00:00Z', reading: reading({ problems: problems as never }) },
    }) as PanelModel;
  const items = () =>
    Array.from(root.querySelectorAll('[data-testid="problems"] li'), (li) => li.textContent ?? '');

  async function show(m: PanelModel, lang: Lang = 'en') {
    const f = makeFormat(lang, await loadMessages(lang));
    await act(() =>
      render(
        <FormatContext.Provider value={f}>
          <ReadingStrip m={m} besidePortal />
        </FormatContext.Provider>,
        root,
      ),
    );
  }

  it('a Turkish panel says each code in Turkish, and no English', async () => {
    const tr = (await loadMessages('tr')) as Record<string, string>;
    await show(withProblems(['permit-range-empty', 'booking-date-unreadable']), 'tr');
    expect(items()).toEqual([
      tr.ui_read_problem_permit_range_empty,
      tr.ui_read_problem_booking_date_unreadable,
    ]);
    expect(items()[0]).toContain('"Başlangıç - Bitiş"');
    const box = root.querySelector('[data-testid="problems"]')!;
    // Nothing in English: not the sentences, not a note about English details, no English-only list.
    for (const en of [
      EN_MESSAGES.ui_read_problem_permit_range_empty,
      EN_MESSAGES.ui_read_problem_booking_date_unreadable,
      EN_MESSAGES.ui_strip_problems_title,
    ])
      expect(box.textContent).not.toContain(en);
    expect(box.querySelector('[lang="en"]')).toBeNull();
    expect(box.textContent).not.toMatch(/\b(the|could not|couldn't|page)\b/i);
  });

  it('each code in English too, in the order found', async () => {
    await show(withProblems(['status-text-unknown', 'permit-end-missing']));
    expect(items()).toEqual([
      EN_MESSAGES.ui_read_problem_status_text_unknown,
      EN_MESSAGES.ui_read_problem_permit_end_missing,
    ]);
  });

  it("an old reading's English sentences show as one generic sentence, never as they are", async () => {
    await show(
      withProblems([
        'status page, but no end date found',
        'permit-range-one',
        "my appointments: couldn't read the appointment date",
        'constructor',
      ]),
      'tr',
    );
    const tr = (await loadMessages('tr')) as Record<string, string>;
    expect(items()).toEqual([tr.ui_read_problem_unknown, tr.ui_read_problem_permit_range_one]);
    expect(root.textContent).not.toContain('no end date');
    expect(root.textContent).not.toContain('appointment date');
  });

  it('with no problems there is no problems box', async () => {
    await show(withProblems([]));
    expect(root.querySelector('[data-testid="problems"]')).toBeNull();
  });
});
