/**
 * What a content script reads from a portal page. Only what the panel needs: no names, passport or ID
 * numbers, phone numbers or e-mail addresses ever appear here (tests/unit/portal/privacy.test.ts).
 */
import type { ApplicationStatus, Appointment, IsoDate, PermitType, Portal } from '../domain/types';

export {
  APPLICATION_STATUSES,
  PERMIT_TYPES,
  type Appointment,
  type ApplicationStatus,
  type IsoDate,
  type PermitType,
  type Portal,
  type WallTime,
} from '../domain/types';

export type Language = 'tr' | 'en';

/** Page kinds, one detector each (src/portal/detect.ts). */
export const PAGE_KINDS = [
  // e-ikamet.goc.gov.tr
  'eikamet-home',
  'eikamet-pending-login',
  'eikamet-pending-options',
  'eikamet-status',
  'eikamet-extension-entry',
  'eikamet-application-form',
  'eikamet-appointment',
  'eikamet-required-documents',
  // randevu.goc.gov.tr (hash routes)
  'randevu-home',
  'randevu-booking',
  'randevu-my-appointments',
  'unknown',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** Where the user stands in the randevu booking flow. */
export const RANDEVU_STEPS = ['person', 'details', 'date-selection', 'confirmation', 'done'] as const;
export type RandevuStep = (typeof RANDEVU_STEPS)[number];

/**
 * What a reader recognised on a page but could not read, one code each. The panel says each in its own language
 * (`READ_PROBLEM_KEY` in src/ui/model/readProblem.ts); a reading never carries a sentence.
 */
export const READ_PROBLEMS = [
  // the whole page: a reader threw (the page changed shape), or the portal is in a language the readers don't know
  'page-shape-changed',
  'portal-language-unknown',
  // e-ikamet status page: the permit's "Başlangıç - Bitiş" range
  'permit-range-empty',
  'permit-range-twice',
  'permit-range-none',
  'permit-range-one',
  'permit-range-impossible',
  'permit-range-reversed',
  // … or its separate start and end dates
  'permit-start-unreadable',
  'permit-start-twice',
  'permit-end-unreadable',
  'permit-end-twice',
  // an approved status with no permit end date on the page
  'permit-end-missing',
  // the status text
  'status-text-missing',
  'status-text-unknown',
  'status-date-not-real',
  // e-ikamet required-documents page
  'documents-list-missing',
  // randevu "Randevularım"
  'appointment-date-not-real',
  'appointment-date-unreadable',
  'booking-date-unreadable',
  // randevu booking, confirmation step
  'confirm-dates-several',
  'confirm-date-missing',
] as const;
export type ReadProblem = (typeof READ_PROBLEMS)[number];

export interface Selection {
  province: string | null;
  office: string | null;
  type: string | null;
}

export interface PortalReading {
  portal: Portal | null;
  page: PageKind;
  language: Language | null;
  /** Page URL without its query string (e-ikamet puts the application record number there); hash routes stay. */
  url: string;
  permit: { start: IsoDate | null; end: IsoDate | null } | null;
  permitType: PermitType | null;
  status: ApplicationStatus | null;
  statusText: string | null;
  /** A date the status text names (e.g. the missing-documents notice date), when one is given. */
  statusDate: IsoDate | null;
  appointment: Appointment | null;
  appointmentPending: boolean;
  selection: Selection | null;
  noSlots: boolean;
  noSlotsText: string | null;
  /** ISO timestamp (UTC) when the no-slots message was first seen; kept after a toast disappears. */
  noSlotsSeenAt: string | null;
  step: RandevuStep | null;
  /** Items of the portal's own required-documents list, when that page is open. */
  requiredDocuments: string[] | null;
  /** What the reader recognised but could not read: codes, each at most once, in the order found. */
  problems: ReadProblem[];
}
