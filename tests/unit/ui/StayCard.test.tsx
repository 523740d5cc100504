// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Trip } from '../../../src/domain/stay';
import { OverstayCard } from '../../../src/ui/shared/OverstayCard';
import { StayCard } from '../../../src/ui/stay/StayCard';
import { cardHarness } from './harness';

const TODAY = '2026-06-30';
const { root, sent } = cardHarness();

const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

async function show(trips: Trip[], allowance: 90 | 60 | 30 = 90) {
  await act(() => {
    render(<StayCard personId="p-default" stay={{ allowance, trips }} today={TODAY} />, root);
  });
}

function type(selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('StayCard', () => {
  it('shows the computed figures for an open trip', async () => {
    await show([{ id: 't1', entry: '2026-06-01', exit: null }]);
    expect(byTestId('stay-days-used')).toBe('30');
    expect(byTestId('stay-days-left')).toBe('60');
    expect(byTestId('stay-latest-exit')).toBe('29 Aug 2026');
    expect(byTestId('stay-full-allowance')).toBe('29 Sep 2026');
    expect(byTestId('stay-trip')).toBe('1 Jun 2026 – still here');
    expect(root.textContent).toContain('at most 90 days in any 180-day period');
  });

  it('answers the planner and the "days used on" question', async () => {
    await show([{ id: 't1', entry: '2026-01-01', exit: '2026-03-31' }]);
    expect(byTestId('stay-latest-exit')).toBe('not in Turkey today');
    await act(() => type('#stay-plan-date', '2026-06-30'));
    expect(byTestId('stay-plan')).toContain(
      'If you enter on 30 Jun 2026, you may stay 90 days, until 27 Sep 2026',
    );
    await act(() => type('#stay-on-date', '2026-03-31'));
    expect(byTestId('stay-days-used-on')).toContain(
      'Days of stay in the 180 days ending 31 Mar 2026: 90 of 90.',
    );
  });

  it('shows problems beside the trips and no figures, changing nothing', async () => {
    await show([
      { id: 'a', entry: '2026-01-01', exit: '2026-01-10' },
      { id: 'b', entry: '2026-01-05', exit: '2026-01-20' },
    ]);
    expect(byTestId('stay-days-used')).toBeNull();
    expect(byTestId('stay-problems')).toContain('Fix the trips');
    expect(root.querySelectorAll('.trips li.has-problem')).toHaveLength(2);
    expect(root.textContent).toContain('Trips 1 and 2 overlap');
    expect(sent).toEqual([]);
  });

  it('adds a trip through the background, refusing an exit before the entry', async () => {
    await show([]);
    await act(() => {
      type('#trip-new-entry', '2026-05-10');
      type('#trip-new-exit', '2026-05-01');
    });
    await act(() => root.querySelector<HTMLFormElement>('form.trip-form')!.requestSubmit());
    expect(root.querySelector('form.trip-form .error')?.textContent).toBe(
      'The exit date is before the entry date.',
    );
    expect(sent).toEqual([]);
    await act(() => type('#trip-new-exit', '2026-05-20'));
    await act(() => root.querySelector<HTMLFormElement>('form.trip-form')!.requestSubmit());
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      type: 'panel:setTrips',
      payload: { personId: 'p-default', trips: [{ entry: '2026-05-10', exit: '2026-05-20' }] },
    });
  });

  it('imports a CSV only when every line is good, showing per-line errors otherwise', async () => {
    await show([]);
    const input = root.querySelector<HTMLInputElement>('#stay-import')!;
    const choose = async (text: string) => {
      Object.defineProperty(input, 'files', { value: [new File([text], 'trips.csv')], configurable: true });
      await act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
    };
    await choose('entry,exit\n2026-01-01,2026-01-05\n2026-02-30,\n');
    expect(byTestId('stay-import-result')).toContain('Nothing was imported');
    expect(byTestId('stay-import-result')).toContain('Line 3, entry date: February 2026 has 28 days');
    expect(sent).toEqual([]);
    await choose('entry,exit\n2026-01-01,2026-01-05\n2026-02-01,\n');
    expect(sent[0]).toMatchObject({
      type: 'panel:setTrips',
      payload: {
        trips: [
          { entry: '2026-01-01', exit: '2026-01-05' },
          { entry: '2026-02-01', exit: null },
        ],
      },
    });
    expect(byTestId('stay-import-result')).toBe('Imported 2 trips.');
  });

  it('offers the trips as a CSV download link', async () => {
    await show([{ id: 't1', entry: '2026-06-01', exit: null }]);
    const a = root.querySelector<HTMLAnchorElement>('[data-testid="stay-export"]')!;
    expect(a.getAttribute('download')).toBe('trips.csv');
    expect(a.href.startsWith('blob:')).toBe(true);
  });

  it('sends a new allowance', async () => {
    await show([]);
    const radio = root.querySelector<HTMLInputElement>('input[name="stay-allowance"][value="60"]')!;
    await act(() => radio.click());
    await flush();
    expect(sent).toEqual([{ type: 'panel:setAllowance', payload: { personId: 'p-default', allowance: 60 } }]);
  });
});

describe('OverstayCard', () => {
  it('shows the ban row, sources on every line, and the disclaimer once', async () => {
    await act(() => {
      render(<OverstayCard daysOver={100} kind="permit" today={TODAY} />, root);
    });
    expect(byTestId('overstay-ban')).toBe('3 to 6 months: entry ban of 1 month');
    expect(root.querySelector('h2')?.textContent).toBe('Overstay — days over your permit: 100');
    expect(root.textContent?.match(/not legal advice/g)).toHaveLength(1);
    expect(root.textContent).toContain('What you can do now');
    // every list item but the plain days-over count links to a source
    const items = [...root.querySelectorAll('li')];
    expect(items.filter((li) => !li.querySelector('a.ref')).map((li) => li.textContent)).toEqual([
      expect.stringContaining('100 days past your permit'),
    ]);
  });

  it('renders nothing when not over', async () => {
    await act(() => {
      render(<OverstayCard daysOver={0} kind="visa" today={TODAY} />, root);
    });
    expect(root.innerHTML).toBe('');
  });
});
