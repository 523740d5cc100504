/**
 * Long-term residence permit (domain facts, "Documents"): 8 years uninterrupted residence, no social assistance in
 * the last 3 years (document from Sosyal Yardımlaşma Vakfı), criminal records (home country and Turkey), means,
 * insurance (both already in the common list); not extended.
 */
import { item } from './item';
import type { ChecklistItem } from './types';

/** Long-term permits are not extended: `checklistFor('extension', 'long-term')` says so instead of listing. */
export const LONG_TERM_EXTENDABLE = false; // [dgmm-document-lists]

export const LONG_TERM_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'eight-years',
    type: 'condition',
    title: 'doc_eight_years_title',
    explain: 'doc_eight_years_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: [],
  }),
  item({
    id: 'no-social-assistance',
    type: 'document',
    title: 'doc_no_social_assistance_title',
    explain: 'doc_no_social_assistance_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['sosyal yardim', 'social assistance'],
  }),
  item({
    id: 'criminal-records-both',
    type: 'document',
    title: 'doc_criminal_records_both_title',
    explain: 'doc_criminal_records_both_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['adli sicil', 'criminal record'],
  }),
];
