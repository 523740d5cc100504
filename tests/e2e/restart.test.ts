/**
 * A browser restart on the shipped build: the panel, the evidence log and every stored item are as they were.
 * How and why: tests/e2e/README.md (Resilience).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/browser';
import { removeDownloads } from './panelActions';
import { snapshot, item, stable, makeData } from './resilienceKit';

afterAll(() => removeDownloads());

describe('a browser restart', () => {
  let profile: string;
  let b: ExtensionBrowser | null = null;
  beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'ikamet-restart-'));
  });
  afterAll(async () => {
    await b?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps every item and every evidence record, and the chain still verifies', async () => {
    b = await launchWithExtension({ userDataDir: profile });
    const id = b.extensionId;
    let panel = await b.openPanelWindow();
    await makeData(b, panel);
    const before = await snapshot(panel);
    expect(before.verify).toMatchObject({ ok: true, records: 2 });
    expect(before.entries.map((e) => e.kind)).toEqual(['capture', 'capture', 'note-edit']);
    expect(JSON.stringify(item(before, 'local:checklists'))).toContain('"done":true');
    expect(JSON.stringify(item(before, 'local:facts'))).toContain('2027-10-01');
    await b.close();
    b = null;

    b = await launchWithExtension({ userDataDir: profile });
    expect(b.extensionId).toBe(id);
    panel = await b.openPanel();
    const after = await snapshot(panel);
    expect(stable(after)).toEqual(stable(before));
    expect(after.entries).toEqual(before.entries);
    expect(after.images).toEqual(before.images);
    expect(after.verify.problems).toEqual([]);
    expect(after.verify).toMatchObject({ ok: true, records: 2, chainHead: before.verify.chainHead });
  }, 120_000);
});

// --- 2. two tabs at once ----------------------------------------------------------------------------------------
