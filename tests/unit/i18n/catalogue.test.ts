/**
 * The catalogues: one per language in public/_locales/<lang>/messages.json, the browser's own format.
 * Fails on a missing or extra key, a lost or invented {placeholder}, an English sentence left untranslated, a
 * Turkish legal term dropped from a translation, a key the browser would refuse, or a key no code uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_KEY } from '../../../src/i18n/backgroundKeys';
import { LANGS, type Lang } from '../../../src/i18n/catalogue';

type File = Record<string, { message: string; description?: string }>;
const load = (lang: string): File =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as File;
const en = load('en');
const EN_KEYS = Object.keys(en).sort();
const OTHERS = LANGS.filter((l) => l !== 'en');
/** Russian, Ukrainian, Arabic and Persian: not written in Latin letters. */
const NON_LATIN = LANGS.filter((l) => l !== 'en' && l !== 'tr');

/** Names that stay as they are in every language: portals, institutions, the product. */
const NAMES = [
  'Ikamet Companion',
  'e-ikamet.goc.gov.tr',
  'randevu.goc.gov.tr',
  'e-ikamet',
  'randevu',
  'DGMM',
  'PMM',
  'PTT',
  'SHA-256',
  'SHA256SUMS',
  'ZIP',
  'CSV',
  'PDF',
  'HH:MM',
  'YYYY-MM-DD',
  'Alt+Shift+K',
  'npm run verify-evidence -- bundle.zip',
  // e-ikamet's captcha error as the portal shows it in English, quoted so the user can match it on the page.
  'Image verification fails.',
];

/**
 * Turkish terms a user must be able to match with the portal and the offices: wherever the English text carries
 * one, every translation carries it too (beside its translation).
 */
const LEGAL_TERMS = [
  'İl Göç İdaresi',
  'Müracaat Belgesi',
  'eksik belge',
  'Kişisel Bilgi Güncelleme',
  'bir kat fazlası ile',
  "PTT'ye Teslim Edildi",
  'Kayıt Tarihi',
  'Başlangıç - Bitiş',
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What is left of a message once placeholders, names, legal terms, digits and punctuation are taken out. */
function words(s: string): string {
  let out = s.replace(/\{\w+\}/g, ' ');
  for (const n of [...LEGAL_TERMS, ...NAMES].sort((a, b) => b.length - a.length))
    out = out.split(n).join(' ');
  return out.replace(/[\d\p{P}\p{S}\s]+/gu, ' ').trim();
}

describe('catalogue files', () => {
  it('there is one folder per language, and no other', () => {
    const dirs = readdirSync('public/_locales').filter((d) =>
      statSync(join('public/_locales', d)).isDirectory(),
    );
    expect(dirs.sort()).toEqual([...LANGS].sort());
  });

  it('keys are what the browser accepts: ASCII letters, digits and _, unique ignoring case', () => {
    const seen = new Set<string>();
    for (const k of EN_KEYS) {
      expect(k, k).toMatch(/^[A-Za-z0-9_]+$/);
      expect(k.startsWith('@@'), k).toBe(false);
      expect(seen.has(k.toLowerCase()), `${k} clashes ignoring case`).toBe(false);
      seen.add(k.toLowerCase());
    }
  });

  it('English messages are non-empty, with no "$" (the browser reads $…$ as its own placeholders)', () => {
    for (const [k, v] of Object.entries(en)) {
      expect(typeof v.message, k).toBe('string');
      expect(v.message.trim(), k).not.toBe('');
      expect(v.message, k).not.toContain('$');
    }
  });

  it('the manifest texts fit the stores: name as is, description at most 132 characters', () => {
    for (const lang of LANGS) {
      const f = load(lang);
      expect(f.extName?.message, lang).toBe('Ikamet Companion');
      expect(f.extDescription?.message.length, lang).toBeLessThanOrEqual(132);
    }
  });
});

describe.each(OTHERS)('%s', (lang: Lang) => {
  const file = load(lang);

  it('has exactly the English keys', () => {
    const keys = Object.keys(file).sort();
    expect(
      keys.filter((k) => !(k in en)),
      'extra keys',
    ).toEqual([]);
    expect(
      EN_KEYS.filter((k) => !(k in file)),
      'missing keys',
    ).toEqual([]);
  });

  it('each message is non-empty, has no "$", and keeps exactly the English {placeholders}', () => {
    for (const k of EN_KEYS) {
      const m = file[k]?.message;
      expect(typeof m, k).toBe('string');
      expect(m!.trim(), k).not.toBe('');
      expect(m, k).not.toContain('$');
      expect(placeholders(m!), k).toEqual(placeholders(en[k]!.message));
    }
  });

  it('no English sentence is left untranslated (names excepted)', () => {
    const untranslated = EN_KEYS.filter((k) => {
      const m = file[k]?.message ?? '';
      return m === en[k]!.message && words(m) !== '';
    });
    expect(untranslated).toEqual([]);
  });

  it('keeps each Turkish legal term the English text carries', () => {
    for (const k of EN_KEYS)
      for (const term of LEGAL_TERMS)
        if (en[k]!.message.includes(term)) expect(file[k]?.message, `${k}: ${term}`).toContain(term);
  });
});

describe.each(NON_LATIN)('%s', (lang: Lang) => {
  const file = load(lang);

  it('has no run of English words (the script is not Latin)', () => {
    // Russian, Ukrainian, Arabic and Persian are not written in Latin letters: three Latin words in a row that
    // are not a name or a Turkish term (which is kept on purpose) mean English was left in.
    const suspicious = EN_KEYS.filter((k) => {
      const rest = words(file[k]?.message ?? '');
      return /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(
        rest.replace(/\S*[çğıöşüÇĞİÖŞÜâîû]\S*/g, ' '), // whole Turkish words: kept on purpose
      );
    });
    expect(suspicious).toEqual([]);
  });
});

describe('every key is used', () => {
  const CODE_DIRS = ['src', 'entrypoints'];
  const code: string[] = [readFileSync('wxt.config.ts', 'utf8')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name)) code.push(readFileSync(p, 'utf8'));
    }
  };
  CODE_DIRS.forEach(walk);
  const all = code.join('\n');

  it('each English key appears in the code (quoted, or as __MSG_key__ in the manifest)', () => {
    const unused = EN_KEYS.filter(
      (k) => !all.includes(`'${k}'`) && !all.includes(`"${k}"`) && !all.includes(`__MSG_${k}__`),
    );
    expect(unused).toEqual([]);
  });
});

describe("the service worker's trimmed catalogues", () => {
  // What a notification or the menu can show: the worker's own code, the reminders, and the lines they carry.
  const WORKER_SOURCES = [
    ...readdirSync('src/background').map((f) => join('src/background', f)),
    'src/domain/reminders.ts',
    'src/domain/urgency.ts',
    'src/domain/status.ts',
    'src/domain/lockout.ts',
  ];

  it('hold every key the worker can render', () => {
    const keys = new Set<string>();
    for (const file of WORKER_SOURCES)
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z]+_[a-z0-9_]+)'/g))
        if (m[1]! in en) keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(40);
    expect([...keys].filter((k) => !BACKGROUND_KEY.test(k))).toEqual([]);
  });

  it('are trimmed in the worker (the full catalogue stays in the panel)', async () => {
    const { messagesFor } = await import('../../../src/i18n/all');
    const tr = load('tr');
    expect(messagesFor('tr').reminder_days_left_title).toBe(tr.reminder_days_left_title!.message);
    expect(messagesFor('tr').ui_menu_capture).toBe(tr.ui_menu_capture!.message);
    // A panel-only key is not in the worker's copy: it falls back to English there.
    expect(messagesFor('tr').ui_tab_deadlines).toBe(en.ui_tab_deadlines!.message);
  });
});
