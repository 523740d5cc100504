/**
 * The deadline panel in the real browser: days left for today's date (computed here, independently), the
 * urgency word, the extension window, the appointment and the lockout, from readings of replica pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES } from '../fixtures';
import { addDays, daysBetween, istanbulToday, levelWord, short } from './dates';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

describe('deadline panel', () => {
  it('shows days left, the urgency word and the extension window read from the status page', async () => {
    const f = FIXTURES.find((x) => x.page === 'eikamet-status' && x.expect.permit?.end && x.lang === 'en')!;
    const end = f.expect.permit!.end!;
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    const left = daysBetween(istanbulToday(), end);
    const daysLeft = panel.getByTestId('days-left');
    await expect.poll(() => daysLeft.getAttribute('data-days-left'), { timeout: 30_000 }).toBe(String(left));
    expect(await panel.getByTestId('urgency-level').textContent()).toBe(levelWord(left));
    expect(await panel.getByTestId('window-opens').textContent()).toBe(short(addDays(end, -60)));
    expect(await panel.getByTestId('window-closes').textContent()).toBe(short(end));
    expect(await panel.locator('.provenance').first().textContent()).toContain(
      'read from e-ikamet status page',
    );
    // The toolbar badge shows the same days left.
    const badge = await b.sw(async () => {
      const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
      return ext.action.getBadgeText({});
    });
    expect(badge).toBe(left > 999 ? '999+' : left < 0 ? '!' : String(left));
    // Every rule shown links to its source.
    const refs = await panel.locator('.headline a.ref').count();
    expect(refs).toBeGreaterThan(0);
    await page.close();
    await panel.close();
  });

  it('shows the appointment and when randevu booking opens again', async () => {
    const f = FIXTURES.find((x) => x.page === 'randevu-my-appointments' && x.lang === 'tr')!;
    const appt = f.expect.appointment!;
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByTestId('appointment-date').textContent(), { timeout: 30_000 })
      .toContain(short(appt.date!));
    const startsOn = appt.bookedOn ?? istanbulToday();
    const opens = addDays(startsOn, 30);
    expect(await panel.getByTestId('lockout-opens').textContent()).toContain(short(opens));
    await page.close();
    await panel.close();
  });

  it('accepts a manual end date, refuses an impossible one with a reason, and survives a worker restart', async () => {
    const panel = await b.openPanel();
    await panel.getByRole('heading', { name: 'Your dates' }).click();
    const input = panel.locator('#permit-end');
    await input.fill('2027-02-30');
    await input.press('Enter');
    await expect.poll(() => panel.locator('#permit-end-msg').textContent()).toContain('does not exist');
    const end = addDays(istanbulToday(), 20);
    await input.fill(end);
    await input.press('Enter');
    await expect.poll(() => panel.getByTestId('urgency-level').textContent()).toBe('High');
    expect(await panel.locator('.headline .provenance').textContent()).toContain('entered by you');
    // Kill the service worker: state lives in storage, not in its memory.
    const cdp = await b.context.newCDPSession(panel);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await panel.reload();
    await expect.poll(() => panel.getByTestId('days-left').getAttribute('data-days-left')).toBe('20');
    await panel.close();
  });

  it('keeps readings apart per person', async () => {
    const panel = await b.openPanel();
    await panel.getByRole('button', { name: '+ Add person' }).click();
    await panel.locator('#new-person').fill('Ayşe');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => panel.locator('#person option:checked').textContent()).toBe('Ayşe');
    await expect.poll(() => panel.getByText('Enter the end date').count()).toBe(1);
    await panel.locator('#person').selectOption({ label: 'Me' });
    await expect.poll(() => panel.getByTestId('days-left').count()).toBe(1);
    await panel.close();
  });
});
