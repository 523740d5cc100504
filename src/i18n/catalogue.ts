/**
 * The message catalogues: one per language, in the browser's own format (`public/_locales/<lang>/messages.json`),
 * so the same files serve the store listing (`__MSG_extName__`) and the panel, which imports them as JSON and can
 * switch language at runtime (the browser's `i18n.getMessage` only ever speaks the browser's language).
 *
 * English is the reference: its keys are the type of every key (`MessageKey`), and a test fails on a missing or
 * extra key, a lost `{placeholder}` or an untranslated English sentence in any other catalogue.
 * Key names follow the browser's rule (ASCII letters, digits and `_` only; case-insensitive).
 */
import en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
/** A catalogue as the browser stores it: `{ key: { message, description? } }`. */
export type MessageFile = Readonly<Record<string, { message: string; description?: string }>>;
/** A catalogue flattened for rendering. */
export type Messages = Readonly<Record<MessageKey, string>>;

export const LANGS = ['en', 'tr', 'ru', 'uk', 'ar', 'fa'] as const;
export type Lang = (typeof LANGS)[number];
export type LangSetting = Lang | 'auto';

/** Each language's own name for itself (shown in the language menu, whatever the panel's language). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = {
  en: 'English',
  tr: 'Türkçe',
  ru: 'Русский',
  uk: 'Українська',
  ar: 'العربية',
  fa: 'فارسی',
};

/** Written right to left: the panel sets `dir="rtl"` and its layout (logical CSS properties) mirrors. */
export const RTL_LANGS: ReadonlySet<Lang> = new Set<Lang>(['ar', 'fa']);

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** The browser's UI language ("tr-TR", "pt_BR", "fa") to a catalogue: by primary subtag, English otherwise. */
export function langFromLocale(locale: string | null | undefined): Lang {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return isLang(primary) ? primary : 'en';
}

export function resolveLang(
  setting: LangSetting | null | undefined,
  browserLocale: string | null | undefined,
): Lang {
  return setting && setting !== 'auto' && isLang(setting) ? setting : langFromLocale(browserLocale);
}

export function flatten(file: MessageFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(file)) out[k] = v.message;
  return out;
}

export const EN_MESSAGES = flatten(en) as Messages;
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/**
 * A catalogue read from another language's file, completed from English key by key: a missing sentence shows in
 * English rather than as a key (the completeness test keeps that from shipping, this keeps a user from a blank).
 */
export function withFallback(file: MessageFile): Messages {
  const flat = flatten(file);
  const out: Record<string, string> = {};
  for (const k of MESSAGE_KEYS)
    out[k] = typeof flat[k] === 'string' && flat[k] !== '' ? flat[k] : EN_MESSAGES[k];
  return out as Messages;
}
