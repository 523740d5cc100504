/**
 * Launches Debian's Chromium with an unpacked build of the extension, serves replica portal pages at the real
 * portal URLs, aborts every other request and records every request made, so callers (E2E tests, `npm start`,
 * the benchmark) can prove nothing leaves the machine. Facts behind each step: ../shared/e2e-recipe.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');

export class MissingChromiumError extends Error {
  constructor() {
    super(
      `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
}

export interface RecordedRequest {
  url: string;
  resourceType: string;
  fromServiceWorker: boolean;
  isNavigation: boolean;
  frameUrl: string | null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** null when launched without the extension. */
  worker: Worker | null;
  requests: RecordedRequest[];
  /** Serve `file` (relative to tests/fixtures, or absolute) whenever `url` is requested (query string ignored). */
  serve(url: string, file: string): void;
  /** Open a new tab on `url`, served from `file`. */
  openPortal(url: string, file: string): Promise<Page>;
  /** The side panel page, opened as an ordinary tab (a headless test cannot dock the real panel). */
  openPanel(): Promise<Page>;
  /**
   * The side panel page in a window of its own, so the portal tab stays the visible tab of its window (as beside
   * the docked panel) and can be captured.
   */
  openPanelWindow(): Promise<Page>;
  /** Evaluate in the extension's service worker (storage, handlers). */
  sw<T>(fn: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function keyOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

export async function launchWithExtension(
  /** `build: null` launches the same browser, same flags, without the extension (the benchmark's baseline). */
  opts: {
    build?: string | null;
    headless?: boolean;
    viewport?: { width: number; height: number };
    /**
     * A profile directory to use and KEEP on close (a test relaunches the browser on it); by default a fresh
     * temporary profile, deleted on close.
     */
    userDataDir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(CHROMIUM)) throw new MissingChromiumError();
  const build = opts.build === undefined ? CHROME_BUILD : opts.build;
  if (build !== null && !existsSync(join(build, 'manifest.json'))) {
    throw new Error(`No extension build at ${build}: run \`npm run build\` first.`);
  }
  // Without this, requests made by the extension's service worker never reach Playwright: a "zero requests"
  // check would prove nothing about the background.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ikamet-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    args: [
      ...(build === null ? [] : [`--disable-extensions-except=${build}`, `--load-extension=${build}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });

  const requests: RecordedRequest[] = [];
  const pages = new Map<string, string>();
  const record = (r: Request) => {
    let frameUrl: string | null;
    try {
      frameUrl = r.frame().url();
    } catch {
      frameUrl = null; // service-worker requests have no frame
    }
    requests.push({
      url: r.url(),
      resourceType: r.resourceType(),
      fromServiceWorker: r.serviceWorker() !== null,
      isNavigation: r.isNavigationRequest(),
      frameUrl,
    });
  };
  context.on('request', record);
  // Only http(s): a catch-all route would also catch the extension's own chrome-extension:// chunks.
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const file = pages.get(keyOf(url));
    // Replica portal pages at the real URLs, and the odd non-portal test page (to prove the content script
    // stays away from it); everything else is refused, so nothing can reach a real host.
    if (file) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
    } else {
      await route.abort('blockedbyclient');
    }
  });

  const worker =
    build === null
      ? null
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 })));
  const extensionId = worker ? new URL(worker.url()).host : '';

  const serve = (url: string, file: string) => {
    pages.set(keyOf(url), resolve(ROOT, 'tests/fixtures', file));
  };

  return {
    context,
    extensionId,
    worker,
    requests,
    serve,
    async openPortal(url, file) {
      serve(url, file);
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openPanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async openPanelWindow() {
      const url = `chrome-extension://${extensionId}/sidepanel.html`;
      const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 10_000 });
      await (context.serviceWorkers()[0] ?? worker)!.evaluate(async (u) => {
        const ext = (
          globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }
        ).chrome;
        await ext.windows.create({ url: u, type: 'popup', width: 420, height: 860 });
      }, url);
      const page = await opened;
      await page.waitForLoadState();
      return page;
    },
    async sw<T>(fn: () => T | Promise<T>): Promise<T> {
      // The worker may have been stopped and restarted since launch: always use the live one.
      const live = context.serviceWorkers()[0] ?? worker;
      if (!live) throw new Error('No extension loaded in this browser.');
      return live.evaluate(fn);
    },
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Poll until `fn` returns a truthy value (generous: E2E tests wait, the benchmark measures). */
export async function waitFor<T>(
  fn: () => Promise<T> | T,
  what: string,
  timeoutMs = 8000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
