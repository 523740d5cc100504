/**
 * The content script: read the page at load and whenever it changes, and tell the background when the reading
 * changed. It only reads: no element, attribute, event, message or focus ever comes from it, and it listens to
 * nothing the page can send (tests/e2e/never-touches.test.ts records the page's view; tests/unit/content/bundle
 * scans the built bundle). Observers and listeners are released through the context when the script is invalidated.
 */
import { type Clock, systemClock } from '../clock';
import type { ContentScriptContext } from './context';
import { mergeNoSlots } from '../portal/noSlots';
import { readOrReport } from '../portal/read';
import type { PortalReading } from '../portal/types';

import { readDelay } from './debounce';
import { sendFromContent } from './send';

export function watchPortal(
  ctx: ContentScriptContext,
  doc: Document = document,
  now: Clock = systemClock,
): void {
  let prev: PortalReading | null = null;
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let lastReadEnd = 0;
  let lastReadCost = 0;
  let reads = 0;

  const run = () => {
    timer = undefined;
    firstPending = 0;
    const started = performance.now();
    try {
      readAndSend();
    } finally {
      lastReadEnd = performance.now();
      // The first read is cold (the readers' code compiled on first use) and costs several times a warm one: it
      // does not space the next read, or every page would be read late once after load. Warm reads do.
      lastReadCost = reads++ === 0 ? 0 : lastReadEnd - started;
    }
  };

  const readAndSend = () => {
    const at = now();
    // A reader that throws gives a reading with the code 'page-shape-changed' (never a silent failure), and the
    // page itself is never disturbed: nothing here can throw into the portal's own code.
    const reading = mergeNoSlots(prev, readOrReport(doc, new URL(doc.location.href), at), at);
    prev = reading;
    // Login, error or maintenance pages: nothing to say, unless the page could not be read at all.
    if (reading.page === 'unknown' && reading.problems.length === 0) return;
    const key = JSON.stringify(reading);
    if (key === lastSent) return;
    lastSent = key;
    void sendFromContent('content:reading', { reading }).then((answer) => {
      // No answer, or refused (the extension was reloaded, the worker is starting): the next change sends again.
      if (!answer.ok) lastSent = '';
    });
  };

  const schedule = () => {
    if (!ctx.isValid) return;
    // Monotonic time: a wall clock that jumps (the user sets the date, a sync) must not stall the ceiling.
    const t = performance.now();
    if (!firstPending) firstPending = t;
    clearTimeout(timer);
    // Debounced, with a ceiling, and spaced by what the last read cost (./debounce.ts).
    timer = setTimeout(run, readDelay(t, firstPending, lastReadEnd, lastReadCost));
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['style', 'class', 'hidden', 'aria-hidden'],
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });
  // URL changes without a DOM change: randevu is hash-routed; back/forward; and, where the browser has the
  // Navigation API, history.pushState apps. All watched from this script's own world, trusted events only.
  const view = doc.defaultView ?? window;
  ctx.addEventListener(view, 'hashchange', schedule);
  ctx.addEventListener(view, 'popstate', schedule);
  const navigation = (view as Window & { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', schedule);
  // The first read waits for the page's load event, so the portal finishes loading before we spend any time.
  if (doc.readyState === 'complete') schedule();
  else ctx.addEventListener(view, 'load', schedule, { once: true });
}
