// @vitest-environment happy-dom
/**
 * The backup card says what a failed restore left behind: "nothing was changed" only for the codes that mean it,
 * the unfinished state as such; and the file can be chosen again to finish.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, expect, it, vi } from 'vitest';
import { EN_MESSAGES } from '../../../src/i18n/catalogue';
import { BackupCard } from '../../../src/ui/BackupCard';
import { cardHarness } from './harness';

const restore = vi.hoisted(() => vi.fn());
vi.mock('../../../src/backup/client', async (original) => ({
  ...(await original<typeof import('../../../src/backup/client')>()),
  restoreBackup: restore,
}));

const { root } = cardHarness();
beforeEach(() => restore.mockReset());

async function chooseAndRestore() {
  const input = root.querySelector<HTMLInputElement>('[data-testid="backup-file"]')!;
  const file = new File([new Uint8Array([80, 75, 3, 4])], 'ikamet-backup.zip', { type: 'application/zip' });
  await act(() => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    // What the browser shows once a file is chosen (settable here; only a page script cannot set it).
    Object.defineProperty(input, 'value', {
      value: 'C:\\fakepath\\ikamet-backup.zip',
      writable: true,
      configurable: true,
    });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="backup-restore"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
  return input;
}

it.each([
  ['unfinished', EN_MESSAGES.ui_backup_error_unfinished],
  ['failed', EN_MESSAGES.ui_backup_error_failed],
  ['corrupt', EN_MESSAGES.ui_backup_error_corrupt],
] as const)('a restore ending "%s" says it in its own sentence', async (code, sentence) => {
  restore.mockResolvedValue({ ok: false, code, message: 'detail' });
  await act(() => render(<BackupCard />, root));
  const input = await chooseAndRestore();
  const said = root.querySelector('[data-testid="backup-result"] p')!.textContent;
  expect(said).toBe(sentence);
  // Only the codes that mean it say "Nothing was changed".
  expect(said!.includes('Nothing was changed')).toBe(code !== 'unfinished');
  // The input is emptied, so choosing the same file again is a new choice (a file input fires no change otherwise).
  expect(input.value).toBe('');
});
