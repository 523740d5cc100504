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
import {
  EvidenceStoreError,
  type EvidenceErrorParams,
  type EvidenceErrorWhy,
  type EvidenceStore,
  type ImageInput,
} from './store';
import { verifyBundle, type VerifyResult } from './verify';

/** A bundle larger than this is refused before unzipping (the panel holds it in memory). */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

/** Why an import was refused: the panel says it in its language by this code (`reason` is the English sentence). */
export type ImportErrorCode = 'too-large' | 'not-zip' | 'not-verified' | 'not-bundle' | 'store' | 'failed';

export interface ImportFailure {
  ok: false;
  code: ImportErrorCode;
  /** English, for logs and tests. */
  reason: string;
  /** 'not-verified' and 'not-bundle': the first problem verify found (English, as the CLI prints it). */
  problem?: string;
  /** 'store': the store's error; 'failed': what went wrong. */
  error?: { why: EvidenceErrorWhy; params: EvidenceErrorParams } | { detail: string };
  verify: VerifyResult | null;
}

export type ImportOutcome =
  { ok: true; added: number; skipped: number; verify: VerifyResult } | ImportFailure;

export function unzipBundle(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

function imageInput(bytes: Uint8Array | undefined, type: ImageType, w = 0, h = 0): ImageInput | null {
  return bytes ? { bytes, type, width: w, height: h } : null;
}

/** Each capture's screenshot and thumbnail in a verified bundle, by record id (a backup restore uses it too). */
export function bundleMedia(
  manifest: BundleManifest,
  files: ReadonlyMap<string, Uint8Array>,
): Map<string, { image: ImageInput | null; thumb: ImageInput | null }> {
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
  return media;
}

export async function importBundle(store: EvidenceStore, bytes: Uint8Array): Promise<ImportOutcome> {
  if (bytes.byteLength > MAX_BUNDLE_BYTES)
    return {
      ok: false,
      code: 'too-large',
      reason: 'This file is too large to be an evidence bundle.',
      verify: null,
    };
  let files: Map<string, Uint8Array>;
  try {
    files = unzipBundle(bytes);
  } catch {
    return {
      ok: false,
      code: 'not-zip',
      reason: 'This file is not a readable ZIP, so nothing was imported.',
      verify: null,
    };
  }
  const verify = await verifyBundle(files);
  if (!verify.ok) {
    const problem = verify.problems[0]?.problem;
    const first = problem ?? 'it did not verify';
    return {
      ok: false,
      code: verify.isBundle ? 'not-verified' : 'not-bundle',
      reason: verify.isBundle
        ? `This bundle failed verification, so nothing was imported: ${first}`
        : `${first} Nothing was imported.`,
      ...(problem ? { problem } : {}),
      verify,
    };
  }
  const manifest = verify.manifest as BundleManifest;
  const media = bundleMedia(manifest, files);
  try {
    const { added, skipped } = await store.importEntries(manifest.entries, media);
    return { ok: true, added, skipped, verify };
  } catch (e) {
    return e instanceof EvidenceStoreError
      ? { ok: false, code: 'store', reason: e.message, error: { why: e.why, params: e.params }, verify }
      : {
          ok: false,
          code: 'failed',
          reason: `The bundle could not be imported: ${String(e)}`,
          error: { detail: String(e) },
          verify,
        };
  }
}
