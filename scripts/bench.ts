/**
 * `npm run bench [-- --quick]`: how light the extension is on the page and how fast the panel is, measured in
 * headless Chromium with the built extension. Prints a table (median, p95, max) and writes bench/results.json.
 * Not a test: nothing here fails on speed. `--quick` runs few repetitions so CI keeps the benchmark from rotting.
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { FIXTURES, fixturePath } from '../tests/fixtures';
import { CHROME_BUILD, CHROMIUM, launchWithExtension, ROOT, waitFor } from './lib/browser';

const quick = process.argv.includes('--quick');
const N = {
  readerRuns: quick ? 20 : 200,
  loads: quick ? 4 : 30,
  reactions: quick ? 3 : 25,
};

interface Row {
  metric: string;
  unit: string;
  median: number;
  p95: number;
  max: number;
  n: number;
  target?: string;
  note?: string;
}
const rows: Row[] = [];

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1]!, n: s.length };
}

function add(metric: string, unit: string, xs: number[], target?: string, note?: string) {
  rows.push({ metric, unit, ...stats(xs), ...(target ? { target } : {}), ...(note ? { note } : {}) });
}

/** The readers as one IIFE, so their cost is measured in the browser engine that runs the content script. */
async function readerBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: "import { read } from './src/portal/read'; (globalThis as any).__ikametRead = read;",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'es2022',
  });
  return out.outputFiles[0]!.text;
}

function bigPage(elements: number): string {
  const base = readFileSync(fixturePath(FIXTURES.find((f) => f.page === 'eikamet-status')!), 'utf8');
  const filler = Array.from(
    { length: elements / 5 },
    (_, i) =>
      `<div class="row"><span>Satır ${i}</span><span>Değer ${i}</span><a href="#">bağlantı</a><i>${i}</i></div>`,
  ).join('');
  return base.replace('</body>', `<div id="filler">${filler}</div></body>`);
}

async function benchReaders(code: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  const context = await browser.newContext();
  let body = '';
  await context.route(/^https?:\/\//, (r) => r.fulfill({ contentType: 'text/html', body }));
  const targets = [
    ...FIXTURES.filter((x) => x.lang === 'tr').map((f) => ({
      name: f.file,
      url: f.url,
      html: readFileSync(fixturePath(f), 'utf8'),
      wait: f.settledAfterMs,
    })),
    {
      name: '5,000-element page',
      url: 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum',
      html: bigPage(5000),
      wait: 0,
    },
  ];
  for (const t of targets) {
    body = t.html;
    const page = await context.newPage();
    // The page as the user sees it: client-rendered randevu views are drawn by their own scripts first.
    await page.goto(t.url);
    await page.waitForTimeout(t.wait + 100);
    await page.addScriptTag({ content: code });
    const times = await page.evaluate(
      ({ url, runs }) => {
        const read = (globalThis as unknown as { __ikametRead: (r: ParentNode, u: URL) => unknown })
          .__ikametRead;
        const out: number[] = [];
        for (let i = 0; i < 5; i++) read(document, new URL(url)); // warm up
        // Browsers coarsen performance.now(): time batches of 10 reads and divide.
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          for (let k = 0; k < 10; k++) read(document, new URL(url));
          out.push((performance.now() - t0) / 10);
        }
        return out;
      },
      { url: t.url, runs: N.readerRuns },
    );
    add(`read ${t.name}`, 'ms', times, t.name.startsWith('5,000') ? undefined : '≤ 2 ms median');
    await page.close();
  }
  await browser.close();
}

async function benchOverhead() {
  const targets = FIXTURES.filter((f) => f.lang === 'tr' && f.rendering === 'server').slice(0, 4);
  // The same browser, flags and profile kind on both sides; only the extension differs.
  const plain = await launchWithExtension({ build: null });
  const ext = await launchWithExtension();
  const loadTime = async (p: Page) =>
    p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    });
  const withExt: number[] = [];
  const without: number[] = [];
  for (const f of targets) {
    plain.serve(f.url, f.file);
    ext.serve(f.url, f.file);
  }
  for (let i = 0; i < N.loads; i++) {
    for (const f of targets) {
      // Interleaved, alternating which goes first, so drift on a 2-core machine hits both sides alike.
      const order = i % 2 ? [ext, plain] : [plain, ext];
      for (const side of order) {
        const page = await side.context.newPage();
        await page.goto(f.url, { waitUntil: 'load' });
        (side === ext ? withExt : without).push(await loadTime(page));
        await page.close();
      }
    }
  }
  const a = stats(withExt).median;
  const b = stats(without).median;
  // Spread of the ratio: the ratio of medians over halves of the runs, to show how much it moves run to run.
  const half = (xs: number[], k: number) => xs.filter((_, i) => i % 2 === k);
  const r0 = stats(half(withExt, 0)).median / stats(half(without, 0)).median;
  const r1 = stats(half(withExt, 1)).median / stats(half(without, 1)).median;
  add('page load with extension', 'ms', withExt);
  add('page load without extension', 'ms', without);
  rows.push({
    metric: 'page load overhead',
    unit: '%',
    median: Math.round((a / b - 1) * 1000) / 10,
    p95: Math.round((Math.max(r0, r1) - 1) * 1000) / 10,
    max: Math.round((Math.max(r0, r1) - 1) * 1000) / 10,
    n: withExt.length,
    target: '≤ 3 %',
    note: `ratio of medians; halves gave ${((r0 - 1) * 100).toFixed(1)} % and ${((r1 - 1) * 100).toFixed(1)} %`,
  });
  await plain.close();
  await ext.close();
}

async function benchReaction() {
  const b = await launchWithExtension();
  const f = FIXTURES.find((x) => x.page === 'randevu-booking' && x.expect.noSlots === false && !x.dynamic)!;
  const panel = await b.openPanel();
  const times: number[] = [];
  for (let i = 0; i < N.reactions; i++) {
    const page = await b.openPortal(f.url, f.file);
    await waitFor(
      async () => (await page.evaluate(() => document.body.innerText)).length > 200,
      'randevu draw',
    );
    await page.waitForTimeout(400);
    await panel.bringToFront();
    await panel.reload();
    await panel.waitForSelector('main:not([aria-busy])');
    await panel.evaluate(() => {
      const w = window as unknown as { __seen?: number };
      w.__seen = 0;
      new MutationObserver(() => {
        if (!w.__seen && document.querySelector('[data-testid="noslots"]')) w.__seen = Date.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // The DOM change: the slot list is replaced by the portal's "no slots" message.
    const t0 = await page.evaluate(() => {
      const root = document.querySelector('#app') ?? document.body;
      const msg = document.createElement('div');
      msg.className = 'alert alert-warning';
      msg.textContent = 'Seçilen tarihte uygun randevu bulunamadı.';
      root.replaceChildren(msg);
      return Date.now();
    });
    const seen = await waitFor(
      () => panel.evaluate(() => (window as unknown as { __seen?: number }).__seen),
      'the panel to show no slots',
    );
    times.push(seen - t0);
    await page.close();
  }
  add('DOM change → panel update', 'ms', times, '≤ 300 ms p95');
  await b.close();
}

function bundleSizes() {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(CHROME_BUILD);
  const size = (pred: (rel: string) => boolean) => {
    const sel = files.filter((p) => pred(relative(CHROME_BUILD, p)) && /\.(js|css|html)$/.test(p));
    const raw = sel.reduce((n, p) => n + statSync(p).size, 0);
    const gz = sel.reduce((n, p) => n + gzipSync(readFileSync(p), { level: 9 }).length, 0);
    return { raw, gz };
  };
  const parts = {
    'content script': size((r) => r.startsWith('content-scripts/')),
    background: size((r) => r === 'background.js'),
    panel: size((r) => r === 'sidepanel.html' || r.startsWith('chunks/') || r.startsWith('assets/')),
    'whole build': size(() => true),
  };
  for (const [name, s] of Object.entries(parts)) {
    rows.push({
      metric: `bundle: ${name}`,
      unit: 'KB gzip',
      median: Math.round((s.gz / 1024) * 10) / 10,
      p95: Math.round((s.gz / 1024) * 10) / 10,
      max: Math.round((s.raw / 1024) * 10) / 10,
      n: 1,
      ...(name === 'content script' ? { target: '≤ 15 KB gzip' } : {}),
      note: `raw ${(s.raw / 1024).toFixed(1)} KB (in the max column)`,
    });
  }
}

function print() {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
  console.log(
    `\n${pad('metric', 56)}${pad('unit', 9)}${pad('median', 9)}${pad('p95', 9)}${pad('max', 9)}${pad('n', 6)}target`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.metric, 56)}${pad(r.unit, 9)}${pad(num(r.median), 9)}${pad(num(r.p95), 9)}${pad(num(r.max), 9)}${pad(String(r.n), 6)}${r.target ?? ''}${r.note ? `  (${r.note})` : ''}`,
    );
  }
}

async function main() {
  execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  bundleSizes();
  await benchReaders(await readerBundle());
  await benchReaction();
  await benchOverhead();
  print();
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    JSON.stringify({ quick, at: new Date().toISOString(), rows }, null, 2),
  );
  console.log(
    `\nWrote bench/results.json${quick ? ' (quick run: few repetitions, figures are rough)' : ''}.`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
