/**
 * Checklists in the real browser: the stop-and-check on the randevu confirmation step, the extension checklist
 * opening itself on the e-ikamet extension entry page, and ticks that survive a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES } from '../fixtures';
import { addDays, istanbulToday, short } from './dates';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

describe('checklists', () => {
  it.each(['tr', 'en'] as const)(
    'turns the panel into a stop-and-check on the confirmation step (%s)',
    async (lang) => {
      const f = FIXTURES.find((x) => x.expect.step === 'confirmation' && x.lang === lang)!;
      const page = await b.openPortal(f.url, f.file);
      const panel = await b.openPanel();
      const check = panel.getByTestId('confirm-check');
      await expect.poll(() => check.count(), { timeout: 30_000 }).toBe(1);
      const want = f.expect.appointment ?? f.expect.selection;
      expect(await panel.getByTestId('confirm-type').textContent()).toContain(want!.type!);
      if (f.expect.appointment?.date) {
        expect(await panel.getByTestId('confirm-date').textContent()).toContain(
          short(f.expect.appointment.date),
        );
      }
      expect(await panel.getByTestId('confirm-lockout-date').textContent()).toBe(
        short(addDays(istanbulToday(), 30)),
      );
      expect(await panel.getByTestId('confirm-never-clicks').textContent()).toMatch(/never/i);
      await page.close();
      await panel.close();
    },
  );

  it('opens the extension checklist on the extension entry page, and ticks survive a reload', async () => {
    const f = FIXTURES.find((x) => x.page === 'eikamet-extension-entry' && x.lang === 'en')!;
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByRole('tab', { name: 'Documents' }).getAttribute('aria-selected'), {
        timeout: 30_000,
      })
      .toBe('true');
    await expect.poll(() => panel.getByTestId('checklist-kind').inputValue()).toBe('extension');
    const progress = panel.getByTestId('checklist').getByTestId('checklist-progress');
    const before = await progress.textContent();
    const first = panel
      .getByTestId('checklist')
      .locator('[data-testid^="checklist-item-"] input[type="checkbox"]:not([disabled])')
      .first();
    const id = await first.getAttribute('id');
    await first.check();
    await expect.poll(() => progress.textContent()).not.toBe(before);
    await panel.reload();
    await expect.poll(() => panel.locator(`[id="${id}"]`).isChecked(), { timeout: 30_000 }).toBe(true);
    await page.close();
    await panel.close();
  });
});
