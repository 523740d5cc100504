// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DangerZone } from '../../../src/ui/DangerZone';
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

it('says so when the background refuses', async () => {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  fakeBrowser.runtime.onMessage.addListener(() =>
    Promise.resolve({ ok: false, error: 'Close other windows.' }),
  );
  render(<DangerZone />, root);
  await act(() => q<HTMLButtonElement>('danger-open')!.click());
  await type('DELETE');
  await act(async () => {
    q<HTMLButtonElement>('danger-confirm')!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(q('danger-result')?.textContent).toBe('Close other windows.');
});
