/** The 90/180 calculator in the panel: trips entered by the user give days used, days left and the latest exit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { addDays, istanbulToday } from './dates';

let b: ExtensionBrowser;
beforeAll(async () => {
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
});

describe('stay calculator', () => {
  it('counts an open trip that started 29 days ago as 30 days used, 60 left', async () => {
    const panel = await b.openPanel();
    await panel.getByRole('tab', { name: 'Stay' }).click();
    await panel.getByText('Add a trip').click();
    await panel.locator('#trip-new-entry').fill(addDays(istanbulToday(), -29));
    await panel.getByRole('button', { name: 'Add trip' }).click();
    await expect
      .poll(() => panel.getByTestId('stay-days-used').textContent(), { timeout: 30_000 })
      .toContain('30');
    expect(await panel.getByTestId('stay-days-left').textContent()).toContain('60');
    // It persists: the panel renders from storage.
    await panel.reload();
    await panel.getByRole('tab', { name: 'Stay' }).click();
    await expect.poll(() => panel.getByTestId('stay-days-used').textContent()).toContain('30');
    await panel.close();
  });
});
