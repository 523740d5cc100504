/**
 * The BUILT content script, as users install it (framework and library code included), has no way to touch the
 * portal page or announce itself: no message or event sent to the page, no click, submit, focus or scroll, no
 * form value written, no DOM change, no URL, history, cookie or web-storage access. `npm test` builds before the
 * unit tests, so this reads `.output/*`; the source-level scan is tests/unit/portal/static.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUNDLES = {
  chrome: '.output/chrome-mv3/content-scripts/portal.js',
  firefox: '.output/firefox-mv2/content-scripts/portal.js',
};

/** Each rule is written for minified output (no spaces, any identifier before the dot). */
export const PAGE_TOUCHING: [RegExp, string][] = [
  [/\bpostMessage\b/, 'postMessage'],
  [/\bdispatchEvent\b/, 'dispatchEvent'],
  [/\bCustomEvent\b/, 'CustomEvent'],
  [/\b(content-script-started|locationchange)\b/, "a WXT announcement's name"],
  [
    /\.\s*(submit|requestSubmit|click|focus|blur|select|showModal|showPopover|requestFullscreen)\s*\(/,
    'a user action',
  ],
  [/\b(scrollIntoView|scrollTo|scrollBy)\b|\.\s*scroll(Top|Left)\s*=(?!=)/, 'a scroll'],
  [
    /\.\s*(value|checked|selectedIndex|defaultValue|defaultChecked|indeterminate)\s*(=(?!=)|\+=)/,
    'a form value',
  ],
  [
    /\.\s*(appendChild|append|prepend|removeChild|replaceChild|replaceWith|replaceChildren|insertBefore|before|after|remove|setAttribute|setAttributeNS|removeAttribute|toggleAttribute|attachShadow|insertAdjacentHTML|insertAdjacentElement|insertAdjacentText)\s*\(/,
    'a DOM change',
  ],
  [
    /\.\s*(className|id|src|href|data|nodeValue|hidden|disabled|textContent|innerHTML|innerText|outerHTML|title)\s*(=(?!=)|\+=)/,
    'a node property written',
  ],
  [
    /classList\s*\.\s*(add|remove|toggle|replace)\s*\(|\.style\s*\.\s*(\w+\s*=(?!=)|setProperty\s*\()/,
    'a style change',
  ],
  [/\bdocument\s*\.\s*(cookie|write|open|execCommand)\b/, 'document.cookie/write/open/execCommand'],
  [/\b(localStorage|sessionStorage|indexedDB)\b/, 'web storage'],
  [/\b(pushState|replaceState)\b|\bhistory\s*\.\s*(back|forward|go)\b/, 'a history change'],
  [
    /\blocation\s*\.\s*(assign|replace|reload)\b|\blocation\s*(\.\s*(href|hash|search|pathname))?\s*=(?!=)/,
    'a navigation',
  ],
  [/\bwindow\s*\.\s*(open|name\s*=(?!=))|\bdocument\s*\.\s*title\s*=(?!=)/, 'a window change'],
];

const touches = (src: string) => PAGE_TOUCHING.filter(([re]) => re.test(src)).map(([, what]) => what);

describe.each(Object.entries(BUNDLES))('the built %s content script', (_browser, file) => {
  it('exists (npm test builds before the unit tests)', () => {
    expect(existsSync(file), `${file}: run npm run build`).toBe(true);
  });
  it('has no call that could touch the page or announce the extension', () => {
    expect(touches(readFileSync(file, 'utf8'))).toEqual([]);
  });
  it("is built with the quiet context (src/content/context.ts), not WXT's", () => {
    const src = readFileSync(file, 'utf8');
    // The quiet context's trusted-only listener guard is in the bundle; WXT's started-event id is not.
    expect(/\.isTrusted&&/.test(src), 'the trusted-only guard of src/content/context.ts').toBe(true);
    expect(src.includes('wxt:'), "a WXT event name ('wxt:…')").toBe(false);
  });
  it("carries no webextension-polyfill: it talks through the browser's own runtime (src/content/runtime.ts)", () => {
    // The polyfill was a quarter of this bundle's gzip size (issue #20); the bench's "bundle: content script" row
    // measures the size, this test only that the polyfill stays out. Positive control below.
    expect(POLYFILL.test(readFileSync(file, 'utf8'))).toBe(false);
  });
});

/**
 * Long English sentences of the panel's catalogue: none belongs in the content script (it reads; the panel speaks).
 * One import of src/domain/status.ts once pulled the whole catalogue in (35 KB gzip instead of 11; issue #20).
 */
const SENTENCES = Object.values(
  JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>,
)
  .map((m) => m.message)
  .filter((m) => m.length >= 60 && !/[{}$]/.test(m));
const sentencesIn = (src: string) => SENTENCES.filter((m) => src.includes(JSON.stringify(m).slice(1, -1)));

describe.each(Object.entries(BUNDLES))('the built %s content script, what it loads', (_browser, file) => {
  it("holds none of the panel's sentences (the message catalogue stays out)", () => {
    expect(sentencesIn(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

it("positive control: the panel's sentences are found in the build's other bundles", () => {
  const dir = '.output/chrome-mv3/chunks';
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  expect(SENTENCES.length).toBeGreaterThan(100);
  expect(sentencesIn(all).length).toBeGreaterThan(SENTENCES.length / 2);
});

/** The polyfill's own marker (its UMD module name) and its argument-count errors, as they survive minifying. */
const POLYFILL = /webextension-polyfill|Expected at (least|most) \$\{/;

it('positive control: the polyfill marker is found in the minified polyfill itself', () => {
  const min = 'node_modules/webextension-polyfill/dist/browser-polyfill.min.js';
  expect(POLYFILL.test(readFileSync(min, 'utf8'))).toBe(true);
});

describe('positive controls: the scan catches what it guards against', () => {
  it("catches WXT's own content-script context and location watcher", () => {
    const wxt = join('node_modules/wxt/dist/utils');
    const ctx = readFileSync(join(wxt, 'content-script-context.mjs'), 'utf8');
    const watcher = readFileSync(join(wxt, 'internal/location-watcher.mjs'), 'utf8');
    expect(touches(ctx)).toEqual(expect.arrayContaining(['postMessage', 'dispatchEvent', 'CustomEvent']));
    expect(touches(watcher)).toContain('dispatchEvent');
  });
  it.each([
    'window.postMessage({type:t},"*")',
    'document.dispatchEvent(new CustomEvent(n))',
    'e.click()',
    'n.submit()',
    'f.requestSubmit()',
    'a.focus()',
    'a.scrollIntoView()',
    'window.scrollTo(0,0)',
    'i.value=`x`',
    'c.checked=!0',
    's.selectedIndex=2',
    'document.body.appendChild(x)',
    'e.remove()',
    'e.setAttribute(`a`,`b`)',
    'e.textContent=`x`',
    'e.classList.add(`x`)',
    'e.style.display=`none`',
    'document.cookie',
    'localStorage.setItem(`a`,`b`)',
    'history.pushState(null,``,u)',
    'location.href=u',
    'location.reload()',
    'window.open(u)',
  ])('%s', (snippet) => {
    expect(touches(snippet)).not.toEqual([]);
  });
  it.each([
    'if(e.value===t.value)r=n.checked',
    'e.style.display===`none`',
    'n.el.classList?.contains(`txt-md`)',
    'e.addEventListener(`abort`,t)',
    'new URL(t.location.href)',
    'e.getAttribute(`hidden`)',
  ])('leaves reading alone: %s', (snippet) => {
    expect(touches(snippet)).toEqual([]);
  });
});
