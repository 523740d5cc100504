/**
 * Replica pages in happy-dom for unit tests. Server-rendered pages are read as parsed. Client-rendered pages (randevu)
 * and pages with timed scripts (the e-ikamet toast) get their own inline scripts run, with a hand-driven clock, so a
 * test reads the DOM the page's script really draws (not a hand-made copy) at a chosen time after load.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { fixturePath, type Fixture } from '../../fixtures/index';

export interface Page {
  window: Window;
  document: Document;
  url: URL;
  /** Let `ms` of page time pass, running due timers in order. */
  advance(ms: number): void;
  close(): Promise<void>;
}

type Timer = { id: number; at: number; fn: () => void };

function clock() {
  let now = 0;
  let seq = 0;
  let timers: Timer[] = [];
  return {
    setTimeout: (fn: () => void, ms = 0) => {
      const t = { id: ++seq, at: now + Math.max(0, ms), fn };
      timers.push(t);
      return t.id;
    },
    clearTimeout: (id: number) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}

/** Parse HTML into a fresh happy-dom window at `url` without running anything. */
export function pageFrom(html: string, url: string): Page {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  window.document.write(html);
  return {
    window,
    document: window.document as unknown as Document,
    url: new URL(url),
    advance: () => {},
    close: () => window.happyDOM.close(),
  };
}

/**
 * Load a fixture at its real URL. With `runScripts`, its inline classic scripts run (in document order) against the
 * page with a manual clock; `advance(ms)` then plays the page forward.
 */
export function loadFixture(f: Fixture, opts: { runScripts?: boolean } = {}): Page {
  const html = readFileSync(fixturePath(f), 'utf8');
  const page = pageFrom(html, f.url);
  if (!opts.runScripts) return page;
  const c = clock();
  for (const s of Array.from(page.document.querySelectorAll('script'))) {
    const type = s.getAttribute('type');
    if (type && type !== 'text/javascript' && type !== 'module') continue;
    // The replicas' scripts only use window, document and the timers. Running the page's own inline script is the
    // point here (the test reads what the replica draws); it is committed fixture code, not input.
    // eslint-disable-next-line no-new-func
    new Function('window', 'document', 'setTimeout', 'clearTimeout', s.textContent ?? '')(
      page.window,
      page.document,
      c.setTimeout,
      c.clearTimeout,
    );
  }
  page.advance = (ms) => c.advance(ms);
  return page;
}

/** The page after its scripts ran for `f.settledAfterMs` (+ a margin). */
export function settledFixture(f: Fixture): Page {
  const page = loadFixture(f, { runScripts: true });
  page.advance(f.settledAfterMs + 100);
  return page;
}
