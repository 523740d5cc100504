/** Quiet period after the last DOM change before reading, and the longest a busy page can delay a read. */
export const DEBOUNCE_MS = 80;
export const MAX_WAIT_MS = 200;
