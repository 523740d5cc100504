/**
 * Missed an appointment because of an emergency: what to document and bring to the next appointment. From the
 * relocation guide: "if an emergency (hospital, accident) caused the miss, keep hospital records/doctor
 * certificates and bring them to the next appointment"; "document the attempts: screenshot the portal showing no
 * available slots"; rebook at once; engage a lawyer when no slot is available before expiry.
 */
import { item } from './item';
import type { ChecklistItem } from './types';

export const EMERGENCY_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'hospital-records',
    type: 'document',
    title: 'emergency.hospital-records.title',
    explain: 'emergency.hospital-records.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'doctor-certificate',
    type: 'document',
    title: 'emergency.doctor-certificate.title',
    explain: 'emergency.doctor-certificate.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'no-slots-screenshots',
    type: 'document',
    title: 'emergency.no-slots.title',
    explain: 'emergency.no-slots.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'bring-to-next',
    type: 'condition',
    title: 'emergency.bring.title',
    explain: 'emergency.bring.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'rebook',
    type: 'condition',
    title: 'emergency.rebook.title',
    explain: 'emergency.rebook.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'lawyer',
    type: 'condition',
    title: 'emergency.lawyer.title',
    explain: 'emergency.lawyer.explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
];
