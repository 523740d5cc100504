/**
 * Filling a message's `{placeholders}`. Pure and language-neutral: the caller says how dates and numbers look.
 * Unknown placeholders stay visible (`{name}`), so a missing parameter is noticed, not hidden.
 */
import { isValidIsoDate } from '../domain/calendar';
import type { MessageKey, Messages } from './catalogue';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface RenderOptions {
  /** How an ISO date parameter ("2026-11-24") is shown. */
  formatDate?: (iso: string) => string;
  /** How a number parameter is shown. */
  formatNumber?: (n: number) => string;
}

export function renderMessage(
  messages: Messages,
  key: MessageKey,
  params?: MessageParams,
  options: RenderOptions = {},
): string {
  const template = messages[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return options.formatNumber ? options.formatNumber(v) : String(v);
    return options.formatDate && isValidIsoDate(v) ? options.formatDate(v) : v;
  });
}
