import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { admit } from '../../../src/background/guard';
import { handlers } from '../../../src/background/handlers';
import { resetSharedEvidenceStore, sharedEvidenceStore } from '../../../src/evidence/store';
import { evidenceSettingsItem } from '../../../src/storage';
import { fill } from './helpers';

const ID = '3f2b8c1e-1d2a-4e5f-9a6b-7c8d9e0f1a2b';
const ctx = { tabId: null, now: () => new Date('2026-11-22T11:05:00.000Z') };

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  resetSharedEvidenceStore();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
});

describe('evidence messages', () => {
  it('admits well-formed evidence messages from the panel only', () => {
    expect(admit({ type: 'panel:capture', payload: { tabId: 4 } }, 'panel')).not.toBeNull();
    expect(admit({ type: 'panel:capture', payload: { tabId: 4, note: 'x' } }, 'panel')).not.toBeNull();
    expect(admit({ type: 'panel:capture', payload: { tabId: 4 } }, 'content')).toBeNull();
    expect(admit({ type: 'panel:capture', payload: { tabId: '4' } }, 'panel')).toBeNull();
    expect(admit({ type: 'panel:evidenceNote', payload: { id: ID, note: 'n' } }, 'panel')).not.toBeNull();
    expect(admit({ type: 'panel:evidenceNote', payload: { id: 'x', note: 'n' } }, 'panel')).toBeNull();
    expect(
      admit({ type: 'panel:evidenceDelete', payload: { id: ID, reason: 'dup' } }, 'panel'),
    ).not.toBeNull();
    expect(admit({ type: 'panel:evidenceDelete', payload: { id: ID, reason: '  ' } }, 'panel')).toBeNull();
    expect(
      admit({ type: 'panel:setEvidenceSettings', payload: { autoCapture: true } }, 'panel'),
    ).not.toBeNull();
    expect(
      admit({ type: 'panel:setEvidenceSettings', payload: { autoCaptureMinutes: 0 } }, 'panel'),
    ).toBeNull();
    expect(admit({ type: 'panel:setEvidenceSettings', payload: { other: 1 } }, 'panel')).toBeNull();
  });

  it('edits a note and deletes a record through the handlers, in the shared store', async () => {
    const [r] = await fill(sharedEvidenceStore(), 1);
    await handlers['panel:evidenceNote']({ id: r!.id, note: ' called too ' }, ctx);
    expect(await handlers['panel:evidenceDelete']({ id: r!.id, reason: 'duplicate' }, ctx)).toEqual({
      ok: true,
      removed: 2,
    });
    const entries = await sharedEvidenceStore().allEntries();
    expect(entries.map((e) => e.kind)).toEqual(['tombstone', 'tombstone']);
    expect(entries[0]).toMatchObject({ reason: 'duplicate', extensionVersion: '0.1.0' });
  });

  it('stores evidence settings, off by default', async () => {
    expect(await evidenceSettingsItem.getValue()).toEqual({
      autoCapture: false,
      autoCaptureMinutes: 10,
      noticeSeen: false,
    });
    await handlers['panel:setEvidenceSettings'](
      { autoCapture: true, autoCaptureMinutes: 5, noticeSeen: true },
      ctx,
    );
    expect(await evidenceSettingsItem.getValue()).toEqual({
      autoCapture: true,
      autoCaptureMinutes: 5,
      noticeSeen: true,
    });
  });
});
