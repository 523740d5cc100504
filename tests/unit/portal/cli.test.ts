/** scripts/read-page.ts: one JSON line on stdout, exit 2 with a clear message on bad input. */
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
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
