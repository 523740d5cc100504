/**
 * Import a bundle back (new machine, browser reinstall): unzip, verify, then add the entries that are not here
 * yet, all in one transaction. A corrupt, foreign or tampered zip is refused with the reason and nothing changes.
 * Records already present (same seq and hash) are skipped, never duplicated.
 *
 * Runs in the panel, not the background: a bundle can be hundreds of megabytes, which runtime messages carry
 * badly, and the panel opens the same IndexedDB as the worker (same extension origin, same append lock).
 */
import { unzipSync } from 'fflate';
import type { BundleManifest } from './bundle';
import type { ImageType } from './record';
import { EvidenceStoreError, type EvidenceStore, type ImageInput } from './store';
import { verifyBundle, type VerifyResult } from './verify';

/** A bundle larger than this is refused before unzipping (the panel holds it in memory). */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; added: number; skipped: number; verify: VerifyResult }
  | { ok: false; reason: string; verify: VerifyResult | null };

export function unzipBundle(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

function imageInput(bytes: Uint8Array | undefined, type: ImageType, w = 0, h = 0): ImageInput | null {
  return bytes ? { bytes, type, width: w, height: h } : null;
}

export async function importBundle(store: EvidenceStore, bytes: Uint8Array): Promise<ImportOutcome> {
  if (bytes.byteLength > MAX_BUNDLE_BYTES)
    return { ok: false, reason: 'This file is too large to be an evidence bundle.', verify: null };
  let files: Map<string, Uint8Array>;
  try {
    files = unzipBundle(bytes);
  } catch {
    return { ok: false, reason: 'This file is not a readable ZIP, so nothing was imported.', verify: null };
  }
  const verify = await verifyBundle(files);
  if (!verify.ok) {
    const first = verify.problems[0]?.problem ?? 'it did not verify';
    return {
      ok: false,
      reason: verify.isBundle
        ? `This bundle failed verification, so nothing was imported: ${first}`
        : `${first} Nothing was imported.`,
      verify,
    };
  }
  const manifest = verify.manifest as BundleManifest;
  const byId = new Map(manifest.files.map((f) => [f.id, f]));
  const media = new Map<string, { image: ImageInput | null; thumb: ImageInput | null }>();
  for (const e of manifest.entries) {
    if (e.kind !== 'capture') continue;
    const f = byId.get(e.id);
    media.set(e.id, {
      image: imageInput(f ? files.get(f.image) : undefined, e.imageType, e.imageWidth, e.imageHeight),
      thumb: imageInput(f?.thumb ? files.get(f.thumb) : undefined, 'image/jpeg'),
    });
  }
  try {
    const { added, skipped } = await store.importEntries(manifest.entries, media);
    return { ok: true, added, skipped, verify };
  } catch (e) {
    const reason =
      e instanceof EvidenceStoreError ? e.message : `The bundle could not be imported: ${String(e)}`;
    return { ok: false, reason, verify };
  }
}
