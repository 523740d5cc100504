/**
 * Every error code the extension can give the panel, walked through every catalogue: each code's sentence exists in
 * all six languages, keeps exactly the English placeholders, is really translated (not the English text), and
 * renders with no placeholder left over. A new code without its sentences fails here.
 *
 * The families: refusals of the message channel and of the handlers (src/messaging.ts, src/background), capture
 * failures (src/evidence/captureState.ts), evidence-store errors (src/evidence/store/), where "delete all"
 * stopped (src/background/deleteAll.ts), evidence-bundle import failures and verify problems (src/evidence),
 * backup and restore errors (src/backup/errors.ts) and the page readers' problems (src/ui/model/readProblem.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DELETE_ALL_STOPS } from '../../../src/background/deleteAll';
import { BACKUP_ERRORS } from '../../../src/backup/errors';
import { CAPTURE_ERROR_KEY } from '../../../src/evidence/captureState';
import { EVIDENCE_ERRORS } from '../../../src/evidence/store';
import { LANGS, withFallback, type Lang, type MessageFile } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import { REFUSAL_KEY } from '../../../src/messaging';
import { READ_PROBLEM_KEY, READ_PROBLEM_UNKNOWN } from '../../../src/ui/model/readProblem';

const file = (lang: Lang) =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as MessageFile;
const en = file('en');
const prefixed = (prefix: string) => Object.keys(en).filter((k) => k.startsWith(prefix));

/** family → code → catalogue key */
const FAMILIES: Record<string, Record<string, string>> = {
  refusal: { ...REFUSAL_KEY },
  // The handlers' own refusals (src/background/handlers.ts, src/state/manual.ts): every ui_refusal_ sentence.
  'handler refusal': Object.fromEntries(prefixed('ui_refusal_').map((k) => [k, k])),
  capture: { ...CAPTURE_ERROR_KEY },
  'evidence store': Object.fromEntries(Object.entries(EVIDENCE_ERRORS).map(([why, { key }]) => [why, key])),
  'delete all': { ...DELETE_ALL_STOPS },
  'evidence import': Object.fromEntries(prefixed('ui_evidence_import_').map((k) => [k, k])),
  'evidence verify': Object.fromEntries(prefixed('ui_verify_').map((k) => [k, k])),
  backup: Object.fromEntries(Object.entries(BACKUP_ERRORS).map(([why, { key }]) => [why, key])),
  'page reader': { ...READ_PROBLEM_KEY, unknown: READ_PROBLEM_UNKNOWN },
};

const placeholders = (m: string) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!).sort();

describe('every error code in every language', () => {
  it('the families are not empty (a renamed table would make this test walk nothing)', () => {
    for (const [family, codes] of Object.entries(FAMILIES))
      expect(Object.keys(codes).length, family).toBeGreaterThan(family === 'refusal' ? 2 : 3);
  });

  for (const [family, codes] of Object.entries(FAMILIES)) {
    it.each(LANGS)(`${family}: each code has its own sentence in %s`, (lang) => {
      const messages = file(lang);
      const format = makeFormat(lang, withFallback(messages));
      for (const [code, key] of Object.entries(codes)) {
        const english = en[key]?.message;
        const own = messages[key]?.message;
        expect(english, `${family} ${code}: ${key} in English`).toBeTruthy();
        expect(own, `${family} ${code}: ${key} in ${lang}`).toBeTruthy();
        expect(placeholders(own!), `${family} ${code}: ${key} placeholders in ${lang}`).toEqual(
          placeholders(english!),
        );
        if (lang !== 'en')
          expect(own, `${family} ${code}: ${key} is translated in ${lang}`).not.toBe(english);
        const params = Object.fromEntries(placeholders(english!).map((p) => [p, '7']));
        expect(format.t(key as never, params), `${family} ${code}`).not.toMatch(/\{\w+\}/);
      }
    });
  }
});
