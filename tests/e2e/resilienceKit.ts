/**
 * What the resilience suites share (restart, concurrent capture, worker stopped, storage full, backup round trip):
 * the replica pages they use, a profile with data behind every card, and snapshots of everything stored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { browser } from 'wxt/browser';
import { ROOT, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { BACKUP_ERRORS, type BackupErrorWhy } from '../../src/backup/errors';
import { type BackupItem, type BackupManifest } from '../../src/backup/format';
import type { BundleManifest } from '../../src/evidence/bundle';
import type { Entry } from '../../src/evidence/record';
import { verifyBundle, type VerifyResult } from '../../src/evidence/verify';
import { EN_MESSAGES } from '../../src/i18n/catalogue';
import { FIXTURES } from '../fixtures';
import { captureOk, grantCapture, makeBackup } from './panelActions';

export const RANDEVU = FIXTURES.find((f) => f.file === 'randevu/date-no-slots-en.html')!;
export const EIKAMET_NO_SLOTS = FIXTURES.find((f) => f.file === 'e-ikamet/appointment-no-slots-en.html')!;
export const STATUS = FIXTURES.find((f) => f.file === 'e-ikamet/status-approved-printing-en.html')!;
export const CHECKLIST = { checklistKey: 'app:extension:short-term', itemId: 'application-form' };

export type Chrome = typeof browser;
/** The English sentence of a backup failure's reason, as the panel shows it (no inner sentence in these). */
export const sentenceOf = (why: string | null) => {
  const key = BACKUP_ERRORS[why as BackupErrorWhy]?.key;
  if (!key) throw new Error(`no backup error ${String(why)}`);
  return EN_MESSAGES[key];
};

// --- helpers ----------------------------------------------------------------------------------------------------

/** A message from an extension page, as the panel sends it. */
export function panelSend<T = unknown>(panel: Page, type: string, payload: unknown): Promise<T> {
  return panel.evaluate(
    ([t, p]) =>
      (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: t, payload: p }),
    [type, payload] as const,
  ) as Promise<T>;
}

export interface Snapshot {
  items: BackupItem[];
  entries: Entry[];
  /** Screenshot path in the bundle → SHA-256. */
  images: Record<string, string>;
  verify: Pick<VerifyResult, 'ok' | 'problems' | 'records' | 'chainHead'>;
}

/** Everything the extension keeps, read as a backup reads it; the evidence part verified as the CLI does. */
export async function snapshotOf(zip: Uint8Array): Promise<Snapshot> {
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files['backup.json']!)) as BackupManifest;
  const bundle = new Map(
    Object.entries(files)
      .filter(([p]) => p.startsWith('evidence/'))
      .map(([p, b]) => [p.slice('evidence/'.length), b] as const),
  );
  const bm = JSON.parse(strFromU8(bundle.get('manifest.json')!)) as BundleManifest;
  const images: Record<string, string> = {};
  for (const [p, b] of bundle)
    if (p.startsWith('images/')) images[p] = createHash('sha256').update(b).digest('hex');
  const v = await verifyBundle(bundle);
  // The verdict, not the manifest (which holds the time it was written).
  return {
    items: manifest.items,
    entries: bm.entries,
    images,
    verify: { ok: v.ok, problems: v.problems, records: v.records, chainHead: v.chainHead },
  };
}

export async function snapshot(panel: Page): Promise<Snapshot> {
  return snapshotOf((await fileOf(panel)).bytes);
}

/** A backup made with the panel's button; pressed again after a failure (the worker may be restarting). */
export async function fileOf(panel: Page): Promise<{ file: string; bytes: Buffer }> {
  const failures: string[] = [];
  for (let i = 0; i < 5; i++) {
    const out = await makeBackup(panel);
    if (out.ok) return out;
    failures.push(out.text);
  }
  throw new Error(`No backup after 5 presses: ${failures.join(' | ')}`);
}

export function same(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

export const fixture = (version: number, name: string): unknown =>
  JSON.parse(readFileSync(join(ROOT, `tests/unit/storage/fixtures/v${version}/${name}.json`), 'utf8'));
/** The version src/storage.ts gives firedReminders (v2 renamed its text ids), read as the migration test does. */
export const FIRED_VERSION = (() => {
  const m =
    /firedRemindersItem = storage\.defineItem<[^>]*>\('local:firedReminders', \{[^}]*?version: (\d+)/.exec(
      readFileSync(join(ROOT, 'src/storage.ts'), 'utf8'),
    );
  // Not found means this test no longer knows the item: fail loudly rather than skip the migration test.
  if (!m) throw new Error('firedRemindersItem and its version not found in src/storage.ts');
  return Number(m[1]);
})();

export const item = (s: Snapshot, key: string) => s.items.find((i) => i.key === key)?.value;
/** Items compared across a browser restart: the reminder log may gain what fell due while it was closed. */
export const stable = (s: Snapshot) => s.items.filter((i) => i.key !== 'local:firedReminders');

export async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

export async function openPortals(b: ExtensionBrowser): Promise<Page> {
  const portal = await b.openPortal(RANDEVU.url, RANDEVU.file);
  await waitFor(
    () =>
      b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        return (
          (await ext.storage.local.get('lastReading')).lastReading as { reading?: { noSlots?: boolean } }
        )?.reading?.noSlots;
      }),
    'the randevu no-slots reading',
  );
  return portal;
}

/** Some of everything: a reading, a checklist tick, two captures (one with an edited note). `panel`: a panel page. */
export async function makeData(b: ExtensionBrowser, panel: Page): Promise<void> {
  const status = await b.openPortal(STATUS.url, STATUS.file);
  await waitFor(
    () =>
      b.sw(async () => {
        const ext = (globalThis as unknown as { chrome: Chrome }).chrome;
        const f = (await ext.storage.local.get('facts')).facts as Record<string, { permitEnd: unknown[] }>;
        return f?.['p-default']?.permitEnd.length;
      }),
    'the status reading in the facts',
  );
  await status.close();
  expect(
    await panelSend(panel, 'panel:checklistItem', { personId: 'p-default', ...CHECKLIST, done: true }),
  ).toEqual({ ok: true });
  const portal = await openPortals(b);
  // The user's toolbar click on the portal tab arms capture; the panel asks for it twice.
  const tabId = await grantCapture(b, portal);
  const first = await captureOk(panel, tabId);
  await captureOk(panel, tabId);
  expect(
    await panelSend(panel, 'panel:evidenceNote', { id: first.recordId, note: 'no slots, 3rd try' }),
  ).toEqual({
    ok: true,
  });
  await portal.close();
}

// --- 1. browser restart -----------------------------------------------------------------------------------------

export function fillStorage(panel: Page): Promise<number> {
  return panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('filler', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('x');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    let n = 0;
    for (let size = 256 * 1024; size >= 1024;) {
      try {
        await new Promise<void>((ok, no) => {
          const tx = db.transaction('x', 'readwrite');
          tx.objectStore('x').put(new Blob([new Uint8Array(size).map((_, j) => (j * 7 + n) & 255)]), n);
          tx.oncomplete = () => ok();
          tx.onabort = () => no(tx.error);
        });
        n++;
      } catch (e) {
        if ((e as DOMException).name !== 'QuotaExceededError') throw e;
        size /= 2;
      }
    }
    db.close();
    return n;
  });
}

/** Rows and blobs in the evidence database (an entry without its image, or the reverse, would show here). */
export function blobCounts(panel: Page) {
  return panel.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('ikamet-evidence');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const count = (s: string) =>
      new Promise<number>((ok) => {
        const q = db.transaction(s).objectStore(s).count();
        q.onsuccess = () => ok(q.result);
      });
    const out = {
      entries: await count('entries'),
      images: await count('images'),
      thumbs: await count('thumbs'),
    };
    db.close();
    return out;
  });
}

// --- 5. backup round trip -----------------------------------------------------------------------------------------
