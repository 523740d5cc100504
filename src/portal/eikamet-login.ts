/**
 * e-ikamet pending-application login (/Ikamet/DevamEdenBasvuruGiris): the login is a background request, and its
 * answer may come as a noty toast on this same page ("In Progress", "Not found", or the captcha error "Image
 * verification fails."): portal-notes.md, "Added 2026-12" (SEEN in two checker scripts). A status in a toast is a
 * status like any other; the captcha error is not one.
 */
import { isCaptchaFailure } from '../domain/captcha';
import { statusOf } from './eikamet-status';
import { hasPhrase } from './labels';
import { scrub } from './privacy';
import type { Line } from './text';
import type { PortalReading } from './types';

/** noty v2 and v3 markup (SEEN: span.noty_text). */
const TOAST = '.noty_text, .noty_message, .noty_body, .noty_bar';

/**
 * Words of a captcha error in other wordings than the one SEEN (a Turkish "Güvenlik kodu bulunamadı" must not read
 * as "Not found"). GUESS.
 */
const CAPTCHA_WORDS = [
  'captcha',
  'doğrulama',
  'verification',
  'güvenlik kodu',
  'security code',
  'resim',
  'image',
];

function inToast(l: Line): boolean {
  return !!(l.el.closest?.(TOAST) ?? l.el.querySelector?.('.noty_text'));
}

export function readLoginToast(lines: readonly Line[]): Pick<PortalReading, 'status' | 'statusText'> {
  for (const l of lines) {
    if (!inToast(l) || isCaptchaFailure(l.raw) || hasPhrase(l.folded, CAPTCHA_WORDS)) continue;
    const status = statusOf(l.folded);
    if (status) return { status, statusText: scrub(l.raw) };
  }
  return { status: null, statusText: null };
}
