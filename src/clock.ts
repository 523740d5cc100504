/**
 * The one clock of the extension: the background, the panel and the content script read the time only through
 * this (or a `now` parameter that defaults to it), and every rule takes `today`/`now` as a parameter. Unit tests
 * pass their own clock; E2E tests pin `Date` itself in every context of the shipped build (scripts/lib/browser.ts,
 * PINNED_NOW), which this reads at each call.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
