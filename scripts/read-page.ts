/**
 * Diagnostic: read a saved portal page the way the content script does and print the reading as one JSON line.
 *
 *   npm run --silent read-page -- --url 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum?basvuruKayitNo=1' page.html
 *
 * The page is parsed by happy-dom WITHOUT running its scripts (a page saved from the browser already holds what its
 * scripts drew), with its <style> rules applied, so hidden elements are judged as in the browser.
 * Options: --now ISO-instant (defaults to the current time; picks the upcoming appointment among several).
 * Exit codes: 0 reading printed, 2 bad arguments / unreadable file.
 */
import { readFileSync, statSync } from 'node:fs';
import { Window } from 'happy-dom';
import { read } from '../src/portal/read';

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

async function main(): Promise<void> {
  const { url, file, now } = parseArgs(process.argv.slice(2));
  let html: string;
  try {
    if (!statSync(file).isFile()) fail(`not a file: ${file}`);
    html = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
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
    const reading = read(window.document as unknown as Document, url, now);
    process.stdout.write(`${JSON.stringify(reading)}\n`);
  } finally {
    await window.happyDOM.close();
  }
}

void main();
