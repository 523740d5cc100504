import type { PortalReading } from '../../src/portal/types';

/** A well-formed reading of the e-ikamet status page; override what a test needs. */
export function reading(over: Partial<PortalReading> = {}): PortalReading {
  return {
    portal: 'e-ikamet',
    page: 'eikamet-status',
    language: 'tr',
    url: 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum',
    permit: { start: '2025-08-12', end: '2026-08-11' },
    permitType: 'short-term',
    status: 'in-progress',
    statusText: 'Değerlendirme aşamasındadır',
    statusDate: null,
    appointment: null,
    appointmentPending: false,
    selection: null,
    noSlots: false,
    noSlotsText: null,
    noSlotsSeenAt: null,
    step: null,
    requiredDocuments: null,
    problems: [],
    ...over,
  };
}
