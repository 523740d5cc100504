/**
 * The export's zip is written as a stream into Blob pieces (src/evidence/export.ts buildZip): the page never holds
 * more than about ZIP_FLUSH_BYTES of it, and the pieces make exactly the zip that one piece would.
 */
import { Blob as NodeBlob } from 'node:buffer';
import { unzipSync, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../src/evidence/export';

/** Deterministic, incompressible-looking bytes standing in for JPEGs. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

async function zipOf(files: Uint8Array[], flushBytes?: number) {
  return buildZip(async (zip) => {
    files.forEach((b, i) => {
      const f = new ZipPassThrough(`images/${i}.jpg`);
      f.mtime = new Date('2026-11-03T09:00:00.000Z');
      zip.add(f);
      f.push(b, true);
    });
    return files.length;
  }, flushBytes);
}

const asBytes = async (b: Blob) => new Uint8Array(await (b as unknown as NodeBlob).arrayBuffer());

describe('buildZip', () => {
  const files = Array.from({ length: 12 }, (_, i) => bytes(300_000 + i * 1000, i + 1));

  it('hands the zip to Blob pieces of about the flush size as it goes', async () => {
    const { blob, pieces, result } = await zipOf(files, 1_000_000);
    expect(result).toBe(12);
    // ~3.6 MB of zip in pieces of ≥ 1 MB: three or four pieces, never one.
    expect(pieces).toBeGreaterThanOrEqual(3);
    expect(blob.size).toBeGreaterThan(3_600_000);
    expect(blob.type).toBe('application/zip');
  });

  it('the pieces make the same zip, byte for byte, as a single piece', async () => {
    const streamed = await asBytes((await zipOf(files, 1_000_000)).blob);
    const single = await zipOf(files, Number.POSITIVE_INFINITY);
    // Positive control of the flushing itself: with no flush size there is exactly one piece.
    expect(single.pieces).toBe(1);
    expect(streamed).toEqual(await asBytes(single.blob));
    const out = unzipSync(streamed);
    files.forEach((b, i) => expect(out[`images/${i}.jpg`]).toEqual(b));
  });
});
