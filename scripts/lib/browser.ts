/**
 * Launches Debian's Chromium with an unpacked build of the extension, serves replica portal pages at the real
 * portal URLs, aborts every other request and records every request made, so callers (E2E tests, `npm start`,
 * the benchmark) can prove nothing leaves the machine. Facts behind each step: ../shared/e2e-recipe.md and
 * ../shared/browser-facts.md.
 *
 * Every session is guarded: `close()` fails when the extension's worker, panel or content script made any
 * http(s) or WebSocket request, or a page navigated where the test did not ask (see `violations()`). Requests are
 * seen twice over: Playwright's events and routes (pages, frames, the worker with its experimental flag), and a
 * raw CDP session on every target of the extension (the worker after each restart, the docked side panel, which
 * Playwright does not list), whose Network domain also reports WebSockets.
 *
 * E2E tests pin the clock: every context of the extension (worker, panel pages, the content script's world) runs
 * with `Date` moved to `PINNED_NOW`, ticking from there; the product reads time only through `new Date()` /
 * `Date.now()` (src/clock.ts), so no test depends on today's date.
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
  /** Who saw it: Playwright's request event or route, or the raw CDP session on an extension target. */
  seenBy?: 'playwright' | 'cdp-worker' | 'cdp-panel';
}

/**
 * The instant E2E tests run at: Tuesday 1 December 2026, 10:00 in Istanbul. Fixture dates are written against it.
 */
export const PINNED_NOW = '2026-12-01T07:00:00.000Z';

/**
 * `Date` moved by `offsetMs` in whatever context it runs (idempotent). Only argument-less `new Date()`, `Date()`
 * and `Date.now()` move; dates built from values are untouched.
 *
 * The shim is a Proxy over the real constructor, not a subclass: `Date.prototype` stays the real prototype, so
 * code that reads it when it loads (the date library's `TZDate` copies every getter and setter it finds on
 * `Date.prototype`, and a subclass has none of its own) behaves exactly as without the shim, whether the shim runs
 * before or after that code. A subclass shim made Istanbul wall-clock hours read as the machine's whenever a
 * restarted service worker loaded after it (tests/unit/scripts/clockShim.test.ts).
 */
export function clockShim(offsetMs: number): string {
  return `(() => {
  if (globalThis.__pinnedClock) return;
  const RealDate = Date;
  const offset = ${offsetMs};
  const now = () => RealDate.now() + offset;
  const PinnedDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === PinnedDate ? target : newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, key, receiver) {
      return key === 'now' ? now : Reflect.get(target, key, receiver);
    },
  });
  Object.defineProperty(globalThis, 'Date', { value: PinnedDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, '__pinnedClock', { value: true });
})();`;
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
  /** Navigate `page` to `url` (optionally served from `file`): a navigation the test asked for. */
  goto(page: Page, url: string, file?: string): Promise<void>;
  /** Reload `page`: a navigation the test asked for. */
  reload(page: Page): Promise<void>;
  /** Let one more navigation to `url` happen (a form the test submits, a link it follows). */
  expectNavigation(url: string): void;
  /**
   * What the session did that the extension must never do: requests of its own (worker, panel, content script),
   * and navigations the test did not ask for. Empty when all is well; `close()` fails when not.
   */
  violations(): string[];
  /** Drop recorded requests that a test made on purpose (a canary), once it has checked them. */
  forget(match: (r: RecordedRequest) => boolean): void;
  /** Evaluate `expression` in the extension's content-script world of `page` (its isolated world). */
  inContentScript(page: Page, expression: string): Promise<unknown>;
  /**
   * The side panel docked beside the tabs (opened by `clickToolbar`), which Playwright does not list as a page:
   * evaluate `expression` in it, or null when no panel is docked.
   */
  inDockedPanel(expression: string): Promise<unknown>;
  /** The side panel page, opened as an ordinary tab (a headless test cannot dock the real panel). */
  openPanel(): Promise<Page>;
  /**
   * The side panel page in a window of its own, so the portal tab stays the visible tab of its window (as beside
   * the docked panel) and can be captured.
   */
  openPanelWindow(): Promise<Page>;
  /**
   * Click the extension's toolbar button on `page`'s tab as a user would: Chromium runs the action for real
   * (`action.onClicked` fires, activeTab is granted, the side panel docks beside the tab). Needs the browser
   * launched with `--enable-unsafe-extension-debugging` (always on here). ../shared/browser-facts.md.
   */
  clickToolbar(page: Page): Promise<void>;
  /** Evaluate in the extension's service worker (storage, handlers). */
  sw<T>(fn: () => T | Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A served page's key: origin and path (the query string and hash are not part of it). */
export function keyOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** Served files are pages, save the scripts and stylesheets of the benchmark's heavy page (scripts/bench.ts). */
function contentTypeOf(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  if (file.endsWith('.css')) return 'text/css; charset=utf-8';
  return 'text/html; charset=utf-8';
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
    args?: string[];
    /**
     * The instant the extension's clock starts at (`PINNED_NOW` unless given); null for the real clock
     * (`npm start`, the benchmark).
     */
    now?: string | null;
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
      // Lets the harness press the toolbar button through CDP (Extensions.triggerAction): a real grant.
      '--enable-unsafe-extension-debugging',
      ...(opts.args ?? []),
    ],
  });

  const requests: RecordedRequest[] = [];
  const pages = new Map<string, string>();
  /** Navigations the test asked for, by address (origin + path), and those that happened. */
  const asked = new Map<string, number>();
  const navigated = new Map<string, number>();
  const ask = (url: string) => asked.set(keyOf(url), (asked.get(keyOf(url)) ?? 0) + 1);
  const offset = opts.now === null ? null : Date.parse(opts.now ?? PINNED_NOW) - Date.now();
  if (offset !== null) {
    // Extension pages opened as tabs or windows (the panel): the pinned clock before any script of theirs runs.
    await context.addInitScript(`if (location.protocol === 'chrome-extension:') ${clockShim(offset)}`);
  }
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
      seenBy: 'playwright',
    });
    if (r.isNavigationRequest() && /^https?:/.test(r.url())) {
      navigated.set(keyOf(r.url()), (navigated.get(keyOf(r.url())) ?? 0) + 1);
    }
  };
  context.on('request', record);
  // WebSockets are no `request`: an extension page's are routed (and refused), a portal page's (its content
  // script's) are reported by the page.
  const recordWs = (url: string, frameUrl: string | null) =>
    requests.push({
      url,
      resourceType: 'websocket',
      fromServiceWorker: false,
      isNavigation: false,
      frameUrl,
    });
  await context.routeWebSocket(/.*/, (ws) => {
    recordWs(ws.url(), null);
    void ws.close();
  });
  context.on('page', (p) => p.on('websocket', (ws) => recordWs(ws.url(), p.url())));
  // Only http(s): a catch-all route would also catch the extension's own chrome-extension:// chunks.
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const file = pages.get(keyOf(url));
    // Replica portal pages at the real URLs, and the odd non-portal test page (to prove the content script
    // stays away from it); everything else is refused, so nothing can reach a real host.
    if (file) {
      await route.fulfill({ status: 200, contentType: contentTypeOf(file), body: readFileSync(file) });
    } else {
      await route.abort('blockedbyclient');
    }
  });

  const worker =
    build === null
      ? null
      : (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 })));
  const extensionId = worker ? new URL(worker.url()).host : '';
  const own = `chrome-extension://${extensionId}/`;
  const raw = extensionId ? await watchExtensionTargets(context, own, offset, requests) : null;

  const serve = (url: string, file: string) => {
    pages.set(keyOf(url), resolve(ROOT, 'tests/fixtures', file));
  };

  const api: ExtensionBrowser = {
    context,
    extensionId,
    worker,
    requests,
    serve,
    async openPortal(url, file) {
      serve(url, file);
      ask(url);
      const page = await context.newPage();
      await pinContentWorld(page);
      await page.goto(url);
      return page;
    },
    async goto(page, url, file) {
      if (file) serve(url, file);
      ask(url);
      await page.goto(url);
    },
    async reload(page) {
      ask(page.url());
      await page.reload();
    },
    expectNavigation(url) {
      ask(url);
    },
    violations() {
      const out: string[] = [];
      // A script or stylesheet the harness serves (only the benchmark's heavy page has any) is the page's own
      // request, loaded by its <script>/<link>: not the extension's.
      const pageOwnSubresource = (r: RecordedRequest) =>
        /\.(js|css)$/.test(pages.get(keyOf(r.url)) ?? '') && /^(script|stylesheet)$/.test(r.resourceType);
      for (const r of requests) {
        if (r.fromServiceWorker || r.seenBy === 'cdp-worker') {
          // A restarted module worker reads its own script chunks from its package: files, not the network.
          if (r.url.startsWith(own) && (r.resourceType === 'script' || r.resourceType === 'Script')) continue;
          out.push(`the worker requested ${r.url}`);
        } else if (r.seenBy === 'cdp-panel') {
          if (/^(https?|wss?):/.test(r.url)) out.push(`the docked panel requested ${r.url}`);
        } else if (r.resourceType === 'websocket') {
          out.push(`${r.frameUrl ?? 'an extension page'} opened a WebSocket to ${r.url}`);
        } else if (/^https?:/.test(r.url) && !r.isNavigation && !pageOwnSubresource(r)) {
          out.push(`${r.frameUrl ?? 'a page'} requested ${r.url} (${r.resourceType})`);
        }
      }
      for (const [key, n] of navigated) {
        if (!pages.has(key)) out.push(`a navigation to ${key}, which no test serves`);
        else if (n > (asked.get(key) ?? 0))
          out.push(`${n} navigations to ${key}, the test asked for ${asked.get(key) ?? 0}`);
      }
      return out;
    },
    forget(match) {
      for (let i = requests.length - 1; i >= 0; i--) if (match(requests[i]!)) requests.splice(i, 1);
    },
    async inContentScript(page, expression) {
      return evaluateInWorld(context, page, extensionId, expression);
    },
    async inDockedPanel(expression) {
      return raw ? raw.evaluateInPanel(expression) : null;
    },
    async openPanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async openPanelWindow() {
      const url = `chrome-extension://${extensionId}/sidepanel.html`;
      const opened = context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 30_000 });
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
    async clickToolbar(page) {
      if (!extensionId) throw new Error('No extension loaded in this browser.');
      const cdp = await context.browser()!.newBrowserCDPSession();
      try {
        await page.bringToFront();
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
          targetInfos: { targetId: string; url: string }[];
        };
        // The tab's target id is the page's own (Playwright's page target id): match it through a page session.
        const own = await context.newCDPSession(page);
        const { targetInfo } = (await own.send('Target.getTargetInfo')) as {
          targetInfo: { targetId: string };
        };
        await own.detach();
        const tab =
          targetInfos.find((t) => t.targetId === targetInfo.targetId) ??
          targetInfos.find((t) => t.url === page.url());
        if (!tab) throw new Error(`No tab target for ${page.url()}`);
        await cdp.send(
          'Extensions.triggerAction' as never,
          { id: extensionId, targetId: tab.targetId } as never,
        );
      } finally {
        await cdp.detach();
      }
    },
    async sw<T>(fn: () => T | Promise<T>): Promise<T> {
      // The worker may have been stopped and restarted since launch: always use the live one.
      const live = context.serviceWorkers()[0] ?? worker;
      if (!live) throw new Error('No extension loaded in this browser.');
      return live.evaluate(fn);
    },
    async close() {
      const bad = api.violations();
      await raw?.detach().catch(() => undefined);
      await context.close();
      if (!opts.userDataDir) rmSync(profile, { recursive: true, force: true });
      if (bad.length) throw new Error(`The extension reached out or steered the page:\n${bad.join('\n')}`);
    },
  };
  return api;

  /** The content script's world starts with the pinned clock too (it dates "no slots" sightings). */
  async function pinContentWorld(page: Page): Promise<void> {
    if (offset === null || !extensionId) return;
    const cdp = await context.newCDPSession(page);
    cdp.on('Runtime.executionContextCreated', (e) => {
      const c = e.context as { id: number; origin: string; auxData?: { type?: string } };
      if (c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}`) {
        void cdp
          .send('Runtime.evaluate', { contextId: c.id, expression: clockShim(offset) })
          .catch(() => undefined);
      }
    });
    await cdp.send('Runtime.enable');
  }
}

/** Evaluate in the isolated world the extension's content script runs in on `page`. */
async function evaluateInWorld(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  expression: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  try {
    const worlds: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context as (typeof worlds)[number]));
    await cdp.send('Runtime.enable');
    const world = await waitFor(
      () =>
        worlds.find(
          (w) => w.auxData?.type === 'isolated' && w.origin === `chrome-extension://${extensionId}`,
        ),
      `the content script's world on ${page.url()}`,
    );
    const r = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

interface RawMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * A raw CDP session on every target of the extension that Playwright cannot fully see: each service worker (also
 * after a restart) and the docked side panel. Each gets its Network domain enabled (requests and WebSockets are
 * recorded) and, when the clock is pinned, the pinned `Date`.
 */
async function watchExtensionTargets(
  context: BrowserContext,
  own: string,
  offset: number | null,
  requests: RecordedRequest[],
) {
  const cdp = await context.browser()!.newBrowserCDPSession();
  const sessions = new Map<string, { sessionId: string; kind: 'worker' | 'panel' }>();
  const pending = new Map<number, (m: RawMessage) => void>();
  let nextId = 0;
  const sendTo = (sessionId: string, method: string, params: object = {}) =>
    new Promise<RawMessage>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      void cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((e: unknown) => resolve({ id, error: { message: String(e) } }));
    });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as RawMessage;
    if (m.id !== undefined) {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
      return;
    }
    const kind = [...sessions.values()].find((s) => s.sessionId === e.sessionId)?.kind;
    if (!kind) return;
    const seenBy = kind === 'worker' ? 'cdp-worker' : 'cdp-panel';
    if (m.method === 'Network.requestWillBeSent') {
      const p = m.params as { request: { url: string }; type?: string };
      requests.push({
        url: p.request.url,
        resourceType: p.type ?? 'Other',
        fromServiceWorker: false,
        isNavigation: false,
        frameUrl: null,
        seenBy,
      });
    } else if (m.method === 'Network.webSocketCreated') {
      const p = m.params as { url: string };
      requests.push({
        url: p.url,
        resourceType: 'websocket',
        fromServiceWorker: false,
        isNavigation: false,
        frameUrl: null,
        seenBy,
      });
    }
  });
  const attach = async (t: { targetId: string; type: string; url: string }) => {
    // Panel pages opened as tabs are Playwright's too; the docked one is told apart when it is asked for.
    const kind =
      t.type === 'service_worker' && t.url.startsWith(own)
        ? 'worker'
        : t.type === 'page' && t.url === `${own}sidepanel.html`
          ? 'panel'
          : null;
    if (!kind || sessions.has(t.targetId)) return;
    sessions.set(t.targetId, { sessionId: '', kind });
    try {
      const { sessionId } = (await cdp.send('Target.attachToTarget', {
        targetId: t.targetId,
        flatten: false,
      })) as {
        sessionId: string;
      };
      sessions.set(t.targetId, { sessionId, kind });
      await sendTo(sessionId, 'Network.enable');
      if (offset !== null) await sendTo(sessionId, 'Runtime.evaluate', { expression: clockShim(offset) });
    } catch {
      sessions.delete(t.targetId); // the target went away meanwhile
    }
  };
  cdp.on(
    'Target.targetCreated',
    (e) => void attach(e.targetInfo as { targetId: string; type: string; url: string }),
  );
  cdp.on(
    'Target.targetInfoChanged',
    (e) => void attach(e.targetInfo as { targetId: string; type: string; url: string }),
  );
  cdp.on('Target.targetDestroyed', (e) => void sessions.delete(e.targetId as string));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    async evaluateInPanel(expression: string): Promise<unknown> {
      const tabs = new Set<string>();
      for (const p of context.pages()) {
        if (!p.url().startsWith(own)) continue;
        const s = await context.newCDPSession(p);
        const { targetInfo } = (await s.send('Target.getTargetInfo')) as { targetInfo: { targetId: string } };
        tabs.add(targetInfo.targetId);
        await s.detach();
      }
      const panel = [...sessions.entries()].find(
        ([id, s]) => s.kind === 'panel' && s.sessionId && !tabs.has(id),
      )?.[1];
      if (!panel) return null;
      const r = await sendTo(panel.sessionId, 'Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (r.error) throw new Error(r.error.message);
      const res = r.result as { result: { value?: unknown }; exceptionDetails?: { text: string } };
      if (res.exceptionDetails) throw new Error(res.exceptionDetails.text);
      return res.result.value;
    },
    detach: () => cdp.detach(),
  };
}

/** Poll until `fn` returns a truthy value (generous: E2E tests wait, the benchmark measures). */
export async function waitFor<T>(
  fn: () => Promise<T> | T,
  what: string,
  timeoutMs = 30_000,
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
