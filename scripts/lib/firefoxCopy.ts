/**
 * The one test-only change of the Firefox suite, and why: a copy of the shipped Firefox build with two files added
 * and referenced, nothing else changed (tests/e2e-firefox/copy.test.ts compares every other file byte for byte).
 *
 * - `test-clock.js`, first in every context (background, content script, the panel page): `Date` moved to
 *   PINNED_NOW, as the Chromium suite does over CDP. Firefox's WebDriver BiDi reaches neither the background page
 *   nor the content script's world, so the shim has to be part of the add-on.
 * - `test-opener.js`, last in the background: opens the panel page in a tab once. WebDriver BiDi refuses to
 *   navigate to `moz-extension://` ("not allowed in this context"), so the extension opens its own page, and the
 *   test drives that tab (the sidebar itself is browser chrome, out of WebDriver's reach).
 *
 * `canary` (the no-network check's positive control only) adds one request from the background and one from the
 * content script, which the check must catch.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clockShim, PINNED_NOW } from './browser';

export const ADDED_FILES = ['test-clock.js', 'test-opener.js'] as const;
export const CANARY_URLS = ['https://canary.invalid/background', 'https://canary.invalid/content'] as const;

interface Manifest {
  background: { scripts: string[] };
  content_scripts: { js: string[] }[];
}

export function firefoxTestCopy(build: string, opts: { canary?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ikamet-firefox-'));
  cpSync(build, dir, { recursive: true });
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  writeFileSync(join(dir, 'test-clock.js'), clockShim(Date.parse(PINNED_NOW) - Date.now()));
  writeFileSync(
    join(dir, 'test-opener.js'),
    `browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html'), active: false });` +
      (opts.canary ? `\nfetch(${JSON.stringify(CANARY_URLS[0])}).catch(() => {});` : ''),
  );
  m.background.scripts = ['test-clock.js', ...m.background.scripts, 'test-opener.js'];
  for (const cs of m.content_scripts) cs.js = ['test-clock.js', ...cs.js];
  if (opts.canary) {
    writeFileSync(join(dir, 'test-canary.js'), `fetch(${JSON.stringify(CANARY_URLS[1])}).catch(() => {});`);
    for (const cs of m.content_scripts) cs.js.push('test-canary.js');
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2));
  const html = join(dir, 'sidepanel.html');
  writeFileSync(
    html,
    readFileSync(html, 'utf8').replace(
      '<script type="module"',
      '<script src="/test-clock.js"></script>\n    $&',
    ),
  );
  return dir;
}
