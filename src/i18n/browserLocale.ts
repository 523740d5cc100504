import { browser } from 'wxt/browser';

/** The browser's UI language ("tr", "en-US"); `navigator.language` where the i18n API is missing (tests). */
export function browserLocale(): string {
  try {
    return browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language ?? 'en';
  } catch {
    return globalThis.navigator?.language ?? 'en';
  }
}
