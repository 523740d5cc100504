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
    title: 'emergency_hospital_records_title',
    explain: 'emergency_hospital_records_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'doctor-certificate',
    type: 'document',
    title: 'emergency_doctor_certificate_title',
    explain: 'emergency_doctor_certificate_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'no-slots-screenshots',
    type: 'document',
    title: 'emergency_no_slots_title',
    explain: 'emergency_no_slots_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'bring-to-next',
    type: 'condition',
    title: 'emergency_bring_title',
    explain: 'emergency_bring_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'rebook',
    type: 'condition',
    title: 'emergency_rebook_title',
    explain: 'emergency_rebook_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'lawyer',
    type: 'condition',
    title: 'emergency_lawyer_title',
    explain: 'emergency_lawyer_explain',
    sources: ['relocation-guide'],
    appliesTo: {},
    keywords: [],
  }),
];
