/**
 * The page-side recorder of the "never touches" proofs, shared by the Chromium and Firefox suites: a script that
 * runs in the page's own world before its scripts, logs every mutation, message, event and call a page script could
 * observe, and snapshots what it can read (form values, focus, scroll, URL, history, cookies, web storage).
 * `differences` compares two recordings of the same page (without and with the extension). How and why:
 * tests/e2e/README.md.
 */
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/browser';
export interface Recording {
  log: string[];
  snapshot: Record<string, unknown>;
  navigations: number;
}

/** The recorder, for an extension whose id is `id` (the names it would announce itself with). */
export function recorder(ids: string[]): string {
  return `(() => {
  const log = [];
  window.__touches = log;
  const desc = (n) => n && n.nodeType === 1 ? n.tagName + (n.id ? '#' + n.id : '') : n ? '#' + n.nodeName : '';
  new MutationObserver((ms) => { for (const m of ms) log.push('mutation:' + m.type + ':' + desc(m.target) + ':' + (m.attributeName || '') + ':' + [...m.addedNodes].map(desc).join(',') + ':' + [...m.removedNodes].map(desc).join(',')); })
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener('message', (e) => log.push('message:' + JSON.stringify(e.data)), true);
  const names = ${JSON.stringify(ids)}.flatMap((id) => [id + ':portal:wxt:content-script-started', id + ':portal:wxt:locationchange']);
  for (const n of names) {
    window.addEventListener(n, () => log.push('event:' + n + ':window'), true);
    document.addEventListener(n, () => log.push('event:' + n + ':document'), true);
  }
  for (const t of ['submit', 'reset', 'click', 'dblclick', 'auxclick', 'contextmenu', 'input', 'beforeinput', 'change', 'select', 'invalid', 'keydown', 'keyup', 'keypress', 'focus', 'focusin', 'focusout', 'blur', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'wheel', 'scroll', 'hashchange', 'popstate', 'copy', 'paste'])
    window.addEventListener(t, (e) => log.push('event:' + t + ':' + desc(e.target)), true);
  document.addEventListener('scroll', () => log.push('event:scroll:document'), true);
  const origSubmit = HTMLFormElement.prototype.submit;
  HTMLFormElement.prototype.submit = function () { log.push('call:submit'); return origSubmit.call(this); };
  window.__snapshot = () => ({
    controls: [...document.querySelectorAll('input, select, textarea')].map((c) => [desc(c) + ':' + (c.name || ''), c.value, c.checked ?? null, c.selectedIndex ?? null]),
    active: desc(document.activeElement),
    scroll: [window.scrollX, window.scrollY],
    href: location.href,
    historyLength: history.length,
    cookie: document.cookie,
    localStorage: Object.keys(localStorage).sort(),
    sessionStorage: Object.keys(sessionStorage).sort(),
  });
})();`;
}

/** Every way the two recordings differ, as readable lines (empty: the same). */
export function differences(base: Recording, ext: Recording): string[] {
  const out: string[] = [];
  const count = (xs: string[]) =>
    xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const a = count(base.log);
  const c = count(ext.log);
  for (const k of new Set([...a.keys(), ...c.keys()]))
    if ((a.get(k) ?? 0) !== (c.get(k) ?? 0)) out.push(`${k} ×${a.get(k) ?? 0} → ×${c.get(k) ?? 0}`);
  for (const k of new Set([...Object.keys(base.snapshot), ...Object.keys(ext.snapshot)])) {
    const x = JSON.stringify(base.snapshot[k]);
    const y = JSON.stringify(ext.snapshot[k]);
    if (x !== y) out.push(`snapshot.${k}: ${x} → ${y}`);
  }
  if (base.navigations !== ext.navigations) out.push(`navigations: ${base.navigations} → ${ext.navigations}`);
  return out;
}

/** The toucher's page (tests/e2e/toucher): one kind of touch per `?touch=<channel>`, served at a portal address. */
export const TOUCHER_PAGE = join(ROOT, 'tests/e2e/toucher/page.html');
export const TOUCHER_URL = (channel: string): string =>
  `https://e-ikamet.goc.gov.tr/Ikamet/RandevuTalep?touch=${channel}`;

/** What the recorder must report for each channel (a part of one difference line). */
export const CAUGHT: Record<string, string> = {
  message: 'message:',
  'started-event': ':portal:wxt:content-script-started:document',
  'location-event': ':portal:wxt:locationchange:window',
  dom: 'mutation:childList:BODY',
  attribute: 'mutation:attributes:BODY:data-touched',
  focus: 'event:focus',
  scroll: 'snapshot.scroll',
  value: 'snapshot.controls',
  checked: 'snapshot.controls',
  selectedIndex: 'snapshot.controls',
  click: 'event:click:BUTTON#search',
  key: 'event:keydown',
  url: 'snapshot.href',
  history: 'snapshot.historyLength',
  cookie: 'snapshot.cookie',
  localStorage: 'snapshot.localStorage',
  sessionStorage: 'snapshot.sessionStorage',
  navigation: 'navigations',
};
