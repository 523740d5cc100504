/**
 * Every catalogue, for the service worker, which cannot `import()` a chunk and renders notifications and the
 * context-menu title in the user's chosen language. The build trims each to the keys the worker renders
 * (`?background`: see ./backgroundKeys.ts and wxt.config.ts); anything else falls back to English.
 */
import ar from '../../public/_locales/ar/messages.json?background';
import fa from '../../public/_locales/fa/messages.json?background';
import ru from '../../public/_locales/ru/messages.json?background';
import tr from '../../public/_locales/tr/messages.json?background';
import uk from '../../public/_locales/uk/messages.json?background';
import { EN_MESSAGES, withFallback, type Lang, type MessageFile, type Messages } from './catalogue';
import { makeFormat, type Format } from './format';

const FILES: Readonly<Record<Exclude<Lang, 'en'>, MessageFile>> = { tr, ru, uk, ar, fa };
const formats = new Map<Lang, Format>();

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? EN_MESSAGES : withFallback(FILES[lang]);
}

export function formatFor(lang: Lang): Format {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = makeFormat(lang, messagesFor(lang))));
  return f;
}
