/**
 * Loading a catalogue in an extension page (the panel): English is bundled, the others are separate chunks
 * imported when chosen, so switching language needs no reload and the panel does not carry six catalogues.
 * (A service worker cannot `import()`: the background uses `./all` instead.)
 */
import { EN_MESSAGES, withFallback, type Lang, type MessageFile, type Messages } from './catalogue';

const LOADERS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<{ default: MessageFile }>>> = {
  tr: () => import('../../public/_locales/tr/messages.json'),
  ru: () => import('../../public/_locales/ru/messages.json'),
  uk: () => import('../../public/_locales/uk/messages.json'),
  ar: () => import('../../public/_locales/ar/messages.json'),
  fa: () => import('../../public/_locales/fa/messages.json'),
};

const cache = new Map<Lang, Messages>([['en', EN_MESSAGES]]);

export async function loadMessages(lang: Lang): Promise<Messages> {
  const hit = cache.get(lang);
  if (hit) return hit;
  const file = await LOADERS[lang as Exclude<Lang, 'en'>]();
  const messages = withFallback(file.default);
  cache.set(lang, messages);
  return messages;
}
