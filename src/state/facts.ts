/**
 * Facts about one person, merged from readings and manual entries. Each fact keeps every distinct value seen
 * (bounded), with where and when it came from, so the panel can say "read from e-ikamet status page, 22 Nov
 * 14:05" or "entered by you", show conflicting values side by side, and keep the last good value when a page
 * later fails to read.
 */
import type {
  ApplicationStatus,
  Appointment,
  IsoDate,
  PageKind,
  PermitType,
  Portal,
  PortalReading,
} from '../portal/types';

export interface Observation<T> {
  value: T;
  source: 'read' | 'manual';
  portal: Portal | null;
  page: PageKind | null;
  /** ISO instants. */
  firstSeen: string;
  lastSeen: string;
}

export interface StatusValue {
  status: ApplicationStatus;
  text: string;
  date: IsoDate | null;
}

export interface PersonFacts {
  permitEnd: Observation<IsoDate>[];
  permitStart: Observation<IsoDate>[];
  permitType: Observation<PermitType>[];
  appointment: Observation<Appointment>[];
  /** The portal said the appointment date will be sent by SMS/e-mail (İstanbul, Ankara, busy provinces). */
  appointmentPending: Observation<boolean>[];
  status: Observation<StatusValue>[];
  /** A value the user picked among conflicting ones, per fact. */
  pinned: Partial<Record<FactKey, string>>;
  /** Answers to "Did you attend?", keyed by appointment date. */
  attended: Record<IsoDate, 'yes' | 'no'>;
}

export type FactKey =
  'permitEnd' | 'permitStart' | 'permitType' | 'appointment' | 'appointmentPending' | 'status';

/** Distinct values kept per fact: enough to show a conflict and its history, bounded so storage stays small. */
export const MAX_OBSERVATIONS = 12;

export function emptyFacts(): PersonFacts {
  return {
    permitEnd: [],
    permitStart: [],
    permitType: [],
    appointment: [],
    appointmentPending: [],
    status: [],
    pinned: {},
    attended: {},
  };
}

/** A stable key for a value, so the same value seen again updates `lastSeen` instead of adding a row. */
export function valueKey(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function observe<T>(
  list: Observation<T>[],
  value: T,
  at: string,
  origin: Pick<Observation<T>, 'source' | 'portal' | 'page'>,
): Observation<T>[] {
  const key = valueKey(value);
  const existing = list.find((o) => valueKey(o.value) === key && o.source === origin.source);
  const rest = list.filter((o) => o !== existing);
  const next: Observation<T> = existing
    ? { ...existing, ...origin, lastSeen: at }
    : { value, ...origin, firstSeen: at, lastSeen: at };
  // Newest first; the oldest distinct values fall off the end.
  return [next, ...rest].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen)).slice(0, MAX_OBSERVATIONS);
}

/** The value in force: the one the user pinned, else the most recently seen (manual or read). */
export function current<T>(facts: PersonFacts, key: FactKey): Observation<T> | null {
  const list = facts[key] as unknown as Observation<T>[];
  const pinned = facts.pinned[key];
  if (pinned !== undefined) {
    const hit = list.find((o) => valueKey(o.value) === pinned);
    if (hit) return hit;
  }
  return list[0] ?? null;
}

/** Distinct values seen for a fact, when more than one: the panel shows them with their times. */
export function conflicts<T>(facts: PersonFacts, key: FactKey): Observation<T>[] {
  const list = facts[key] as unknown as Observation<T>[];
  const distinct = new Map<string, Observation<T>>();
  for (const o of list) if (!distinct.has(valueKey(o.value))) distinct.set(valueKey(o.value), o);
  return distinct.size > 1 ? [...distinct.values()] : [];
}

/** Fold one reading into a person's facts. Only values actually read are recorded: a failed read changes nothing. */
export function mergeReading(facts: PersonFacts, r: PortalReading, at: string): PersonFacts {
  const origin = { source: 'read' as const, portal: r.portal, page: r.page };
  const next: PersonFacts = { ...facts };
  if (r.permit?.end) next.permitEnd = observe(facts.permitEnd, r.permit.end, at, origin);
  if (r.permit?.start) next.permitStart = observe(facts.permitStart, r.permit.start, at, origin);
  if (r.permitType) next.permitType = observe(facts.permitType, r.permitType, at, origin);
  if (r.appointment?.date) next.appointment = observe(facts.appointment, r.appointment, at, origin);
  if (r.appointmentPending) next.appointmentPending = observe(facts.appointmentPending, true, at, origin);
  if (r.status && r.statusText) {
    const value: StatusValue = { status: r.status, text: r.statusText, date: r.statusDate };
    next.status = observe(facts.status, value, at, origin);
  }
  return next;
}

export function mergeManual<K extends FactKey>(
  facts: PersonFacts,
  key: K,
  value: PersonFacts[K][number]['value'],
  at: string,
  portal: Portal | null = null,
): PersonFacts {
  // A new entry by hand corrects the previous one: only values read from the portals stay beside it.
  const list = (facts[key] as unknown as Observation<typeof value>[]).filter((o) => o.source !== 'manual');
  const updated = observe(list, value, at, { source: 'manual', portal, page: null });
  // A fresh manual entry is what the user wants in force now.
  const pinned = { ...facts.pinned, [key]: valueKey(value) };
  return { ...facts, [key]: updated, pinned };
}
