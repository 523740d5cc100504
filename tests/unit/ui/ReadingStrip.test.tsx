// @vitest-environment happy-dom
/** The strip says whose page the portal tab shows, when there is more than one person. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import type { PanelModel } from '../../../src/ui/model';
import { ReadingStrip } from '../../../src/ui/ReadingStrip';
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
