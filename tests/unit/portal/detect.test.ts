// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { DETECTORS, detectByUrl, detectPage, portalOf } from '../../../src/portal/detect';
import { visibleLines } from '../../../src/portal/text';
import { pageFrom } from './fixture-dom';

test.each(DETECTORS.flatMap((d) => d.examples.map((u) => [d.page, u] as const)))(
  '%s: %s matches exactly one detector',
  (page, url) => {
    const hits = DETECTORS.filter((d) => d.matches(new URL(url)));
    expect(hits.map((d) => d.page)).toEqual([page]);
  },
);

test('every detector has examples', () => {
  for (const d of DETECTORS) expect(d.examples.length, d.page).toBeGreaterThan(0);
});

test('other sites and lookalike hosts are not portals', () => {
  for (const u of [
    'https://example.com/Ikamet/BasvuruDurum',
    'http://e-ikamet.goc.gov.tr/',
    'https://e-ikamet.goc.gov.tr.evil.example/',
    'https://www.goc.gov.tr/',
  ]) {
    expect(portalOf(new URL(u)), u).toBeNull();
    expect(detectByUrl(new URL(u)), u).toBeNull();
  }
});

test('e-ikamet paths are matched case-insensitively', () => {
  expect(detectByUrl(new URL('https://e-ikamet.goc.gov.tr/IKAMET/basvurudurum?x=1'))?.page).toBe(
    'eikamet-status',
  );
});

test('an unknown e-ikamet path showing a status page is read as one (SEEN heading)', () => {
  const url = 'https://e-ikamet.goc.gov.tr/Ikamet/YeniDurumSayfasi';
  const p = pageFrom('<h3>Başvuru Durumunuz</h3><p class="txt-md">İşlemde</p>', url);
  expect(detectPage(p.url, visibleLines(p.document))).toBe('eikamet-status');
  const q = pageFrom('<h3>Hata</h3><p>Sayfa bulunamadı</p>', url);
  expect(detectPage(q.url, visibleLines(q.document))).toBe('unknown');
});

test('an unknown randevu route with a step bar is the booking flow; with "Randevularım" the list', () => {
  const url = 'https://randevu.goc.gov.tr/#/yeni-rota';
  const bar =
    '<ol><li>Kişi Bilgileri</li><li>Randevu Bilgileri</li><li class="active">Tarih Seçimi</li><li>Onay</li></ol>';
  const p = pageFrom(bar, url);
  expect(detectPage(p.url, visibleLines(p.document))).toBe('randevu-booking');
  const q = pageFrom('<h2>Randevularım</h2>', url);
  expect(detectPage(q.url, visibleLines(q.document))).toBe('randevu-my-appointments');
  const r = pageFrom('<p>Bakım çalışması</p>', url);
  expect(detectPage(r.url, visibleLines(r.document))).toBe('unknown');
});
