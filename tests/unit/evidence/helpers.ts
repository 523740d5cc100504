import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { CaptureFields, ImageType } from '../../../src/evidence/record';
import { openEvidenceStore, type EvidenceStore, type ImageInput } from '../../../src/evidence/store';

/** A fresh, empty IndexedDB per test. */
export function makeStore(factory: IDBFactory = new IDBFactory()): EvidenceStore {
  return openEvidenceStore({ indexedDB: factory });
}

export function fields(over: Partial<CaptureFields> = {}): CaptureFields {
  return {
    trigger: 'panel',
    url: 'https://randevu.goc.gov.tr/#/randevu-al',
    title: 'Randevu Sistemi',
    reading: {
      portal: 'randevu',
      page: 'randevu-booking',
      step: 'date-selection',
      noSlots: true,
      noSlotsText: 'Seçilen kriterlere uygun randevu bulunamamıştır.',
      selection: { province: 'İstanbul', office: 'Fatih İl Göç', type: 'İkamet' },
      readAtUtc: '2026-11-03T08:59:58.000Z',
    },
    personId: 'p-default',
    personName: 'Me',
    extensionVersion: '0.1.0',
    note: '',
    capturedAtUtc: '2026-11-03T09:00:00.000Z',
    ...over,
  };
}

/** Distinct bytes standing in for a JPEG (the store does not decode images). */
export function image(n: number, type: ImageType = 'image/jpeg', size = 64): ImageInput {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (n * 31 + i * 7) & 0xff;
  bytes[0] = 0xff;
  bytes[1] = 0xd8;
  return { bytes, type, width: 1280, height: 800 };
}

export const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour - 3, 0, 0)); // Istanbul wall clock `hour` on November `day`

/** Append `n` captures on consecutive November days starting at `from`. */
export async function fill(store: EvidenceStore, n: number, from = 3, over: Partial<CaptureFields> = {}) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const when = at(from + i);
    out.push(
      await store.appendCapture(
        fields({ capturedAtUtc: when.toISOString(), ...over }),
        image(i),
        image(100 + i, 'image/jpeg', 16),
      ),
    );
  }
  return out;
}
