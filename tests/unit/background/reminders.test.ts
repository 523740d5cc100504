import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { handlers } from '../../../src/background/handlers';
import {
  onNotificationClicked,
  refreshReminders,
  registerReminders,
} from '../../../src/background/reminders';
import { istanbulInstant } from '../../../src/domain/calendar';
import { emptyFacts, mergeReading } from '../../../src/state/facts';
import {
  DEFAULT_PERSON,
  factsItem,
  firedRemindersItem,
  panelFocusItem,
  peopleItem,
  reminderSettingsItem,
  scheduledRemindersItem,
} from '../../../src/storage';
import { reading } from '../helpers';

const IST = (date: string, time = '09:00') => istanbulInstant(date, time);
const PID = DEFAULT_PERSON.id;
const WINDOW = `window-opens:${PID}:2026-06-12`;

async function permitEnds(end: string, at = '2026-05-01T06:00:00.000Z') {
  await factsItem.setValue({
    [PID]: mergeReading(
      emptyFacts(),
      reading({ permit: { start: null, end }, status: null, statusText: null }),
      at,
    ),
  });
}
const run = (now: Date) => refreshReminders(() => now);
const alarmNames = async () => (await browser.alarms.getAll()).map((a) => a.name).sort();

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background reminders', () => {
  it('registers alarms (name = reminder id) at the expected instants and remembers them', async () => {
    await permitEnds('2026-08-11');
    await run(new Date('2026-05-01T09:00:00.000Z'));
    expect(await alarmNames()).toEqual(
      [
        WINDOW,
        `urgency:${PID}:high:2026-07-13`,
        `days-left:${PID}:15:2026-07-27`,
        `urgency:${PID}:very-high:2026-07-28`,
        `days-left:${PID}:7:2026-08-04`,
        `urgency:${PID}:critical:2026-08-12`,
      ].sort(),
    );
    expect((await browser.alarms.get(WINDOW))?.scheduledTime).toBe(Date.parse('2026-06-12T06:00:00.000Z'));
    expect((await scheduledRemindersItem.getValue()).map((s) => s.id)).toContain(WINDOW);
    expect(await firedRemindersItem.getValue()).toEqual([]);
  });

  it('fires a due reminder once: compute, fire, restart, recompute → nothing fires twice', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    await permitEnds('2026-08-11');
    await run(new Date('2026-05-01T09:00:00.000Z'));
    const due = new Date(IST('2026-06-12').getTime() + 20_000);
    await run(due); // the alarm went off
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe(WINDOW);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      type: 'basic',
      title: 'Extension window opens today',
      iconUrl: expect.stringContaining('/icon/128.png') as unknown,
    });
    expect(await firedRemindersItem.getValue()).toMatchObject([{ id: WINDOW, late: false, card: 'window' }]);
    expect(await alarmNames()).not.toContain(WINDOW);

    // Restart: the alarm may fire again (Chrome replays missed alarms), onStartup recomputes too.
    await run(new Date(due.getTime() + 60_000));
    await run(new Date(due.getTime() + 120_000));
    expect(create).toHaveBeenCalledTimes(1);
    expect(await firedRemindersItem.getValue()).toHaveLength(1);
  });

  it('a reminder missed while the browser was closed fires once on next start, marked late', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    await permitEnds('2026-08-11');
    await run(new Date('2026-05-01T09:00:00.000Z'));
    await browser.alarms.clearAll(); // Chrome may drop alarms over a browser restart
    const start = IST('2026-06-14', '19:00');
    await run(start);
    await run(new Date(start.getTime() + 1000));
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[1]).toMatchObject({
      message: expect.stringContaining('Missed while the browser was closed') as unknown,
    });
    expect(await firedRemindersItem.getValue()).toMatchObject([{ id: WINDOW, late: true }]);
    // The later ones are registered again.
    expect(await alarmNames()).toContain(`urgency:${PID}:high:2026-07-13`);
  });

  it('data entered today never fires last week’s reminder', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    await run(new Date('2026-07-20T09:00:00.000Z'));
    await permitEnds('2026-08-11', '2026-07-20T09:00:00.000Z');
    await run(new Date('2026-07-20T09:00:01.000Z'));
    expect(create).not.toHaveBeenCalled();
    expect(await alarmNames()).toEqual(
      [
        `days-left:${PID}:15:2026-07-27`,
        `urgency:${PID}:very-high:2026-07-28`,
        `days-left:${PID}:7:2026-08-04`,
        `urgency:${PID}:critical:2026-08-12`,
      ].sort(),
    );
  });

  it('reschedules on change: stale alarms cleared, new ones created; turning a kind off clears its alarms', async () => {
    await permitEnds('2026-08-11');
    await run(new Date('2026-05-01T09:00:00.000Z'));
    await permitEnds('2026-09-30');
    await run(new Date('2026-05-01T09:01:00.000Z'));
    const names = await alarmNames();
    expect(names).not.toContain(WINDOW);
    expect(names).toContain(`window-opens:${PID}:2026-08-01`);
    expect(names.every((n) => !n.includes('2026-08-11') && !n.includes('2026-07-13'))).toBe(true);

    await handlers['panel:setReminderSettings'](
      { enabled: { urgency: false, 'days-left': false } },
      { tabId: null, now: () => new Date() },
    );
    await run(new Date('2026-05-01T09:02:00.000Z'));
    expect(await alarmNames()).toEqual([`window-opens:${PID}:2026-08-01`]);

    // A new time of day moves the alarm (same id, new instant).
    await handlers['panel:setReminderSettings'](
      { timeOfDay: '18:00' },
      { tabId: null, now: () => new Date() },
    );
    await run(new Date('2026-05-01T09:03:00.000Z'));
    expect((await browser.alarms.get(`window-opens:${PID}:2026-08-01`))?.scheduledTime).toBe(
      IST('2026-08-01', '18:00').getTime(),
    );
  });

  it('leaves other alarms (the badge) alone', async () => {
    await browser.alarms.create('badge-midnight', { when: Date.parse('2026-05-02T00:00:00.000Z') });
    await permitEnds('2026-08-11');
    await run(new Date('2026-05-01T09:00:00.000Z'));
    await permitEnds('2027-08-11');
    await run(new Date('2026-05-01T09:01:00.000Z'));
    expect(await alarmNames()).toContain('badge-midnight');
  });

  it('recomputes when stored state changes (watchers) and on alarms', async () => {
    registerReminders();
    await permitEnds('2030-08-11');
    await vi.waitFor(async () => expect(await alarmNames()).toContain(`window-opens:${PID}:2030-06-12`));
  });

  it('a notification click opens the panel on the reminder’s card (and its person)', async () => {
    const { personId } = await handlers['panel:addPerson'](
      { name: 'Ayşe' },
      { tabId: null, now: () => new Date() },
    );
    await firedRemindersItem.setValue([
      {
        id: WINDOW,
        kind: 'window-opens',
        personId: PID,
        fireAt: '2026-06-12T06:00:00.000Z',
        firedAt: '2026-06-12T06:00:10.000Z',
        late: false,
        title: { text: 'reminder_window_opens_title', sources: [] },
        card: 'window',
      },
    ]);
    expect((await peopleItem.getValue()).activeId).toBe(personId);
    await onNotificationClicked(WINDOW, new Date('2026-06-12T07:00:00.000Z'));
    expect(await panelFocusItem.getValue()).toEqual({
      card: 'window',
      personId: PID,
      at: '2026-06-12T07:00:00.000Z',
    });
    expect((await peopleItem.getValue()).activeId).toBe(PID);
  });

  it('without a side panel API the click opens the panel page in a tab', async () => {
    const tabs = vi.spyOn(browser.tabs, 'create');
    registerReminders();
    await fakeBrowser.notifications.onClicked.trigger(WINDOW);
    await vi.waitFor(() =>
      expect(tabs).toHaveBeenCalledWith({ url: expect.stringContaining('/sidepanel.html') as unknown }),
    );
  });

  it('a "check for cancellations" click opens the portal the user picked', async () => {
    const tabs = vi.spyOn(browser.tabs, 'create');
    await onNotificationClicked('cancellation-check:2026-05-01T10:00');
    expect(tabs).toHaveBeenLastCalledWith({ url: 'https://randevu.goc.gov.tr/' });
    await reminderSettingsItem.setValue({
      ...(await reminderSettingsItem.getValue()),
      cancellationPortal: 'e-ikamet',
    });
    await onNotificationClicked('cancellation-check:2026-05-01T10:00');
    expect(tabs).toHaveBeenLastCalledWith({ url: 'https://e-ikamet.goc.gov.tr/' });
  });

  it('cancellation checks roll over: after one fires, the next day’s is registered', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    await reminderSettingsItem.setValue({
      ...(await reminderSettingsItem.getValue()),
      cancellationTimes: ['10:00'],
    });
    await run(IST('2026-05-01', '08:00'));
    expect(await alarmNames()).toEqual([
      'cancellation-check:2026-05-01T10:00',
      'cancellation-check:2026-05-02T10:00',
    ]);
    await run(new Date(IST('2026-05-01', '10:00').getTime() + 5000));
    expect(create).toHaveBeenCalledTimes(1);
    expect(await alarmNames()).toEqual(['cancellation-check:2026-05-02T10:00']);
  });
});
