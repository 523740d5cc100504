/**
 * When the content script reads next (src/content/debounce.ts): debounced with a ceiling, and spaced by what the
 * last read cost so the reads stay within MAX_READ_SHARE of the page's main thread. Pure: times are given.
 */
import { describe, expect, it } from 'vitest';
import {
  DEBOUNCE_MS,
  MAX_READ_SHARE,
  MAX_SPACING_MS,
  MAX_WAIT_MS,
  readDelay,
} from '../../../src/content/debounce';

describe('readDelay', () => {
  it('waits the debounce after a first change, with no read before', () => {
    expect(readDelay(1000, 1000, 0, 0)).toBe(DEBOUNCE_MS);
  });
  it('never waits past the ceiling for a page that keeps changing', () => {
    // First change at 1000; now 1150: at most 50 ms more, so the read happens by 1200.
    expect(readDelay(1150, 1000, 0, 0)).toBe(MAX_WAIT_MS - 150);
    expect(readDelay(1250, 1000, 0, 0)).toBe(0);
  });
  it('a cheap read (1 ms) changes nothing: the spacing is inside the debounce', () => {
    expect(readDelay(1000, 1000, 999, 1)).toBe(DEBOUNCE_MS);
  });
  it('an expensive read spaces the next one so reads take at most MAX_READ_SHARE of the time', () => {
    // A 30 ms read ended at 1000; a change at 1010 on a page that never stops changing.
    const cost = 30;
    const wait = readDelay(1010, 1010, 1000, cost);
    const next = 1010 + wait;
    expect(wait).toBeGreaterThan(MAX_WAIT_MS);
    // From the start of the last read to the start of the next: the read's share is MAX_READ_SHARE.
    expect(cost / (next - (1000 - cost))).toBeCloseTo(MAX_READ_SHARE, 10);
  });
  it('however costly the last read, the next comes within MAX_SPACING_MS of its end', () => {
    // A cold first read of 200 ms would otherwise put the next off by 6.5 s.
    expect(readDelay(1010, 1010, 1000, 200)).toBe(1000 + MAX_SPACING_MS - 1010);
  });
  it('the spacing counts from the end of the last read, not from the change', () => {
    expect(readDelay(5000, 5000, 1000, 30)).toBe(DEBOUNCE_MS);
  });
  it('positive control: without the spacing (cost 0) the expensive case would read at the ceiling', () => {
    expect(readDelay(1010, 1010, 1000, 0)).toBe(DEBOUNCE_MS);
  });
});
