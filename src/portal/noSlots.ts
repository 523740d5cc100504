/**
 * Remembering a "no available appointment" message after it disappears. On e-ikamet the answer is a noty toast
 * that is removed after a few seconds (portal-notes.md, GUESS), so the content script keeps it in the reading, with
 * the time it was first seen, until the user leaves the page (page kind or URL changes) or searches something else
 * (the selection changes): the evidence must name what was searched.
 * On randevu the message is the slot list itself: when it goes away, slots are back, and the reading follows the
 * page.
 */
import type { PortalReading, Selection } from './types';

function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return (
    (a?.province ?? null) === (b?.province ?? null) &&
    (a?.office ?? null) === (b?.office ?? null) &&
    (a?.type ?? null) === (b?.type ?? null)
  );
}

function samePage(a: PortalReading, b: PortalReading): boolean {
  return a.portal === b.portal && a.page === b.page && a.url === b.url;
}

/** `next` (a fresh read()) with `noSlotsSeenAt` set, and an e-ikamet toast seen before kept while on the same page. */
export function mergeNoSlots(prev: PortalReading | null, next: PortalReading, now: Date): PortalReading {
  const same = !!prev && samePage(prev, next) && sameSelection(prev.selection, next.selection);
  if (next.noSlots) {
    const seenAt = same && prev!.noSlots && prev!.noSlotsSeenAt ? prev!.noSlotsSeenAt : now.toISOString();
    return { ...next, noSlotsSeenAt: seenAt };
  }
  if (same && prev!.noSlots && next.portal === 'e-ikamet') {
    return { ...next, noSlots: true, noSlotsText: prev!.noSlotsText, noSlotsSeenAt: prev!.noSlotsSeenAt };
  }
  return { ...next, noSlotsSeenAt: null };
}
