import { systemClock } from '../clock';
import { browser } from 'wxt/browser';
import { addDays, istanbulInstant, istanbulToday } from '../domain/calendar';
import { urgency, type UrgencyLevel } from '../domain/urgency';
import { current, emptyFacts } from '../state/facts';
import { factsItem, peopleItem } from '../storage';

const ALARM = 'badge-midnight';

/** Colour by level; the text itself (days left or "!") carries the meaning, not the colour alone. */
const COLOURS: Record<UrgencyLevel, string> = {
  low: '#2e7d32',
  medium: '#8a6d00',
  high: '#c45100',
  'very-high': '#c62828',
  critical: '#7b1fa2',
};

export function badgeFor(permitEnd: string | null, now: Date): { text: string; colour: string | null } {
  if (!permitEnd) return { text: '', colour: null };
  const u = urgency(permitEnd, istanbulToday(now));
  if (u.level === 'critical') return { text: '!', colour: COLOURS.critical };
  return { text: u.daysLeft > 999 ? '999+' : String(u.daysLeft), colour: COLOURS[u.level] };
}

export async function refreshBadge(now = systemClock()): Promise<void> {
  const [{ activeId }, all] = await Promise.all([peopleItem.getValue(), factsItem.getValue()]);
  const end = current<string>(all[activeId] ?? emptyFacts(), 'permitEnd')?.value ?? null;
  const { text, colour } = badgeFor(end, now);
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text });
  if (colour) await action.setBadgeBackgroundColor({ color: colour });
  // Days left changes at Istanbul midnight: wake up then (alarms survive the worker being killed).
  const midnight = istanbulInstant(addDays(istanbulToday(now), 1));
  await browser.alarms.create(ALARM, { when: midnight.getTime() + 1000 });
}

export function registerBadge(): void {
  factsItem.watch(() => void refreshBadge());
  peopleItem.watch(() => void refreshBadge());
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM) void refreshBadge();
  });
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
}
