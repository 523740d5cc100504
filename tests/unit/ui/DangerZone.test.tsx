// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DangerZone } from '../../../src/ui/settings/DangerZone';
import { cardHarness } from './harness';

const { root, sent } = cardHarness();

const q = <T extends Element>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`);

async function type(value: string) {
  const input = q<HTMLInputElement>('danger-input')!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

it('deletes only after a second step and the typed word', async () => {
  let deleted = 0;
  render(<DangerZone onDeleted={() => deleted++} />, root);
  expect(q('danger-confirm')).toBeNull();
  await act(() => q<HTMLButtonElement>('danger-open')!.click());
  expect(q<HTMLButtonElement>('danger-confirm')!.disabled).toBe(true);
  await type('delete');
  expect(q<HTMLButtonElement>('danger-confirm')!.disabled).toBe(true);
  await type('DELETE');
  expect(q<HTMLButtonElement>('danger-confirm')!.disabled).toBe(false);
  await act(async () => {
    q<HTMLButtonElement>('danger-confirm')!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(sent).toEqual([{ type: 'panel:deleteAll', payload: { confirm: 'DELETE' } }]);
  expect(deleted).toBe(1);
  expect(q('danger-result')?.textContent).toMatch(/has been deleted/);
});

it('says where the background stopped, which matches what is still stored', async () => {
  await fakeBrowser.storage.local.set({ people: { people: [{ id: 'p-1', name: 'Ayşe' }], activeId: 'p-1' } });
  vi.spyOn(fakeBrowser.storage.local, 'clear').mockRejectedValue(new Error('disk error'));
  let deleted = 0;
  render(<DangerZone onDeleted={() => deleted++} />, root);
  await act(() => q<HTMLButtonElement>('danger-open')!.click());
  await type('DELETE');
  await act(async () => {
    q<HTMLButtonElement>('danger-confirm')!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
  await vi.waitFor(() => expect(q('danger-result')?.textContent).not.toBe(''));
  expect(q('danger-result')?.textContent).toBe(
    'Only part was deleted: the evidence log and its screenshots are gone, but people, dates, readings, checklists, trips, reminders and settings are still here. Delete again to finish. (disk error)',
  );
  expect(deleted).toBe(0);
  // What the sentence says is still here, is.
  expect(await fakeBrowser.storage.local.get('people')).toEqual({
    people: { people: [{ id: 'p-1', name: 'Ayşe' }], activeId: 'p-1' },
  });
});
