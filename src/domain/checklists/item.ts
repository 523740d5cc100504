import { isWeakSource, type SourceId } from '../sources';
import type { ChecklistItem } from './types';

/**
 * Every document list rests on this source: the facts file gives the DGMM lists "as mirrored by consultancies;
 * ⚠ versions differ", so every item citing it is weak, as the facts file says, literally.
 */
export const LIST_SOURCE: SourceId = 'dgmm-document-lists'; // [dgmm-document-lists] weak

/** Builds an item; `weak` is derived from the sources so a weak source can never lose its caveat. */
export function item(def: Omit<ChecklistItem, 'weak'>): ChecklistItem {
  return def.sources.some(isWeakSource) ? { ...def, weak: true } : { ...def };
}
