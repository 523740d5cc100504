/**
 * Document checklists: which items apply to an application kind and permit type, the notices that go with them,
 * progress, the fee-safety notice, the emergency checklist, and the comparison with the portal's own list.
 *
 * Facts: `../shared/domain-facts.md` "Documents" only (DGMM lists as mirrored by consultancies, ⚠ versions differ),
 * and the relocation guide for the emergency checklist. Where no list was found, the checklist says so and holds
 * no items: nothing is invented.
 */
import type { PermitType } from '../types';
import { norm } from '../fold';
import { collectSources, type SourceId } from '../sources';
import { line, type Line, type TextId } from '../text';
import { COMMON_ITEMS, EXTENSION_ITEMS } from './common';
import { EMERGENCY_ITEMS } from './emergency';
import { FAMILY_ITEMS } from './family';
import { HUMANITARIAN_ITEMS, HUMANITARIAN_OFFICIAL_LIST_FOUND } from './humanitarian';
import { LONG_TERM_EXTENDABLE, LONG_TERM_ITEMS } from './longTerm';
import { SHORT_TERM_ITEMS } from './shortTerm';
import { STUDENT_ITEMS, studentNotices } from './student';
import { TRAFFICKING_VICTIM_ITEMS, TRAFFICKING_VICTIM_OFFICIAL_LIST_FOUND } from './traffickingVictim';
import {
  APPLICATION_KINDS,
  CHECKLIST_PERMIT_TYPES,
  type ApplicationKind,
  type ChecklistItem,
  type ChecklistOptions,
  type ChecklistState,
} from './types';

export * from './types';
export { LIST_SOURCE } from './item';
export { COMMON_ITEMS, EXTENSION_ITEMS, EMERGENCY_ITEMS };

/** Why a checklist has no items: no official list exists, the lists do not cover the type, or it is not extended. */
export type NoListReason = 'no-official-list' | 'not-covered' | 'not-extended';

/** Any list the panel shows with ticks: an application checklist, a randevu type's documents, the emergency list. */
export interface ChecklistView {
  /** Storage key of the ticks (`local:checklists[personId][key]`). */
  key: string;
  items: ChecklistItem[];
  /** Caveats and explanations shown above the items. */
  notices: Line[];
  noList: NoListReason | null;
  sources: SourceId[];
}

export interface Checklist extends ChecklistView {
  kind: ApplicationKind;
  permitType: PermitType;
}

/** Type-specific items per permit type. `null`: the facts file found no official list, or does not cover it. */
const TYPE_ITEMS: Record<PermitType, readonly ChecklistItem[] | null> = {
  'short-term': SHORT_TERM_ITEMS,
  family: FAMILY_ITEMS,
  student: STUDENT_ITEMS,
  'long-term': LONG_TERM_ITEMS,
  humanitarian: HUMANITARIAN_OFFICIAL_LIST_FOUND ? HUMANITARIAN_ITEMS : null,
  'trafficking-victim': TRAFFICKING_VICTIM_OFFICIAL_LIST_FOUND ? TRAFFICKING_VICTIM_ITEMS : null,
  work: null,
  other: null,
};

const NO_OFFICIAL_LIST: readonly PermitType[] = ['humanitarian', 'trafficking-victim'];

export const EMERGENCY_KEY = 'emergency';

/** Shown beside an item of type 'condition': something to meet, not a document to bring. */
export const CONDITION_NOTE: TextId = 'checklist_condition';

/** Names of the application kinds and permit types, for pickers and titles. */
export const APPLICATION_KIND_TEXT: Record<ApplicationKind, TextId> = {
  first: 'checklist_kind_first',
  extension: 'checklist_kind_extension',
  transfer: 'checklist_kind_transfer',
};

export const PERMIT_TYPE_TEXT: Record<PermitType, TextId> = {
  'short-term': 'checklist_permit_short_term',
  family: 'checklist_permit_family',
  student: 'checklist_permit_student',
  'long-term': 'checklist_permit_long_term',
  humanitarian: 'checklist_permit_humanitarian',
  'trafficking-victim': 'checklist_permit_trafficking_victim',
  work: 'checklist_permit_work',
  other: 'checklist_permit_other',
};

export function checklistKey(kind: ApplicationKind, permitType: PermitType): string {
  return `app:${kind}:${permitType}`;
}

export function randevuChecklistKey(typeId: string): string {
  return `randevu:${typeId}`;
}

function applies(i: ChecklistItem, kind: ApplicationKind, opts: ChecklistOptions): boolean {
  if (i.appliesTo.kinds && !i.appliesTo.kinds.includes(kind)) return false;
  if (i.appliesTo.option && opts[i.appliesTo.option] !== true) return false;
  return true;
}

function view(key: string, items: ChecklistItem[], notices: Line[], noList: NoListReason | null) {
  return { key, items, notices, noList, sources: collectSources([...items, ...notices]) };
}

/**
 * The checklist for an application kind and permit type. Always resolves: either items (with the "versions
 * differ" caveat first), or no items and a notice saying plainly why (no official list, not covered, not extended).
 */
export function checklistFor(
  kind: ApplicationKind,
  permitType: PermitType,
  opts: ChecklistOptions = {},
): Checklist {
  const key = checklistKey(kind, permitType);
  const base = { kind, permitType };
  const specific = TYPE_ITEMS[permitType];
  if (specific === null) {
    const noList: NoListReason = NO_OFFICIAL_LIST.includes(permitType) ? 'no-official-list' : 'not-covered';
    const text = noList === 'no-official-list' ? 'checklist_no_official_list' : 'checklist_not_covered';
    return {
      ...base,
      ...view(key, [], [line(text, ['dgmm-document-lists', 'portal-required-documents'])], noList),
    };
  }
  if (permitType === 'long-term' && kind === 'extension' && !LONG_TERM_EXTENDABLE) {
    return {
      ...base,
      ...view(key, [], [line('checklist_long_term_not_extended', ['dgmm-document-lists'])], 'not-extended'),
    };
  }
  const candidates = [...COMMON_ITEMS, ...EXTENSION_ITEMS, ...specific].filter((i) => applies(i, kind, opts));
  const replaced = new Set(candidates.flatMap((i) => i.replaces ?? []));
  const items = candidates.filter((i) => !replaced.has(i.id));

  const notices: Line[] = [
    line('checklist_versions_differ', ['dgmm-document-lists', 'portal-required-documents']),
  ];
  if (kind === 'transfer') notices.push(line('checklist_transfer_uses_new_type', ['dgmm-document-lists']));
  if (permitType === 'student') notices.push(...studentNotices());
  return { ...base, ...view(key, items, notices, null) };
}

/** Every kind × permit type the panel can offer. */
export function allChecklistCombinations(): { kind: ApplicationKind; permitType: PermitType }[] {
  return APPLICATION_KINDS.flatMap((kind) =>
    CHECKLIST_PERMIT_TYPES.map((permitType) => ({ kind, permitType })),
  );
}

/** The emergency (missed appointment) checklist, with the two readings of a missed appointment first. */
export function emergencyChecklist(): ChecklistView {
  const notices = [
    line('missed_slot_only', ['relocation-guide']),
    line('missed_never_applied', ['law-firm-missed-appointment']),
  ];
  return view(EMERGENCY_KEY, [...EMERGENCY_ITEMS], notices, null);
}

/**
 * Fee safety, shown once: the only official fees, no intermediaries, who may apply. The first two sentences sit in
 * the facts file's "Documents" section (DGMM lists as mirrored by consultancies, ⚠), so they carry that caveat;
 * the representative rule comes from the official e-ikamet instructions; the card-fee amounts are weak.
 */
export function feeSafety(): Line[] {
  return [
    line('fee_official_only', ['dgmm-document-lists']),
    line('fee_no_intermediaries', ['dgmm-document-lists']),
    line('fee_representative', ['e-ikamet-instructions']),
    line('fee_card_amount', ['card-fee-secondary']),
  ];
}

// --- progress ---------------------------------------------------------------------------------------------------

export interface Progress {
  /** Items ticked done and not marked not applicable. */
  done: number;
  /** Items that count: all minus those marked not applicable. */
  total: number;
  na: number;
  complete: boolean;
}

/** "7 of 11 ready": items marked not applicable leave the total; a stale tick on an n/a item does not count. */
export function progress(
  items: readonly Pick<ChecklistItem, 'id'>[],
  state: ChecklistState | undefined,
): Progress {
  let done = 0;
  let na = 0;
  for (const i of items) {
    const s = state?.[i.id];
    if (s?.na) na++;
    else if (s?.done) done++;
  }
  const total = items.length - na;
  return { done, total, na, complete: total > 0 && done === total };
}

/** The progress sentence; it states a count, not a rule, so it cites nothing. */
export function progressLine(p: Progress): Line {
  return p.na > 0
    ? line('checklist_progress_na', [], { done: p.done, total: p.total, na: p.na })
    : line('checklist_progress', [], { done: p.done, total: p.total });
}

// --- known keys and items (the background refuses anything else) -----------------------------------------------

/**
 * Every item id that can appear under an application or emergency checklist key, whatever the options; null for
 * a key that is neither (randevu keys: `knownItemIds` in ../checklistKeys.ts).
 */
export function applicationItemIds(key: string): Set<string> | null {
  if (key === EMERGENCY_KEY) return new Set(EMERGENCY_ITEMS.map((i) => i.id));
  const m = /^app:(first|extension|transfer):([a-z-]+)$/.exec(key);
  if (!m || !(CHECKLIST_PERMIT_TYPES as readonly string[]).includes(m[2]!)) return null;
  const kind = m[1] as ApplicationKind;
  const permitType = m[2] as PermitType;
  if (checklistFor(kind, permitType).noList) return new Set();
  // Whatever the options: an item replaced or hidden by an option may still carry a tick from before.
  const all = [...COMMON_ITEMS, ...EXTENSION_ITEMS, ...(TYPE_ITEMS[permitType] ?? [])];
  return new Set(all.filter((i) => applies(i, kind, { propertyOwner: true })).map((i) => i.id));
}

// --- the portal's own list ----------------------------------------------------------------------------------------

export interface PortalComparison {
  /** Our item and the portal line(s) it was found in. */
  matched: { item: ChecklistItem; portal: string[] }[];
  /** On our list, not found on the portal's: maybe not needed for this case, or worded too differently. */
  onlyOurs: ChecklistItem[];
  /** On the portal's list, not on ours: the portal is the best source, so these matter most. */
  onlyPortal: string[];
  sources: SourceId[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Length of the longest keyword found at a word start in the folded text (0 = none). */
function score(folded: string, i: ChecklistItem): number {
  let best = 0;
  for (const k of i.keywords) {
    if (k.length > best && new RegExp(`(?:^|[^a-z0-9])${escapeRe(norm(k))}`).test(folded)) best = k.length;
  }
  return best;
}

/**
 * Our items against the portal's required-documents list, by Turkish-aware keywords (Turkish or English page).
 * Each portal line goes to the item whose keyword matches it most specifically (ties: an item not yet matched,
 * then list order); an item may cover several portal lines. Conditions (not documents) are not compared.
 */
export function compareWithPortal(
  ours: readonly ChecklistItem[],
  portalItems: readonly string[],
): PortalComparison {
  const docs = ours.filter((i) => i.type === 'document' && i.keywords.length > 0);
  const hits = new Map<string, string[]>();
  const onlyPortal: string[] = [];
  for (const raw of portalItems) {
    const text = raw.trim();
    if (!text) continue;
    const folded = norm(text);
    let best: ChecklistItem | null = null;
    let bestScore = 0;
    for (const i of docs) {
      const s = score(folded, i);
      const better =
        s > bestScore || (s === bestScore && s > 0 && best && hits.has(best.id) && !hits.has(i.id));
      if (better) {
        best = i;
        bestScore = s;
      }
    }
    if (best) hits.set(best.id, [...(hits.get(best.id) ?? []), text]);
    else onlyPortal.push(text);
  }
  const matched = docs.filter((i) => hits.has(i.id)).map((i) => ({ item: i, portal: hits.get(i.id)! }));
  const onlyOurs = docs.filter((i) => !hits.has(i.id));
  return { matched, onlyOurs, onlyPortal, sources: ['portal-required-documents'] };
}
