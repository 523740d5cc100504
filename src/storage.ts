/**
 * Every storage item, defined once and versioned from day one (WXT storage migrations run on first access).
 * Dates are ISO strings. Bulk data (evidence screenshots) will live in IndexedDB, not here.
 * Only the background writes; the panel reads and asks the background for changes.
 */
// WXT's storage, recording each item's version and migrations for the backup restore (src/storageSchemas.ts).
import { storage } from './storageSchemas';
import type { PortalReading } from './portal/types';
import type { CaptureGrant, CaptureOutcome } from './evidence/captureState';
import { emptyFacts, type PersonFacts } from './state/facts';
import type { ApplicationInfo, TimelineEntry } from './state/timeline';
import {
  DEFAULT_REMINDER_SETTINGS,
  type PanelCard,
  type ReminderKind,
  type ReminderSettings,
} from './domain/reminders';
import type { Line } from './domain/text';
import type { ChecklistsStore } from './domain/checklists/types';
import type { Allowance, Trip } from './domain/stay';
import type { LangSetting } from './i18n/catalogue';

export interface Person {
  id: string;
  /** What the user calls this person ("me", "Ayşe"): typed by the user, shown only to them. */
  name: string;
  createdAt: string;
}

export interface PeopleState {
  people: Person[];
  activeId: string;
}

/** A fresh profile has one person so the panel works at once, with no onboarding wall. */
export const DEFAULT_PERSON: Person = { id: 'p-default', name: 'Me', createdAt: '1970-01-01T00:00:00.000Z' };

export const peopleItem = storage.defineItem<PeopleState>('local:people', {
  fallback: { people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id },
  version: 1,
});

/** What is known about each person (dates, appointment, status), keyed by person id. */
export const factsItem = storage.defineItem<Record<string, PersonFacts>>('local:facts', {
  fallback: {},
  version: 1,
});

export interface Settings {
  /** randevu lockout length: 30 days (randevu article) or the 15 some secondary sources give. */
  lockoutDays: 30 | 15;
  /** Warn at the top when a lockout leaves fewer than this many days before the permit ends. */
  lockoutWarnDays: number;
  /** Ad-hoc bridge days declared for public offices, added by the user (ISO dates). */
  bridgeDays: string[];
  /** One-time notices the user has read and closed (e.g. 'fee-safety'); absent in data stored before them. */
  dismissedNotices?: string[];
  /**
   * The panel's and the notifications' language: 'auto' follows the browser's UI language. Absent in
   * data stored before it, which means 'auto' (so no version bump).
   */
  language?: LangSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  lockoutDays: 30,
  lockoutWarnDays: 15,
  bridgeDays: [],
  dismissedNotices: [],
  language: 'auto',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export interface TabReading {
  tabId: number;
  reading: PortalReading;
  /** ISO time the background received it. */
  at: string;
  /**
   * Whose page this tab shows: the person active when the tab was first read. Later readings of the same tab stay
   * with that person, even if another person is selected in the panel meanwhile (absent in entries written
   * before this was kept: those follow the active person).
   */
  personId?: string;
}

/** The latest reading of each open portal tab; cleared when the tab closes. Holds no personal identifiers. */
export const tabReadingsItem = storage.defineItem<Record<string, TabReading>>('local:tabReadings', {
  fallback: {},
  version: 1,
});

/** The newest reading from any portal tab: the panel shows it when opened away from the portals. */
export const lastReadingItem = storage.defineItem<TabReading | null>('local:lastReading', {
  fallback: null,
  version: 1,
});

/**
 * Checklist ticks, "not applicable" marks and notes: personId → checklistKey → itemId → state. Notes are
 * typed by the user, at most 500 characters, shown only to them.
 */
export const checklistsItem = storage.defineItem<ChecklistsStore>('local:checklists', {
  fallback: {},
  version: 1,
});

/** Each person's application status history, oldest first, bounded (src/state/timeline.ts). No application numbers. */
export const timelineItem = storage.defineItem<Record<string, TimelineEntry[]>>('local:timeline', {
  fallback: {},
  version: 1,
});

/** Per person: the user's label for the application and, if they know it, the day the file was complete. */
export const applicationsItem = storage.defineItem<Record<string, ApplicationInfo>>('local:applications', {
  fallback: {},
  version: 1,
});

export const reminderSettingsItem = storage.defineItem<ReminderSettings>('local:reminderSettings', {
  fallback: DEFAULT_REMINDER_SETTINGS,
  version: 1,
});

/**
 * v2: text ids became catalogue keys, which the browser allows only as ASCII letters, digits and `_`
 * ("reminder.days-left.title" → "reminder_days_left_title"). A stored reminder keeps its title's id, so it is
 * renamed the same way; everything else is kept as it was.
 */
function renameTitleIds<T extends { title?: unknown }>(list: unknown): T[] {
  if (!Array.isArray(list)) return [];
  return list.map((r: T) => {
    const title = r?.title as { text?: unknown } | undefined;
    if (!title || typeof title.text !== 'string') return r;
    return { ...r, title: { ...title, text: title.text.replace(/[.-]/g, '_') } };
  });
}

export interface FiredReminder {
  id: string;
  kind: ReminderKind;
  personId: string | null;
  /** When it was due, and when it actually fired (ISO instants). */
  fireAt: string;
  firedAt: string;
  /** Fired well after its time (the browser was closed). */
  late: boolean;
  /** Not shown: a newer reminder of the same kind and person fired instead (after a long absence). */
  superseded?: boolean;
  title: Line;
  card: PanelCard;
}

/** What fired when (newest last, bounded): the guard against firing twice, and the log the panel shows. */
export const firedRemindersItem = storage.defineItem<FiredReminder[]>('local:firedReminders', {
  fallback: [],
  version: 2,
  migrations: { 2: renameTitleIds },
});

export interface ScheduledReminder {
  id: string;
  kind: ReminderKind;
  personId: string | null;
  fireAt: string;
  title: Line;
}

/** The reminders alarms are registered for: only these can fire late after a restart. */
export const scheduledRemindersItem = storage.defineItem<ScheduledReminder[]>('local:scheduledReminders', {
  fallback: [],
  version: 2,
  migrations: { 2: renameTitleIds },
});

/** Set by a notification click: the panel scrolls to this card (and ignores it once it is old). */
export interface PanelFocus {
  card: PanelCard;
  personId: string | null;
  at: string;
}

export const panelFocusItem = storage.defineItem<PanelFocus | null>('local:panelFocus', {
  fallback: null,
  version: 1,
});

/** Evidence log settings (the screenshots themselves live in IndexedDB: src/evidence/store/). */
export interface EvidenceSettings {
  /** Capture by itself when a no-slots message appears (off by default; only while a grant lives). */
  autoCapture: boolean;
  /** At most one automatic capture per page per this many minutes. */
  autoCaptureMinutes: number;
  /** The user has read the one-time notice that a screenshot holds whatever the page shows. */
  noticeSeen: boolean;
}

export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = {
  autoCapture: false,
  autoCaptureMinutes: 10,
  noticeSeen: false,
};

export const evidenceSettingsItem = storage.defineItem<EvidenceSettings>('local:evidenceSettings', {
  fallback: DEFAULT_EVIDENCE_SETTINGS,
  version: 1,
});

/**
 * Tabs where a toolbar click, the keyboard command or the context menu granted activeTab, keyed by tab id. Session
 * storage: grants end with the browser session; dropped on tab close or when the tab leaves the portal's origin.
 */
export const captureGrantsItem = storage.defineItem<Record<string, CaptureGrant>>('session:captureGrants', {
  fallback: {},
  version: 1,
});

/** The outcome of the latest capture (command, context menu, auto), so the panel can say what happened. */
export const lastCaptureItem = storage.defineItem<CaptureOutcome | null>('session:lastCapture', {
  fallback: null,
  version: 1,
});

/** When each page (URL without query) was last captured automatically (ISO), for the once-per-N-minutes rule. */
export const autoCaptureLastItem = storage.defineItem<Record<string, string>>('session:autoCaptureLast', {
  fallback: {},
  version: 1,
});

export function factsFor(all: Record<string, PersonFacts>, personId: string): PersonFacts {
  return all[personId] ?? emptyFacts();
}

/** 90/180 calculator, per person: the allowance for their nationality (90, 60 or 30 days) and their trips. */
export interface StayState {
  allowance: Allowance;
  trips: Trip[];
}

export const stayItem = storage.defineItem<Record<string, StayState>>('local:stay', {
  fallback: {},
  version: 1,
});

export function stayFor(all: Record<string, StayState>, personId: string): StayState {
  return all[personId] ?? { allowance: 90, trips: [] };
}
