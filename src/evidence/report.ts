/**
 * `report.html` of a bundle: one printable, self-contained page (inline CSS, no script, no remote resource) in
 * the panel's language followed by English (the reference text, for a migration office or a lawyer who may not
 * read the user's language). Sentences are catalogue keys rendered with each language's `Format`; every piece of
 * text that comes from a record is HTML-escaped and inserted as it is (never reformatted as a date or number).
 */
import type { MessageKey } from '../i18n/catalogue';
import { EN_FORMAT, type Format } from '../i18n/format';
import type { MessageParams } from '../i18n/render';
import type { BundleFile, BundleManifest } from './bundle';
import { captureViews, type TombstoneEntry } from './record';

/** The report's languages: the chosen one, then English unless it is English. */
export function reportFormats(format: Format = EN_FORMAT, turkish?: Format): Format[] {
  // The user's language first, then Turkish for the migration office (when its catalogue is given), then English
  // for anyone else: each language once.
  const out: Format[] = [];
  for (const f of [format, turkish, EN_FORMAT]) if (f && !out.some((o) => o.lang === f.lang)) out.push(f);
  return out;
}

/**
 * `f.t`, with `verbatim` values (page or user text, record numbers, hashes) put in exactly as they are: `f.t`
 * would show a note that reads "2026-11-03" as a formatted date, and a record number with a thousands separator.
 */
export function sayVerbatim(
  f: Format,
  key: MessageKey,
  params: MessageParams = {},
  verbatim: Readonly<Record<string, string>> = {},
): string {
  const marks = Object.fromEntries(Object.keys(verbatim).map((k) => [k, `\uE000${k}\uE000`]));
  return f
    .t(key, { ...params, ...marks })
    .replace(/\uE000(\w+)\uE000/g, (whole, k: string) => verbatim[k] ?? whole);
}

const VERIFY_STEPS: readonly MessageKey[] = [
  'ui_evidence_report_verify_1',
  'ui_evidence_report_verify_2',
  'ui_evidence_report_verify_3',
];
const LIMITS: readonly MessageKey[] = [
  'ui_evidence_report_limits_1',
  'ui_evidence_report_limits_2',
  'ui_evidence_report_limits_3',
];

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
*{box-sizing:border-box}body{font:13px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;color:#111;margin:24px;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:18px 0 6px}section{margin-bottom:18px}
.head{border:2px solid #111;padding:8px 10px;margin:10px 0;break-inside:avoid}
.hash{font-family:ui-monospace,Consolas,monospace;font-size:11px;word-break:break-all}
.head .hash{font-size:14px;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:11px}th,td{border:1px solid #999;padding:4px;vertical-align:top;text-align:start}
th{background:#eee}tr{break-inside:avoid}img.t{width:120px;height:auto;border:1px solid #ccc}
.muted{color:#555}.lang{border-top:1px solid #999;margin-top:18px;padding-top:6px}
@media print{body{margin:10mm}a{color:#111;text-decoration:none}}
`;

/** A thumbnail as `data:` URI (self-contained) or, past the inline budget, a relative path into the bundle. */
export type ThumbSource = (file: BundleFile) => string | null;

export function buildReport(
  manifest: BundleManifest,
  opts: { formats: Format[]; thumb: ThumbSource },
): string {
  // One section per language, the first one leading (the page's language and direction).
  const formats: Format[] = [];
  for (const f of opts.formats) if (!formats.some((g) => g.lang === f.lang)) formats.push(f);
  if (formats.length === 0) formats.push(EN_FORMAT);
  const first = formats[0]!;
  const e = escapeHtml;
  const attrs = (f: Format) => `lang="${f.lang}" dir="${f.dir}"`;
  /** One short text in every language, each marked with its language, joined by `sep`. */
  const each = (key: MessageKey, sep: string) =>
    formats.map((f) => `<span ${attrs(f)}>${e(f.t(key))}</span>`).join(sep);
  const views = captureViews(manifest.entries);
  const fileById = new Map(manifest.files.map((f) => [f.id, f]));
  const tombstones = manifest.entries.filter(
    (x): x is TombstoneEntry => x.kind === 'tombstone' && x.targetKind === 'capture',
  );
  const people = [...new Set(views.map((v) => v.record.personName))].join(', ');
  const noSlots = views.filter((v) => v.record.reading?.noSlots).length;
  const firstV = views[0];
  const lastV = views[views.length - 1];

  const summary = formats
    .map((f) =>
      firstV && lastV
        ? `<p ${attrs(f)}>${e(
            sayVerbatim(
              f,
              noSlots === views.length ? 'ui_evidence_report_summary_all' : 'ui_evidence_report_summary_some',
              {
                count: views.length,
                first: firstV.record.capturedAtIstanbul.slice(0, 10),
                last: lastV.record.capturedAtIstanbul.slice(0, 10),
                noSlots,
              },
              { people },
            ),
          )}</p>`
        : `<p ${attrs(f)}>${e(f.t('ui_evidence_report_no_records'))}</p>`,
    )
    .join('');

  const head = manifest.chainHead
    ? `<div class="head"><div>${each('ui_evidence_report_chain_head', ' · ')} · #${manifest.chainHead.seq}</div>` +
      `<div class="hash">${e(manifest.chainHead.hash)}</div>` +
      formats
        .map((f) => `<p ${attrs(f)} class="muted">${e(f.t('ui_evidence_report_chain_head_how'))}</p>`)
        .join('') +
      `</div>`
    : '';

  const col = (key: MessageKey) => each(key, '<br>');
  const rows = [...views]
    .reverse()
    .map((v) => {
      const r = v.record;
      const f = fileById.get(r.id);
      const src = f ? opts.thumb(f) : null;
      const img = f
        ? `<a href="${e(f.image)}">${src ? `<img class="t" src="${e(src)}" alt="#${r.seq}">` : e(f.image)}</a>`
        : '';
      const edited =
        v.noteEdits.length > 0
          ? formats
              .map(
                (l) =>
                  ` <span ${attrs(l)} class="muted">${e(sayVerbatim(l, 'ui_evidence_report_note_edited', {}, { original: r.note }))}</span>`,
              )
              .join('')
          : '';
      const sel = r.reading?.selection;
      const place = sel ? [sel.province, sel.office, sel.type].filter(Boolean).join(' · ') : '';
      return (
        `<tr><td>${r.seq}</td><td>${img}</td><td>${e(r.capturedAtUtc)}</td><td>${e(r.capturedAtIstanbul)}</td>` +
        `<td>${e(r.title)}<br><span class="hash">${e(r.url)}</span>${place ? `<br>${e(place)}` : ''}` +
        `<br><span class="muted">${each('ui_evidence_report_person', ' / ')}: ${e(r.personName)}</span></td>` +
        `<td>${e(r.reading?.noSlotsText ?? '')}</td><td>${e(v.note)}${edited}</td>` +
        `<td><span class="muted">${each('ui_evidence_report_image_hash', ' / ')}</span> <span class="hash">${e(r.imageSha256)}</span><br>` +
        `<span class="muted">${each('ui_evidence_report_record_hash', ' / ')}</span> <span class="hash">${e(r.hash)}</span></td></tr>`
      );
    })
    .join('');

  const table = views.length
    ? `<table><thead><tr><th>#</th><th>${col('ui_evidence_report_col_image')}</th>` +
      `<th>${col('ui_evidence_report_col_utc')}</th><th>${col('ui_evidence_report_col_istanbul')}</th>` +
      `<th>${col('ui_evidence_report_col_page')}</th><th>${col('ui_evidence_report_col_message')}</th>` +
      `<th>${col('ui_evidence_report_col_note')}</th><th>${col('ui_evidence_report_col_hashes')}</th></tr></thead>` +
      `<tbody>${rows}</tbody></table>`
    : '';

  const perLanguage = formats
    .map((f) => {
      const removed = tombstones.length
        ? `<h2>${e(f.t('ui_evidence_report_removed_title'))}</h2><ul>${tombstones
            .map(
              (x) =>
                `<li>${e(
                  sayVerbatim(
                    f,
                    'ui_evidence_report_removed',
                    {},
                    {
                      seq: String(x.targetSeq),
                      when: x.recordedAtIstanbul,
                      reason: x.reason,
                      hash: x.targetHash,
                    },
                  ),
                )}</li>`,
            )
            .join('')}</ul>`
        : '';
      return (
        `<section class="lang" ${attrs(f)}>${removed}<h2>${e(f.t('ui_evidence_report_verify_title'))}</h2>` +
        `<ol>${VERIFY_STEPS.map((k) => `<li>${e(f.t(k))}</li>`).join('')}</ol>` +
        `<h2>${e(f.t('ui_evidence_report_limits_title'))}</h2>` +
        `<ul>${LIMITS.map((k) => `<li>${e(f.t(k))}</li>`).join('')}</ul>` +
        `<p class="muted">${e(
          sayVerbatim(
            f,
            'ui_evidence_report_exported',
            {},
            { when: manifest.exportedAtIstanbul, version: manifest.extensionVersion },
          ),
        )}</p></section>`
      );
    })
    .join('');

  return (
    `<!doctype html><html ${attrs(first)}><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">` +
    `<title>${formats.map((f) => e(f.t('ui_evidence_report_title'))).join(' / ')}</title><style>${CSS}</style></head><body>` +
    `<h1>${each('ui_evidence_report_title', '<br>')}</h1>` +
    formats.map((f) => `<p ${attrs(f)} class="muted">${e(f.t('ui_evidence_report_intro'))}</p>`).join('') +
    summary +
    head +
    table +
    perLanguage +
    `</body></html>\n`
  );
}
