/**
 * Residence permit for victims of human trafficking. The facts file: "no official list found: say so instead of
 * inventing one". No items, on purpose; `checklistFor()` shows the "no official list" notice instead.
 */
import type { ChecklistItem } from './types';

export const TRAFFICKING_VICTIM_ITEMS: readonly ChecklistItem[] = [];
export const TRAFFICKING_VICTIM_OFFICIAL_LIST_FOUND = false; // [dgmm-document-lists]
