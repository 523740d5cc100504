// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { collapse, fold, isHidden, key, norm, visibleLines, visibleText } from '../../../src/portal/text';
import { pageFrom } from './fixture-dom';

const U = 'https://e-ikamet.goc.gov.tr/x';

test('Turkish-aware folding: İ/ı/I/i, diacritics, same length', () => {
  expect(fold('İSTANBUL')).toBe('istanbul');
  expect(fold('ISPARTA')).toBe('isparta');
  expect(fold('Iğdır')).toBe('igdir');
  expect(fold('ŞUBAT Çarşamba Ağustos Eylül Öğrenci')).toBe('subat carsamba agustos eylul ogrenci');
  expect(fold('PTT’ye – imkân')).toBe("ptt'ye - imkan");
  for (const s of ['İİıI', 'Başlangıç - Bitiş', 'e\u0301', 'x\u00a0y', '😀 ok'])
    expect(fold(s)).toHaveLength(s.length);
  // toLowerCase() alone turns İ into two code units and JS /i does not fold İ: that's why fold exists.
  expect('İ'.toLowerCase()).toHaveLength(2);
});

test('collapse and key', () => {
  expect(collapse('  a\u00a0\u00a0b\n\t c\u200b d ')).toBe('a b c d');
  expect(norm(' RANDEVU\u00a0 BULUNAMADI ')).toBe('randevu bulunamadi');
  expect(key('Başlangıç - Bitiş:')).toBe('baslangicbitis');
});

test('skips script, style, template, noscript and every way of hiding', () => {
  const p = pageFrom(
    `<style>.gone{display:none}.ghost{visibility:hidden}.shown.gone{display:block}</style>
     <p>one</p>
     <script>var x = "script text"</script>
     <script type="text/x-kendo-template"><p>kendo text</p></script>
     <template><p>template text</p></template>
     <noscript>noscript text</noscript>
     <p hidden>hidden attr</p>
     <p aria-hidden="true">aria hidden</p>
     <p style="display: none">inline none</p>
     <p style="color:red; visibility:hidden">inline invisible</p>
     <p class="gone">class none</p>
     <p class="ghost">class invisible</p>
     <div class="gone"><p>inside hidden parent</p></div>
     <p class="gone shown">overridden rule: visible</p>
     <input type="hidden" value="hidden input">
     <input type="text" value="typed value">
     <p>two <span>split</span><b>ted</b></p>`,
    U,
  );
  expect(visibleText(p.document)).toBe('one\noverridden rule: visible\ntwo splitted');
  expect(isHidden(p.document.querySelector('.ghost')!)).toBe(true);
  expect(isHidden(p.document.querySelector('.shown')!)).toBe(false);
});

test('blocks make lines, inline elements and <br> do not', () => {
  const p = pageFrom(
    '<div><label>Başlangıç - Bitiş</label><span class="v">12.08.2026&nbsp;-<br>\n 11.08.2027</span></div><ul><li>a</li><li>b</li></ul>',
    U,
  );
  expect(visibleLines(p.document).map((l) => l.raw)).toEqual([
    'Başlangıç - Bitiş',
    '12.08.2026 - 11.08.2027',
    'a',
    'b',
  ]);
});

test('a <select> shows only its chosen option; Kendo shows span.k-input', () => {
  const p = pageFrom(
    `<label for="s">Randevu Türü</label><select id="s"><option>Seçiniz</option><option selected>Adres Tescili</option><option>Diğer</option></select>
     <label for="il">İl</label><span class="k-widget"><span class="k-input">Antalya</span><input id="il" data-role="dropdownlist" style="display:none" value="7"></span>
     <div style="display:none"><ul class="k-list"><li>Adana</li></ul></div>`,
    U,
  );
  expect(visibleLines(p.document).map((l) => l.raw)).toEqual([
    'Randevu Türü',
    'Adres Tescili',
    'İl',
    'Antalya',
  ]);
});

test('a table with a header row reads as label/value pairs per row', () => {
  const p = pageFrom(
    '<table><thead><tr><th>Tarih</th><th>Durum</th></tr></thead><tbody><tr><td>01.01.2027</td><td>Onaylandı</td></tr></tbody></table>',
    U,
  );
  expect(visibleLines(p.document).map((l) => l.raw)).toEqual(['Tarih', '01.01.2027', 'Durum', 'Onaylandı']);
});

test('an element root: only its subtree, and its own hiding counts', () => {
  const p = pageFrom('<div id="a"><p>in</p></div><p>out</p><div id="b" hidden><p>x</p></div>', U);
  expect(visibleText(p.document.getElementById('a')!)).toBe('in');
  expect(visibleText(p.document.getElementById('b')!)).toBe('');
});
