// @vitest-environment happy-dom
/**
 * Reading must be cheap: it runs after every burst of DOM changes. happy-dom is several times slower than a browser,
 * so the bounds here are loose; the E2E bench measures the real thing in Chromium.
 */
import { expect, test } from 'vitest';
import { FIXTURES } from '../../fixtures/index';
import { read } from '../../../src/portal/read';
import { pageFrom, settledFixture } from './fixture-dom';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRead(doc: Document, url: URL, runs = 15): number {
  read(doc, url); // warm caches (regexes, fold table)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    read(doc, url);
    times.push(performance.now() - t);
  }
  return median(times);
}

test('median read time on the replicas', async () => {
  const times: number[] = [];
  for (const f of FIXTURES) {
    const p = settledFixture(f);
    times.push(timeRead(p.document, p.url));
    await p.close();
  }
  const m = median(times);
  console.log(
    `read() median over ${FIXTURES.length} replicas in happy-dom: ${m.toFixed(2)} ms (max ${Math.max(...times).toFixed(2)} ms)`,
  );
  expect(m).toBeLessThan(10);
});

function bigPage(rows: number): string {
  const row = (i: number) =>
    `<div class="row"><div class="col"><label>Alan ${i}</label></div><div class="col"><span class="v">Değer <b>${i}</b></span> <a href="#">bağlantı</a></div></div>`;
  return `<style>.x{display:none}</style><h3>Başvuru Durumunuz</h3><p class="txt-md">İşlemde</p>${Array.from({ length: rows }, (_, i) => row(i)).join('')}`;
}

test('linear in page size (5,000 elements)', async () => {
  const small = pageFrom(bigPage(100), 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum');
  const large = pageFrom(bigPage(1000), 'https://e-ikamet.goc.gov.tr/Ikamet/BasvuruDurum');
  const n = large.document.querySelectorAll('*').length;
  expect(n).toBeGreaterThanOrEqual(5000);
  const ts = timeRead(small.document, small.url, 9);
  const tl = timeRead(large.document, large.url, 9);
  console.log(`read(): ${ts.toFixed(2)} ms at ~500 elements, ${tl.toFixed(2)} ms at ${n} elements`);
  expect(read(large.document, large.url).status).toBe('in-progress');
  // 10× the elements: well under 25× the time (quadratic would be ~100×).
  expect(tl / ts).toBeLessThan(25);
  await small.close();
  await large.close();
});
