/**
 * The entry point: one pure function from a page's DOM and URL to a PortalReading. No browser-extension APIs, no
 * changes to the page; the same code runs in the content script, in unit tests (happy-dom) and in the CLI.
 */
import { LIMITS } from '../domain/limits';
import { detectByUrl, detectPage, portalOf } from './detect';
import { readRequiredDocuments } from './eikamet-documents';
import { readLoginToast } from './eikamet-login';
import { readStatusPage } from './eikamet-status';
import { splitGluedLabels } from './labels';
import { detectLanguage, unreadLanguage } from './language';
import { readAppointmentPending, readNoSlots } from './messages';
import { readMyAppointments } from './randevu-appointments';
import { readBooking } from './randevu-booking';
import { readSelection } from './selection';
import { visibleLines } from './text';
import type { PortalReading } from './types';

/** The URL as it may be kept: no query string (e-ikamet puts the application record number there), hash kept. */
export function readingUrl(url: URL): string {
  const u = new URL(url.href);
  u.search = '';
  return u.href;
}

export function emptyReading(url: URL): PortalReading {
  return {
    portal: null,
    page: 'unknown',
    language: null,
    url: readingUrl(url),
    permit: null,
    permitType: null,
    status: null,
    statusText: null,
    statusDate: null,
    appointment: null,
    appointmentPending: false,
    selection: null,
    noSlots: false,
    noSlotsText: null,
    noSlotsSeenAt: null,
    step: null,
    requiredDocuments: null,
    problems: [],
  };
}

/**
 * The longest free text a reading carries, and the most list items and problems (src/domain/limits.ts). A hostile
 * or broken page can make any text huge; the background drops a reading past these (src/portal/shape.ts), so a
 * reading is cut here: the page's status then still gets through. A problem is reported once.
 */
function capTexts(r: PortalReading): PortalReading {
  const cut = (s: string | null) =>
    s !== null && s.length > LIMITS.readingText ? s.slice(0, LIMITS.readingText) : s;
  return {
    ...r,
    statusText: cut(r.statusText),
    noSlotsText: cut(r.noSlotsText),
    appointment: r.appointment && {
      ...r.appointment,
      office: cut(r.appointment.office),
      type: cut(r.appointment.type),
    },
    selection: r.selection && {
      province: cut(r.selection.province),
      office: cut(r.selection.office),
      type: cut(r.selection.type),
    },
    requiredDocuments:
      r.requiredDocuments && r.requiredDocuments.slice(0, LIMITS.readingList).map((d) => cut(d)!),
    problems: [...new Set(r.problems)].slice(0, LIMITS.readingProblems),
  };
}

/**
 * Read what the page visibly says. `noSlotsSeenAt` stays null here: the caller keeps time (mergeNoSlots in
 * noSlots.ts). `now` picks the upcoming appointment among several.
 */
export function read(root: ParentNode, url: URL, now: Date = new Date()): PortalReading {
  const r = emptyReading(url);
  const portal = portalOf(url);
  if (!portal) return r;
  const lines = splitGluedLabels(visibleLines(root));
  r.portal = portal;
  r.page = detectPage(url, lines);
  if (unreadLanguage(lines)) {
    // Arabic or Russian (portal-notes.md, 2026-12): nothing on the page can be matched, so nothing is read from it,
    // and the panel says to switch the portal to Türkçe or English. Never a reading made of leftovers.
    r.problems.push('portal-language-unknown');
    return r;
  }
  r.language = detectLanguage(lines, root);
  Object.assign(r, readNoSlots(lines));
  r.appointmentPending = readAppointmentPending(lines);

  switch (r.page) {
    case 'eikamet-status':
      Object.assign(r, readStatusPage(lines));
      break;
    case 'eikamet-pending-login':
      Object.assign(r, readLoginToast(lines));
      break;
    case 'eikamet-appointment':
      r.selection = readSelection(lines);
      break;
    case 'eikamet-required-documents': {
      const d = readRequiredDocuments(lines);
      r.requiredDocuments = d.requiredDocuments;
      r.problems.push(...d.problems);
      break;
    }
    case 'randevu-booking': {
      const b = readBooking(lines, r.appointmentPending, now);
      r.step = b.step;
      r.selection = b.selection;
      r.appointment = b.appointment;
      r.problems.push(...b.problems);
      break;
    }
    case 'randevu-my-appointments': {
      const a = readMyAppointments(lines, now);
      r.appointment = a.appointment;
      r.problems.push(...a.problems);
      break;
    }
  }
  return capTexts(r);
}

/**
 * read(), and when a reader throws (the page changed shape in a way no reader expected), a reading that says so
 * with a code instead of values: nothing is taken from the page, and the panel says what was kept from earlier
 * readings and what to do. Never a silent failure. The content script uses this; `npm run read-page` calls read()
 * itself and exits 3 instead.
 */
export function readOrReport(root: ParentNode, url: URL, now: Date = new Date()): PortalReading {
  try {
    return read(root, url, now);
  } catch {
    const r = emptyReading(url);
    r.portal = portalOf(url);
    r.page = detectByUrl(url)?.page ?? 'unknown';
    r.problems = ['page-shape-changed'];
    return r;
  }
}
