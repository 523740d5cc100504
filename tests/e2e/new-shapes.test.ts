/**
 * Pages in the shapes nobody here has seen on the live portals (portal-notes.md "Added 2026-12"), in the shipped build:
 * the panel shows what the readers took from them. A confirmation in a modal dialog whose values are sibling spans
 * with a weekday date and a slot range; the status served on the options route; a status from the login page's toast;
 * a "no appointment" wording in no list; a portal page in Arabic, which the panel says is not read yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser } from 'wxt/browser';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { FIXTURES, type Fixture } from '../fixtures';
import { short } from './dates';
import type { PortalReading } from '../../src/portal/types';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

const fixture = (file: string): Fixture => FIXTURES.find((f) => f.file === file)!;

async function clearReadings() {
  await b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    await ext.storage.local.remove(['lastReading', 'tabReadings']);
  });
}

async function lastReading(): Promise<PortalReading | null> {
  return b.sw(async () => {
    const ext = (globalThis as unknown as { chrome: typeof browser }).chrome;
    const s = (await ext.storage.local.get('lastReading')).lastReading as
      { reading: PortalReading } | undefined;
    return s?.reading ?? null;
  });
}

describe('new page shapes, read in the browser and shown in the panel', () => {
  it('a confirmation dialog of sibling spans: the appointment day and the slot start', async () => {
    await clearReadings();
    const f = fixture('randevu/confirm-dialog-en.html');
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByTestId('appointment-date').textContent(), { timeout: 30_000 })
      .toContain(short('2026-12-17'));
    expect(await lastReading()).toMatchObject({ step: 'confirmation', appointment: { time: '09:15' } });
    await page.close();
    await panel.close();
  });

  it('the status on the options route, and a status from the login toast', async () => {
    await clearReadings();
    const onOptions = fixture('e-ikamet/status-on-options-en.html');
    let page = await b.openPortal(onOptions.url, onOptions.file);
    const panel = await b.openPanel();
    const current = panel.getByTestId('status-current');
    await expect
      .poll(() => current.getAttribute('data-status'), { timeout: 30_000 })
      .toBe('delivered-to-ptt');
    await page.close();
    const toast = fixture('e-ikamet/pending-login-toast-en.html');
    page = await b.openPortal(toast.url, toast.file);
    await expect.poll(() => current.getAttribute('data-status'), { timeout: 30_000 }).toBe('in-progress');
    await page.close();
    await panel.close();
  });

  it('a "no appointment" wording in no list, quoted in the panel', async () => {
    await clearReadings();
    const f = fixture('randevu/date-no-slots-worded-tr.html');
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByTestId('noslots').textContent(), { timeout: 30_000 })
      .toContain('Seçilen il için uygun randevu tarihi bulunmamaktadır.');
    await page.close();
    await panel.close();
  });

  it('a portal page in Arabic: the panel says the language is not read yet, and nothing is taken', async () => {
    await clearReadings();
    const f = fixture('e-ikamet/status-unread-language-ar.html');
    const page = await b.openPortal(f.url, f.file);
    const panel = await b.openPanel();
    await expect
      .poll(() => panel.getByTestId('problems').textContent(), { timeout: 30_000 })
      .toContain('This portal language is not read yet: switch the portal to Türkçe or English.');
    expect(await lastReading()).toMatchObject({ language: null, status: null, permit: null, noSlots: false });
    await page.close();
    await panel.close();
  });
});
