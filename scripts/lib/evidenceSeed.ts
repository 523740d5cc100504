/**
 * Evidence bundles for the benchmark, made in Node through the product's own code: a fake-indexeddb store filled
 * with `appendCapture`, then `exportBundle` to a zip. The benchmark imports that zip through the panel, so the
 * browser's log is seeded exactly as a user's import would seed it. The images are real JPEGs: screenshots of a
 * replica no-slots page taken in Chromium (small ones when thousands of records are needed).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { chromium } from 'playwright-core';
import { exportBundle } from '../../src/evidence/export';
import type { CaptureFields } from '../../src/evidence/record';
import { openEvidenceStore, type ImageInput } from '../../src/evidence/store';
import type { Person } from '../../src/storage';
import { FIXTURES, fixturePath } from '../../tests/fixtures';
import { CHROMIUM } from './browser';

export interface SeedImages {
  image: ImageInput;
  thumb: ImageInput;
}

const nodeSha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The replica randevu "no slots" page (English), as a capture would show it. */
export const NO_SLOTS = (FIXTURES.find(
  (f) => f.portal === 'randevu' && f.expect.noSlots && !f.dynamic && f.lang === 'en',
) ?? FIXTURES.find((f) => f.portal === 'randevu' && f.expect.noSlots && f.lang === 'en'))!;

/**
 * A screenshot and a thumbnail of the replica no-slots page, as JPEGs taken by Chromium. `width`×`height` is the
 * stored image's size; the thumbnail is `thumbWidth` wide (the product makes 240 px ones), JPEG quality 60.
 */
export async function makeImages(size: {
  width: number;
  height: number;
  quality: number;
  thumbWidth: number;
}): Promise<SeedImages> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    const shoot = async (
      width: number,
      height: number,
      zoom: number,
      quality: number,
    ): Promise<ImageInput> => {
      const context = await browser.newContext({ viewport: { width, height } });
      await context.route(/^https?:\/\//, (r) =>
        r.request().url().startsWith(NO_SLOTS.url.split('#')[0]!)
          ? r.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(fixturePath(NO_SLOTS)) })
          : r.abort(),
      );
      const page = await context.newPage();
      await page.goto(NO_SLOTS.url);
      await page.waitForTimeout(NO_SLOTS.settledAfterMs + 100);
      if (zoom !== 1) await page.evaluate((z) => (document.documentElement.style.zoom = String(z)), zoom);
      const bytes = new Uint8Array(await page.screenshot({ type: 'jpeg', quality }));
      await context.close();
      return { bytes, type: 'image/jpeg', width, height };
    };
    const image = await shoot(size.width, size.height, 1, size.quality);
    const tw = size.thumbWidth;
    const thumb = await shoot(tw, Math.round((tw * size.height) / size.width), tw / size.width, 60);
    return { image, thumb };
  } finally {
    await browser.close();
  }
}

/** Five people, as the panel stores them (`peopleItem`: `{ people, activeId }`). */
export const BENCH_PEOPLE: Person[] = ['Me', 'Ayşe', 'Mehmet', 'Elif', 'Can'].map((name, i) => ({
  id: i === 0 ? 'p-default' : `p-bench-${i}`,
  name,
  createdAt: '2026-01-01T00:00:00.000Z',
}));

/**
 * Bundles of `n` captures (one every 20 minutes from 1 Sept 2026, spread over the five people), written to a
 * temporary folder: one bundle per `step` records (the log's first `step`, `2 × step`, …, `n` records), so the
 * panel can import them in turn. One import of 10,000 records writes 20,000 blobs in one IndexedDB transaction,
 * which Chromium commits with one open file per blob: past the process's open-file limit it fails with
 * "Failed to write blobs (IOError)". Importing prefixes in turn adds at most `step` records per transaction.
 */
export async function evidenceBundles(
  n: number,
  images: SeedImages,
  step = n,
): Promise<{ dir: string; files: { records: number; file: string; bytes: number }[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ikamet-bench-'));
  const store = openEvidenceStore({ indexedDB: new IDBFactory(), sha256: nodeSha256 });
  const start = Date.UTC(2026, 8, 1, 6, 0, 0);
  const files: { records: number; file: string; bytes: number }[] = [];
  for (let i = 0; i < n; i++) {
    const p = BENCH_PEOPLE[i % BENCH_PEOPLE.length]!;
    const at = new Date(start + i * 20 * 60_000).toISOString();
    const fields: CaptureFields = {
      trigger: 'panel',
      url: 'https://randevu.goc.gov.tr/#/randevu-al',
      title: 'Randevu Sistemi',
      reading: {
        portal: 'randevu',
        page: 'randevu-booking',
        step: 'date-selection',
        noSlots: true,
        noSlotsText: 'There are no available appointments for the selected criteria.',
        selection: { province: 'İstanbul', office: 'Fatih İl Göç İdaresi', type: 'İkamet' },
        readAtUtc: at,
      },
      personId: p.id,
      personName: p.name,
      extensionVersion: '0.1.0',
      note: i % 10 === 0 ? `Tried again (${i})` : '',
      capturedAtUtc: at,
    };
    await store.appendCapture(fields, images.image, images.thumb);
    if ((i + 1) % step === 0 || i + 1 === n) {
      const { blob } = await exportBundle(store, {
        now: new Date(start + (i + 1) * 20 * 60_000),
        extensionVersion: '0.1.0',
        sha256: nodeSha256,
      });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const file = join(dir, `bundle-${i + 1}.zip`);
      writeFileSync(file, bytes);
      files.push({ records: i + 1, file, bytes: bytes.byteLength });
    }
  }
  store.close();
  return { dir, files };
}
