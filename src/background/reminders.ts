/**
 * Local reminders: `alarms` for the next occurrences, a notification when one comes due, and a log of what fired.
 * No timers in memory: the schedule is recomputed from storage whenever what it depends on changes, on startup,
 * on install and on every alarm; `local:scheduledReminders` remembers what alarms were set for and
 * `local:firedReminders` is the guard that nothing fires twice, across worker and browser restarts.
 */
import { type Clock, systemClock } from '../clock';
import { browser } from 'wxt/browser';
import { istanbulToday } from '../domain/calendar';
import {
  CANCELLATION_URLS,
  dueReminders,
  isReminderId,
  reminderKindOf,
  reminderSchedule,
  upcomingReminders,
  type Reminder,
  type ReminderPerson,
  type ReminderSettings,
  type ReminderState,
} from '../domain/reminders';
import { resolveLang } from '../i18n/catalogue';
import { formatFor } from '../i18n/all';
import { browserLocale } from '../i18n/browserLocale';
import type { Format } from '../i18n/format';
import type { Appointment } from '../portal/types';
import { current, emptyFacts, type PersonFacts, type StatusValue } from '../state/facts';
import { currentEntry, type TimelineEntry } from '../state/timeline';
import {
  factsItem,
  firedRemindersItem,
  panelFocusItem,
  peopleItem,
  reminderSettingsItem,
  scheduledRemindersItem,
  settingsItem,
  timelineItem,
  type FiredReminder,
  type Person,
  type Settings,
} from '../storage';
import { lockoutEvents } from '../state/lockoutEvents';
import { update } from './update';

/** Fired reminders kept in the log (newest last). */
export const MAX_FIRED = 200;
const ICON = '/icon/128.png';
const PANEL_PAGE = '/sidepanel.html';

/** What the schedule needs to know about each person, from what is stored. Pure. */
export function reminderState(
  people: readonly Person[],
  facts: Record<string, PersonFacts>,
  timeline: Record<string, TimelineEntry[]>,
  settings: Settings,
): ReminderState {
  return {
    lockoutLength: settings.lockoutDays,
    people: people.map((p): ReminderPerson => {
      const f = facts[p.id] ?? emptyFacts();
      const appt = current<Appointment>(f, 'appointment');
      const date = appt?.value.date ?? null;
      return {
        id: p.id,
        permitEnd: current<string>(f, 'permitEnd')?.value ?? null,
        // Once the user has said whether they went, the appointment needs no reminder.
        appointment: date && !f.attended[date] ? { date, time: appt?.value.time ?? null } : null,
        lockoutEvents: lockoutEvents(f, (o) => o.portal === 'randevu'),
        status: statusOf(timeline[p.id] ?? [], f),
      };
    }),
  };
}

function statusOf(list: TimelineEntry[], f: PersonFacts): ReminderPerson['status'] {
  const e = currentEntry(list);
  if (e) return { status: e.status, since: istanbulToday(new Date(e.seenAt)), noticeDate: e.date };
  // Readings from before the timeline existed: the facts still know the status and when it was first seen.
  const o = current<StatusValue>(f, 'status');
  return o
    ? { status: o.value.status, since: istanbulToday(new Date(o.firstSeen)), noticeDate: o.value.date }
    : null;
}

async function loadSchedule(now: Date): Promise<{ schedule: Reminder[]; settings: ReminderSettings }> {
  const [people, facts, timeline, settings, reminderSettings] = await Promise.all([
    peopleItem.getValue(),
    factsItem.getValue(),
    timelineItem.getValue(),
    settingsItem.getValue(),
    reminderSettingsItem.getValue(),
  ]);
  const state = reminderState(people.people, facts, timeline, settings);
  return { schedule: reminderSchedule(state, now, reminderSettings), settings: reminderSettings };
}

/** Logs a reminder as fired; false when it already was (the log is the guard: at most once, even if notifying fails). */
async function logFired(entry: FiredReminder): Promise<boolean> {
  let added = false;
  await update(firedRemindersItem, (list) => {
    if (list.some((f) => f.id === entry.id)) return list;
    added = true;
    return [...list, entry].slice(-MAX_FIRED);
  });
  return added;
}

function firedEntry(r: Reminder, now: Date, late: boolean, superseded = false): FiredReminder {
  return {
    id: r.id,
    kind: r.kind,
    personId: r.personId,
    fireAt: r.fireAt,
    firedAt: now.toISOString(),
    late,
    ...(superseded ? { superseded: true } : {}),
    title: r.title,
    card: r.card,
  };
}

/** Notifications speak the language the user chose for the panel ('auto': the browser's). */
export function notificationFormat(settings: Pick<Settings, 'language'>): Format {
  return formatFor(resolveLang(settings.language, browserLocale()));
}

/** A notification's title and text, in the user's language. Pure. */
export function notificationText(
  r: Pick<Reminder, 'personId' | 'title' | 'body'>,
  late: boolean,
  people: readonly Person[],
  f: Format,
): { title: string; message: string } {
  const person = people.length > 1 && r.personId ? people.find((p) => p.id === r.personId) : undefined;
  const title = f.line(r.title);
  const body = f.line(r.body);
  return {
    title: person ? f.t('ui_reminders_person_title', { name: person.name, title }) : title,
    message: late ? f.t('ui_reminders_notification_missed', { body }) : body,
  };
}

async function notify(r: Reminder, late: boolean, people: readonly Person[], f: Format): Promise<void> {
  if (!browser.notifications) return; // permission not granted (yet): the log still shows it fired
  const { title, message } = notificationText(r, late, people, f);
  try {
    await browser.notifications.create(r.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(ICON),
      title,
      message,
    });
  } catch (e) {
    console.warn('Ikamet Companion: notification failed', e);
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Recompute the schedule, fire what came due (once), and register alarms for what is next. Runs one at a time:
 * several storage changes at once (a reading updates facts and the timeline) must not interleave.
 */
export function refreshReminders(now: Clock = systemClock): Promise<void> {
  const next = queue.catch(() => undefined).then(() => refresh(now()));
  queue = next;
  return next;
}

async function refresh(now: Date): Promise<void> {
  const { schedule } = await loadSchedule(now);
  const [fired, scheduled, people, settings] = await Promise.all([
    firedRemindersItem.getValue(),
    scheduledRemindersItem.getValue(),
    peopleItem.getValue(),
    settingsItem.getValue(),
  ]);
  const firedIds = new Set(fired.map((f) => f.id));
  const due = dueReminders(schedule, new Set(scheduled.map((s) => s.id)), firedIds, now);
  for (const r of due.superseded) {
    if (await logFired(firedEntry(r, now, true, true))) firedIds.add(r.id);
  }
  for (const { reminder, late } of due.fire) {
    firedIds.add(reminder.id);
    // Log first: a worker killed between the two loses a notification, never shows one twice.
    if (await logFired(firedEntry(reminder, now, late)))
      await notify(reminder, late, people.people, notificationFormat(settings));
  }

  const upcoming = upcomingReminders(schedule, firedIds, now);
  const wanted = new Map(upcoming.map((r) => [r.id, Date.parse(r.fireAt)]));
  const alarms = [...(await browser.alarms.getAll())];
  for (const a of alarms) {
    if (isReminderId(a.name) && wanted.get(a.name) !== a.scheduledTime) await browser.alarms.clear(a.name);
  }
  const have = new Set(alarms.filter((a) => wanted.get(a.name) === a.scheduledTime).map((a) => a.name));
  for (const [name, when] of wanted) {
    if (!have.has(name)) await browser.alarms.create(name, { when });
  }
  await scheduledRemindersItem.setValue(
    upcoming.map((r) => ({ id: r.id, kind: r.kind, personId: r.personId, fireAt: r.fireAt, title: r.title })),
  );
}

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Open the panel from a notification click. Chrome documents `sidePanel.open()` only for user gestures (action
 * click, shortcut, context menu, a click in an extension page); whether a notification click counts is not
 * documented, so it is tried first, with no await before it, and the panel page opens in a tab if it fails.
 */
function openPanel(): void {
  const inTab = () => void browser.tabs.create({ url: browser.runtime.getURL(PANEL_PAGE) });
  // WINDOW_ID_CURRENT may be refused from the worker: retry with the real window id, then fall back to a tab.
  const fallback = () => {
    if (import.meta.env.FIREFOX || !browser.sidePanel) return inTab();
    browser.windows
      .getLastFocused()
      .then((w) =>
        w.id === undefined
          ? Promise.reject(new Error('no window'))
          : browser.sidePanel.open({ windowId: w.id }),
      )
      .catch(inTab);
  };
  try {
    const opening = import.meta.env.FIREFOX
      ? (browser as unknown as FirefoxSidebar).sidebarAction?.open()
      : browser.sidePanel?.open({ windowId: browser.windows.WINDOW_ID_CURRENT });
    if (!opening) return fallback();
    opening.catch(fallback);
  } catch {
    fallback();
  }
}

export async function onNotificationClicked(id: string, now: Date = systemClock()): Promise<void> {
  if (!isReminderId(id)) return;
  if (reminderKindOf(id) === 'cancellation-check') {
    // The reminder the user asked for: open the portal to look. The extension itself never polls it.
    const { cancellationPortal } = await reminderSettingsItem.getValue();
    await browser.tabs.create({ url: CANCELLATION_URLS[cancellationPortal] });
  } else {
    const entry = (await firedRemindersItem.getValue()).find((f) => f.id === id);
    if (entry) {
      await panelFocusItem.setValue({ card: entry.card, personId: entry.personId, at: now.toISOString() });
      const personId = entry.personId;
      if (personId) {
        await update(peopleItem, (s) =>
          s.people.some((p) => p.id === personId) ? { ...s, activeId: personId } : s,
        );
      }
    }
  }
  await browser.notifications.clear(id);
}

export function registerReminders(): void {
  const refresh = () => void refreshReminders();
  for (const item of [factsItem, peopleItem, settingsItem, timelineItem, reminderSettingsItem])
    item.watch(refresh);
  browser.alarms.onAlarm.addListener((a) => {
    if (isReminderId(a.name)) refresh();
  });
  // Not granted (yet) in a build without the permission: reminders are still logged.
  browser.notifications?.onClicked.addListener((id) => {
    // Opening the panel must happen inside the click, before any await (see openPanel).
    if (isReminderId(id) && reminderKindOf(id) !== 'cancellation-check') openPanel();
    void onNotificationClicked(id);
  });
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
}
