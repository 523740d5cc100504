/**
 * A person's application status timeline: one entry each time the status read from e-ikamet changes.
 * Applications are told apart by a label the user gives ("2026 extension"), never by the application number:
 * the raw status text is scrubbed of it (and of any other identifier) before it is kept.
 */
import type { Said } from '../i18n/said';
import { LIMITS } from '../domain/limits';
import { daysBetween, istanbulToday } from '../domain/calendar';
import { scrub } from '../portal/privacy';
import type { ApplicationStatus, IsoDate } from '../portal/types';

export interface TimelineEntry {
  status: ApplicationStatus;
  /** The status text as shown, scrubbed of identifiers (application number, passport, phone, e-mail). */
  text: string;
  /** A date the status text names (the missing-documents notice date), when one is given. */
  date: IsoDate | null;
  /** The user's label of the application this status belongs to, as it was when first seen. */
  label: string | null;
  /** ISO instants: first time this status was seen, and the last reading that still showed it. */
  seenAt: string;
  lastSeenAt: string;
}

/** What the user says about the application of one person. */
export interface ApplicationInfo {
  /** Their own name for the application ("2026 extension"), so two applications are told apart. */
  label: string | null;
  /** The day the file was complete, when the user knows it: the 90-day decision count starts there. */
  completeOn: IsoDate | null;
}

export const EMPTY_APPLICATION: ApplicationInfo = { label: null, completeOn: null };

/** Entries kept per person: years of status changes; the oldest fall off. */
export const MAX_TIMELINE = 200;
export const MAX_LABEL_LENGTH = LIMITS.applicationLabel;

/** The e-ikamet application number (`2024-34-1234567`): SEEN format; never stored, not even in a label. */
const APPLICATION_NUMBER = /\d{4}-\d{2}-\d{7}/;
/** Any run of 7+ digits (ID numbers, phone numbers, application numbers written without dashes). */
const LONG_DIGITS = /\d[\d\s-]{5,}\d/;

/** The raw status text as it may be stored: identifiers cut out (`scrub`), and the application number for sure. */
export function cleanStatusText(text: string): string {
  return scrub(text).replace(new RegExp(APPLICATION_NUMBER, 'g'), '…').trim().slice(0, 500);
}

/** A label the user typed: trimmed; refused when it looks like an application or ID number. */
export function validateLabel(input: string): { ok: true; label: string | null } | { ok: false; said: Said } {
  const label = input.trim().replace(/\s+/g, ' ');
  if (label === '') return { ok: true, label: null };
  if (label.length > MAX_LABEL_LENGTH) {
    return {
      ok: false,
      said: { key: 'ui_status_label_too_long', params: { max: String(MAX_LABEL_LENGTH) } },
    };
  }
  if (APPLICATION_NUMBER.test(label) || LONG_DIGITS.test(label)) {
    return { ok: false, said: { key: 'ui_status_label_looks_like_number' } };
  }
  return { ok: true, label };
}

export interface StatusSeen {
  status: ApplicationStatus;
  text: string;
  date: IsoDate | null;
}

/**
 * Add a status seen at `at` to a timeline (oldest first). A new entry only when something changed (status, text,
 * notice date or the application's label); otherwise only the last entry's `lastSeenAt` moves. Returns the same
 * array when nothing changed at all, so callers can skip the write.
 */
export function appendStatus(
  list: readonly TimelineEntry[],
  seen: StatusSeen,
  label: string | null,
  at: string,
): TimelineEntry[] {
  const text = cleanStatusText(seen.text);
  const last = list[list.length - 1];
  if (
    last &&
    last.status === seen.status &&
    last.text === text &&
    last.date === seen.date &&
    last.label === label
  ) {
    if (at <= last.lastSeenAt) return list as TimelineEntry[];
    return [...list.slice(0, -1), { ...last, lastSeenAt: at }];
  }
  const entry: TimelineEntry = {
    status: seen.status,
    text,
    date: seen.date,
    label,
    seenAt: at,
    lastSeenAt: at,
  };
  return [...list, entry].slice(-MAX_TIMELINE);
}

export function currentEntry(list: readonly TimelineEntry[]): TimelineEntry | null {
  return list[list.length - 1] ?? null;
}

/** The entries of the application currently labelled `label` (all of them when no label was ever given). */
export function entriesFor(list: readonly TimelineEntry[], label: string | null): TimelineEntry[] {
  return list.filter((e) => e.label === label);
}

export type CompleteOnBasis = 'entered' | 'first-in-progress';

/**
 * The day the 90-day decision count (Law 6458 Art. 21(5)) starts: the date the user entered, else the first day
 * "in progress" was seen for this application after the last missing-documents notice (a file is not complete
 * while documents are missing). The second is an estimate: the portal may have shown it earlier, unseen here.
 */
export function completeOn(
  list: readonly TimelineEntry[],
  app: ApplicationInfo,
): { date: IsoDate; basis: CompleteOnBasis } | null {
  if (app.completeOn) return { date: app.completeOn, basis: 'entered' };
  const entries = entriesFor(list, app.label);
  let start = 0;
  entries.forEach((e, i) => {
    if (e.status === 'documents-required') start = i + 1;
  });
  const first = entries.slice(start).find((e) => e.status === 'in-progress');
  return first ? { date: istanbulToday(new Date(first.seenAt)), basis: 'first-in-progress' } : null;
}

/** Days the current status has stood unchanged, from the day it was first seen (Istanbul calendar). */
export function unchangedSince(entry: TimelineEntry, today: IsoDate): { since: IsoDate; days: number } {
  const since = istanbulToday(new Date(entry.seenAt));
  return { since, days: daysBetween(since, today) };
}
