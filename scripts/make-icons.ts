/**
 * Draws the toolbar/store icons (public/icon/*.png) from simple shapes, so they can be re-made and reviewed as
 * code: a calendar page on a deep teal tile, with a clock hand, the product's two questions (when, how long).
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];
const TEAL: RGBA = [14, 94, 99, 255];
const WHITE: RGBA = [255, 255, 255, 255];
const RED: RGBA = [214, 48, 49, 255];
const INK: RGBA = [14, 94, 99, 255];

/** Coverage of each shape at a point of the unit square (0..1 coordinates). */
function inRoundRect(
  x: number,
  y: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function colourAt(x: number, y: number): RGBA | null {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  // calendar header band (red) and page (white)
  if (inRoundRect(x, y, 0.2, 0.22, 0.8, 0.82, 0.07)) {
    if (y < 0.38) return RED;
    // clock face ring and hands on the page
    const dx = x - 0.5;
    const dy = y - 0.6;
    const d = Math.hypot(dx, dy);
    if (d < 0.17 && d > 0.125) return INK;
    if (Math.abs(dx) < 0.025 && dy < 0 && dy > -0.12) return INK;
    if (Math.abs(dy) < 0.025 && dx > 0 && dx < 0.09) return INK;
    return WHITE;
  }
  // binder rings
  if (inRoundRect(x, y, 0.31, 0.14, 0.37, 0.3, 0.03) || inRoundRect(x, y, 0.63, 0.14, 0.69, 0.3, 0.03))
    return WHITE;
  return TEAL;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const ss = 8; // supersampling per axis: smooth edges at 16 px
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i]! += c[i]! * c[3];
          acc[3]! += c[3];
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const a = acc[3]!;
      raw[o] = a ? Math.round(acc[0]! / a) : 0;
      raw[o + 1] = a ? Math.round(acc[1]! / a) : 0;
      raw[o + 2] = a ? Math.round(acc[2]! / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('icons written to public/icon/');
