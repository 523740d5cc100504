/**
 * Family residence permit (domain facts, "Documents"): sponsor's ID/permit, income ≥ 1/3 minimum wage per family
 * member, insurance for all, criminal record, address registration; marriage/birth certificates apostilled and
 * translated; sponsor resident ≥ 1 year. The common documents come first.
 */
import { item } from './item';
import type { ChecklistItem } from './types';

export const FAMILY_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'sponsor-id',
    type: 'document',
    title: 'doc_sponsor_id_title',
    explain: 'doc_sponsor_id_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['destekleyici', 'sponsor'],
  }),
  item({
    id: 'sponsor-income',
    type: 'document',
    title: 'doc_sponsor_income_title',
    explain: 'doc_sponsor_income_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['asgari ucret', 'gelir', 'minimum wage', 'income'],
  }),
  item({
    id: 'family-insurance',
    type: 'document',
    title: 'doc_family_insurance_title',
    explain: 'doc_family_insurance_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['aile bireyleri', 'family members', 'sigorta', 'insurance'],
    replaces: ['insurance'],
  }),
  item({
    id: 'family-criminal-record',
    type: 'document',
    title: 'doc_family_criminal_record_title',
    explain: 'doc_family_criminal_record_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adli sicil', 'criminal record'],
  }),
  item({
    id: 'family-address-registration',
    type: 'document',
    title: 'doc_family_address_registration_title',
    explain: 'doc_family_address_registration_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adres tescil', 'adres kayit', 'address registration', 'registered address'],
    replaces: ['address-registration'],
  }),
  item({
    id: 'family-certificates',
    type: 'document',
    title: 'doc_family_certificates_title',
    explain: 'doc_family_certificates_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['evlilik', 'dogum belgesi', 'marriage', 'birth certificate'],
  }),
  item({
    id: 'sponsor-one-year',
    type: 'condition',
    title: 'doc_sponsor_one_year_title',
    explain: 'doc_sponsor_one_year_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: [],
  }),
];
