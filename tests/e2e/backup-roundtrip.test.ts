/**
 * A backup round trip on the shipped build, byte for byte: backup, delete all, restore, and the chain verifies.
 * How and why: tests/e2e/README.md (Resilience).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { deleteAll, removeDownloads, restoreBackup, showTab } from './panelActions';
import { snapshotOf, snapshot, fileOf, item, makeData } from './resilienceKit';

afterAll(() => removeDownloads());

describe('backup and restore in the real browser', () => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launchWithExtension();
  });
  afterAll(async () => {
    await b?.close();
  });

  it('backup, delete all, restore: everything is back and the chain verifies', async () => {
    const panel = await b.openPanelWindow();
    await makeData(b, panel);
    const made = await fileOf(panel);
    const before = await snapshotOf(made.bytes);
    expect(before.verify).toMatchObject({ ok: true, records: 2 });

    await deleteAll(panel);
    const empty = await snapshot(panel);
    expect(empty.entries).toEqual([]);
    expect(item(empty, 'local:people')).toBeNull();
    expect(item(empty, 'local:checklists')).toBeNull();

    // The panel counts what it put back: every item that holds something, and the two records.
    const held = before.items.filter((i) => i.value !== null).length;
    expect(await restoreBackup(panel, made.file)).toEqual({
      ok: true,
      text: `Restored: stored items: ${held}, evidence records: 2.`,
      code: null,
      why: null,
    });
    const after = await snapshot(panel);
    expect(after.items).toEqual(before.items);
    expect(after.entries).toEqual(before.entries);
    expect(after.images).toEqual(before.images);
    expect(after.entries.map((e) => e.kind)).toEqual(['capture', 'capture', 'note-edit']);
    expect(after.verify.problems).toEqual([]);
    expect(after.verify).toMatchObject({ ok: true, records: 2, chainHead: before.verify.chainHead });
    // The panel shows it: the two records.
    await panel.reload();
    await showTab(panel, 'evidence');
    await expect
      .poll(() => panel.getByTestId('evidence-list').locator('[data-seq]').count(), { timeout: 30_000 })
      .toBe(2);
  }, 120_000);
});
