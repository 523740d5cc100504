/**
 * Documents every application needs, whatever the permit type (domain facts, "Documents: Common" and
 * "Extension"; DGMM lists as mirrored by consultancies, ⚠ versions differ).
 */
import { item } from './item';
import type { ChecklistItem } from './types';

export const COMMON_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'application-form',
    type: 'document',
    title: 'doc.application-form.title',
    explain: 'doc.application-form.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['basvuru form', 'application form'],
  }),
  item({
    id: 'passport',
    type: 'document',
    title: 'doc.passport.title',
    explain: 'doc.passport.explain',
    // Validity 60 days beyond the permit: Law 6458 Art. 21(2).
    sources: ['dgmm-document-lists', 'law-6458-21-2'],
    appliesTo: { kinds: ['first', 'transfer'] },
    keywords: ['pasaport', 'passport'],
  }),
  item({
    id: 'passport-extension',
    type: 'document',
    title: 'doc.passport-extension.title',
    explain: 'doc.passport-extension.explain',
    sources: ['dgmm-document-lists', 'law-6458-21-2'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['pasaport', 'passport'],
  }),
  item({
    id: 'photos',
    type: 'document',
    title: 'doc.photos.title',
    explain: 'doc.photos.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['biyometrik fotograf', 'fotograf', 'biometric photo', 'photograph', 'photos'],
  }),
  item({
    id: 'means',
    type: 'document',
    title: 'doc.means.title',
    explain: 'doc.means.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: [
      'maddi imkan',
      'yeterli ve duzenli',
      'financial means',
      'sufficient means',
      'sufficient and regular',
    ],
  }),
  item({
    id: 'insurance',
    type: 'document',
    title: 'doc.insurance.title',
    explain: 'doc.insurance.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['saglik sigorta', 'sigorta', 'health insurance', 'insurance'],
  }),
  item({
    id: 'address',
    type: 'document',
    title: 'doc.address.title',
    explain: 'doc.address.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adres', 'address', 'kira sozlesme', 'rental contract'],
  }),
  item({
    id: 'fee-receipts',
    type: 'document',
    title: 'doc.fee-receipts.title',
    explain: 'doc.fee-receipts.explain',
    onlyIf: 'checklist.only-if.not-paid-online',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['harc', 'kart bedeli', 'dekont', 'makbuz', 'fee', 'receipt'],
  }),
  item({
    id: 'foreign-documents',
    type: 'document',
    title: 'doc.foreign-documents.title',
    explain: 'doc.foreign-documents.explain',
    onlyIf: 'checklist.only-if.foreign-documents',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['apostil', 'tercume', 'translation'],
  }),
  item({
    id: 'under-18',
    type: 'document',
    title: 'doc.under-18.title',
    explain: 'doc.under-18.explain',
    onlyIf: 'checklist.only-if.under-18',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['dogum belgesi', 'muvafakat', 'birth certificate', 'parental consent', '18 yas', 'under 18'],
  }),
];

/** Added to every extension (domain facts: "Extension: previous permit card; proof of address registration"). */
export const EXTENSION_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'previous-card',
    type: 'document',
    title: 'doc.previous-card.title',
    explain: 'doc.previous-card.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['ikamet izni kart', 'ikamet izin kart', 'residence permit card', 'permit card'],
  }),
  item({
    id: 'address-registration',
    type: 'document',
    title: 'doc.address-registration.title',
    explain: 'doc.address-registration.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['adres tescil', 'adres kayit', 'address registration', 'registered address'],
  }),
];
