import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { EN_FORMAT, type Format } from '../../i18n/format';

export type { Format } from '../../i18n/format';

/**
 * The panel's language: every card formats through this (strings, domain lines, dates, numbers), never by hand.
 * The App provides the chosen language's `Format`; a card rendered alone (in a unit test) gets English.
 */
export const FormatContext = createContext<Format>(EN_FORMAT);

export function useFormat(): Format {
  return useContext(FormatContext);
}
