// @vitest-environment happy-dom
/**
 * Awkward variants of the pages: the readers must find values by label whatever the markup, ignore what isn't
 * visible, and report problems instead of a wrong date when the page changed shape.
 */
import { describe, expect, test } from 'vitest';
import { readOrReport } from '../../../src/portal/read';
import { READ_PROBLEMS, type ReadProblem } from '../../../src/portal/types';
import { pageFrom } from './fixture-dom';

const STATUS_URL = 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum?basvuruKayitNo=2024341234567';
const APPT_URL = 'https://e-ikamet.goc.gov.tr/Ikamet/RandevuTalep';
const BOOK_URL = 'https://randevu.goc.gov.tr/#/randevu-al';
const MY_URL = 'https://randevu.goc.gov.tr/#/randevularim';
const DOCS_URL = 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruIstenenBelgeler/KisaDonem';
const NOW = new Date('2026-11-24T10:00:00Z');

function readHtml(html: string, url = STATUS_URL, breakPage = false) {
  const p = pageFrom(`<!DOCTYPE html><html lang="tr"><body>${html}</body></html>`, url);
  // A page no reader expected: walking it throws (as a reader bug on a new shape would).
  if (breakPage)
    Object.defineProperty(p.document.body, 'firstChild', {
      get() {
        throw new TypeError('a shape no reader expected');
      },
    });
  return readOrReport(p.document, p.url, NOW);
}

const APPROVED =
  '<p class="txt-md">Kayıt durumunuz: Başvurunuz olumlu sonuçlandı, oturma izniniz baskı aşamasındadır.</p>';
const PERMIT = { start: '2026-10-02', end: '2027-10-01' };

describe('permit dates found by label in any layout', () => {
  test.each([
    [
      'label/value siblings',
      '<div><label>Başlangıç - Bitiş</label></div><div><span class="form-control-label">02.10.2026 - 01.10.2027</span></div>',
    ],
    [
      'table row',
      '<table><tr><th>Başvuru Tarihi</th><td>01.10.2026</td></tr><tr><th>Başlangıç - Bitiş</th><td>02.10.2026 - 01.10.2027</td></tr></table>',
    ],
    [
      'definition list',
      '<dl><dt>Başvuru Tarihi</dt><dd>01.10.2026</dd><dt>Başlangıç - Bitiş</dt><dd>02.10.2026 - 01.10.2027</dd></dl>',
    ],
    ['"Label: value" line', '<p>Başlangıç - Bitiş: 02.10.2026 - 01.10.2027</p>'],
    ['"Label value" without colon', '<p>Başlangıç - Bitiş 02.10.2026 - 01.10.2027</p>'],
    [
      'stray whitespace and nbsp',
      '<p>  Başlangıç&nbsp;&nbsp;-\n\tBitiş  :  \n 02.10.2026\u00a0\u00a0-\n\n 01.10.2027  </p>',
    ],
    [
      'text split across elements',
      '<div><label><b>Baş</b>langıç - <i>Bitiş</i></label></div><div><span>02.10.</span><span>2026</span> <span>-</span> <span>01.10.2027</span></div>',
    ],
    ['upper case, English dash', '<p>BAŞLANGIÇ – BİTİŞ: 02.10.2026 – 01.10.2027</p>'],
    [
      'several pairs on one line, application date first',
      '<p><span>Başvuru Tarihi: 01.10.2026</span> <span>Başlangıç - Bitiş: 02.10.2026 - 01.10.2027</span></p>',
    ],
    [
      'application date right after the range',
      '<p>Başlangıç - Bitiş: 02.10.2026 - 01.10.2027 Başvuru Tarihi: 01.10.2026</p>',
    ],
    ['month names', '<p>Başlangıç - Bitiş: 2 Ekim 2026 - 1 Ekim 2027</p>'],
    ['separate start and end labels', '<p>Başlangıç Tarihi: 02.10.2026</p><p>Bitiş Tarihi: 01.10.2027</p>'],
    ['English label', '<dl><dt>Starting-Ending dates</dt><dd>02/10/2026 - 01/10/2027</dd></dl>'],
  ])('%s', (_name, fields) => {
    const r = readHtml(APPROVED + fields);
    expect(r.permit).toEqual(PERMIT);
    expect(r.problems).toEqual([]);
  });
});

describe('a page that changed shape: problems, never a wrong date', () => {
  test('range label renamed → no permit, a problem', () => {
    const r = readHtml(
      `${APPROVED}<p>Başvuru Tarihi: 01.10.2026</p><p>Geçerlilik Süresi: 02.10.2026 - 01.10.2027</p>`,
    );
    expect(r.permit).toBeNull();
    expect(r.problems).toEqual(['permit-end-missing']);
  });
  test('range value is text', () => {
    const r = readHtml(`${APPROVED}<p>Başlangıç - Bitiş: Bilgi bulunamadı</p>`);
    expect(r.permit).toBeNull();
    expect(r.problems).toEqual(['permit-range-none']);
  });
  test('impossible end date → end null + problem', () => {
    const r = readHtml(`${APPROVED}<p>Başlangıç - Bitiş: 02.10.2026 - 31.02.2027</p>`);
    expect(r.permit).toEqual({ start: '2026-10-02', end: null });
    expect(r.problems).toEqual(['permit-range-impossible']);
  });
  test('only one date → nothing guessed', () => {
    const r = readHtml(`${APPROVED}<p>Başlangıç - Bitiş: - 01.10.2027</p>`);
    expect(r.permit).toBeNull();
    expect(r.problems).toEqual(['permit-range-one']);
  });
  test('empty value followed by another date field is not taken', () => {
    const r = readHtml(
      `${APPROVED}<div><label>Başlangıç - Bitiş</label></div><div><span></span></div><div><label>Teslim Tarihi</label></div><div>25.08.2026</div>`,
    );
    expect(r.permit).toBeNull();
    // The empty span is not shown: the next visible text is the value, and it holds no date.
    expect(r.problems).toEqual(['permit-range-none']);
  });
  test('separate labels, end missing its value: the next field is not taken', () => {
    const r = readHtml(
      `${APPROVED}<p>Başlangıç Tarihi: 02.10.2026 Bitiş Tarihi: Başvuru Tarihi: 01.10.2026</p>`,
    );
    expect(r.permit?.end ?? null).toBeNull();
    expect(r.problems).toEqual(['permit-end-unreadable']);
  });
  test('status text not recognised', () => {
    const r = readHtml(
      '<h3>Başvuru Durumunuz</h3><p class="txt-md">Kayıt durumunuz: Yeni bir durum metni</p>',
    );
    expect(r.status).toBeNull();
    expect(r.statusText).toBe('Yeni bir durum metni');
    expect(r.problems).toEqual(['status-text-unknown']);
  });
  test('no status at all', () => {
    expect(readHtml('<h3>Başvuru Durumunuz</h3>').problems).toEqual(['status-text-missing']);
  });
  test('confirmation step without a date', () => {
    const r = readHtml(
      '<ol><li>Kişi Bilgileri</li><li>Randevu Bilgileri</li><li>Tarih Seçimi</li><li aria-current="step">Onay</li></ol><dl><dt>Randevu Tarihi</dt><dd>—</dd></dl><button>Randevu Onayla</button>',
      BOOK_URL,
    );
    expect(r.step).toBe('confirmation');
    expect(r.appointment).toBeNull();
    expect(r.problems).toEqual(['confirm-date-missing']);
  });
});

/** Markup that sets the randevu booking flow at its confirmation step. */
const CONFIRM_STEP =
  '<ol><li>Kişi Bilgileri</li><li>Randevu Bilgileri</li><li>Tarih Seçimi</li><li aria-current="step">Onay</li></ol>';

/**
 * Every problem a reader reports, each from a page like the portal's: the reading carries the code (never a
 * sentence) and no wrong date. `take` is what the reading still holds.
 */
const EACH_PROBLEM: Record<
  ReadProblem,
  {
    html: string;
    url?: string;
    breakPage?: boolean;
    take?: (r: ReturnType<typeof readHtml>) => unknown;
    want?: unknown;
  }
> = {
  'page-shape-changed': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: 02.10.2026 - 01.10.2027</p>`,
    breakPage: true,
    take: (r) => [r.page, r.status, r.permit, r.noSlots],
    want: ['eikamet-status', null, null, false],
  },
  'portal-language-unknown': {
    // Arabic session (labels not seen: written here as a likely page); dates and "PTT" stay Latin.
    html: '<h3>حالة طلبك</h3><p class="txt-md">تم تسليمه إلى PTT</p><dl><dt>نوع تصريح الإقامة</dt><dd>إقامة قصيرة الأمد</dd><dt>تاريخ البدء - الانتهاء</dt><dd>02.10.2026 - 01.10.2027</dd></dl><p>لا توجد مواعيد متاحة</p>',
    take: (r) => [r.page, r.language, r.status, r.permit, r.noSlots],
    want: ['eikamet-status', null, null, null, false],
  },
  'permit-range-empty': {
    html: `${APPROVED}<dl><dt>Başlangıç - Bitiş</dt><dd></dd><dt>İkamet İzni Türü</dt><dd>Kısa Dönem</dd></dl>`,
    take: (r) => r.permit,
    want: null,
  },
  'permit-range-twice': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: 02.10.2026 - 01.10.2027</p><p>Başlangıç - Bitiş: 02.10.2025 - 01.10.2026</p>`,
    take: (r) => r.permit,
    want: null,
  },
  'permit-range-none': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: Bilgi yok</p>`,
    take: (r) => r.permit,
    want: null,
  },
  'permit-range-one': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: 02.10.2026 -</p>`,
    take: (r) => r.permit,
    want: null,
  },
  'permit-range-impossible': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: 31.04.2026 - 01.10.2027</p>`,
    take: (r) => r.permit,
    want: { start: null, end: '2027-10-01' },
  },
  'permit-range-reversed': {
    html: `${APPROVED}<p>Başlangıç - Bitiş: 01.10.2027 - 02.10.2026</p>`,
    take: (r) => r.permit,
    want: null,
  },
  'permit-start-unreadable': {
    html: `${APPROVED}<p>Başlangıç Tarihi: bilinmiyor</p><p>Bitiş Tarihi: 01.10.2027</p>`,
    take: (r) => r.permit,
    want: { start: null, end: '2027-10-01' },
  },
  'permit-start-twice': {
    html: `${APPROVED}<p>Başlangıç Tarihi: 02.10.2026</p><p>Bitiş Tarihi: 01.10.2027</p><p>Başlangıç Tarihi: 02.10.2025</p>`,
    take: (r) => r.permit,
    want: { start: null, end: '2027-10-01' },
  },
  'permit-end-unreadable': {
    html: `${APPROVED}<p>Başlangıç Tarihi: 02.10.2026</p><p>Bitiş Tarihi: 31.02.2027</p>`,
    take: (r) => r.permit,
    want: { start: '2026-10-02', end: null },
  },
  'permit-end-twice': {
    html: `${APPROVED}<table><tr><th>Başlangıç Tarihi</th><td>02.10.2026</td></tr><tr><th>Bitiş Tarihi</th><td>01.10.2027</td></tr><tr><th>Bitiş Tarihi</th><td>01.10.2028</td></tr></table>`,
    take: (r) => r.permit,
    want: { start: '2026-10-02', end: null },
  },
  'permit-end-missing': {
    html: `<h3>Başvuru Durumunuz</h3><p class="txt-md">Kayıt durumunuz: PTT'ye Teslim Edildi</p><p>Başvuru Tarihi: 01.10.2026</p>`,
    take: (r) => [r.status, r.permit],
    want: ['delivered-to-ptt', null],
  },
  'status-text-missing': {
    html: '<h3>Başvuru Durumunuz</h3><dl><dt>Başlangıç - Bitiş</dt><dd>02.10.2026 - 01.10.2027</dd></dl>',
    take: (r) => [r.status, r.permit],
    want: [null, PERMIT],
  },
  'status-text-unknown': {
    html: '<h3>Başvuru Durumunuz</h3><p class="txt-md">Kayıt durumunuz: Başvurunuz arşivlenmiştir</p>',
    take: (r) => r.status,
    want: null,
  },
  'status-date-not-real': {
    html: '<h3>Başvuru Durumunuz</h3><p class="txt-md">Kayıt durumunuz: Eksik belge. Son gün: 31.04.2027</p>',
    take: (r) => [r.status, r.statusDate],
    want: ['documents-required', null],
  },
  'documents-list-missing': {
    html: '<h2>Başvuru İçin İstenen Belgeler</h2><p>Belge listesi yüklenemedi.</p>',
    url: DOCS_URL,
    take: (r) => [r.page, r.requiredDocuments],
    want: ['eikamet-required-documents', null],
  },
  'appointment-date-not-real': {
    html: '<h2>Randevularım</h2><p>Randevu Tarihi: 31 Nisan 2027 10:00</p><p>Randevu Tarihi: 07.01.2027 14:45</p>',
    url: MY_URL,
    take: (r) => r.appointment,
    want: null,
  },
  'appointment-date-unreadable': {
    html: '<h2>Randevularım</h2><p>Randevu Türü: Adres Tescili</p><p>Randevu Tarihi: belirlenecek</p>',
    url: MY_URL,
    take: (r) => r.appointment,
    want: null,
  },
  'booking-date-unreadable': {
    html: '<h2>Randevularım</h2><p>Randevu Tarihi: 07.01.2027 14:45</p><p>Kayıt Tarihi: —</p>',
    url: MY_URL,
    take: (r) => [r.appointment?.date, r.appointment?.bookedOn],
    want: ['2027-01-07', null],
  },
  'confirm-dates-several': {
    html: `${CONFIRM_STEP}<dl><dt>Randevu Tarihi</dt><dd>07.01.2027 14:45</dd><dt>Randevu Tarihi</dt><dd>08.01.2027 09:00</dd></dl><button>Randevu Onayla</button>`,
    url: BOOK_URL,
    take: (r) => [r.step, r.appointment],
    want: ['confirmation', null],
  },
  'confirm-date-missing': {
    html: `${CONFIRM_STEP}<dl><dt>Randevu Türü</dt><dd>Adres Tescili</dd></dl><button>Randevu Onayla</button>`,
    url: BOOK_URL,
    take: (r) => [r.step, r.appointment?.date ?? null],
    want: ['confirmation', null],
  },
};

describe('each problem code, from a page that shows it', () => {
  test('every code has a page here', () => {
    expect(Object.keys(EACH_PROBLEM).sort()).toEqual([...READ_PROBLEMS].sort());
  });
  test.each(READ_PROBLEMS.map((p) => [p] as const))('%s', (code) => {
    const c = EACH_PROBLEM[code];
    const r = readHtml(c.html, c.url, c.breakPage);
    expect(r.problems).toEqual([code]);
    if (c.take) expect(c.take(r)).toEqual(c.want);
  });
});

describe('status wordings', () => {
  test.each([
    ['Kayıt durumunuz: PTT’ye Teslim Edildi', 'delivered-to-ptt'],
    ["KAYIT DURUMUNUZ: PTT'YE TESLİM EDİLDİ", 'delivered-to-ptt'],
    [
      'Your Application Status: Your application has been concluded positively, your resident permit is at the printing stage.',
      'approved-printing',
    ],
    [
      'Kayıt durumunuz: It has been concluded. It is required to apply to Provincial Directorate of Migration Management',
      'concluded-apply-to-office',
    ],
    ['Başvurunuz değerlendirme aşamasındadır.', 'in-progress'],
    ['Under Evaluation', 'in-progress'],
    ['Eksik evrak: Kira sözleşmesi', 'documents-required'],
    ['Additional documents required: rental contract', 'documents-required'],
    ['Not found', 'not-found'],
  ])('%s → %s', (text, status) => {
    expect(readHtml(`<h3>Başvuru Durumunuz</h3><p class="txt-md">${text}</p>`).status).toBe(status);
  });

  test('a status template and hidden alerts do not count; the visible status does', () => {
    const r = readHtml(`
      <script type="text/x-kendo-template"><p class="txt-md">Kayıt durumunuz: PTT'ye Teslim Edildi</p></script>
      <div class="alert" style="display:none">Kayıt bulunamadı</div>
      <div aria-hidden="true">Başvurunuz olumlu sonuçlandı, baskı aşamasındadır</div>
      <h3>Başvuru Durumunuz</h3><p class="txt-md">İşlemde</p>`);
    expect(r.status).toBe('in-progress');
  });
});

describe('no slots and SMS-pending messages', () => {
  test('a template or hidden alert with the no-slots text is not "no slots"', () => {
    const r = readHtml(
      `<script type="text/x-kendo-template"><div>Uygun randevu bulunamadı</div></script>
       <template><p>No available appointment</p></template>
       <div class="alert hidden" hidden>Uygun randevu bulunamadı</div>
       <div style="visibility:hidden">Seçilen tarihte boş randevu yoktur</div>
       <label>İl</label><span class="k-widget"><span class="k-input">Antalya</span></span>`,
      APPT_URL,
    );
    expect(r.noSlots).toBe(false);
    expect(r.noSlotsText).toBeNull();
  });
  test.each([
    'UYGUN RANDEVU BULUNAMADI',
    'Uygun   randevu\u00a0bulunmamaktadır.',
    'Seçilen tarihte boş randevu yoktur.',
    'There are no available slots for the selected date.',
    'No available appointment.',
  ])('visible %j is "no slots"', (text) => {
    const r = readHtml(
      `<div id="noty_layout__topRight"><span class="noty_text">${text}</span></div>`,
      APPT_URL,
    );
    expect(r.noSlots).toBe(true);
    expect(r.noSlotsText).toBe(text.replace(/\s+/g, ' ').trim());
  });
  test('text split across elements still matches', () => {
    expect(readHtml('<p><b>Uygun</b> randevu <span>bulunama</span>dı</p>', APPT_URL).noSlots).toBe(true);
  });
  test('SMS pending (TR and EN), not when hidden', () => {
    expect(
      readHtml('<div class="alert">Randevu tarihiniz SMS ile bildirilecektir.</div>', APPT_URL)
        .appointmentPending,
    ).toBe(true);
    expect(
      readHtml('<p>Your appointment date will be sent to you by e-mail.</p>', APPT_URL).appointmentPending,
    ).toBe(true);
    expect(
      readHtml('<p hidden>Randevu tarihiniz SMS ile bildirilecektir.</p>', APPT_URL).appointmentPending,
    ).toBe(false);
  });
});

describe('selection and appointments', () => {
  test('placeholder means nothing chosen', () => {
    const r = readHtml(
      '<label>İl</label><span class="k-widget"><span class="k-input">Seçiniz</span></span>',
      APPT_URL,
    );
    expect(r.selection).toBeNull();
  });
  test('my appointments as cards with "Label: value" lines; the upcoming one is picked', () => {
    const r = readHtml(
      `<h2>Randevularım</h2>
       <div class="card"><p>Randevu Türü: Pasaport Bilgisi Güncelleme</p><p>Randevu Tarihi: 12.03.2026 10:00</p><p>Kayıt Tarihi: 01.03.2026</p></div>
       <div class="card"><p>Randevu Türü: İkamet İzinli Yabancı - Adres Tescili</p><p>Birim: Antalya İl Göç İdaresi Müdürlüğü</p><p>Randevu Tarihi: 7 Ocak 2027 Perşembe 14:45 Kayıt Tarihi: 20.12.2026 10:32</p></div>`,
      MY_URL,
    );
    expect(r.appointment).toEqual({
      date: '2027-01-07',
      time: '14:45',
      office: 'Antalya İl Göç İdaresi Müdürlüğü',
      type: 'İkamet İzinli Yabancı - Adres Tescili',
      bookedOn: '2026-12-20',
    });
  });
  test('the active step is the marked one, whatever the class name', () => {
    const bar = (i: number) =>
      `<ul>${['Kişi Bilgileri', 'Randevu Bilgileri', 'Tarih Seçimi', 'Onay'].map((s, j) => `<li class="${j === i ? 'step k-state-active' : 'step'}"><span>${j + 1}</span>${s}</li>`).join('')}</ul>`;
    expect(readHtml(bar(0), BOOK_URL).step).toBe('person');
    expect(readHtml(bar(1), BOOK_URL).step).toBe('details');
    expect(readHtml(bar(2), BOOK_URL).step).toBe('date-selection');
    expect(readHtml(bar(3), BOOK_URL).step).toBe('confirmation');
  });
});

test('language from the words, not the lang attribute', () => {
  expect(
    readHtml('<p>Your application status is in progress. Please wait for the result of the application.</p>')
      .language,
  ).toBe('en');
  expect(readHtml('<p>Başvurunuz için lütfen bekleyiniz ve randevu tarihi bu sayfada.</p>').language).toBe(
    'tr',
  );
});

test('the reading URL drops the query string and keeps the hash', () => {
  expect(readHtml('<p>x</p>').url).toBe('https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum');
  expect(readHtml('<p>x</p>', 'https://randevu.goc.gov.tr/?lang=tr#/randevularim').url).toBe(
    'https://randevu.goc.gov.tr/#/randevularim',
  );
});

test('a page outside the portals reads as nothing', () => {
  const r = readHtml('<p>Uygun randevu bulunamadı</p>', 'https://example.com/');
  expect(r).toMatchObject({ portal: null, page: 'unknown', noSlots: false, problems: [] });
});
