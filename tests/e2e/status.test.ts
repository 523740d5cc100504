/**
 * Status timeline and reminders in the real browser: a status page that changes from in-progress to
 * documents-required adds a timeline entry and a countdown; alarms are registered for the expected times.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES } from '../fixtures';
import { addDays, short } from './dates';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

const statusPage = (status: string) =>
  FIXTURES.find((f) => f.page === 'eikamet-status' && f.expect.status === status && f.lang === 'en')!;

describe('status timeline and reminders', () => {
  it('adds a timeline entry and a documents countdown when the status changes', async () => {
    const before = statusPage('in-progress');
    const after = statusPage('documents-required');
    const page = await b.openPortal(before.url, before.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByTestId('status-current').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('in-progress');
    // The same address now answers with the missing-documents notice, as the portal would after a review.
    b.serve(after.url, after.file);
    await b.reload(page);
    await expect
      .poll(() => panel.getByTestId('status-current').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('documents-required');
    expect(await panel.getByTestId('status-history').locator('li').count()).toBe(2);
    const countdown = panel.getByTestId('documents-countdown');
    expect(await countdown.count()).toBe(1);
    // 30 days from the date the portal shows (not from the day it was first seen).
    expect(await countdown.getAttribute('data-estimated')).toBe('false');
    expect(await countdown.textContent()).toContain(short(addDays(after.expect.statusDate!, 30)));
    await page.close();
    await panel.close();
  });

  it('registers alarms in the browser for the reminders of a known permit end', async () => {
    const f = statusPage('approved-printing');
    const end = f.expect.permit!.end!;
    const page = await b.openPortal(f.url, f.file);
    const id = `window-opens:p-default:${addDays(end, -60)}`;
    // 09:00 in Istanbul (UTC+3) on the day the window opens.
    const when = Date.parse(`${addDays(end, -60)}T06:00:00Z`);
    await expect
      .poll(
        () =>
          b.sw(async () => {
            const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
            return (await ext.alarms.getAll()).map((a) => ({ name: a.name, at: a.scheduledTime }));
          }),
        { timeout: 30_000 },
      )
      .toContainEqual({ name: id, at: when });
    await page.close();
  });
});
