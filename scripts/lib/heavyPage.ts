/**
 * The benchmark's realistic load: the e-ikamet status replica carrying the weight of the real portal's libraries
 * (jQuery and Kendo UI: portal-notes.md), as generated filler of their size, not copies. A script of ~90 KB (jQuery
 * 3 minified is 87 KB) and one of ~1.5 MB (a Kendo UI web build; the portal's exact build is unknown), both parsed,
 * and run at DOMContentLoaded to build 300 "widget" elements as Kendo does on start, and ~250 KB of stylesheet
 * rules. Deterministic: the same bytes every run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixturePath } from '../../tests/fixtures';

export const HEAVY_ORIGIN = 'https://e-ikamet.goc.gov.tr';
export const HEAVY_PAGE_URL = `${HEAVY_ORIGIN}/Ikamet/BasvuruDurum?bench=heavy`;

function script(name: string, bytes: number): string {
  const parts: string[] = [`(function(){var lib={};`];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const f = `lib.f${i}=function(a,b){var x=(a|0)*${(i % 97) + 3}+(b|0);for(var k=0;k<4;k++){x=(x^(x<<5)^(x>>>3))&0xffff}return "${name}-${i}-"+x.toString(16)};`;
    parts.push(f);
    size += f.length;
  }
  parts.push(
    `window.__${name}=lib;document.addEventListener("DOMContentLoaded",function(){var host=document.createElement("div");host.className="k-widgets";for(var i=0;i<300;i++){var d=document.createElement("span");d.className="k-widget k-w"+(i%40);d.textContent=lib["f"+i](i,7);host.appendChild(d)}document.body.appendChild(host)});})();`,
  );
  return parts.join('\n');
}

function stylesheet(bytes: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const rule = `.k-w${i % 40} .k-item-${i}:hover, .k-list .k-state-${i} { color: #${(i * 2654435761).toString(16).slice(-6).padStart(6, '0')}; padding: ${i % 7}px ${i % 5}px; border-radius: ${i % 4}px; }`;
    out.push(rule);
    size += rule.length + 1;
  }
  return out.join('\n');
}

/** Writes the page and its three subresources under `dir`; returns each address with its file. */
export function writeHeavyPage(dir: string): { url: string; file: string }[] {
  mkdirSync(dir, { recursive: true });
  const f = FIXTURES.find((x) => x.file === 'e-ikamet/status-in-progress-tr.html')!;
  const head =
    `<link rel="stylesheet" href="/Content/kendo.common.min.css">` +
    `<script src="/Scripts/jquery.min.js"></script><script src="/Scripts/kendo.all.min.js"></script>`;
  const html = readFileSync(fixturePath(f), 'utf8').replace('</head>', `${head}</head>`);
  const files = [
    { url: HEAVY_PAGE_URL, name: 'heavy.html', body: html },
    { url: `${HEAVY_ORIGIN}/Scripts/jquery.min.js`, name: 'jquery.min.js', body: script('jq', 90_000) },
    {
      url: `${HEAVY_ORIGIN}/Scripts/kendo.all.min.js`,
      name: 'kendo.all.min.js',
      body: script('kendo', 1_500_000),
    },
    {
      url: `${HEAVY_ORIGIN}/Content/kendo.common.min.css`,
      name: 'kendo.common.min.css',
      body: stylesheet(250_000),
    },
  ];
  return files.map(({ url, name, body }) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return { url, file };
  });
}
