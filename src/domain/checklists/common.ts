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
    title: 'doc_application_form_title',
    explain: 'doc_application_form_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['basvuru form', 'application form'],
  }),
  item({
    id: 'passport',
    type: 'document',
    title: 'doc_passport_title',
    explain: 'doc_passport_explain',
    // Validity 60 days beyond the permit: Law 6458 Art. 21(2).
    sources: ['dgmm-document-lists', 'law-6458-21-2'],
    appliesTo: { kinds: ['first', 'transfer'] },
    keywords: ['pasaport', 'passport'],
  }),
  item({
    id: 'passport-extension',
    type: 'document',
    title: 'doc_passport_extension_title',
    explain: 'doc_passport_extension_explain',
    sources: ['dgmm-document-lists', 'law-6458-21-2'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['pasaport', 'passport'],
  }),
  item({
    id: 'photos',
    type: 'document',
    title: 'doc_photos_title',
    explain: 'doc_photos_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['biyometrik fotograf', 'fotograf', 'biometric photo', 'photograph', 'photos'],
  }),
  item({
    id: 'means',
    type: 'document',
    title: 'doc_means_title',
    explain: 'doc_means_explain',
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
    title: 'doc_insurance_title',
    explain: 'doc_insurance_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['saglik sigorta', 'sigorta', 'health insurance', 'insurance'],
  }),
  item({
    id: 'address',
    type: 'document',
    title: 'doc_address_title',
    explain: 'doc_address_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adres', 'address', 'kira sozlesme', 'rental contract'],
  }),
  item({
    id: 'fee-receipts',
    type: 'document',
    title: 'doc_fee_receipts_title',
    explain: 'doc_fee_receipts_explain',
    onlyIf: 'checklist_only_if_not_paid_online',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['harc', 'kart bedeli', 'dekont', 'makbuz', 'fee', 'receipt'],
  }),
  item({
    id: 'foreign-documents',
    type: 'document',
    title: 'doc_foreign_documents_title',
    explain: 'doc_foreign_documents_explain',
    onlyIf: 'checklist_only_if_foreign_documents',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['apostil', 'tercume', 'translation'],
  }),
  item({
    id: 'under-18',
    type: 'document',
    title: 'doc_under_18_title',
    explain: 'doc_under_18_explain',
    onlyIf: 'checklist_only_if_under_18',
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
    title: 'doc_previous_card_title',
    explain: 'doc_previous_card_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['ikamet izni kart', 'ikamet izin kart', 'residence permit card', 'permit card'],
  }),
  item({
    id: 'address-registration',
    type: 'document',
    title: 'doc_address_registration_title',
    explain: 'doc_address_registration_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { kinds: ['extension'] },
    keywords: ['adres tescil', 'adres kayit', 'address registration', 'registered address'],
  }),
];
