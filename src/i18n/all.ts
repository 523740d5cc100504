/**
 * Every catalogue, bundled: for the service worker, which cannot `import()` a chunk, and renders notifications
 * and the context-menu title in the user's chosen language.
 */
import ar from '../../public/_locales/ar/messages.json';
import fa from '../../public/_locales/fa/messages.json';
import ru from '../../public/_locales/ru/messages.json';
import tr from '../../public/_locales/tr/messages.json';
import uk from '../../public/_locales/uk/messages.json';
import { EN_MESSAGES, withFallback, type Lang, type Messages } from './catalogue';
import { makeFormat, type Format } from './format';

const FILES = { tr, ru, uk, ar, fa } as const;
const formats = new Map<Lang, Format>();

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? EN_MESSAGES : withFallback(FILES[lang]);
}

export function formatFor(lang: Lang): Format {
  let f = formats.get(lang);
  if (!f) formats.set(lang, (f = makeFormat(lang, messagesFor(lang))));
  return f;
}
