/**
 * Dates and numbers per language (date-fns locales), and one `Format` object per language that every card,
 * notification and report uses, so nothing formats by hand.
 *
 * Digits stay Latin in every language (Persian included): the portals, the permit card and the documents all
 * print Latin digits, and a user comparing the panel with the page should see the same figures.
 * Dates are calendar dates (the domain works in Istanbul dates); a portal-style "24.11.2026" is available beside
 * the localized form where the user compares with the page.
 */
import { format as formatDateFns, type Locale } from 'date-fns';
import { ar, enGB, faIR, ru, tr, uk } from 'date-fns/locale';
import { formatIsoDate, formatIstanbulShort, istanbulParts, parseIsoDate, yearOf } from '../domain/calendar';
import { EN_MESSAGES, RTL_LANGS, type Lang, type MessageKey, type Messages } from './catalogue';
import { renderMessage, type MessageParams } from './render';

export const DATE_LOCALES: Readonly<Record<Lang, Locale>> = { en: enGB, tr, ru, uk, ar, fa: faIR };

/** Anything with a message key and parameters: a domain `Line` or a UI string. */
export interface Renderable {
  text: MessageKey;
  params?: MessageParams;
}

export interface Format {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /** A UI string. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The message itself, `{placeholders}` unfilled: for a sentence with links or emphasis inside (`Rich`). */
  raw(key: MessageKey): string;
  /** A domain line (its `{dates}` and numbers formatted for the language). */
  line(l: Renderable): string;
  /** "24 Nov 2026" / "24 Kasım 2026". */
  date(iso: string): string;
  /** The portals' own form: "24.11.2026". */
  portalDate(iso: string): string;
  /** "22 Nov 14:05", Istanbul wall clock (the year added when it is not `today`'s). */
  when(instant: string, today?: string): string;
  num(n: number): string;
}

function localDate(iso: string): Date | null {
  const p = parseIsoDate(iso);
  return p.ok ? new Date(p.year, p.month - 1, p.day, 12) : null;
}

export function portalDate(iso: string): string {
  const p = parseIsoDate(iso);
  if (!p.ok) return iso;
  return `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year}`;
}

export function makeFormat(lang: Lang, messages: Messages): Format {
  const locale = DATE_LOCALES[lang];
  const numberFormat = new Intl.NumberFormat(lang, { numberingSystem: 'latn' });
  const num = (n: number) => (Number.isFinite(n) ? numberFormat.format(n) : String(n));
  const date = (iso: string): string => {
    if (lang === 'en') return parseIsoDate(iso).ok ? formatIsoDate(iso) : iso;
    const d = localDate(iso);
    return d ? formatDateFns(d, 'd MMMM yyyy', { locale }) : iso;
  };
  const when = (instant: string, today?: string): string => {
    if (lang === 'en') return formatIstanbulShort(instant, today);
    const p = istanbulParts(instant);
    const d = new Date(p.year, p.month - 1, p.day, 12);
    const withYear = today !== undefined && yearOf(today) !== p.year;
    return `${formatDateFns(d, withYear ? 'd MMMM yyyy' : 'd MMMM', { locale })} ${p.time}`;
  };
  const options = { formatDate: date, formatNumber: num };
  return {
    lang,
    dir: RTL_LANGS.has(lang) ? 'rtl' : 'ltr',
    t: (key, params) => renderMessage(messages, key, params, options),
    raw: (key) => messages[key] ?? key,
    line: (l) => renderMessage(messages, l.text, l.params, options),
    date,
    portalDate,
    when,
    num,
  };
}

export const EN_FORMAT: Format = makeFormat('en', EN_MESSAGES);
