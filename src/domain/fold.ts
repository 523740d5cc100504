/**
 * Turkish-aware text folding, for matching page text and phrases written in code: the readers (src/portal) match
 * labels with it, and the rules (randevu types) match the portal's words with it.
 */

const foldCache = new Map<string, string>();
const SPECIAL: Record<string, string> = {
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  ı: 'i',
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '`': "'",
  '\u00b4': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
};

function foldChar(c: string): string {
  let r = foldCache.get(c);
  if (r !== undefined) return r;
  r = SPECIAL[c];
  if (r === undefined) {
    // Turkish casing: 'I' → 'ı' → 'i' and 'İ' → 'i' (plain toLowerCase() turns 'İ' into 'i̇', two code units).
    const lower = c.toLocaleLowerCase('tr');
    r = SPECIAL[lower] ?? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    // Keep folding length-preserving so indexes map back to the raw text.
    if (r.length !== 1) r = r.charAt(0) || c;
  }
  foldCache.set(c, r);
  return r;
}

/**
 * Lower-case with Turkish rules, diacritics stripped (ç→c, ğ→g, ı/İ→i, ö→o, ş→s, ü→u, â→a ...), typographic quotes
 * and dashes made ASCII, nbsp made a space. Same length as the input.
 */
export function fold(s: string): string {
  return s.replace(/[^a-z0-9 .,:;/()'"-]/g, foldChar);
}

/** Collapse whitespace (nbsp included), drop zero-width characters and soft hyphens, trim. */
export function collapse(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fold + collapse: for phrases and labels written in code. */
export function norm(s: string): string {
  return fold(collapse(s));
}

/** Letters and digits only, folded: "Başlangıç - Bitiş:" → "baslangicbitis". */
export function key(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '');
}
