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
import { emptyFacts, mergeReading } from '../../../src/state/facts';
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

  describe('a page that changed shape (a reader threw)', () => {
    const shapeChanged = (facts = emptyFacts()): PanelModel =>
      ({ ...withProblems(['page-shape-changed']), facts }) as PanelModel;
    const box = () => root.querySelector('[data-testid="shape-changed"]')?.textContent ?? null;

    it('says, in Turkish, what was kept from earlier readings and what to do', async () => {
      const tr = (await loadMessages('tr')) as Record<string, string>;
      const earlier = mergeReading(
        emptyFacts(),
        reading({
          status: 'in-progress',
          statusText: 'Değerlendirme aşamasındadır',
          appointment: { date: '2027-01-07', time: '14:45', office: null, type: null, bookedOn: null },
        }),
        '2026-11-30T08:00:00Z',
      );
      await show(shapeChanged(earlier), 'tr');
      expect(items()).toEqual([tr.ui_read_problem_page_shape_changed]);
      const text = box()!;
      expect(text).toContain(tr.ui_status_name_in_progress);
      expect(text).toContain(tr.ui_strip_shape_todo);
      expect(text).toContain('2027'); // the kept appointment's date
      expect(text).not.toContain(tr.ui_strip_shape_kept_nothing);
      for (const en of [EN_MESSAGES.ui_strip_shape_todo, EN_MESSAGES.ui_read_problem_page_shape_changed])
        expect(root.textContent).not.toContain(en);
    });

    it('says so when nothing was read before', async () => {
      await show(shapeChanged());
      expect(box()).toContain(EN_MESSAGES.ui_strip_shape_kept_nothing);
      expect(box()).toContain(EN_MESSAGES.ui_strip_shape_todo);
    });

    it('other problems do not get the changed-shape lines', async () => {
      await show(withProblems(['portal-language-unknown']));
      expect(items()).toEqual([EN_MESSAGES.ui_read_problem_portal_language_unknown]);
      expect(box()).toBeNull();
    });
  });
});
