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
import { buildReport, type ReportLanguage } from './report';
import type { BundleSource } from './store';

/** Thumbnails inlined into report.html (so it shows them even opened alone), up to this many bytes in all. */
export const INLINE_THUMBS_BUDGET = 12 * 1024 * 1024;

export interface ExportOptions {
  now: Date;
  extensionVersion: string;
  /** The user's language; Turkish is always added. */
  language?: ReportLanguage;
  sha256?: Sha256;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  manifest: BundleManifest;
  /** Records whose stored image was missing or did not match its hash: the bundle says so, verify will fail. */
  problems: string[];
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function bundleFileName(now: Date): string {
  const s = istanbulStamp(now).replace(/[: ]/g, (c) => (c === ' ' ? '-' : ''));
  return `ikamet-evidence-${s}.zip`;
}

export async function exportBundle(src: BundleSource, opts: ExportOptions): Promise<ExportResult> {
  const sha256 = opts.sha256 ?? webSha256;
  const entries = await src.allEntries();
  const chunks: Uint8Array[] = [];
  let failed: unknown = null;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const zip = new Zip((err, chunk, final) => {
    if (err) failed ??= err;
    else chunks.push(chunk);
    if (final || err) finished();
  });
  const mtime = opts.now;
  const addStored = (path: string, bytes: Uint8Array) => {
    const f = new ZipPassThrough(path);
    f.mtime = mtime;
    zip.add(f);
    f.push(bytes, true);
  };
  const addDeflated = (path: string, bytes: Uint8Array) => {
    const f = new ZipDeflate(path, { level: 6 });
    f.mtime = mtime;
    zip.add(f);
    f.push(bytes, true);
  };

  const sums: { path: string; sha256: string }[] = [];
  const files: BundleFile[] = [];
  const inlineThumbs = new Map<string, string>();
  let inlineBytes = 0;
  const problems: string[] = [];

  for (const e of entries) {
    if (e.kind !== 'capture') continue;
    const image = await src.imageBytes(e.id);
    const path = imagePath(e.seq, e.id, extensionFor(e.imageType));
    if (!image) {
      problems.push(`The screenshot of record #${e.seq} is missing from this browser's storage.`);
      files.push({ seq: e.seq, id: e.id, image: path, thumb: null });
      continue;
    }
    const h = await sha256(image);
    if (h !== e.imageSha256)
      problems.push(`The stored screenshot of record #${e.seq} does not match its hash.`);
    addStored(path, image);
    sums.push({ path, sha256: h });
    const thumb = await src.thumbBytes(e.id);
    let tPath: string | null = null;
    if (thumb) {
      tPath = thumbPath(e.seq, e.id, 'jpg');
      addStored(tPath, thumb);
      sums.push({ path: tPath, sha256: await sha256(thumb) });
      if (inlineBytes + thumb.length <= INLINE_THUMBS_BUDGET) {
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

  const language = opts.language ?? 'en';
  const report = buildReport(manifest, {
    languages: [language, 'tr'],
    thumb: (f) => inlineThumbs.get(f.id) ?? f.thumb,
  });
  inlineThumbs.clear();
  const reportBytes = utf8(report);
  addDeflated(REPORT, reportBytes);
  sums.push({ path: REPORT, sha256: await sha256(reportBytes) });

  sums.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  addDeflated(SUMS, utf8(formatSums(sums)));
  zip.end();
  await done;
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return {
    blob: new Blob(chunks as Uint8Array<ArrayBuffer>[], { type: 'application/zip' }),
    fileName: bundleFileName(opts.now),
    manifest,
    problems,
  };
}
