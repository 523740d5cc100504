/**
 * The shape of a document checklist. Data modules (one per permit type, plus `common.ts`) hold `ChecklistItem`s;
 * `checklistFor()` (./index.ts) picks the ones that apply to an application kind, permit type and options.
 */
import { PERMIT_TYPES, type PermitType } from '../types';
import type { SourceId } from '../sources';
import type { TextId } from '../text';

/** The three kinds of e-ikamet application. "transfer" is a change of permit type from a valid permit. */
export type ApplicationKind = 'first' | 'extension' | 'transfer';
export const APPLICATION_KINDS: readonly ApplicationKind[] = ['first', 'extension', 'transfer'];

/** Every permit type a reading can name; `work` and `other` are not covered by the lists and say so. */
export const CHECKLIST_PERMIT_TYPES: readonly PermitType[] = PERMIT_TYPES;

export interface ChecklistOptions {
  /** Short-term permit as a property owner: adds the title deed, land registry letter and tax number. */
  propertyOwner?: boolean;
}

export interface AppliesTo {
  /** The application kinds this item belongs to; all kinds when absent. */
  kinds?: readonly ApplicationKind[];
  /** Only when this option is true (e.g. the property-owner items of a short-term permit). */
  option?: keyof ChecklistOptions;
}

export interface ChecklistItem {
  /** Stable: ticks and notes are stored under it. Never reuse an id for a different document. */
  id: string;
  /** A document to bring, or a condition to meet (shown differently, still tickable). */
  type: 'document' | 'condition';
  title: TextId;
  /** One line: what exactly, where to get it, the common mistake. */
  explain: TextId;
  /** "Only if …": shown beside the item; the user marks it not applicable when it isn't. */
  onlyIf?: TextId;
  sources: readonly SourceId[];
  /** True when any source is weak (derived, see `item()`): the UI shows the caveat. */
  weak?: boolean;
  appliesTo: AppliesTo;
  /**
   * Folded (Turkish-aware lower case, no diacritics) word starts that identify this document in a portal list,
   * Turkish and English, for `compareWithPortal()`. Longer, more specific phrases win over short ones.
   */
  keywords: readonly string[];
  /** Ids of more general items this one stands in for (family insurance "for all" replaces plain insurance). */
  replaces?: readonly string[];
}

/** Per person, per checklist, per item: what the user marked. */
export interface ItemState {
  done: boolean;
  na: boolean;
  note: string;
}

export type ChecklistState = Record<string, ItemState>;
/** checklistKey → itemId → state, for one person. */
export type PersonChecklists = Record<string, ChecklistState>;
/** personId → checklistKey → itemId → state: the `local:checklists` storage item. */
export type ChecklistsStore = Record<string, PersonChecklists>;
