/**
 * Short-term residence permit (domain facts, "Documents"): the common documents, plus for a property owner the
 * title deed, an up-to-date land registry letter if bought over 6 months ago, and the tax number.
 */
import { item } from './item';
import type { ChecklistItem } from './types';

export const SHORT_TERM_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'title-deed',
    type: 'document',
    title: 'doc_title_deed_title',
    explain: 'doc_title_deed_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { option: 'propertyOwner' },
    keywords: ['tapu senedi', 'tapu', 'title deed'],
  }),
  item({
    id: 'land-registry-letter',
    type: 'document',
    title: 'doc_land_registry_letter_title',
    explain: 'doc_land_registry_letter_explain',
    onlyIf: 'checklist_only_if_land_registry',
    sources: ['dgmm-document-lists'],
    appliesTo: { option: 'propertyOwner' },
    keywords: ['tapu mudurlug', 'tapu sicil', 'land registry'],
  }),
  item({
    id: 'tax-number',
    type: 'document',
    title: 'doc_tax_number_title',
    explain: 'doc_tax_number_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: { option: 'propertyOwner' },
    keywords: ['vergi', 'tax number'],
  }),
];
