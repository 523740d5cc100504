import { formatIsoDate, formatIstanbulShort } from '../domain/calendar';
import { renderEn, type Line } from '../domain/text';

/**
 * Formatting for the panel. English for now (a later issue adds the catalogues and per-locale date formats);
 * kept behind one hook so the cards never format by hand.
 */
export interface Format {
  line(l: Pick<Line, 'text' | 'params'>): string;
  date(iso: string): string;
  /** "22 Nov 14:05", Istanbul wall clock. */
  when(instant: string, today?: string): string;
}

const EN_FORMAT: Format = {
  line: (l) => renderEn(l),
  date: (iso) => formatIsoDate(iso),
  when: (instant, today) => formatIstanbulShort(instant, today),
};

export function useFormat(): Format {
  return EN_FORMAT;
}
