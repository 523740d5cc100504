/**
 * The vocabulary every layer shares: calendar dates and wall-clock times on Turkey's calendar, the two portals, the
 * permit types and application statuses as the portals name them, and an appointment. The page readers
 * (src/portal) produce these; the rules (src/domain) reason about them.
 */

export type Portal = 'e-ikamet' | 'randevu';

export const PERMIT_TYPES = [
  'short-term',
  'family',
  'student',
  'long-term',
  'humanitarian',
  'trafficking-victim',
  'work',
  'other',
] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export const APPLICATION_STATUSES = [
  'in-progress',
  'approved-printing',
  'delivered-to-ptt',
  'concluded-apply-to-office',
  'documents-required',
  'not-found',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** ISO calendar date, `yyyy-MM-dd`: a date on Turkey's calendar, never shifted by a time zone. */
export type IsoDate = string;
/** `HH:mm`, 24 h, Turkey's wall clock. */
export type WallTime = string;

export interface Appointment {
  date: IsoDate | null;
  time: WallTime | null;
  office: string | null;
  type: string | null;
  /** When the appointment was booked/confirmed ("Kayıt Tarihi", "Created"): starts the 30-day lockout. */
  bookedOn: IsoDate | null;
}
