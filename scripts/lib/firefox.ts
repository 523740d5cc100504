/**
 * Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core, no browser download) with the Firefox build
 * installed as a temporary add-on, serves replica portal pages at the real portal URLs and refuses every other
 * request. Facts behind each step: ../shared/browser-facts.md.
 *
 * Firefox runs headful on the X display of `xvfb-run` (npm run test:firefox): a real keyboard shortcut, sent with
 * `xdotool`, is the only user gesture WebDriver can give Firefox, and the only way to a real activeTab grant.
 *
 * Nothing leaves the machine, checked two ways: every page request is intercepted (portal replicas served, the rest
 * refused and recorded), and all of Firefox's traffic is sent to a recording proxy on 127.0.0.1 that answers
 * nothing, so a request from the background page or a content script (which page interception may not see) is
 * caught too. `violations()` lists both; `close()` fails when it is not empty.
 *
 * The installed add-on is a copy of the shipped build with two test files added (firefoxCopy.ts says which and
 * why): the clock pinned to PINNED_NOW in every context, and the panel page opened in a tab.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { keyOf, ROOT, waitFor } from './browser';
import { firefoxTestCopy } from './firefoxCopy';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const GECKO_ID = 'ikamet-companion@example.org';
/** Pinned before launch (`extensions.webextensions.uuids`), so extension URLs are known in advance. */
export const EXTENSION_UUID = '6f1b9c2e-4d7a-4e8b-9a3c-2b5d8e1f0a47';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export class MissingFirefoxError extends Error {
  constructor(what: string) {
    super(what);
  }
}

export interface FirefoxSession {
  browser: Browser;
  /** Folder the browser saves downloads into (no dialog). */
  downloads: string;
  /** The panel page in a tab of its own (the sidebar is browser chrome, out of WebDriver's reach). */
  panel(): Promise<Page>;
  /** Evaluate `fn` in the panel page, where the extension API is `globalThis.browser`. */
  ext<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Serve `file` (relative to tests/fixtures, or absolute) whenever `url` is requested (query string ignored). */
  serve(url: string, file: string): void;
  /** A new tab on `url`, served from `file`; `init` runs in the page's own world before its scripts. */
  openPortal(url: string, file: string, init?: string): Promise<Page>;
  /** Press `keys` (xdotool syntax) on `page`'s window, with the page in front, as the user's keyboard would. */
  press(page: Page, keys: string): Promise<void>;
  /** How many times a page at `url` (query ignored) was loaded as a navigation. */
  navigations(url: string): number;
  /** Install another add-on, unpacked (a test's own, e.g. the positive control's). */
  install(dir: string): Promise<string>;
  /** Remove the add-on (the same browser then runs without it). */
  uninstall(id?: string): Promise<void>;
  violations(): string[];
  /** Drop recorded requests a test made on purpose (the canary), once it has checked them. */
  forget(match: (url: string) => boolean): void;
  close(): Promise<void>;
}

/**
 * Firefox's own remote-settings client still calls home on this ESR with every documented pref to stop it set
 * (measured): that host, exactly, is Firefox's and not the add-on's. Anything else is recorded; the canary test
 * (tests/e2e-firefox/network.test.ts) shows the add-on's own requests are seen.
 */
const FIREFOX_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com:443']);
function firefoxOwn(target: string): boolean {
  return FIREFOX_OWN_HOSTS.has(target);
}

/** A proxy that answers nothing and records every request Firefox sends through it. */
async function recordingProxy(): Promise<{ server: Server; port: number; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    if (!firefoxOwn(req.url ?? '')) seen.push(`${req.method} ${req.url}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    if (!firefoxOwn(req.url ?? '')) seen.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

export async function launchFirefox(
  opts: {
    /** The build to install (a test copy is made of it); null: no add-on. */
    build?: string | null;
    canary?: boolean;
  } = {},
): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) {
    throw new MissingFirefoxError(
      `Firefox ESR not found at ${FIREFOX}. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`,
    );
  }
  if (!process.env.DISPLAY) {
    throw new MissingFirefoxError(
      'No X display: run the Firefox suite through `npm run test:firefox` (xvfb-run).',
    );
  }
  const build = opts.build === undefined ? FIREFOX_BUILD : opts.build;
  const copy = build === null ? null : firefoxTestCopy(build, { canary: opts.canary });
  const downloads = mkdtempSync(join(tmpdir(), 'ikamet-firefox-dl-'));
  const proxy = await recordingProxy();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: false,
    defaultViewport: { width: 1200, height: 800 },
    args: ['--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Everything not served by interception goes to the recording proxy, localhost included.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
      'network.prefetch-next': false,
      'network.http.speculative-parallel-limit': 0,
      // Firefox's own services, so the proxy's record is the add-on's alone.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.downloads.remote.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.blockedURIs.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'extensions.blocklist.enabled': false,
      // Remote settings: what Marionette itself sets so that Firefox asks no server.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'dom.push.enabled': false,
      'toolkit.telemetry.enabled': false,
      'browser.ping-centre.telemetry': false,
      'browser.search.update': false,
      'browser.region.network.url': '',
      'browser.topsites.contile.enabled': false,
      'messaging-system.rsexperimentloader.enabled': false,
      'app.shield.optoutstudies.enabled': false,
      'media.gmp-gmpopenh264.enabled': false,
      'security.OCSP.enabled': 0,
      'security.remote_settings.crlite_filters.enabled': false,
      // Downloads (the evidence export) land in `downloads`, no dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.panel.shown': true,
    },
  });

  const pages = new Map<string, string>();
  const servedOrigins = new Set<string>();
  const navs = new Map<string, number>();
  const refused: string[] = [];
  const handle = (r: HTTPRequest) => {
    const url = r.url();
    if (!/^https?:/.test(url)) return void r.continue();
    const file = pages.get(keyOf(url));
    if (file && r.isNavigationRequest()) navs.set(keyOf(url), (navs.get(keyOf(url)) ?? 0) + 1);
    if (file) {
      return void r.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(file),
      });
    }
    // The browser's own favicon probe of a served page is not a request of the extension.
    const u = new URL(url);
    if (!(u.pathname === '/favicon.ico' && servedOrigins.has(u.origin))) refused.push(url);
    return void r.abort('blockedbyclient');
  };

  if (copy) await browser.installExtension(copy);
  let panelPage: Page | null = null;
  const panel = async () => {
    if (panelPage && !panelPage.isClosed()) return panelPage;
    panelPage = await waitFor(
      async () => {
        for (const p of await browser.pages()) {
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(`${EXTENSION_ORIGIN}/sidepanel.html`)) return p;
        }
        return null;
      },
      'the panel page opened by the add-on',
      60_000,
    );
    await panelPage.waitForSelector('#tab-deadlines', { timeout: 60_000 });
    return panelPage;
  };

  const session: FirefoxSession = {
    browser,
    downloads,
    panel,
    async ext<T>(fn: () => T | Promise<T>) {
      const p = await panel();
      return p.evaluate(fn) as Promise<T>;
    },
    serve(url, file) {
      pages.set(keyOf(url), file.startsWith('/') ? file : join(ROOT, 'tests/fixtures', file));
      servedOrigins.add(new URL(url).origin);
    },
    async openPortal(url, file, init) {
      session.serve(url, file);
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', handle);
      if (init) await page.evaluateOnNewDocument(init);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async press(page, keys) {
      await page.bringToFront();
      const windows = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'firefox'])
        .toString()
        .trim()
        .split('\n');
      execFileSync('xdotool', ['windowfocus', '--sync', windows[0]!]);
      execFileSync('xdotool', ['key', '--clearmodifiers', keys]);
    },
    navigations(url) {
      return navs.get(keyOf(url)) ?? 0;
    },
    install(dir) {
      return browser.installExtension(dir);
    },
    async uninstall(id = GECKO_ID) {
      await browser.uninstallExtension(id);
      if (id === GECKO_ID) panelPage = null;
    },
    violations() {
      return [
        ...proxy.seen.map((s) => `left the browser: ${s}`),
        ...refused.map((u) => `a page requested: ${u}`),
      ];
    },
    forget(match) {
      for (const list of [proxy.seen, refused]) {
        const keep = list.filter((s) => !match(s));
        list.splice(0, list.length, ...keep);
      }
    },
    async close() {
      const v = session.violations();
      await browser.close().catch(() => undefined);
      proxy.server.close();
      if (copy) rmSync(copy, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
      if (v.length) throw new Error(`The session made requests it must not:\n${v.join('\n')}`);
    },
  };
  return session;
}

/** The finished downloads in `dir` (Firefox writes `.part` files first). */
export function finishedDownloads(dir: string): string[] {
  return readdirSync(dir).filter((f) => !f.endsWith('.part'));
}
