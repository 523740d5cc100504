import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { BACKGROUND_KEY } from '../../src/i18n/backgroundKeys';

/**
 * `…/messages.json?background`: a catalogue trimmed to the keys the service worker renders (src/i18n/all.ts), so
 * the worker does not parse six whole catalogues each time it wakes.
 */
export function backgroundMessages(): Plugin {
  return {
    name: 'ikamet:background-messages',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'background' || !file?.endsWith('messages.json')) return null;
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const subset = JSON.stringify(
        Object.fromEntries(Object.entries(all).filter(([k]) => BACKGROUND_KEY.test(k))),
      );
      return `export default JSON.parse(${JSON.stringify(subset)});`;
    },
  };
}
