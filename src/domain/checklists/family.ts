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
    title: 'doc.sponsor-id.title',
    explain: 'doc.sponsor-id.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['destekleyici', 'sponsor'],
  }),
  item({
    id: 'sponsor-income',
    type: 'document',
    title: 'doc.sponsor-income.title',
    explain: 'doc.sponsor-income.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['asgari ucret', 'gelir', 'minimum wage', 'income'],
  }),
  item({
    id: 'family-insurance',
    type: 'document',
    title: 'doc.family-insurance.title',
    explain: 'doc.family-insurance.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['aile bireyleri', 'family members', 'sigorta', 'insurance'],
    replaces: ['insurance'],
  }),
  item({
    id: 'family-criminal-record',
    type: 'document',
    title: 'doc.family-criminal-record.title',
    explain: 'doc.family-criminal-record.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adli sicil', 'criminal record'],
  }),
  item({
    id: 'family-address-registration',
    type: 'document',
    title: 'doc.family-address-registration.title',
    explain: 'doc.family-address-registration.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adres tescil', 'adres kayit', 'address registration', 'registered address'],
    replaces: ['address-registration'],
  }),
  item({
    id: 'family-certificates',
    type: 'document',
    title: 'doc.family-certificates.title',
    explain: 'doc.family-certificates.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['evlilik', 'dogum belgesi', 'marriage', 'birth certificate'],
  }),
  item({
    id: 'sponsor-one-year',
    type: 'condition',
    title: 'doc.sponsor-one-year.title',
    explain: 'doc.sponsor-one-year.explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: [],
  }),
];
