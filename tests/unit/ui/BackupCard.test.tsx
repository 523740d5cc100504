// @vitest-environment happy-dom
/**
 * The backup card says why a backup or a restore failed, in the panel's language, for every language: the
 * failure's own sentence (with the sentence said inside it, such as verify's first problem), never English to
 * someone who reads another language; after an unfinished restore, what is stored now and how to finish it or go
 * back. "Nothing was changed" only where it holds; and the file can be chosen again to finish.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupFailure } from '../../../src/backup/client';
import { BackupError, type BackupErrorWhy, type BackupErrorParams } from '../../../src/backup/errors';
import { EN_MESSAGES, LANGS, withFallback, type Lang, type MessageFile } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import type { Said } from '../../../src/i18n/said';
import { BackupCard } from '../../../src/ui/settings/BackupCard';
import { FormatContext } from '../../../src/ui/shared/FormatContext';
import { cardHarness } from './harness';

const restore = vi.hoisted(() => vi.fn());
const create = vi.hoisted(() => vi.fn());
vi.mock('../../../src/backup/client', async (original) => ({
  ...(await original<typeof import('../../../src/backup/client')>()),
  restoreBackup: restore,
  createBackup: create,
}));

const catalogue = (lang: Lang) =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as MessageFile;
/** A catalogue sentence with its placeholders filled, as the panel shows it. */
const sentence = (lang: Lang, key: string, params: Record<string, string> = {}) =>
  catalogue(lang)[key]!.message.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!);

/** What client.ts answers for this error. */
function failure(why: BackupErrorWhy, params: BackupErrorParams = {}, inner?: Said): BackupFailure {
  const e = new BackupError(why, params, inner ? { inner } : {});
  return {
    ok: false,
    code: e.code,
    why,
    said: e.said,
    ...(e.inner ? { inner: e.inner } : {}),
    message: e.message,
  };
}

const { root } = cardHarness();
beforeEach(() => {
  restore.mockReset();
  create.mockReset();
});

async function show(lang: Lang = 'en') {
  await act(() =>
    render(
      <FormatContext.Provider value={makeFormat(lang, withFallback(catalogue(lang)))}>
        <BackupCard />
      </FormatContext.Provider>,
      root,
    ),
  );
}

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

const shown = () =>
  [...root.querySelectorAll('[data-testid="backup-result"] p')].map((p) => p.textContent ?? '');

/** Every piece of English a failure could show (the text between placeholders): none may reach another language. */
const ENGLISH = Object.entries(EN_MESSAGES)
  .filter(([k]) => /^ui_(backup|verify|evidence_error|refusal)_/.test(k))
  .flatMap(([, m]) => m.split(/\{\w+\}/).map((part) => part.trim()))
  .filter((part) => part.length > 12);

it.each<[BackupErrorWhy, string, Record<string, string>, boolean]>([
  ['unfinished-no-answer', 'ui_backup_error_unfinished_no_answer', {}, true],
  ['unfinished-undo-failed', 'ui_backup_error_unfinished_undo', {}, true],
  ['unfinished', 'ui_backup_error_unfinished', {}, false],
  ['restore-failed-detail', 'ui_backup_error_restore_failed_detail', { detail: 'IO' }, false],
  ['file-changed', 'ui_backup_error_file_changed', { path: 'evidence/manifest.json' }, false],
])('a restore ending "%s" says it in its own sentence', async (why, key, params, then) => {
  restore.mockResolvedValue(failure(why, params));
  await show();
  const input = await chooseAndRestore();
  const said = shown();
  expect(said[0]).toBe(sentence('en', key, params));
  // After an unfinished restore: how to finish it or go back (the general sentence says how to finish itself).
  expect(said.slice(1)).toEqual(then ? [EN_MESSAGES.ui_backup_unfinished_next] : []);
  // Only a failure that means it says "Nothing was changed".
  expect(said.join(' ').includes('Nothing was changed')).toBe(!why.startsWith('unfinished'));
  expect(root.querySelector('[data-testid="backup-result"]')!.getAttribute('role')).toBe('alert');
  // The input is emptied, so choosing the same file again is a new choice (a file input fires no change otherwise).
  expect(input.value).toBe('');
});

it('an unfinished restore says what is stored now, and how to finish or go back', async () => {
  restore.mockResolvedValue(failure('unfinished-no-answer'));
  await show();
  await chooseAndRestore();
  const text = shown().join(' ');
  expect(text).toContain('Your evidence log is as it was before');
  expect(text).toContain("may already be the backup's");
  expect(text).toContain('choose the same file and restore it again');
  expect(text).toContain('restore an older backup');
});

describe('a damaged backup', () => {
  const inner = { key: 'ui_verify_record_edited', params: { seq: '3' } } as const;
  const damaged = failure('evidence-not-verified', {}, inner);

  it("English: the specific reason, with verify's problem in it", async () => {
    restore.mockResolvedValue(damaged);
    await show('en');
    await chooseAndRestore();
    expect(shown()).toEqual([
      'The evidence log in this backup does not verify: Record #3 was edited: its contents do not match its hash. Nothing was changed.',
    ]);
    expect(shown()[0]).toBe(damaged.message);
  });

  it('Turkish: the Turkish sentence, with the Turkish problem in it, and no English', async () => {
    restore.mockResolvedValue(damaged);
    await show('tr');
    await chooseAndRestore();
    const text = shown();
    expect(text).toEqual([
      sentence('tr', 'ui_backup_error_evidence_not_verified', {
        problem: sentence('tr', 'ui_verify_record_edited', { seq: '3' }),
      }),
    ]);
    expect(text[0]).toContain('Bu yedekteki kanıt günlüğü doğrulamadan geçemedi');
    expect(text[0]).toContain('#3');
    for (const head of ENGLISH) expect(text[0]).not.toContain(head);
    expect(root.querySelector('[lang="en"]')).toBeNull();
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s: a changed file, said in that language only', async (lang) => {
    const path = 'evidence/images/000001-a.png';
    restore.mockResolvedValue(failure('file-changed', { path }));
    await show(lang);
    await chooseAndRestore();
    const text = shown();
    expect(text).toEqual([sentence(lang, 'ui_backup_error_file_changed', { path })]);
    expect(text[0]).toContain(path);
    for (const head of ENGLISH) expect(text[0]).not.toContain(head);
  });
});

it.each(LANGS)('%s: an unfinished restore in that language, then its next step', async (lang) => {
  restore.mockResolvedValue(failure('unfinished-undo-failed'));
  await show(lang);
  await chooseAndRestore();
  const text = shown();
  expect(text).toEqual([
    sentence(lang, 'ui_backup_error_unfinished_undo'),
    sentence(lang, 'ui_backup_unfinished_next'),
  ]);
  if (lang !== 'en') for (const head of ENGLISH) expect(text.join(' ')).not.toContain(head);
});

it("a backup that could not be made says why, in the panel's language", async () => {
  create.mockResolvedValue(failure('create-failed', {}, { key: 'ui_evidence_error_blocked', params: {} }));
  await show('ru');
  await act(async () => {
    root.querySelector<HTMLButtonElement>('[data-testid="backup-create"]')!.click();
    await new Promise((r) => setTimeout(r, 0));
  });
  expect(shown()).toEqual([
    sentence('ru', 'ui_backup_error_create_failed', { problem: sentence('ru', 'ui_evidence_error_blocked') }),
  ]);
  expect(root.querySelector('[data-testid="backup-result"]')!.getAttribute('role')).toBe('alert');
});
