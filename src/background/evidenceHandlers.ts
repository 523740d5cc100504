/**
 * The panel's edits to the evidence log and its settings: a note changed, a record deleted (with its reason), the
 * evidence settings (auto-capture on or off, its interval, the notice seen). A note edit and a deletion are
 * entries of the chain stamped with the extension version; the capture itself is capture.ts.
 */
import { sharedEvidenceStore, type EvidenceStore } from '../evidence/store';
import { evidenceSettingsItem } from '../storage';
import { extensionVersion } from './capture';
import { update } from './update';

// --- message handlers (wired in handlers.ts) ---------------------------------------------------------------------

export async function handleEvidenceNote(
  { id, note }: { id: string; note: string },
  ctx: { now: () => Date },
  store: EvidenceStore = sharedEvidenceStore(),
): Promise<{ ok: true }> {
  await store.editNote(id, note.trim(), ctx.now(), extensionVersion());
  return { ok: true };
}

export async function handleEvidenceDelete(
  { id, reason }: { id: string; reason: string },
  ctx: { now: () => Date },
  store: EvidenceStore = sharedEvidenceStore(),
): Promise<{ ok: true; removed: number }> {
  const tombstones = await store.remove(id, reason, ctx.now(), extensionVersion());
  return { ok: true, removed: tombstones.length };
}

export async function handleEvidenceSettings(patch: {
  autoCapture?: boolean;
  autoCaptureMinutes?: number;
  noticeSeen?: boolean;
}): Promise<{ ok: true }> {
  await update(evidenceSettingsItem, (s) => ({
    ...s,
    ...(typeof patch.autoCapture === 'boolean' ? { autoCapture: patch.autoCapture } : {}),
    ...(Number.isInteger(patch.autoCaptureMinutes) &&
    patch.autoCaptureMinutes! >= 1 &&
    patch.autoCaptureMinutes! <= 1440
      ? { autoCaptureMinutes: patch.autoCaptureMinutes! }
      : {}),
    ...(typeof patch.noticeSeen === 'boolean' ? { noticeSeen: patch.noticeSeen } : {}),
  }));
  return { ok: true };
}
