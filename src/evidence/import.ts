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
import { EN_MESSAGES } from '../i18n/catalogue';
import { renderMessage } from '../i18n/render';
import type { Said } from '../i18n/said';
import { EvidenceStoreError, type EvidenceStore, type ImageInput } from './store';
import { verifyBundle, type VerifyResult } from './verify';

/** A bundle larger than this is refused before unzipping (the panel holds it in memory). */
export const MAX_BUNDLE_BYTES = 1024 * 1024 * 1024;

/** Why an import was refused (for callers and tests); `said` is what the panel shows. */
export type ImportErrorCode = 'too-large' | 'not-zip' | 'not-verified' | 'not-bundle' | 'store' | 'failed';

export interface ImportFailure {
  ok: false;
  code: ImportErrorCode;
  /** English, for logs and tests: `said` rendered in English. */
  reason: string;
  /** The sentence the panel shows in its language. */
  said: Said;
  /** 'not-verified' and 'not-bundle': the first problem verify found, said inside `said` as its `{problem}`. */
  inner?: Said;
  verify: VerifyResult | null;
}

function failure(
  code: ImportErrorCode,
  said: Said,
  verify: VerifyResult | null,
  inner?: Said,
): ImportFailure {
  const problem: Record<string, string> = inner
    ? { problem: renderMessage(EN_MESSAGES, inner.key, inner.params ?? {}) }
    : {};
  return {
    ok: false,
    code,
    reason: renderMessage(EN_MESSAGES, said.key, { ...(said.params ?? {}), ...problem }),
    said,
    ...(inner ? { inner } : {}),
    verify,
  };
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
    return failure('too-large', { key: 'ui_evidence_import_too_large' }, null);
  let files: Map<string, Uint8Array>;
  try {
    files = unzipBundle(bytes);
  } catch {
    return failure('not-zip', { key: 'ui_evidence_import_not_zip' }, null);
  }
  const verify = await verifyBundle(files);
  if (!verify.ok) {
    const first = verify.problems[0]?.said;
    const code = verify.isBundle ? 'not-verified' : 'not-bundle';
    if (!first) return failure(code, { key: 'ui_evidence_import_not_verified_plain' }, verify);
    return failure(
      code,
      { key: verify.isBundle ? 'ui_evidence_import_not_verified' : 'ui_evidence_import_not_bundle' },
      verify,
      first,
    );
  }
  const manifest = verify.manifest as BundleManifest;
  const media = bundleMedia(manifest, files);
  try {
    const { added, skipped } = await store.importEntries(manifest.entries, media);
    return { ok: true, added, skipped, verify };
  } catch (e) {
    return e instanceof EvidenceStoreError
      ? failure('store', e.said, verify)
      : failure('failed', { key: 'ui_evidence_import_failed', params: { detail: String(e) } }, verify);
  }
}
