/**
 * The domain's sentences are messages of the catalogue (`public/_locales/<lang>/messages.json`, src/i18n): the
 * domain only returns ids, params and sources (`Line`), never finished sentences, so any language can render them.
 * `EN` and `renderEn` are the English rendering, for tests, the command-line tools and the evidence report's
 * English copy.
 */
import { formatIsoDate } from './calendar';
import { isWeakSource, type SourceId, type Sourced } from './sources';
import { EN_MESSAGES, type MessageKey, type Messages } from '../i18n/catalogue';
import { renderMessage, type MessageParams } from '../i18n/render';

export const EN: Messages = EN_MESSAGES;

export type TextId = MessageKey;
export type TextParams = MessageParams;

/** One thing the panel shows: a text id, its parameters, and the sources it rests on. */
export interface Line extends Sourced {
  text: TextId;
  params?: TextParams;
}

/** Builds a `Line`; `weak` is derived from the sources so a weak source can never lose its caveat. */
export function line(text: TextId, sources: readonly SourceId[], params?: TextParams, weak = false): Line {
  const isWeak = weak || sources.some(isWeakSource);
  return { text, sources, ...(params ? { params } : {}), ...(isWeak ? { weak: true } : {}) };
}

/**
 * English rendering. Params that are ISO dates are shown as "24 Nov 2026" unless `options.formatDate` says
 * otherwise. Unknown placeholders are left visible (`{name}`) so a missing param is noticed, not hidden.
 * (An options object, not a bare function, so `lines.map(renderEn)` is safe.)
 */
export function renderEn(
  l: Pick<Line, 'text' | 'params'>,
  options: { formatDate?: (iso: string) => string } = {},
): string {
  return renderMessage(EN_MESSAGES, l.text, l.params, { formatDate: options.formatDate ?? formatIsoDate });
}
