/**
 * Every problem a page reader can report (src/portal/types.ts READ_PROBLEMS) has its own sentence in each of the six
 * catalogues, really translated, and the panel's map from code to key follows the one naming rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/i18n/catalogue';
import { READ_PROBLEMS } from '../../../src/portal/types';
import { READ_PROBLEM_KEY, READ_PROBLEM_UNKNOWN, readProblemKeys } from '../../../src/ui/model/readProblem';

type File = Record<string, { message: string }>;
const load = (lang: string): File =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as File;
const FILES = Object.fromEntries(LANGS.map((l) => [l, load(l)])) as Record<(typeof LANGS)[number], File>;
const KEYS = [...READ_PROBLEMS.map((p) => READ_PROBLEM_KEY[p]), READ_PROBLEM_UNKNOWN];

describe('the problem codes', () => {
  it('are unique kebab-case codes', () => {
    expect(new Set(READ_PROBLEMS).size).toBe(READ_PROBLEMS.length);
    for (const p of READ_PROBLEMS) expect(p).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('each map to ui_read_problem_<code with _ for ->, and nothing else does', () => {
    expect(Object.keys(READ_PROBLEM_KEY).sort()).toEqual([...READ_PROBLEMS].sort());
    for (const p of READ_PROBLEMS)
      expect(READ_PROBLEM_KEY[p]).toBe(`ui_read_problem_${p.replace(/-/g, '_')}`);
    const inCatalogue = Object.keys(FILES.en).filter((k) => k.startsWith('ui_read_problem_'));
    expect(inCatalogue.sort()).toEqual([...KEYS].sort());
  });
});

describe.each(KEYS.map((k) => [k] as const))('%s', (key) => {
  it('has a sentence in every language', () => {
    for (const lang of LANGS) {
      const m = FILES[lang][key]?.message;
      expect(typeof m, `${lang}`).toBe('string');
      expect(m!.trim(), lang).not.toBe('');
      expect(m, lang).toMatch(/[.!]$|[.!]["»]$/u);
    }
  });

  it('is translated: no language but English says the English sentence', () => {
    const en = FILES.en[key]!.message;
    for (const lang of LANGS.filter((l) => l !== 'en')) expect(FILES[lang][key]!.message, lang).not.toBe(en);
    // Nor do two other languages share one sentence (a copy left in the wrong file).
    const others = LANGS.filter((l) => l !== 'en').map((l) => FILES[l][key]!.message);
    expect(new Set(others).size).toBe(others.length);
  });

  it("quotes the portal's own label where the English does, in every language", () => {
    const en = FILES.en[key]!.message;
    for (const label of ['Başlangıç - Bitiş', 'Başlangıç Tarihi', 'Bitiş Tarihi', 'Kayıt Tarihi'])
      if (en.includes(`"${label}"`))
        for (const lang of LANGS) expect(FILES[lang][key]!.message, `${lang}: ${label}`).toContain(label);
  });
});

describe('readProblemKeys', () => {
  it('gives each code its key, in order, each once', () => {
    expect(readProblemKeys(['permit-end-missing', 'status-text-unknown', 'permit-end-missing'])).toEqual([
      'ui_read_problem_permit_end_missing',
      'ui_read_problem_status_text_unknown',
    ]);
  });

  it('gives anything else the generic key, once however many', () => {
    expect(
      readProblemKeys([
        'status page, but no end date found',
        'confirm-date-missing',
        'another English sentence',
        '__proto__',
        'toString',
        42,
        null,
      ]),
    ).toEqual([READ_PROBLEM_UNKNOWN, 'ui_read_problem_confirm_date_missing']);
    expect(readProblemKeys([])).toEqual([]);
  });
});
