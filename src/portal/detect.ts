/**
 * Page detection: one detector per page kind, each beside the URLs it must recognise (a unit test checks that every
 * example matches exactly one detector). URLs decide first; when a portal URL is unknown (a path we have not seen,
 * a new hash route) the page's visible content decides.
 *
 * e-ikamet paths are ASP.NET MVC routes, matched case-insensitively (SEEN, portal-notes.md "Paths"). The appointment
 * page path is a GUESS. randevu is hash-routed (SEEN `#/`); its route names are GUESSES, hence the content fallback.
 */
import { chosen, findPhraseLine, findFirst, hasPhrase } from './labels';
import { CONFIRM_BUTTON, HEADINGS, LABELS, STATUS, STEPS } from './phrases';
import type { PageKind, Portal } from './types';
import { key, type Line } from './text';

export interface Detector {
  page: Exclude<PageKind, 'unknown'>;
  portal: Portal;
  examples: readonly string[];
  matches(url: URL): boolean;
}

const EI = 'https://e-ikamet.goc.gov.tr';
const RV = 'https://randevu.goc.gov.tr';

function path(url: URL): string {
  return url.pathname.toLowerCase().replace(/\/+$/, '');
}
/** randevu route without "#", query or trailing slash: "#/randevu-al?x=1" → "/randevu-al". */
function route(url: URL): string {
  return url.hash
    .replace(/^#!?/, '')
    .replace(/[?].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

const isEikamet = (u: URL) => u.origin === EI;
const isRandevu = (u: URL) => u.origin === RV;

export const isEikametHome: Detector = {
  page: 'eikamet-home',
  portal: 'e-ikamet',
  examples: [`${EI}/`, `${EI}`, `${EI}/Home/Index`, `${EI}/?dil=en`],
  matches: (u) => isEikamet(u) && ['', '/home', '/home/index', '/default.aspx'].includes(path(u)),
};

export const isEikametPendingLogin: Detector = {
  page: 'eikamet-pending-login',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/DevamEdenBasvuruGiris`, `${EI}/ikamet/devamedenbasvurugiris/`],
  matches: (u) => isEikamet(u) && path(u) === '/ikamet/devamedenbasvurugiris',
};

export const isEikametPendingOptions: Detector = {
  page: 'eikamet-pending-options',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/DevamEdenBasvuruSecenekler`],
  matches: (u) => isEikamet(u) && path(u) === '/ikamet/devamedenbasvurusecenekler',
};

export const isEikametStatus: Detector = {
  page: 'eikamet-status',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/BasvuruDurum?basvuruKayitNo=2024341234567`, `${EI}/Ikamet/BasvuruDurum`],
  matches: (u) => isEikamet(u) && /^\/ikamet\/basvurudurum(\/|$)/.test(path(u)),
};

export const isEikametExtensionEntry: Detector = {
  page: 'eikamet-extension-entry',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/UzatmaGecisGiris/UzatmaBasvuru`, `${EI}/Ikamet/UzatmaGecisGiris/GecisBasvuru`],
  matches: (u) => isEikamet(u) && /^\/ikamet\/uzatmagecisgiris(\/|$)/.test(path(u)),
};

export const isEikametApplicationForm: Detector = {
  page: 'eikamet-application-form',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/Basvuru/IlkBasvuru`, `${EI}/Ikamet/Basvuru/UzatmaBasvuru`, `${EI}/Ikamet/OnKayit`],
  matches: (u) => isEikamet(u) && /^\/ikamet\/(basvuru|onkayit)(\/|$)/.test(path(u)),
};

export const isEikametAppointment: Detector = {
  page: 'eikamet-appointment',
  portal: 'e-ikamet',
  // GUESS: the real path of the appointment request page is not known.
  examples: [`${EI}/Ikamet/RandevuTalep`, `${EI}/Ikamet/RandevuTalep/Index?id=5`, `${EI}/Ikamet/Randevu`],
  matches: (u) => isEikamet(u) && /^\/ikamet\/randevu[a-z]*(\/|$)/.test(path(u)),
};

export const isEikametRequiredDocuments: Detector = {
  page: 'eikamet-required-documents',
  portal: 'e-ikamet',
  examples: [`${EI}/Ikamet/BasvuruIstenenBelgeler/KisaDonem`, `${EI}/Ikamet/BasvuruIstenenBelgeler`],
  matches: (u) => isEikamet(u) && /^\/ikamet\/basvuruistenenbelgeler(\/|$)/.test(path(u)),
};

export const isRandevuHome: Detector = {
  page: 'randevu-home',
  portal: 'randevu',
  examples: [`${RV}/`, `${RV}/#/`, `${RV}/#/giris`, `${RV}/#/login`, `${RV}/#/kayit-ol`, `${RV}/#/anasayfa`],
  matches: (u) =>
    isRandevu(u) &&
    ['', '/', '/giris', '/login', '/kayit', '/kayit-ol', '/anasayfa', '/home'].includes(route(u)),
};

export const isRandevuBooking: Detector = {
  page: 'randevu-booking',
  portal: 'randevu',
  examples: [
    `${RV}/#/randevu-al`,
    `${RV}/#/randevual`,
    `${RV}/#/randevu-al/tarih-secimi`,
    `${RV}/#/randevu/yeni`,
  ],
  matches: (u) => isRandevu(u) && /^\/(randevu-?al|randevu\/(yeni|olustur|al))(\/|$)/.test(route(u)),
};

export const isRandevuMyAppointments: Detector = {
  page: 'randevu-my-appointments',
  portal: 'randevu',
  examples: [`${RV}/#/randevularim`, `${RV}/#/randevularim/`, `${RV}/#/my-appointments`],
  matches: (u) => isRandevu(u) && /^\/(randevularim|my-appointments)(\/|$)/.test(route(u)),
};

export const DETECTORS: readonly Detector[] = [
  isEikametHome,
  isEikametPendingLogin,
  isEikametPendingOptions,
  isEikametStatus,
  isEikametExtensionEntry,
  isEikametApplicationForm,
  isEikametAppointment,
  isEikametRequiredDocuments,
  isRandevuHome,
  isRandevuBooking,
  isRandevuMyAppointments,
];

export function portalOf(url: URL): Portal | null {
  return isEikamet(url) ? 'e-ikamet' : isRandevu(url) ? 'randevu' : null;
}

export function detectByUrl(url: URL): Detector | null {
  return DETECTORS.find((d) => d.matches(url)) ?? null;
}

const headingKeys = (list: readonly string[]) => new Set(list.map(key));
const STATUS_HEADINGS = headingKeys(HEADINGS.status);
const MY_APPOINTMENTS = headingKeys(HEADINGS.myAppointments);
const STEP_LABELS = STEPS.flatMap((s) => s.labels.map(key));

/**
 * Does the page show an application status? SEEN: the status page has the heading "Başvuru Durumunuz" or the label
 * "İkamet İzni Türü", and a checker treats any response with either as the status page, whatever its route
 * (portal-notes.md, "Added 2026-12": it may be served on DevamEdenBasvuruSecenekler). The heading decides on any
 * route; the label alone only where no form asks for a permit type (the application form and the documents lists
 * do), and only beside a status the readers know.
 */
function showsStatus(url: URL, lines: readonly Line[]): boolean {
  if (lines.some((l) => STATUS_HEADINGS.has(key(l.raw)))) return true;
  const asksForType = [isEikametApplicationForm, isEikametRequiredDocuments].some((d) => d.matches(url));
  return (
    !asksForType &&
    !!chosen(findFirst(lines, LABELS.permitType)) &&
    lines.some((l) => STATUS.some((s) => hasPhrase(l.folded, s.phrases)))
  );
}

/** Page kind from the URL, else from what the page shows; on e-ikamet a page that shows a status is its page. */
export function detectPage(url: URL, lines: readonly Line[]): PageKind {
  const byUrl = detectByUrl(url);
  const portal = portalOf(url);
  if (portal === 'e-ikamet' && byUrl !== isEikametStatus && showsStatus(url, lines)) return 'eikamet-status';
  if (byUrl) return byUrl.page;
  if (portal === 'e-ikamet') {
    // A province chooser on a page about appointments: the appointment request under a path we don't know.
    if (findFirst(lines, LABELS.province) && lines.some((l) => /randevu|appointment/.test(l.folded)))
      return 'eikamet-appointment';
    return 'unknown';
  }
  if (portal === 'randevu') {
    if (lines.some((l) => MY_APPOINTMENTS.has(key(l.raw)))) return 'randevu-my-appointments';
    const stepBar = lines.filter((l) => STEP_LABELS.some((s) => key(l.raw).endsWith(s))).length >= 3;
    if (stepBar || findPhraseLine(lines, CONFIRM_BUTTON)) return 'randevu-booking';
    return 'unknown';
  }
  return 'unknown';
}
