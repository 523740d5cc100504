/**
 * `report.html` of a bundle: one printable, self-contained page (inline CSS, no script, no remote resource) in
 * the user's language and Turkish. Every piece of text that comes from a record is HTML-escaped.
 * Sentences live in `REPORT_TEXT`, one catalogue per language: a new language is a new catalogue.
 */
import type { BundleFile, BundleManifest } from './bundle';
import { captureViews, type TombstoneEntry } from './record';

export type ReportLanguage = 'en' | 'tr';

export interface ReportText {
  lang: ReportLanguage;
  title: string;
  intro: string;
  summary(p: { n: number; first: string; last: string; noSlots: number; people: string }): string;
  noRecords: string;
  chainHead: string;
  chainHeadHow: string;
  cols: {
    n: string;
    image: string;
    utc: string;
    istanbul: string;
    page: string;
    message: string;
    note: string;
    hashes: string;
  };
  person: string;
  noteEdited(original: string): string;
  imageHash: string;
  recordHash: string;
  removedTitle: string;
  removed(p: { seq: number; when: string; reason: string; hash: string }): string;
  verifyTitle: string;
  verifySteps: string[];
  limitsTitle: string;
  limits: string[];
  exported(p: { when: string; version: string }): string;
}

const EN: ReportText = {
  lang: 'en',
  title: 'Record of attempts to get an appointment',
  intro:
    'Each row is a screenshot of the portal page, taken by the Ikamet Companion browser extension at the time shown, with what the page said at that moment.',
  summary: ({ n, first, last, noSlots, people }) =>
    `${n} attempt${n === 1 ? '' : 's'} between ${first} and ${last} (${people}); ` +
    (noSlots === n
      ? 'the portal said no appointments were available each time.'
      : `the portal said no appointments were available in ${noSlots} of them.`),
  noRecords: 'This bundle holds no screenshots.',
  chainHead: 'Chain-head hash (SHA-256)',
  chainHeadHow:
    'This one value seals every record below. Send it to your lawyer or e-mail it to yourself now: the dated message shows that these records existed, unchanged, no later than that day.',
  cols: {
    n: '#',
    image: 'Screenshot',
    utc: 'Time (UTC)',
    istanbul: 'Time (Istanbul)',
    page: 'Page',
    message: 'Message on the page',
    note: 'Note',
    hashes: 'Hashes',
  },
  person: 'Person',
  noteEdited: (original) => `(edited; original note: "${original}")`,
  imageHash: 'image',
  recordHash: 'record',
  removedTitle: 'Deleted records',
  removed: ({ seq, when, reason, hash }) =>
    `Record #${seq} was deleted on ${when}. Reason given: "${reason}". Its hash was ${hash}.`,
  verifyTitle: 'How to check this bundle',
  verifySteps: [
    'Unzip the bundle. In a terminal in that folder, run: sha256sum -c SHA256SUMS. Every file must say OK; a changed screenshot or file fails.',
    'To check the chain of records as well, run: npm run verify-evidence -- bundle.zip (from the Ikamet Companion source code, with Node.js). It re-hashes every file and every record and names any record that was changed, reordered or removed without a trace.',
    'manifest.json holds every record in machine-readable form; each record contains the hash of the one before it.',
  ],
  limitsTitle: 'What this does and does not prove',
  limits: [
    "The times come from this computer's clock. If the clock was wrong, the times are wrong.",
    'The chain proves integrity (nothing was changed, reordered or silently removed after the records were made), not the time they were made. The chain-head hash, sent to someone else, proves the records existed no later than the day it was sent.',
    'A screenshot shows what the portal displayed in this browser. It holds whatever the page showed (names, numbers).',
  ],
  exported: ({ when, version }) => `Exported ${when} (Istanbul time) by Ikamet Companion ${version}.`,
};

const TR: ReportText = {
  lang: 'tr',
  title: 'Randevu alma denemelerinin kaydı',
  intro:
    'Her satır, Ikamet Companion tarayıcı eklentisinin gösterilen saatte aldığı bir portal ekran görüntüsüdür; sayfanın o anda ne gösterdiği de yanında yazılıdır.',
  summary: ({ n, first, last, noSlots, people }) =>
    `${first} ile ${last} arasında ${n} deneme (${people}); ` +
    (noSlots === n
      ? 'portal her seferinde uygun randevu olmadığını gösterdi.'
      : `portal bunların ${noSlots} tanesinde uygun randevu olmadığını gösterdi.`),
  noRecords: 'Bu pakette ekran görüntüsü yok.',
  chainHead: 'Zincir başı karması (SHA-256)',
  chainHeadHow:
    'Bu tek değer aşağıdaki bütün kayıtları mühürler. Şimdi avukatınıza gönderin veya kendinize e-postayla gönderin: tarihli ileti, bu kayıtların en geç o gün, bu haliyle var olduğunu gösterir.',
  cols: {
    n: '#',
    image: 'Ekran görüntüsü',
    utc: 'Saat (UTC)',
    istanbul: 'Saat (İstanbul)',
    page: 'Sayfa',
    message: 'Sayfadaki ileti',
    note: 'Not',
    hashes: 'Karmalar',
  },
  person: 'Kişi',
  noteEdited: (original) => `(düzenlendi; ilk not: "${original}")`,
  imageHash: 'görüntü',
  recordHash: 'kayıt',
  removedTitle: 'Silinen kayıtlar',
  removed: ({ seq, when, reason, hash }) =>
    `#${seq} numaralı kayıt ${when} tarihinde silindi. Belirtilen neden: "${reason}". Karması: ${hash}.`,
  verifyTitle: 'Bu paket nasıl denetlenir',
  verifySteps: [
    'Paketi açın (zip). O klasörde bir terminalde şunu çalıştırın: sha256sum -c SHA256SUMS. Her dosya için OK yazmalıdır; değiştirilmiş bir görüntü veya dosya hata verir.',
    'Kayıt zincirini de denetlemek için: npm run verify-evidence -- bundle.zip (Ikamet Companion kaynak kodundan, Node.js ile). Bu komut her dosyayı ve her kaydı yeniden karmalar ve değiştirilen, sırası bozulan veya iz bırakmadan silinen kaydı adıyla bildirir.',
    'manifest.json her kaydı makinece okunur biçimde içerir; her kayıt kendinden önceki kaydın karmasını taşır.',
  ],
  limitsTitle: 'Bu kayıt neyi kanıtlar, neyi kanıtlamaz',
  limits: [
    'Saatler bu bilgisayarın saatinden alınmıştır. Bilgisayarın saati yanlışsa, kayıt saatleri de yanlıştır.',
    'Zincir, kayıtların oluşturulduktan sonra değiştirilmediğini, sırasının bozulmadığını ve iz bırakmadan silinmediğini kanıtlar; oluşturuldukları zamanı kanıtlamaz. Başkasına gönderilen zincir başı karması, kayıtların en geç gönderildiği gün var olduğunu kanıtlar.',
    'Ekran görüntüsü, portalın bu tarayıcıda gösterdiğini gösterir; sayfada ne varsa (adlar, numaralar) içerir.',
  ],
  exported: ({ when, version }) =>
    `Ikamet Companion ${version} tarafından ${when} (İstanbul saati) tarihinde dışa aktarıldı.`,
};

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = { en: EN, tr: TR };

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
table{border-collapse:collapse;width:100%;font-size:11px}th,td{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}
th{background:#eee}tr{break-inside:avoid}img.t{width:120px;height:auto;border:1px solid #ccc}
.muted{color:#555}.lang{border-top:1px solid #999;margin-top:18px;padding-top:6px}
@media print{body{margin:10mm}a{color:#111;text-decoration:none}}
`;

/** A thumbnail as `data:` URI (self-contained) or, past the inline budget, a relative path into the bundle. */
export type ThumbSource = (file: BundleFile) => string | null;

export function buildReport(
  manifest: BundleManifest,
  opts: { languages: ReportLanguage[]; thumb: ThumbSource },
): string {
  const langs = [...new Set(opts.languages)];
  const first = REPORT_TEXT[langs[0] ?? 'en'];
  const both = <K extends keyof ReportText>(k: K) => langs.map((l) => REPORT_TEXT[l][k]);
  const e = escapeHtml;
  const views = captureViews(manifest.entries);
  const fileById = new Map(manifest.files.map((f) => [f.id, f]));
  const tombstones = manifest.entries.filter(
    (x): x is TombstoneEntry => x.kind === 'tombstone' && x.targetKind === 'capture',
  );
  const people = [...new Set(views.map((v) => v.record.personName))].join(', ');
  const noSlots = views.filter((v) => v.record.reading?.noSlots).length;
  const firstV = views[0];
  const lastV = views[views.length - 1];

  const summary = langs
    .map((l) =>
      firstV && lastV
        ? `<p lang="${l}">${e(
            REPORT_TEXT[l].summary({
              n: views.length,
              first: firstV.record.capturedAtIstanbul.slice(0, 10),
              last: lastV.record.capturedAtIstanbul.slice(0, 10),
              noSlots,
              people,
            }),
          )}</p>`
        : `<p lang="${l}">${e(REPORT_TEXT[l].noRecords)}</p>`,
    )
    .join('');

  const head = manifest.chainHead
    ? `<div class="head"><div>${both('chainHead').map(e).join(' · ')} · #${manifest.chainHead.seq}</div>` +
      `<div class="hash">${e(manifest.chainHead.hash)}</div>` +
      langs.map((l) => `<p lang="${l}" class="muted">${e(REPORT_TEXT[l].chainHeadHow)}</p>`).join('') +
      `</div>`
    : '';

  const col = (k: keyof ReportText['cols']) => langs.map((l) => e(REPORT_TEXT[l].cols[k])).join('<br>');
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
        v.noteEdits.length > 0 ? ` <span class="muted">${e(first.noteEdited(r.note))}</span>` : '';
      const sel = r.reading?.selection;
      const place = sel ? [sel.province, sel.office, sel.type].filter(Boolean).join(' · ') : '';
      return (
        `<tr><td>${r.seq}</td><td>${img}</td><td>${e(r.capturedAtUtc)}</td><td>${e(r.capturedAtIstanbul)}</td>` +
        `<td>${e(r.title)}<br><span class="hash">${e(r.url)}</span>${place ? `<br>${e(place)}` : ''}` +
        `<br><span class="muted">${both('person').map(e).join(' / ')}: ${e(r.personName)}</span></td>` +
        `<td>${e(r.reading?.noSlotsText ?? '')}</td><td>${e(v.note)}${edited}</td>` +
        `<td><span class="muted">${e(first.imageHash)}</span> <span class="hash">${e(r.imageSha256)}</span><br>` +
        `<span class="muted">${e(first.recordHash)}</span> <span class="hash">${e(r.hash)}</span></td></tr>`
      );
    })
    .join('');

  const table = views.length
    ? `<table><thead><tr><th>${col('n')}</th><th>${col('image')}</th><th>${col('utc')}</th><th>${col('istanbul')}</th>` +
      `<th>${col('page')}</th><th>${col('message')}</th><th>${col('note')}</th><th>${col('hashes')}</th></tr></thead>` +
      `<tbody>${rows}</tbody></table>`
    : '';

  const perLanguage = langs
    .map((l) => {
      const t = REPORT_TEXT[l];
      const removed = tombstones.length
        ? `<h2>${e(t.removedTitle)}</h2><ul>${tombstones
            .map(
              (x) =>
                `<li>${e(t.removed({ seq: x.targetSeq, when: x.recordedAtIstanbul, reason: x.reason, hash: x.targetHash }))}</li>`,
            )
            .join('')}</ul>`
        : '';
      return (
        `<section class="lang" lang="${l}">${removed}<h2>${e(t.verifyTitle)}</h2><ol>${t.verifySteps
          .map((s) => `<li>${e(s)}</li>`)
          .join('')}</ol>` +
        `<h2>${e(t.limitsTitle)}</h2><ul>${t.limits.map((s) => `<li>${e(s)}</li>`).join('')}</ul>` +
        `<p class="muted">${e(t.exported({ when: manifest.exportedAtIstanbul, version: manifest.extensionVersion }))}</p></section>`
      );
    })
    .join('');

  return (
    `<!doctype html><html lang="${first.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">` +
    `<title>${both('title').map(e).join(' / ')}</title><style>${CSS}</style></head><body>` +
    `<h1>${both('title').map(e).join('<br>')}</h1>` +
    langs.map((l) => `<p lang="${l}" class="muted">${e(REPORT_TEXT[l].intro)}</p>`).join('') +
    summary +
    head +
    table +
    perLanguage +
    `</body></html>\n`
  );
}
