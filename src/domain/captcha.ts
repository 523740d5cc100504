/**
 * The captcha error on e-ikamet's pending-application login page, which must never become a status. Its own module
 * (fold only) because the content script's readers use it: importing it through ./status.ts pulled the message
 * catalogue, the sources and the time-zone library into the content script (35 KB gzip instead of 10; bench row
 * "bundle: content script", and the dependency rule `content-script-stays-small` in .dependency-cruiser.cjs).
 */
import { fold } from './fold';

/** The captcha error on the pending-application login page (status guides, SEEN in English). Not a status. */
export const CAPTCHA_FAILURE_TEXTS: readonly string[] = ['Image verification fails'];

/** True for the login page's captcha error, in any casing and spacing: a text that must never become a status. */
export function isCaptchaFailure(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = fold(text).replace(/\s+/g, ' ');
  return CAPTCHA_FAILURE_TEXTS.some((c) => t.includes(fold(c)));
}
