import { LIMITS } from '../domain/limits';
import type { PortalReading } from './types';

/** Drop the query string (e-ikamet puts the application record number there); randevu's hash route stays. */
export function stripQuery(url: string): string {
  try {
    const u = new URL(url);
    u.search = '';
    return u.toString();
  } catch {
    return '';
  }
}

/** The reading as it may be stored: URL without query, texts trimmed to a sane length, problems (codes) capped. */
export function portalReadingForStorage(r: PortalReading): PortalReading {
  const cut = (s: string | null) => (s === null ? null : s.slice(0, 500));
  return {
    ...r,
    url: stripQuery(r.url),
    statusText: cut(r.statusText),
    noSlotsText: cut(r.noSlotsText),
    problems: r.problems.slice(0, LIMITS.readingProblems),
  };
}
