/**
 * scripts/read-page.ts: one JSON line on stdout (what the extension stores), exit 2 with a clear message on bad input,
 * exit 3 with one line when a reader throws; a saved page's stylesheets judge what is hidden.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSavedPage } from '../../../scripts/read-page';
import { FIXTURES, fixturePath } from '../../fixtures/index';

const TSX = 'node_modules/.bin/tsx';
function run(...args: string[]) {
  return spawnSync(TSX, ['scripts/read-page.ts', ...args], { encoding: 'utf8', timeout: 30_000 });
}

test('prints the reading of a saved page as one JSON line', () => {
  const f = FIXTURES.find((x) => x.file === 'e-ikamet/status-delivered-to-ptt-tr.html')!;
  const res = run('--url', f.url, fixturePath(f));
  expect(res.status).toBe(0);
  expect(res.stdout.trim().split('\n')).toHaveLength(1);
  const reading = JSON.parse(res.stdout);
  expect(reading).toMatchObject(f.expect);
  // Same visibility judgement as in the browser: <style> rules hide the alerts, so no false messages.
  expect(reading.noSlots).toBe(false);
}, 30_000);

test('does not run the page scripts (a client-rendered page shows its spinner only)', () => {
  const f = FIXTURES.find((x) => x.file === 'randevu/confirm-tr.html')!;
  const reading = JSON.parse(run('--url', f.url, fixturePath(f)).stdout);
  expect(reading).toMatchObject({ page: 'randevu-booking', step: null, appointment: null });
}, 30_000);

test.each([
  [['tests/fixtures/e-ikamet/home-tr.html'], /missing --url/],
  [['--url', 'not a url', 'tests/fixtures/e-ikamet/home-tr.html'], /not a valid URL/],
  [
    ['--url', 'https://e-ikamet.goc.gov.tr/', 'no/such/file.html'],
    /cannot read no\/such\/file\.html: ENOENT/,
  ],
  [['--url', 'https://e-ikamet.goc.gov.tr/'], /missing the HTML file/],
])(
  'bad input %j → exit 2',
  (args, message) => {
    const res = run(...args);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).toBe('');
  },
  30_000,
);

describe('a page saved with "Webpage, Complete"', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-page-'));
  const url = 'https://e-ikamet.goc.gov.tr/Ikamet/RandevuTalep';
  // The page as drawn: a hidden noty template says "no appointment"; only the saved stylesheet hides it.
  const html = `<!DOCTYPE html><html lang="tr"><head><link rel="stylesheet" href="Randevu_files/site.css"></head>
    <body><h2>Randevu Talebi</h2><label>İl</label><span class="k-input">Antalya</span>
    <div class="noty-template"><span class="noty_text">Seçilen il için uygun randevu tarihi bulunmamaktadır.</span></div>
    </body></html>`;
  writeFileSync(join(dir, 'Randevu.html'), html);
  mkdirSync(join(dir, 'Randevu_files'));
  writeFileSync(join(dir, 'Randevu_files', 'site.css'), '.noty-template { display: none }');
  writeFileSync(join(dir, 'NoCss.html'), html.replace('Randevu_files/site.css', 'Missing_files/site.css'));

  test('judges hidden elements with the saved stylesheets, as the browser does', () => {
    const res = run('--url', url, '--now', '2026-12-03T09:00:00Z', join(dir, 'Randevu.html'));
    expect(res.status).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ page: 'eikamet-appointment', noSlots: false });
  }, 30_000);

  test('positive control: without the stylesheet the template shows, and is stored with --now as noSlotsSeenAt', () => {
    const res = run('--url', url, '--now', '2026-12-03T09:00:00Z', join(dir, 'NoCss.html'));
    expect(JSON.parse(res.stdout)).toMatchObject({
      noSlots: true,
      noSlotsText: 'Seçilen il için uygun randevu tarihi bulunmamaktadır.',
      noSlotsSeenAt: '2026-12-03T09:00:00.000Z',
    });
  }, 30_000);

  test('prints what the extension stores: the background cuts texts to 500 characters', async () => {
    const long = `Uygun randevu bulunamadı. ${'Lütfen daha sonra tekrar deneyiniz. '.repeat(30)}`;
    const out = await readSavedPage(
      `<html><body><h2>Randevu</h2><div class="alert">${long}</div></body></html>`,
      join(dir, 'x.html'),
      new URL(url),
      new Date('2026-12-03T09:00:00Z'),
    );
    expect(out.ok && out.reading.noSlotsText?.length).toBe(500);
  });
});

test('a reader that throws: exit 3 and one line, no reading (the same page reads when the reader does not throw)', async () => {
  const f = FIXTURES.find((x) => x.file === 'e-ikamet/status-delivered-to-ptt-tr.html')!;
  const html = readFileSync(fixturePath(f), 'utf8');
  const now = new Date('2026-12-03T09:00:00Z');
  const broken = await readSavedPage(html, fixturePath(f), new URL(f.url), now, () => {
    throw new TypeError('Cannot read properties of null\n(reading "el")');
  });
  expect(broken).toEqual({
    ok: false,
    line: 'read-page: a reader threw on this page (it changed shape): Cannot read properties of null (reading "el")',
  });
  const fine = await readSavedPage(html, fixturePath(f), new URL(f.url), now);
  expect(fine.ok).toBe(true);
});
