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
