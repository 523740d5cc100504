/**
 * The evidence bundle: a ZIP with every screenshot as its own file, `manifest.json` (every entry and the chain),
 * `SHA256SUMS` (`sha256sum -c` format) and a printable `report.html`. Built with fflate's streaming `Zip`, reading
 * one image at a time from the store; images are stored as they are (already compressed), text is deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  ENTRY_HASH_RULE,
  formatSums,
  imagePath,
  MANIFEST,
  REPORT,
  SUMS,
  thumbPath,
  type BundleFile,
  type BundleManifest,
} from './bundle';
import { extensionFor } from './image';
import { istanbulStamp, utf8, webSha256, ZERO_HASH, type Sha256 } from './record';
import type { Format } from '../i18n/format';
import type { Said } from '../i18n/said';
import { buildReport, reportFormats } from './report';
import type { BundleSource } from './store';

/** Thumbnails inlined into report.html (so it shows them even opened alone), up to this many bytes in all. */
export const INLINE_THUMBS_BUDGET = 12 * 1024 * 1024;

export interface ExportOptions {
  now: Date;
  extensionVersion: string;
  /**
   * The panel's language: report.html is written in it, then in Turkish (when `turkish` is given: the migration
   * office reads Turkish), then in English; each language once. Default English.
   */
  format?: Format;
  turkish?: Format;
  sha256?: Sha256;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  manifest: BundleManifest;
  /** Records whose stored image was missing or did not match its hash: the bundle says so, verify will fail. */
  problems: Said[];
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

/** A problem with a stored screenshot, said in the panel's language (English: `renderMessage(EN_MESSAGES, …)`). */
function exportProblem(
  key: 'ui_evidence_export_image_missing' | 'ui_evidence_export_image_mismatch',
  seq: number,
): Said {
  return { key, params: { seq: String(seq) } };
}

export function bundleFileName(now: Date): string {
  const s = istanbulStamp(now).replace(/[: ]/g, (c) => (c === ' ' ? '-' : ''));
  return `ikamet-evidence-${s}.zip`;
}

/** Where the bundle's files go: a zip of their own (exportBundle), or a folder of a backup (src/backup). */
export interface BundleSink {
  /** `compress`: deflate it (text); images are stored as they are (already compressed). */
  add(path: string, bytes: Uint8Array, compress: boolean): void;
}

export interface WriteOptions extends ExportOptions {
  /** Add the printable report.html (an export, to show someone); a backup leaves it out. Default true. */
  report?: boolean;
}

/**
 * Every file of the bundle, into `sink`: the images and thumbnails read one at a time from `src`, then
 * manifest.json, report.html (unless left out) and SHA256SUMS last.
 */
export async function writeBundle(
  src: BundleSource,
  opts: WriteOptions,
  sink: BundleSink,
): Promise<{ manifest: BundleManifest; problems: Said[] }> {
  const sha256 = opts.sha256 ?? webSha256;
  const entries = await src.allEntries();
  const addStored = (path: string, bytes: Uint8Array) => sink.add(path, bytes, false);
  const addDeflated = (path: string, bytes: Uint8Array) => sink.add(path, bytes, true);

  const sums: { path: string; sha256: string }[] = [];
  const files: BundleFile[] = [];
  const inlineThumbs = new Map<string, string>();
  let inlineBytes = 0;
  const problems: Said[] = [];

  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    const image = await src.imageBytes(e.id);
    const path = imagePath(e.seq, e.id, extensionFor(e.imageType));
    if (!image) {
      problems.push(exportProblem('ui_evidence_export_image_missing', e.seq));
      files.push({ seq: e.seq, id: e.id, image: path, thumb: null });
      continue;
    }
    const h = await sha256(image);
    if (h !== e.imageSha256) problems.push(exportProblem('ui_evidence_export_image_mismatch', e.seq));
    addStored(path, image);
    sums.push({ path, sha256: h });
    const thumb = await src.thumbBytes(e.id);
    let tPath: string | null = null;
    if (thumb) {
      tPath = thumbPath(e.seq, e.id, 'jpg');
      addStored(tPath, thumb);
      sums.push({ path: tPath, sha256: await sha256(thumb) });
      if (opts.report !== false && inlineBytes + thumb.length <= INLINE_THUMBS_BUDGET) {
        inlineBytes += thumb.length;
        inlineThumbs.set(e.id, `data:image/jpeg;base64,${base64(thumb)}`);
      }
    }
    files.push({ seq: e.seq, id: e.id, image: path, thumb: tPath });
  }

  const last = entries[entries.length - 1];
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAtUtc: opts.now.toISOString(),
    exportedAtIstanbul: istanbulStamp(opts.now),
    extensionVersion: opts.extensionVersion,
    hashing: { algorithm: 'SHA-256', entryHash: ENTRY_HASH_RULE, firstPrevHash: ZERO_HASH },
    chainHead: last ? { seq: last.seq, hash: last.hash } : null,
    entries,
    files,
  };
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  addDeflated(MANIFEST, manifestBytes);
  sums.push({ path: MANIFEST, sha256: await sha256(manifestBytes) });

  if (opts.report !== false) {
    const report = buildReport(manifest, {
      formats: reportFormats(opts.format, opts.turkish),
      thumb: (f) => inlineThumbs.get(f.id) ?? f.thumb,
    });
    inlineThumbs.clear();
    const reportBytes = utf8(report);
    addDeflated(REPORT, reportBytes);
    sums.push({ path: REPORT, sha256: await sha256(reportBytes) });
  }

  sums.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  addDeflated(SUMS, utf8(formatSums(sums)));
  return { manifest, problems };
}

export async function exportBundle(src: BundleSource, opts: ExportOptions): Promise<ExportResult> {
  const { blob, result } = await buildZip((zip) => writeBundle(src, opts, zipSink(zip, opts.now)));
  return { blob, fileName: bundleFileName(opts.now), ...result };
}

/**
 * Bytes of zip output held in the page before they are handed to a Blob. A Blob's bytes live with the browser
 * (Chromium keeps them in its blob store, on disk when large), so the panel's renderer holds at most about this much
 * of the zip at a time instead of all of it (bench row "export … extension RSS", issue #20).
 */
export const ZIP_FLUSH_BYTES = 4 * 1024 * 1024;

/**
 * A zip built by `fill` with fflate's streaming `Zip`, written as a stream into Blob pieces of about
 * ZIP_FLUSH_BYTES; the result is one Blob made of those pieces (no copy).
 */
export async function buildZip<T>(
  fill: (zip: Zip) => Promise<T>,
  flushBytes = ZIP_FLUSH_BYTES,
): Promise<{ blob: Blob; result: T; pieces: number }> {
  const pieces: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (!pending.length) return;
    pieces.push(new Blob(pending as Uint8Array<ArrayBuffer>[]));
    pending = [];
    pendingBytes = 0;
  };
  let failed: unknown = null;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((err, chunk, final) => {
    if (err) failed ??= err;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= flushBytes) flush();
    }
    if (final || err) finished();
  });
  const result = await fill(zip);
  zip.end();
  await done;
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  flush();
  return { blob: new Blob(pieces, { type: 'application/zip' }), result, pieces: pieces.length };
}

/** A sink writing into a streaming fflate `Zip`, under `prefix` (e.g. `evidence/`). */
export function zipSink(zip: Zip, mtime: Date, prefix = ''): BundleSink {
  return {
    add(path, bytes, compress) {
      const f = compress ? new ZipDeflate(prefix + path, { level: 6 }) : new ZipPassThrough(prefix + path);
      f.mtime = mtime;
      zip.add(f);
      f.push(bytes, true);
    },
  };
}
