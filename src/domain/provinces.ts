/**
 * The provinces some rule is known for (randevu's scope in İstanbul and Bursa; YİMER's 180 days in İstanbul and
 * Antalya). Any other province is "not known here", never assumed to follow İstanbul's rules.
 */
import { norm } from './fold';

export const KNOWN_PROVINCES = ['istanbul', 'bursa', 'antalya'] as const;
export type Province = (typeof KNOWN_PROVINCES)[number];

/** The Turkish name, as the portals write it. */
export const PROVINCE_NAMES: Readonly<Record<Province, string>> = {
  istanbul: 'İstanbul',
  bursa: 'Bursa',
  antalya: 'Antalya',
};

/**
 * The known province a text read from the page names ("İSTANBUL", "Istanbul İl Göç İdaresi Müdürlüğü", "Bursa"),
 * from the first text that names one; null when none does. Turkish-aware folding: "İSTANBUL" and "istanbul" match.
 */
export function provinceIn(...texts: readonly (string | null | undefined)[]): Province | null {
  for (const t of texts) {
    if (!t) continue;
    const words = norm(t).split(/[^a-z]+/);
    const hit = KNOWN_PROVINCES.find((p) => words.includes(p));
    if (hit) return hit;
  }
  return null;
}
