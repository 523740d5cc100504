/**
 * Local reminders: which notifications are due when, from what is known about each person. Pure: the
 * clock is a parameter, and the background (src/background/reminders.ts) turns the schedule into `alarms`.
 *
 * Every reminder has a stable id built from what it is about (`days-left:p-1:15:2026-07-27`), so recomputing the
 * schedule after any change yields the same ids, and the fired log can guard against firing one twice.
 * Day reminders fire at `settings.timeOfDay` on Turkey's wall clock; one that falls in quiet hours moves to the
 * end of them.
 */
import type { ApplicationStatus, IsoDate, WallTime } from './types';
import { addDays, isValidWallTime, istanbulInstant, istanbulParts, istanbulToday } from './calendar';
import { EXTENSION_WINDOW_DAYS } from './extensionWindow';
import { currentLockout, lockoutSources, type LockoutEvent, type LockoutLength } from './lockout';
import { documentsDeadline } from './status';
import { line, type Line, type TextId } from './text';
import { urgency, URGENCY_LOWER_BOUNDS, type UrgencyLevel } from './urgency';

export type ReminderKind =
  | 'window-opens'
  | 'urgency'
  | 'days-left'
  | 'lockout-ends'
  | 'appointment-tomorrow'
  | 'documents-deadline'
  | 'status-unchanged'
  | 'cancellation-check';

export const REMINDER_KINDS: readonly ReminderKind[] = [
  'window-opens',
  'urgency',
  'days-left',
  'lockout-ends',
  'appointment-tomorrow',
  'documents-deadline',
  'status-unchanged',
  'cancellation-check',
];

/**
 * The panel card a notification click opens. `checklist` is the documents checklist's card (fall back to
 * `appointment`).
 */
export type PanelCard =
  'urgency' | 'window' | 'appointment' | 'checklist' | 'lockout' | 'status' | 'reminders';

export interface Reminder {
  /** Stable: `kind:personId:…:date`; also the alarm's and the notification's name. */
  id: string;
  kind: ReminderKind;
  /** ISO instant, after quiet hours. */
  fireAt: string;
  /** The person it is about; null for the "check for cancellations" reminders, which are for everyone. */
  personId: string | null;
  title: Line;
  body: Line;
  card: PanelCard;
}

export interface QuietHours {
  enabled: boolean;
  /** Istanbul wall clock; `start` after `end` spans midnight (22:00–08:00). */
  start: WallTime;
  end: WallTime;
}

export type CancellationPortal = 'randevu' | 'e-ikamet';

export interface ReminderSettings {
  enabled: Record<ReminderKind, boolean>;
  /** When day reminders fire, Istanbul wall clock. */
  timeOfDay: WallTime;
  quietHours: QuietHours;
  /** "Status unchanged" fires this many days after the status was first seen. */
  unchangedDays: number;
  /** Times of day for "check for cancellations" (Istanbul wall clock); none by default. */
  cancellationTimes: WallTime[];
  /** The portal a "check for cancellations" notification opens. */
  cancellationPortal: CancellationPortal;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: {
    'window-opens': true,
    urgency: true,
    'days-left': true,
    'lockout-ends': true,
    'appointment-tomorrow': true,
    'documents-deadline': true,
    'status-unchanged': true,
    'cancellation-check': true,
  },
  // Product choices, not rules: a morning reminder, a night of quiet, and a status nudge a third of the way
  // into the 90-day decision limit (Law 6458 Art. 21(5)).
  timeOfDay: '09:00',
  quietHours: { enabled: true, start: '22:00', end: '08:00' },
  unchangedDays: 30,
  cancellationTimes: [],
  cancellationPortal: 'randevu',
};

export const MAX_CANCELLATION_TIMES = 8;
export const MIN_UNCHANGED_DAYS = 1;
export const MAX_UNCHANGED_DAYS = 365;

export const CANCELLATION_URLS: Record<CancellationPortal, string> = {
  randevu: 'https://randevu.goc.gov.tr/',
  'e-ikamet': 'https://e-ikamet.goc.gov.tr/',
};

/** The permit reminders: 15 and 7 days left. 15 is High's first day; 7 is halfway through Very High. */
export const DAYS_LEFT_REMINDERS = [15, 7] as const;
/** Missing-documents reminders: a week before the deadline, the day before, and the last day itself. */
export const DOCUMENTS_REMINDER_DAYS = [7, 1, 0] as const;
/** Statuses where waiting is the point; the others have their own reminder (documents) or need action now. */
const WAITING_STATUSES: readonly ApplicationStatus[] = [
  'in-progress',
  'approved-printing',
  'delivered-to-ptt',
];

/** What the schedule needs to know about one person (built from storage by the background). */
export interface ReminderPerson {
  id: string;
  permitEnd: IsoDate | null;
  /** The appointment in force, when it has a date. */
  appointment: { date: IsoDate; time: WallTime | null } | null;
  lockoutEvents: readonly LockoutEvent[];
  /** The current application status and the day it was first seen (from the timeline). */
  status: { status: ApplicationStatus; since: IsoDate; noticeDate: IsoDate | null } | null;
}

export interface ReminderState {
  people: readonly ReminderPerson[];
  lockoutLength: LockoutLength;
}

function minutes(t: WallTime): number {
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

/** Moves an instant that falls in quiet hours to their end (Istanbul wall clock). */
export function applyQuietHours(instant: Date, q: QuietHours): Date {
  if (!q.enabled) return instant;
  const start = minutes(q.start);
  const end = minutes(q.end);
  if (start === end) return instant;
  const p = istanbulParts(instant);
  const now = p.hour * 60 + p.minute;
  if (start < end) {
    return now >= start && now < end ? istanbulInstant(p.date, q.end) : instant;
  }
  // Spans midnight: the evening part moves to tomorrow's end, the early-morning part to today's.
  if (now >= start) return istanbulInstant(addDays(p.date, 1), q.end);
  if (now < end) return istanbulInstant(p.date, q.end);
  return instant;
}

/** The first day of each level after Low, as days left (Medium on day 60 … Critical the day after the end). */
const LEVEL_STARTS: readonly [Exclude<UrgencyLevel, 'low'>, number, TextId][] = [
  ['medium', URGENCY_LOWER_BOUNDS.low - 1, 'reminder_urgency_medium_title'],
  ['high', URGENCY_LOWER_BOUNDS.medium - 1, 'reminder_urgency_high_title'],
  ['very-high', URGENCY_LOWER_BOUNDS.high - 1, 'reminder_urgency_very_high_title'],
  ['critical', URGENCY_LOWER_BOUNDS['very-high'] - 1, 'reminder_urgency_critical_title'],
];

function firstAction(permitEnd: IsoDate, on: IsoDate): Line {
  const u = urgency(permitEnd, on);
  return u.actions[0] ?? u.summary;
}

/**
 * Every reminder for the given state, past ones included (the background fires only those that come due while
 * it knows of them, so data entered today never fires a reminder for last week). Sorted by `fireAt`.
 */
export function reminderSchedule(state: ReminderState, now: Date, settings: ReminderSettings): Reminder[] {
  const today = istanbulToday(now);
  const out: Reminder[] = [];
  const on = settings.enabled;
  const at = (date: IsoDate, time: WallTime = settings.timeOfDay) =>
    applyQuietHours(istanbulInstant(date, time), settings.quietHours).toISOString();
  const add = (r: Omit<Reminder, 'fireAt'>, date: IsoDate, time?: WallTime) => {
    if (on[r.kind]) out.push({ ...r, fireAt: at(date, time) });
  };

  for (const p of state.people) {
    const pid = p.id;
    if (p.permitEnd) {
      const end = p.permitEnd;
      const opensOn = addDays(end, -EXTENSION_WINDOW_DAYS);
      add(
        {
          id: `window-opens:${pid}:${opensOn}`,
          kind: 'window-opens',
          personId: pid,
          title: line('reminder_window_opens_title', []),
          body: line('reminder_window_opens_body', ['law-6458-24-2'], { lastDay: end }),
          card: 'window',
        },
        opensOn,
      );
      for (const [level, daysLeft, title] of LEVEL_STARTS) {
        // Medium starts the day the extension window opens: one notification that day is enough.
        if (level === 'medium' && on['window-opens']) continue;
        const date = addDays(end, -daysLeft);
        add(
          {
            id: `urgency:${pid}:${level}:${date}`,
            kind: 'urgency',
            personId: pid,
            title: line(title, [], { daysLeft }),
            body: firstAction(end, date),
            card: 'urgency',
          },
          date,
        );
      }
      for (const daysLeft of DAYS_LEFT_REMINDERS) {
        const date = addDays(end, -daysLeft);
        add(
          {
            id: `days-left:${pid}:${daysLeft}:${date}`,
            kind: 'days-left',
            personId: pid,
            title: line('reminder_days_left_title', [], { daysLeft }),
            body: firstAction(end, date),
            card: 'urgency',
          },
          date,
        );
      }
    }

    const lk = currentLockout(p.lockoutEvents, today, {
      length: state.lockoutLength,
      permitEnd: p.permitEnd,
    });
    if (lk) {
      add(
        {
          id: `lockout-ends:${pid}:${lk.opensOn}`,
          kind: 'lockout-ends',
          personId: pid,
          title: line('reminder_lockout_ends_title', []),
          body: line('lockout_ended', lockoutSources(lk.kind, lk.length), { opensOn: lk.opensOn }),
          card: 'lockout',
        },
        lk.opensOn,
      );
    }

    if (p.appointment) {
      const { date, time } = p.appointment;
      add(
        {
          id: `appointment-tomorrow:${pid}:${date}`,
          kind: 'appointment-tomorrow',
          personId: pid,
          title: line('reminder_appointment_tomorrow_title', [], { date }),
          body: time
            ? line('reminder_appointment_tomorrow_body_time', [], { time })
            : line('reminder_appointment_tomorrow_body', []),
          card: 'checklist',
        },
        addDays(date, -1),
      );
    }

    const s = p.status;
    if (s?.status === 'documents-required') {
      const c = documentsDeadline(s.noticeDate, s.since, today);
      for (const daysLeft of DOCUMENTS_REMINDER_DAYS) {
        add(
          {
            id: `documents-deadline:${pid}:${c.deadline}:${daysLeft}`,
            kind: 'documents-deadline',
            personId: pid,
            title:
              daysLeft === 0
                ? line('reminder_documents_deadline_today_title', [])
                : line('reminder_documents_deadline_title', [], { daysLeft }),
            body: c.line,
            card: 'status',
          },
          addDays(c.deadline, -daysLeft),
        );
      }
    }
    if (s && WAITING_STATUSES.includes(s.status)) {
      const days = settings.unchangedDays;
      add(
        {
          id: `status-unchanged:${pid}:${s.since}:${days}`,
          kind: 'status-unchanged',
          personId: pid,
          title: line('reminder_status_unchanged_title', [], { days }),
          body: line('reminder_status_unchanged_body', []),
          card: 'status',
        },
        addDays(s.since, days),
      );
    }
  }

  // Yesterday's occurrences too, so one missed while the browser was closed can still fire late.
  for (const d of [-1, 0, 1]) {
    const date = addDays(today, d);
    for (const time of settings.cancellationTimes) {
      add(
        {
          id: `cancellation-check:${date}T${time}`,
          kind: 'cancellation-check',
          personId: null,
          title: line('reminder_cancellation_check_title', []),
          body: line('reminder_cancellation_check_body', ['relocation-guide']),
          card: 'appointment',
        },
        date,
        time,
      );
    }
  }

  return out.sort((a, b) => a.fireAt.localeCompare(b.fireAt) || a.id.localeCompare(b.id));
}

export function isReminderId(name: string): boolean {
  return REMINDER_KINDS.some((k) => name.startsWith(`${k}:`));
}

export function reminderKindOf(id: string): ReminderKind | null {
  return REMINDER_KINDS.find((k) => id.startsWith(`${k}:`)) ?? null;
}

/** A reminder fired more than this after its time is marked late (an alarm normally fires within a minute). */
export const LATE_AFTER_MS = 5 * 60_000;
/** Alarms may fire a moment early; a reminder this close to its time counts as due. */
const EARLY_TOLERANCE_MS = 1000;

export interface Due {
  /** To notify now, each once; `late` when well past its time. */
  fire: { reminder: Reminder; late: boolean }[];
  /** Older missed reminders of the same kind and person as a newer one: logged, not shown (no burst after a week away). */
  superseded: Reminder[];
}

/**
 * The reminders to fire now: in the current schedule, registered earlier (`scheduledIds`: what alarms were set
 * for), come due, and not fired yet. Registered-earlier is what makes "missed while the browser was closed" fire
 * once on next start while a date entered today never fires last week's reminder.
 */
export function dueReminders(
  schedule: readonly Reminder[],
  scheduledIds: ReadonlySet<string>,
  firedIds: ReadonlySet<string>,
  now: Date,
): Due {
  const t = now.getTime();
  const due = schedule.filter(
    (r) => scheduledIds.has(r.id) && !firedIds.has(r.id) && Date.parse(r.fireAt) <= t + EARLY_TOLERANCE_MS,
  );
  const newest = new Map<string, Reminder>();
  for (const r of due) newest.set(`${r.kind}|${r.personId ?? ''}`, r); // sorted: the last one wins
  const keep = new Set(newest.values());
  return {
    fire: due
      .filter((r) => keep.has(r))
      .map((reminder) => ({ reminder, late: t - Date.parse(reminder.fireAt) > LATE_AFTER_MS })),
    superseded: due.filter((r) => !keep.has(r)),
  };
}

/** Alarms kept registered at once: the nearest ones; the rest are registered as these fire. */
export const MAX_ALARMS = 50;

export function upcomingReminders(
  schedule: readonly Reminder[],
  firedIds: ReadonlySet<string>,
  now: Date,
): Reminder[] {
  const t = now.getTime();
  return schedule
    .filter((r) => !firedIds.has(r.id) && Date.parse(r.fireAt) > t + EARLY_TOLERANCE_MS)
    .slice(0, MAX_ALARMS);
}

export type ReminderSettingsPatch = Partial<{
  enabled: Partial<Record<ReminderKind, boolean>>;
  timeOfDay: WallTime;
  quietHours: QuietHours;
  unchangedDays: number;
  cancellationTimes: WallTime[];
  cancellationPortal: CancellationPortal;
}>;

/** Applies the valid parts of a patch; anything malformed is ignored (the guard has already checked shapes). */
export function applyReminderSettings(s: ReminderSettings, patch: ReminderSettingsPatch): ReminderSettings {
  const next: ReminderSettings = { ...s, enabled: { ...s.enabled }, quietHours: { ...s.quietHours } };
  for (const k of REMINDER_KINDS) {
    const v = patch.enabled?.[k];
    if (typeof v === 'boolean') next.enabled[k] = v;
  }
  if (isValidWallTime(patch.timeOfDay)) next.timeOfDay = patch.timeOfDay;
  const q = patch.quietHours;
  if (q && typeof q.enabled === 'boolean' && isValidWallTime(q.start) && isValidWallTime(q.end)) {
    next.quietHours = { enabled: q.enabled, start: q.start, end: q.end };
  }
  const n = patch.unchangedDays;
  if (typeof n === 'number' && Number.isFinite(n)) {
    next.unchangedDays = Math.min(MAX_UNCHANGED_DAYS, Math.max(MIN_UNCHANGED_DAYS, Math.round(n)));
  }
  if (Array.isArray(patch.cancellationTimes) && patch.cancellationTimes.every(isValidWallTime)) {
    next.cancellationTimes = [...new Set(patch.cancellationTimes)].sort().slice(0, MAX_CANCELLATION_TIMES);
  }
  if (patch.cancellationPortal === 'randevu' || patch.cancellationPortal === 'e-ikamet') {
    next.cancellationPortal = patch.cancellationPortal;
  }
  return next;
}
