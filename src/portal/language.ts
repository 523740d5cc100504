/**
 * Which language the page is in. The words decide (e-ikamet may keep lang="tr" on <html> in an English session);
 * the lang attribute only breaks a tie.
 */
import { LANGUAGE_WORDS } from './phrases';
import { norm, type Line } from './text';
import type { Language } from './types';

const TR = new Set(LANGUAGE_WORDS.tr.map(norm));
const EN = new Set(LANGUAGE_WORDS.en.map(norm));

export function detectLanguage(lines: readonly Line[], root: ParentNode): Language | null {
  let tr = 0;
  let en = 0;
  for (const l of lines) {
    for (const w of l.folded.split(/[^a-z]+/)) {
      if (TR.has(w)) tr++;
      else if (EN.has(w)) en++;
    }
  }
  if (tr > en) return 'tr';
  if (en > tr) return 'en';
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  const attr = doc?.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase();
  return attr === 'tr' || attr === 'en' ? attr : null;
}

/** Letters of the scripts e-ikamet is reported to offer besides Turkish and English (portal-notes.md, 2026-12). */
const FOREIGN_SCRIPTS = [
  { lang: 'ar', letters: /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/gu },
  { lang: 'ru', letters: /[\u0400-\u04ff]/gu },
] as const;
const LATIN = /[a-z]/g;
const MIN_FOREIGN_LETTERS = 40;

/**
 * A page in a language the readers have no words for (Arabic, Russian): at least MIN_FOREIGN_LETTERS of its visible
 * letters, and a quarter of them or more, are of that script. Its labels and messages cannot be matched, and the few Latin words and digits left
 * (dates, "PTT", an English button) must not be read as if the page said them, so read() reads nothing from it.
 */
export function unreadLanguage(lines: readonly Line[]): 'ar' | 'ru' | null {
  let latin = 0;
  const counts = FOREIGN_SCRIPTS.map(() => 0);
  for (const l of lines) {
    latin += l.folded.match(LATIN)?.length ?? 0;
    FOREIGN_SCRIPTS.forEach((s, i) => (counts[i]! += l.raw.match(s.letters)?.length ?? 0));
  }
  // Not "most letters": the portal's Latin brand, menus and stray words sit on every page. A real share of the
  // page's words is enough; a language menu ("العربية", "Русский") is too little to count.
  const most = Math.max(...counts);
  if (most < MIN_FOREIGN_LETTERS || most * 3 < latin) return null;
  return FOREIGN_SCRIPTS[counts.indexOf(most)]!.lang;
}
