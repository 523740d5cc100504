/**
 * Compress the PNG that `tabs.captureVisibleTab` returns into what is stored: the smaller of a JPEG (quality 0.85)
 * and the original PNG (formats any viewer a lawyer or an office has opens; WebP would be ~half the size but is
 * less universal), and a ~240 px JPEG thumbnail for the list. Measured on the replica no-slots pages at
 * 1280×800 in Chromium: PNG 20–40 KB, JPEG 0.85 23–38 KB, thumbnail 2–3 KB; plus ~1.5 KB of metadata per record.
 * Uses `createImageBitmap` + `OffscreenCanvas`, both present in the service worker and the panel. Where they are
 * missing (Node), the PNG is kept as it is and there is no thumbnail. The stored bytes are what gets hashed.
 */
import type { ImageInput } from './store';

/** JPEG quality for the stored screenshot: text on the portal pages stays crisp at 0.85 (see the size note). */
export const IMAGE_QUALITY = 0.85;
export const THUMB_WIDTH = 240;
export const THUMB_QUALITY = 0.7;

export interface Compressed {
  image: ImageInput;
  thumb: ImageInput | null;
}

export function dataUrlToBytes(dataUrl: string): { bytes: Uint8Array; type: string } {
  const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new Error('The capture is not a data URL.');
  const type = m[1]!;
  const body = m[3]!;
  if (!m[2]) return { bytes: new TextEncoder().encode(decodeURIComponent(body)), type };
  const bin = atob(body);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { bytes, type };
}

/** Width and height from a PNG's IHDR chunk (0×0 when the bytes are not a PNG). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return { width: 0, height: 0 };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

function canCompress(): boolean {
  return typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function';
}

async function encode(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  quality: number,
): Promise<ImageInput> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to compress the capture.');
  // JPEG has no transparency: paint white first so transparent areas do not turn black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const type = blob.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  return { bytes: new Uint8Array(await blob.arrayBuffer()), type, width, height };
}

/** The stored image and its thumbnail from the PNG data URL of a capture. */
export async function compressCapture(dataUrl: string): Promise<Compressed> {
  const { bytes, type } = dataUrlToBytes(dataUrl);
  if (!canCompress()) {
    const size = pngSize(bytes);
    return {
      image: { bytes, type: type === 'image/jpeg' ? 'image/jpeg' : 'image/png', ...size },
      thumb: null,
    };
  }
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  try {
    const jpeg = await encode(bitmap, bitmap.width, bitmap.height, IMAGE_QUALITY);
    // Sparse text pages often compress better losslessly: keep the PNG when it is the smaller file.
    const image: ImageInput =
      type === 'image/png' && bytes.byteLength <= jpeg.bytes.byteLength
        ? { bytes, type: 'image/png', width: bitmap.width, height: bitmap.height }
        : jpeg;
    const scale = Math.min(1, THUMB_WIDTH / bitmap.width);
    const thumb = await encode(
      bitmap,
      Math.max(1, Math.round(bitmap.width * scale)),
      Math.max(1, Math.round(bitmap.height * scale)),
      THUMB_QUALITY,
    );
    return { image, thumb };
  } finally {
    bitmap.close();
  }
}

export function extensionFor(type: string): string {
  return type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg';
}
