/**
 * The sentences of backup failures (src/backup/errors.ts BACKUP_ERRORS): each is in all six catalogues, with the
 * English placeholders and a real translation; an error's English `message` is its own sentence; and what the
 * background sends the panel is checked as it arrives (a why it does not know, or parameters that are not strings,
 * make no error at all).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_ERRORS,
  BackupError,
  isBackupErrorWhy,
  type BackupErrorWhy,
} from '../../../src/backup/errors';
import { EN_MESSAGES, LANGS, type Lang, type MessageFile } from '../../../src/i18n/catalogue';
import { english, TAKES_INNER } from './errors';

const file = (lang: Lang) =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as MessageFile;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const WHYS = Object.keys(BACKUP_ERRORS) as BackupErrorWhy[];
/** Every sentence the backup card can show for a failure. */
const KEYS = [...new Set([...WHYS.map((w) => BACKUP_ERRORS[w].key), 'ui_backup_unfinished_next'])];

describe('every sentence in every catalogue', () => {
  const en = file('en');
  it.each(LANGS)('%s: present, with the English {placeholders}, and translated', (lang) => {
    const messages = file(lang);
    for (const key of KEYS) {
      const m = messages[key]?.message;
      expect(m, `${lang} ${key}`).toBeTruthy();
      expect(placeholders(m!), `${lang} ${key}`).toEqual(placeholders(en[key]!.message));
      if (lang !== 'en') expect(m, `${lang} ${key}`).not.toBe(en[key]!.message);
    }
  });

  it('every code is a why, with its general sentence', () => {
    for (const w of WHYS) expect(WHYS).toContain(BACKUP_ERRORS[w].code);
    for (const w of WHYS)
      if (w === BACKUP_ERRORS[w].code) expect(BACKUP_ERRORS[w].key).toMatch(/^ui_backup_error_/);
  });

  it('only the sentences that say another one inside them have {problem}', () => {
    expect(TAKES_INNER.sort()).toEqual(
      ['create-failed', 'evidence-not-verified', 'restore-failed', 'unfinished-store'].sort(),
    );
  });

  it('"Nothing was changed" only where it holds: never for an unfinished restore', () => {
    for (const w of WHYS) {
      const said = EN_MESSAGES[BACKUP_ERRORS[w].key];
      if (BACKUP_ERRORS[w].code === 'unfinished') expect(said, w).not.toMatch(/nothing was changed/i);
    }
    expect(EN_MESSAGES.ui_backup_unfinished_next).not.toMatch(/nothing was changed/i);
  });
});

describe('BackupError', () => {
  it('says itself: its message is its own sentence in English, with the inner one as {problem}', () => {
    const e = new BackupError('item-newer', { item: 'local:people', version: '3', max: '2' });
    expect(e).toMatchObject({ why: 'item-newer', code: 'newer-version' });
    expect(e.said).toEqual({
      key: 'ui_backup_error_item_newer',
      params: { item: 'local:people', version: '3', max: '2' },
    });
    expect(e.message).toBe(english(e.said));
    expect(e.message).toContain('local:people in this backup was saved by a newer version');
    const inner = { key: 'ui_verify_record_edited', params: { seq: '4' } } as const;
    const v = new BackupError('evidence-not-verified', {}, { inner });
    expect(v.inner).toEqual(inner);
    expect(v.message).toBe(english(v.said, inner));
    expect(v.message).toBe(
      'The evidence log in this backup does not verify: Record #4 was edited: its contents do not match its hash. Nothing was changed.',
    );
  });

  it('crosses a message as why and parameters, and comes back the same', () => {
    const e = new BackupError('unfinished-store', {}, { inner: { key: 'ui_evidence_error_restore_half' } });
    const wire = JSON.parse(JSON.stringify(e.toWire())) as unknown;
    const back = BackupError.fromWire(wire)!;
    expect(back).toBeInstanceOf(BackupError);
    expect([back.why, back.code, back.said, back.inner, back.message]).toEqual([
      e.why,
      e.code,
      e.said,
      e.inner,
      e.message,
    ]);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a why it does not know', { why: 'everything-fine', params: {} }],
    ['a why from the prototype', { why: 'toString', params: {} }],
    ['parameters that are not strings', { why: 'item-twice', params: { item: 3 } }],
    ['parameters that are a list', { why: 'item-twice', params: ['local:people'] }],
    [
      'an inner sentence not in the catalogue',
      { why: 'restore-failed', params: {}, inner: { key: 'no_such_key' } },
    ],
    ['an inner that is no sentence', { why: 'restore-failed', params: {}, inner: 'Something broke.' }],
  ])('makes no error of %s', (_n, v) => {
    expect(BackupError.fromWire(v)).toBeNull();
  });

  it('isBackupErrorWhy knows exactly the table', () => {
    for (const w of WHYS) expect(isBackupErrorWhy(w)).toBe(true);
    for (const w of ['', 'hasOwnProperty', 'Not-Backup', 3, null]) expect(isBackupErrorWhy(w)).toBe(false);
  });
});
