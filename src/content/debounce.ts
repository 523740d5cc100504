/** Quiet period after the last DOM change before reading, and the longest a busy page can delay a read. */
export const DEBOUNCE_MS = 80;
export const MAX_WAIT_MS = 200;
/**
 * The most of the page's main thread the reads may take: after a read that cost `c` ms, the next waits at least
 * `c × (1 / MAX_READ_SHARE − 1)` ms from its end. On the replica pages a warm read costs about 1 ms (a wait of
 * ~32 ms, inside the debounce: no change there); on a 10,000-element page that rewrites itself every 10 ms a read
 * costs tens of ms, and this is what keeps the page's own timer at its pace (bench row "hostile page + 10,000
 * elements", issue #20).
 */
export const MAX_READ_SHARE = 0.03;
/**
 * The spacing's own ceiling: a read is never put off longer than this after the last one, however much it cost (a
 * first, cold read can cost ten times a warm one), so a page that never stops changing is still read every two seconds.
 */
export const MAX_SPACING_MS = 2000;

/**
 * How long to wait before the next read, `t` ms (monotonic) after a DOM change: a trailing debounce with a ceiling
 * (a page that mutates every 10 ms is still read every MAX_WAIT_MS, not never), spaced so the reads stay within
 * MAX_READ_SHARE of the main thread. `firstPending`: when the first change not yet read came; `lastReadEnd` and
 * `lastReadCost`: when the last read ended and how long it took (0 and 0 before the first read; the content
 * script passes 0 for the first, cold read: spacing by it made every page's second read late, and a panel that
 * follows the last tab read lost the tab beside it, tests/e2e/i18n.test.ts).
 */
export function readDelay(
  t: number,
  firstPending: number,
  lastReadEnd: number,
  lastReadCost: number,
): number {
  const debounced = Math.min(DEBOUNCE_MS, Math.max(0, firstPending + MAX_WAIT_MS - t));
  const spaced = lastReadEnd + Math.min(MAX_SPACING_MS, lastReadCost * (1 / MAX_READ_SHARE - 1)) - t;
  return Math.max(debounced, spaced, 0);
}
