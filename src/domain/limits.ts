/**
 * The one table of text limits the user can meet: the panel's fields take their `maxLength` from it, the
 * background's message guard and the value checks refuse anything longer, so what the panel shows is what is
 * stored. Counted in UTF-16 code units, as `maxLength` and `String.length` count.
 */
export const LIMITS = {
  /** A person's name as the user types it ("me", "Ayşe"). */
  personName: 40,
  /** The office and the appointment type of an appointment typed by hand. */
  appointmentOffice: 120,
  appointmentType: 120,
  /** The user's own label for an application (never its number). */
  applicationLabel: 60,
  /** A note on a checklist item. */
  checklistNote: 500,
  /** A note on an evidence record, and the reason given for deleting one. */
  evidenceNote: 1000,
  evidenceReason: 500,
  /** Trips kept for the 90/180 calculator, per person. */
  trips: 500,
  /** "Status unchanged for N days" reminder: at most this many days. */
  unchangedDaysMax: 365,
  /** Times of day to check for cancelled slots. */
  cancellationTimes: 8,
  /** How many days before the lockout ends the panel starts to warn. */
  lockoutWarnDaysMax: 120,
  /**
   * What one reading of a portal page may carry: the reader cuts a page's text and lists to these (a hostile or
   * broken page can make any text huge), and the guard refuses a reading with more (src/portal/shape.ts).
   */
  readingText: 1000,
  readingList: 100,
  /** Problem codes in one reading (there are fewer codes than this: each is reported once). */
  readingProblems: 30,
} as const;

export type LimitName = keyof typeof LIMITS;
