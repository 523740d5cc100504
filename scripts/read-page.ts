/**
 * Diagnostic: read a saved portal page the way the content script does and print, as one JSON line, the reading the
 * extension would store: read(), then the content script's no-slots bookkeeping (mergeNoSlots: `noSlotsSeenAt` is
 * the --now time when a no-slots message shows), then the background's cuts (portalReadingForStorage).
 *
 *   npm run --silent read-page -- --url 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum?basvuruKayitNo=1' page.html
 *
 * Save the page with "Webpage, Complete" (Chrome; Firefox: "Web Page, complete"): that writes the page as its
 * scripts drew it, plus a `<name>_files/` folder with its stylesheets. The page is parsed by happy-dom WITHOUT
 * running its scripts (they already ran in the browser), with its <style> rules and the saved stylesheets it links
 * from that folder applied, so hidden elements are judged as in the browser. Nothing is fetched: a stylesheet that
 * is not a saved file beside the page is left out.
 * Options: --now ISO-instant (defaults to the current time; picks the upcoming appointment among several).
 * Exit codes: 0 reading printed, 2 bad arguments / unreadable file, 3 a reader threw (one line on stderr: the page
 * changed shape; the extension shows such a page as "page-shape-changed").
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { mergeNoSlots } from '../src/portal/noSlots';
import { read } from '../src/portal/read';
import { portalReadingForStorage } from '../src/portal/sanitize';
import type { PortalReading } from '../src/portal/types';

const USAGE = 'usage: npm run --silent read-page -- --url URL [--now ISO-TIME] FILE.html';

function fail(msg: string): never {
  process.stderr.write(`read-page: ${msg}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { url: URL; file: string; now: Date } {
  let url: string | undefined;
  let now: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i];
    else if (a.startsWith('--url=')) url = a.slice(6);
    else if (a === '--now') now = argv[++i];
    else if (a.startsWith('--now=')) now = a.slice(6);
    else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else files.push(a);
  }
  if (!url) fail('missing --url (the address the page was saved from)');
  if (files.length !== 1) fail(files.length ? 'give exactly one HTML file' : 'missing the HTML file');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    fail(`not a valid URL: ${url}`);
  }
  if (!/^https?:$/.test(parsed.protocol)) fail(`not a web URL: ${url}`);
  const nowDate = now ? new Date(now) : new Date();
  if (Number.isNaN(nowDate.getTime())) fail(`not a valid --now time: ${now}`);
  return { url: parsed, file: files[0]!, now: nowDate };
}

/** The saved stylesheets a page links to, read from beside the file and put in its place as <style> elements. */
function inlineSavedStylesheets(doc: Document, file: string): void {
  for (const link of Array.from(doc.querySelectorAll('link[rel~="stylesheet" i][href]'))) {
    const href = link.getAttribute('href')!;
    // Only a relative path is a saved file; a URL (https:, //host, data:) would mean fetching.
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) continue;
    let css: string;
    try {
      css = readFileSync(resolve(dirname(file), decodeURIComponent(href.replace(/[?#].*$/, ''))), 'utf8');
    } catch {
      continue; // not saved with the page
    }
    const style = doc.createElement('style');
    const media = link.getAttribute('media');
    style.textContent = media && media !== 'all' ? `@media ${media} {\n${css}\n}` : css;
    link.replaceWith(style);
  }
}

async function main(): Promise<void> {
  const { url, file, now } = parseArgs(process.argv.slice(2));
  let html: string;
  try {
    if (!statSync(file).isFile()) fail(`not a file: ${file}`);
    html = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const out = await readSavedPage(html, file, url, now);
  if (out.ok) process.stdout.write(`${JSON.stringify(out.reading)}\n`);
  else {
    process.stderr.write(`${out.line}\n`);
    process.exitCode = 3;
  }
}

/**
 * A saved page's HTML → the reading the extension would store, or, when a reader throws, the one line to say.
 * `reader` is read() (a test passes one that throws).
 */
export async function readSavedPage(
  html: string,
  file: string,
  url: URL,
  now: Date,
  reader: typeof read = read,
): Promise<{ ok: true; reading: PortalReading } | { ok: false; line: string }> {
  // Scripts stay off (happy-dom's default) and nothing is fetched: the page may reference the live site.
  const window = new Window({
    url: url.href,
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableChildPageNavigation: true, disableChildFrameNavigation: true },
    },
  });
  try {
    window.document.write(html);
    const doc = window.document as unknown as Document;
    inlineSavedStylesheets(doc, file);
    let fresh: PortalReading;
    try {
      fresh = reader(doc, url, now);
    } catch (e) {
      const why = String((e as Error)?.message ?? e)
        .replace(/\s+/g, ' ')
        .slice(0, 200);
      return { ok: false, line: `read-page: a reader threw on this page (it changed shape): ${why}` };
    }
    return { ok: true, reading: portalReadingForStorage(mergeNoSlots(null, fresh, now)) };
  } finally {
    await window.happyDOM.close();
  }
}

// Run as a command (tsx scripts/read-page.ts …), not when a test imports readSavedPage.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
