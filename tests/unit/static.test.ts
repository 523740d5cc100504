/**
 * Static checks of the privacy and safety promises, run by `npm test`:
 * - no markup from strings: no dangerouslySetInnerHTML, innerHTML/outerHTML, insertAdjacentHTML, document.write,
 *   srcdoc, createContextualFragment (a short reviewed allow-list below, empty today);
 * - no code from strings: no eval, new Function, string timers;
 * - no network: no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, WebRTC, native messaging;
 * - every permission of the built manifests is used in the code and has its reason in wxt.config.ts, and the
 *   manifests' CSP allows no eval and no remote code.
 * Page-mutating calls in the content script and readers are checked by tests/unit/portal/static.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { PREACT_HTML_SINK } from '../../scripts/lib/noHtmlSink';

const ROOTS = ['src', 'entrypoints'];
const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' };

function files(dir: string, ext = /\.(ts|tsx|js|mjs|html)$/): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(n) ? [p] : [];
  });
}

/** Source without comments (a URL's `//` inside a string is kept). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
const code = (file: string) => stripComments(readFileSync(file, 'utf8'));

const MARKUP: [RegExp, string][] = [
  [/dangerouslySetInnerHTML/, 'dangerouslySetInnerHTML'],
  [/\.\s*innerHTML\b/, 'innerHTML'],
  [/\.\s*outerHTML\b/, 'outerHTML'],
  [/insertAdjacentHTML/, 'insertAdjacentHTML'],
  [/\bdocument\s*\.\s*write(ln)?\s*\(/, 'document.write'],
  [/\bsrcdoc\b/, 'srcdoc'],
  [/createContextualFragment/, 'createContextualFragment'],
  [/\bDOMParser\b/, 'DOMParser'],
];
const CODE: [RegExp, string][] = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(?<![\w.])Function\s*\(\s*['"`]/, 'Function("…")'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'a string timer'],
  [/\bimportScripts\s*\(/, 'importScripts('],
  [/\bimport\s*\(\s*['"`]https?:/, 'a remote import()'],
];
const NETWORK: [RegExp, string][] = [
  [/(?<![\w.])fetch\s*\(/, 'fetch('],
  [/\.\s*fetch\s*\(/, '….fetch('],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bsendBeacon\b/, 'sendBeacon'],
  [/\bRTCPeerConnection\b/, 'RTCPeerConnection'],
  [/\bWebTransport\b/, 'WebTransport'],
  [/\b(connectNative|sendNativeMessage)\b/, 'native messaging'],
  [/\bnew\s+(Image|Audio)\s*\(/, 'new Image()/Audio() (a beacon)'],
];

/** Reviewed exceptions: `file` may contain `what`, for the reason given. Keep this list short. */
const ALLOW: { file: string; what: string; why: string }[] = [];

const SOURCES = ROOTS.flatMap((r) => files(r));

function violations(src: string, rules: [RegExp, string][]): string[] {
  return rules.filter(([re]) => re.test(src)).map(([, what]) => what);
}

test('there are sources to scan', () => {
  expect(SOURCES.some((f) => f.startsWith('src/ui/'))).toBe(true);
  expect(SOURCES.some((f) => f.startsWith('entrypoints/'))).toBe(true);
});

describe.each(SOURCES)('%s', (file) => {
  const src = code(file);
  const allowed = (what: string) => ALLOW.some((a) => a.file === file && a.what === what);
  it('builds no markup from strings', () => {
    expect(violations(src, MARKUP).filter((w) => !allowed(w))).toEqual([]);
  });
  it('runs no code from strings', () => {
    expect(violations(src, CODE).filter((w) => !allowed(w))).toEqual([]);
  });
  it('makes no network request', () => {
    expect(violations(src, NETWORK).filter((w) => !allowed(w))).toEqual([]);
  });
});

test('the scan catches what it should, and not more', () => {
  const bad = [
    'el.innerHTML = s',
    'x.outerHTML',
    '<div dangerouslySetInnerHTML={{ __html: s }} />',
    'el.insertAdjacentHTML("beforeend", s)',
    'document.write(s)',
    'eval(s)',
    'window.eval(s)',
    'new Function("a", s)',
    'setTimeout("alert(1)", 0)',
    'fetch(url)',
    'globalThis.fetch(url)',
    'new XMLHttpRequest()',
    'new WebSocket(u)',
    'new EventSource(u)',
    'navigator.sendBeacon(u, d)',
    'new Image().src = u',
    'browser.runtime.connectNative("x")',
    'frame.srcdoc = s',
  ];
  for (const b of bad) expect(violations(b, [...MARKUP, ...CODE, ...NETWORK]), b).not.toEqual([]);
  const fine = [
    'const evaluation = retrieval(x)',
    'typeof v === "function"',
    'el.textContent = s',
    'prefetchable(x)',
    'setTimeout(run, 10)',
    'const html = `<p>${escapeHtml(s)}</p>`',
  ];
  for (const f of fine) expect(violations(f, [...MARKUP, ...CODE, ...NETWORK]), f).toEqual([]);
  expect(stripComments('// fetch(x)\nconst u = "https://x"; /* eval(y) */')).not.toMatch(/fetch|eval/);
});

// ------------------------------------------------------------------------------------------------ the built manifests

type Manifest = Record<string, unknown> & { permissions?: string[]; content_security_policy?: unknown };

function manifest(dir: string): Manifest {
  const p = join(dir, 'manifest.json');
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(p, 'utf8')) as Manifest;
}

/** Where each permission is used: a pattern that must match somewhere in src/ or entrypoints/. */
const USAGE: Record<string, RegExp> = {
  storage: /browser\.storage\.|storage\.defineItem\(/,
  activeTab: /\.captureVisibleTab\(/,
  alarms: /browser\.alarms\./,
  notifications: /browser\.notifications\./,
  contextMenus: /browser\.contextMenus\b/,
  sidePanel: /browser\.sidePanel\b/,
  // No API of its own: it keeps the evidence database (IndexedDB) from being evicted.
  unlimitedStorage: /\bindexedDB\b/,
};

const ALL_CODE = SOURCES.map(code).join('\n');
const CONFIG = readFileSync('wxt.config.ts', 'utf8');

/** The comment lines right above `'perm',` in wxt.config.ts, or a comment naming it (permissions WXT adds). */
function justification(perm: string): string {
  const lines = CONFIG.split('\n');
  const at = lines.findIndex((l) => l.trim() === `'${perm}',`);
  if (at >= 0) {
    const out: string[] = [];
    for (let i = at - 1; i >= 0 && lines[i]!.trim().startsWith('//'); i--) out.unshift(lines[i]!.trim());
    return out.join(' ');
  }
  return lines.find((l) => l.trim().startsWith('//') && l.includes(`'${perm}'`))?.trim() ?? '';
}

describe.each(Object.entries(BUILDS))('%s build', (_browser, dir) => {
  const perms = () =>
    (manifest(dir).permissions ?? []).filter((p) => !p.includes('://') && p !== '<all_urls>');

  it('every permission is used in the code', () => {
    for (const p of perms()) {
      expect(USAGE[p], `no usage rule for "${p}": add one here`).toBeDefined();
      expect(USAGE[p]!.test(ALL_CODE), `"${p}" is never used in src/ or entrypoints/`).toBe(true);
    }
  });

  it('every permission has its reason in wxt.config.ts', () => {
    for (const p of perms()) expect(justification(p).length, `"${p}" has no comment`).toBeGreaterThan(20);
  });

  it('the CSP allows no eval and no remote code', () => {
    const csp = manifest(dir).content_security_policy;
    const text = typeof csp === 'string' ? csp : JSON.stringify(csp ?? '');
    expect(text).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(text).not.toMatch(/https?:|wss?:|\bdata:|blob:|(^|\s)\*(\s|;|$)/);
  });

  it('the built pages load no remote script or style', () => {
    for (const f of files(dir, /\.html$/)) {
      const html = readFileSync(f, 'utf8');
      expect(html, f).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
      expect(html, f).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i); // no inline script either
    }
  });

  it('the built code makes no network request (Vite\u2019s module-preload polyfill aside)', () => {
    for (const f of files(dir, /\.js$/)) {
      // Vite's polyfill fetches <link rel=modulepreload> hrefs: the extension's own files, never a remote host.
      const js = readFileSync(f, 'utf8').replace(
        /(rel===?[`'"]modulepreload[`'"][\s\S]{0,800}?)fetch\(e\.href,n\)/g,
        '$1/*modulepreload*/',
      );
      // The webextension-polyfill's API table names connectNative/sendNativeMessage; the sources never call them.
      const rules = NETWORK.filter(
        ([, w]) => !['new Image()/Audio() (a beacon)', 'native messaging'].includes(w),
      );
      expect(violations(js, rules), f).toEqual([]);
      expect(js, f).not.toMatch(/\beval\s*\(|\bnew Function\s*\(/);
    }
  });

  it('the built code assigns no innerHTML, Preact included (scripts/lib/noHtmlSink.ts)', () => {
    for (const f of files(dir, /\.js$/)) expect(readFileSync(f, 'utf8'), f).not.toMatch(INNER_HTML_WRITE);
  });
});

/** An assignment to innerHTML (not a comparison). */
const INNER_HTML_WRITE = /\.innerHTML\s*=(?!=)/;

test("positive control: Preact's own code has the sink the build takes out, and the check sees it", () => {
  const preact = readFileSync('node_modules/preact/dist/preact.mjs', 'utf8');
  expect(preact).toMatch(PREACT_HTML_SINK);
  expect(preact).toMatch(INNER_HTML_WRITE);
});
