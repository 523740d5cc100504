/**
 * A printable checklist: a complete, self-contained HTML document built as a string, every piece of text escaped
 * (notes are typed by the user, portal lines come from a page: neither may ever become markup), with a
 * Content-Security-Policy that allows no script and no network at all, as a second wall.
 *
 * It opens from a Blob URL in a new tab: that works from an extension page with no extra permission, and the
 * user prints with the browser's own dialog (we also ask for it once the tab has loaded).
 *
 * It is written in the panel's language: the caller passes its `Format` (`useFormat()`).
 */
import {
  progress,
  progressLine,
  type ChecklistState,
  type ChecklistView,
  type PortalComparison,
} from '../../domain/checklists';
import { getSource, isWeakSource, type SourceId } from '../../domain/sources';
import type { Line } from '../../domain/text';
import type { Format } from './FormatContext';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

export interface PrintInput {
  /** e.g. "Extension: Short-term residence permit". */
  title: string;
  /** The name the user gave this person ("Me", "Ayşe"), if it should appear on paper. */
  personName?: string;
  today: string;
  view: ChecklistView;
  state: ChecklistState | undefined;
  /** The portal's own list, when it was read, with the comparison. */
  portalList?: readonly string[] | null;
  comparison?: PortalComparison | null;
  /** Lines printed after the list (e.g. the fee-safety notice). */
  extra?: readonly Line[];
}

/**
 * A message around the user's own text (a note, a name), which goes in verbatim: a parameter that looks like a date
 * or a number would be reformatted by `f.t`.
 */
function withUserText(f: Format, key: 'ui_print_note' | 'ui_print_for', name: string, value: string): string {
  const mark = '\u0000';
  return f
    .t(key, { [name]: mark })
    .split(mark)
    .join(value);
}

function weakHtml(f: Format): string {
  return `<span aria-hidden="true">⚠</span> ${escapeHtml(f.t('ui_print_weakly_sourced'))}`;
}

/** A source's title and reference (English data of the source register) and, in the document's language, "weak". */
function sourceRefHtml(id: SourceId, f: Format): string {
  const s = getSource(id);
  const ref = escapeHtml(`${s.title}${s.reference ? `: ${s.reference}` : ''}`);
  return isWeakSource(id) ? `${ref} (${weakHtml(f)})` : ref;
}

function lineHtml(l: Line, f: Format): string {
  const weak = l.weak ? ` <span class="weak">${weakHtml(f)}</span>` : '';
  return `${escapeHtml(f.line(l))}${weak}`;
}

export function printChecklist(input: PrintInput, f: Format): string {
  const { view, state } = input;
  const p = progress(view.items, state);
  const onlyOurs = new Set(input.comparison?.onlyOurs.map((i) => i.id) ?? []);
  const sourceIds = new Set<SourceId>(view.sources);
  for (const l of input.extra ?? []) for (const s of l.sources) sourceIds.add(s);

  const items = view.items
    .map((i) => {
      const s = state?.[i.id];
      const box = s?.na ? escapeHtml(f.t('ui_checklist_item_na')) : s?.done ? '☑' : '☐';
      const parts = [
        `<span class="box" aria-hidden="true">${box}</span>`,
        `<strong>${escapeHtml(f.t(i.title))}</strong>`,
        s?.na ? ` <em>${escapeHtml(f.t('ui_print_not_applicable'))}</em>` : '',
        `<div class="explain">${escapeHtml(f.t(i.explain))}${i.onlyIf ? ` ${escapeHtml(f.t(i.onlyIf))}` : ''}</div>`,
        onlyOurs.has(i.id) ? `<div class="flag">${escapeHtml(f.t('ui_print_not_on_portal_list'))}</div>` : '',
        s?.note
          ? `<div class="note">${escapeHtml(withUserText(f, 'ui_print_note', 'note', s.note))}</div>`
          : '',
      ];
      return `<li class="${s?.na ? 'na' : ''}">${parts.join('')}</li>`;
    })
    .join('\n');

  const portal =
    input.portalList && input.portalList.length > 0
      ? `<h2>${escapeHtml(f.t('ui_checklist_portal_list_title'))}</h2><ul>${input.portalList
          .map((t) => {
            const only = input.comparison?.onlyPortal.includes(t);
            const flag = only
              ? ` <span class="flag">${escapeHtml(f.t('ui_checklist_portal_only'))}</span>`
              : '';
            return `<li>${escapeHtml(t)}${flag}</li>`;
          })
          .join('')}</ul>`
      : '';

  const title = escapeHtml(input.title);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(f.lang)}" dir="${escapeHtml(f.dir)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>
body{font:12pt/1.4 system-ui,sans-serif;margin:2em;color:#000;background:#fff}
h1{font-size:16pt;margin:0 0 .3em}h2{font-size:13pt;margin:1.2em 0 .4em}
ul.items{list-style:none;padding:0}ul.items li{margin:.5em 0;break-inside:avoid}
.box{display:inline-block;width:2.2em}.explain,.note,.flag{margin-inline-start:2.2em;font-size:10.5pt}
.note{font-style:italic}.flag{font-weight:bold}.na{color:#555}.weak{font-size:9pt}.muted{color:#444;font-size:10pt}
@media print{body{margin:0}}
</style>
</head>
<body>
<h1>${title}</h1>
<p class="muted">${[
    ...(input.personName ? [withUserText(f, 'ui_print_for', 'name', input.personName)] : []),
    f.t('ui_print_printed', { date: input.today }),
    f.line(progressLine(p)),
  ]
    .map(escapeHtml)
    .join(' · ')}</p>
${view.notices.map((l) => `<p class="muted">${lineHtml(l, f)}</p>`).join('\n')}
<ul class="items">
${items}
</ul>
${portal}
${(input.extra ?? []).map((l) => `<p>${lineHtml(l, f)}</p>`).join('\n')}
<h2>${escapeHtml(f.t('ui_print_sources'))}</h2>
<ul class="muted">${Array.from(sourceIds)
    .sort()
    .map((id) => `<li>${sourceRefHtml(id, f)}</li>`)
    .join('')}</ul>
<p class="muted">${escapeHtml(f.t('disclaimer'))}</p>
</body>
</html>`;
}

/**
 * Opens the printable document in a new tab from a Blob URL (no permission needed from an extension page) and asks
 * for the print dialog once it has loaded. Returns false when the browser blocked the new tab.
 */
export function openPrintable(html: string, win: Window = window): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const tab = win.open(url, '_blank');
  // Long enough for the tab to load the document; the URL holds no secret, but it need not live on.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  if (!tab) return false;
  try {
    tab.addEventListener('load', () => tab.print(), { once: true });
  } catch {
    // A browser that does not let the opener reach the tab: the user prints from the tab's own menu.
  }
  return true;
}
