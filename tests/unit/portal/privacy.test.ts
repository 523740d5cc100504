// @vitest-environment happy-dom
/** No name, passport/ID number, e-mail, phone or application number from any replica reaches a reading. */
import { expect, test } from 'vitest';
import { FIXTURES, PERSONAL_DATA } from '../../fixtures/index';
import { mergeNoSlots } from '../../../src/portal/noSlots';
import { scrub } from '../../../src/portal/privacy';
import { read } from '../../../src/portal/read';
import type { PortalReading } from '../../../src/portal/types';
import { loadFixture } from './fixture-dom';

function assertClean(r: PortalReading, where: string) {
  const json = JSON.stringify(r);
  const lower = json.toLowerCase();
  for (const p of PERSONAL_DATA) expect(lower, `${where}: ${p}`).not.toContain(p.toLowerCase());
  expect(json.replace(/\D/g, ''), `${where}: phone digits`).not.toContain('5325551234');
  expect(json, `${where}: query string`).not.toContain('basvuruKayitNo');
}

test.each(FIXTURES.map((f) => [f.file, f] as const))('%s: nothing personal at any moment', (_n, f) => {
  const page = loadFixture(f, { runScripts: true });
  let stored: PortalReading | null = null;
  for (let t = 0; t <= f.settledAfterMs + 200; t += 100) {
    if (t) page.advance(100);
    const r = read(page.document, page.url, new Date(0));
    assertClean(r, `${f.file} at ${t} ms`);
    stored = mergeNoSlots(stored, r, new Date(t));
  }
  assertClean(stored!, f.file);
});

test('the replicas do carry the personal data (so the test above means something)', () => {
  const page = loadFixture(FIXTURES.find((f) => f.file === 'e-ikamet/status-approved-printing-tr.html')!);
  const html = page.document.documentElement.outerHTML;
  for (const p of ['OLENA', 'KOVALENKO', 'U12345678', '99123456789', '2024-34-1234567'])
    expect(html).toContain(p);
});

test('scrub removes identifiers quoted in a message, keeps dates and times', () => {
  const s = scrub(
    'Sayın kullanıcı, olena.kovalenko@example.com / (532) 555-12-34 / 0532 555 12 34 / 99123456789 / U12345678 / 2024-34-1234567 / RR123456789TR: 14.10.2026 09:00',
  );
  for (const p of PERSONAL_DATA) expect(s.toLowerCase()).not.toContain(p.toLowerCase());
  expect(s).toContain('14.10.2026 09:00');
});
