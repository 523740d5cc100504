/**
 * Firefox: the content script reads both portals, the background stores the readings, the panel page shows them
 * (days left, urgency, extension window, appointment, lockout), reminders are registered as alarms, and nothing
 * leaves the browser (the session's close() fails on any request of the add-on's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../scripts/lib/browser';
import { launchFirefox, type FirefoxSession } from '../../scripts/lib/firefox';
import { addDays, daysBetween, istanbulToday, levelWord, short } from '../e2e/dates';
import { FIXTURES } from '../fixtures';

interface Stored {
  tabReadings?: Record<
    string,
    { reading: { portal: string; page: string; noSlots: boolean; status: string | null } }
  >;
}

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
});

const readings = () =>
  ff.ext(async () => {
    const b = (
      globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Stored> } } } }
    ).browser;
    return Object.values((await b.storage.local.get('tabReadings')).tabReadings ?? {}).map((t) => t.reading);
  });

describe('Firefox: readings', () => {
  it('reads both portals, and the background stores each reading', async () => {
    const status = FIXTURES.find(
      (x) => x.page === 'eikamet-status' && x.expect.permit?.end && x.lang === 'en',
    )!;
    const noSlots = FIXTURES.find((x) => x.portal === 'randevu' && x.expect.noSlots && x.lang === 'tr')!;
    const a = await ff.openPortal(status.url, status.file);
    const b = await ff.openPortal(noSlots.url, noSlots.file);
    await waitFor(
      async () => (await readings()).some((r) => r.page === status.page && r.status === status.expect.status),
      'the e-ikamet status reading',
    );
    await waitFor(
      async () => (await readings()).some((r) => r.portal === 'randevu' && r.noSlots),
      'the randevu no-slots reading',
    );
    await a.close();
    await b.close();
  });

  it('the panel page shows days left, urgency and the extension window, and reminders are alarms', async () => {
    const f = FIXTURES.find((x) => x.page === 'eikamet-status' && x.expect.permit?.end && x.lang === 'en')!;
    const end = f.expect.permit!.end!;
    const page = await ff.openPortal(f.url, f.file);
    const panel = await ff.panel();
    // A no-slots reading (the test before) brings the Evidence tab forward: go back to Deadlines.
    await panel.click('#tab-deadlines');
    const left = daysBetween(istanbulToday(), end);
    await waitFor(
      async () =>
        (await panel
          .$eval('[data-testid=days-left]', (e) => e.getAttribute('data-days-left'))
          .catch(() => null)) === String(left),
      'days left in the panel',
    );
    const text = (sel: string) => panel.$eval(sel, (e) => e.textContent);
    expect(await text('[data-testid=window-opens]')).toBe(short(addDays(end, -60)));
    expect(await text('[data-testid=window-closes]')).toBe(short(end));
    expect(await text('[data-testid=urgency-level]')).toBe(levelWord(left));
    const alarms = await waitFor(async () => {
      const all = await ff.ext(() =>
        (
          globalThis as unknown as { browser: { alarms: { getAll(): Promise<{ name: string }[]> } } }
        ).browser.alarms.getAll(),
      );
      const reminders = all.filter((a) => /^[a-z-]+:/.test(a.name));
      return reminders.length > 0 ? reminders : null;
    }, 'reminder alarms');
    expect(alarms.length).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the appointment and when randevu booking opens again', async () => {
    const f = FIXTURES.find((x) => x.page === 'randevu-my-appointments' && x.lang === 'tr')!;
    const appt = f.expect.appointment!;
    const page = await ff.openPortal(f.url, f.file);
    const panel = await ff.panel();
    await panel.click('#tab-deadlines');
    await waitFor(
      async () =>
        (
          (await panel.$eval('[data-testid=appointment-date]', (e) => e.textContent).catch(() => '')) ?? ''
        ).includes(short(appt.date!)),
      'the appointment in the panel',
    );
    const opens = addDays(appt.bookedOn ?? istanbulToday(), 30);
    expect(await panel.$eval('[data-testid=lockout-opens]', (e) => e.textContent)).toContain(short(opens));
    await page.close();
  });
});
