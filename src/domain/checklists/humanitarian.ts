/**
 * Humanitarian residence permit. The facts file: "no official list found: say so instead of inventing one".
 * So this module holds no items, on purpose; `checklistFor()` shows the "no official list" notice instead.
 */
import type { ChecklistItem } from './types';

export const HUMANITARIAN_ITEMS: readonly ChecklistItem[] = [];
export const HUMANITARIAN_OFFICIAL_LIST_FOUND = false; // [dgmm-document-lists]
