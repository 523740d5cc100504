/**
 * Backup and restore from the panel on the shipped build, as a user does it: a backup, delete all, a restore that
 * brings everything back, and a file that is not a backup refused. How and why: tests/e2e/README.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { EN_MESSAGES } from '../../src/i18n/catalogue';
import { FIXTURES } from '../fixtures';
import { addDays, istanbulToday } from './dates';
import { evidenceTabForward, grantCapture, noSlotsRead } from './panelActions';

let b: ExtensionBrowser;
let dir: string;
beforeAll(async () => {
  b = await launchWithExtension();
  dir = mkdtempSync(join(tmpdir(), 'ikamet-backup-'));
});
afterAll(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore in the panel', () => {
  it('makes a backup, survives "delete all", restores everything, refuses a file that is not a backup', async () => {
    const f = FIXTURES.find(
      (x) => x.portal === 'randevu' && x.expect.noSlots && !x.dynamic && x.lang === 'en',
    )!;
    const portal = await b.openPortal(f.url, f.file);
    await noSlotsRead(b, portal);
    // The user's toolbar click on the portal tab arms capture (and docks the side panel); the panel page is
    // opened in a window of its own so the portal stays the visible tab of its window.
    await grantCapture(b, portal);
    const panel = await b.openPanelWindow();
    await evidenceTabForward(panel);
    // Data in several stores: a manual end date, an evidence record, a second person.
    const end = addDays(istanbulToday(), 45);
    await panel.locator('#tab-deadlines').click();
    await panel.getByRole('heading', { name: 'Your dates' }).click();
    await panel.locator('#permit-end').fill(end);
    await panel.locator('#permit-end').press('Enter');
    await expect
      .poll(() => panel.getByTestId('urgency-level').textContent(), { timeout: 30_000 })
      .toBe('Medium');
    await panel.locator('#tab-evidence').click();
    // The panel knows the toolbar click armed capture on the portal tab beside it.
    await expect
      .poll(() => panel.getByTestId('capture-status').textContent(), { timeout: 30_000 })
      .toBe(EN_MESSAGES.ui_evidence_status_armed);
    await panel.getByTestId('capture-button').click();
    const rows = panel.getByTestId('evidence-list').locator('[data-seq]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    const people = panel.locator('#person option');
    const first = (await people.first().textContent())!;
    await panel.getByRole('button', { name: '+ Add person' }).click();
    await panel.locator('#new-person').fill('Ayşe');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => people.allTextContents(), { timeout: 30_000 }).toEqual([first, 'Ayşe']);
    // Adding makes the new person active: back to the first, whose end date the urgency shows.
    await panel.locator('#person').selectOption({ label: first });
    await panel.locator('#tab-deadlines').click();
    await expect
      .poll(() => panel.getByTestId('urgency-level').textContent(), { timeout: 30_000 })
      .toBe('Medium');

    // Make the backup.
    await panel.locator('#tab-more').click();
    const download = panel.waitForEvent('download', { timeout: 30_000 });
    await panel.getByTestId('backup-create').click();
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect(file).toMatch(/\.zip$/);
    await expect
      .poll(() => panel.getByTestId('backup-result').textContent(), { timeout: 30_000 })
      .toContain('evidence records: 1');

    // Delete everything.
    await panel.getByTestId('danger-open').click();
    await panel.getByTestId('danger-input').fill('DELETE');
    await panel.getByTestId('danger-confirm').click();
    await expect
      .poll(() => panel.locator('#tab-deadlines').getAttribute('aria-selected'), { timeout: 30_000 })
      .toBe('true');
    await expect.poll(() => panel.getByTestId('urgency-level').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => people.allTextContents(), { timeout: 30_000 }).not.toContain('Ayşe');
    await panel.locator('#tab-evidence').click();
    await expect
      .poll(() => panel.getByTestId('evidence-summary').textContent(), { timeout: 30_000 })
      .toBe(EN_MESSAGES.ui_evidence_summary_empty);
    expect(await rows.count()).toBe(0);

    // A file that is not a backup: refused, nothing changed.
    const bogus = join(dir, 'not-a-backup.zip');
    writeFileSync(bogus, 'hello');
    await panel.locator('#tab-more').click();
    await panel.getByTestId('backup-file').setInputFiles(bogus);
    await panel.getByTestId('backup-restore').click();
    await expect
      .poll(() => panel.getByTestId('backup-result').textContent(), { timeout: 30_000 })
      .toBe(EN_MESSAGES.ui_backup_error_not_zip);
    expect(await panel.getByTestId('backup-result').getAttribute('role')).toBe('alert');
    expect(await panel.getByTestId('backup-result').getAttribute('data-why')).toBe('not-zip');
    expect(await people.allTextContents()).not.toContain('Ayşe');

    // The real backup: choosing it only asks (it names the file and says what is replaced), pressing restores.
    await panel.getByTestId('backup-file').setInputFiles(file);
    await expect
      .poll(() => panel.locator('#backup-confirm').textContent(), { timeout: 30_000 })
      .toContain(`Restoring ${basename(file)} replaces everything here`);
    expect(await people.allTextContents()).not.toContain('Ayşe');
    await panel.getByTestId('backup-restore').click();
    await expect
      .poll(() => panel.getByTestId('backup-result').textContent(), { timeout: 30_000 })
      .toMatch(/^Restored: stored items: \d+, evidence records: 1\.$/);
    await expect.poll(() => people.allTextContents(), { timeout: 30_000 }).toEqual([first, 'Ayşe']);
    await panel.locator('#tab-deadlines').click();
    await expect
      .poll(() => panel.getByTestId('urgency-level').textContent(), { timeout: 30_000 })
      .toBe('Medium');
    await panel.locator('#tab-evidence').click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    await panel.close();
    await portal.close();
  });
});
