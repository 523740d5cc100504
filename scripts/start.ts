/**
 * `npm start`: build the extension, open Chromium with it loaded and the replica portal pages served at the real
 * portal URLs, so the product can be seen working without the live portals.
 * `npm start -- --headless` (automatic on a machine without a display): instead, open each replica page, then the
 * panel, and write a screenshot of the panel beside each page to screenshots/ (this is how the README gets its
 * pictures).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../tests/fixtures';
import {
  launchWithExtension,
  MissingChromiumError,
  ROOT,
  waitFor,
  type ExtensionBrowser,
} from './lib/browser';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = join(ROOT, 'screenshots');

async function besideEachOther(b: ExtensionBrowser, left: Buffer, right: Buffer, file: string) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280 + 420, height: 860 });
  const img = (buf: Buffer) => `data:image/png;base64,${buf.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#888"><img src="${img(left)}" width="1280"><img src="${img(right)}" width="420"></body>`,
  );
  await page.screenshot({ path: file });
  await page.close();
}

async function main() {
  if (!args.includes('--no-build')) {
    console.log('Building the extension…');
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const b = await launchWithExtension({ headless, now: null });
  if (!headless) {
    // Open a few replica pages in tabs and the panel as a tab too; click the toolbar icon to dock the real panel.
    for (const f of FIXTURES.filter((x) => x.lang === 'en').slice(0, 6)) await b.openPortal(f.url, f.file);
    for (const f of FIXTURES) b.serve(f.url, f.file);
    await b.openPanel();
    console.log('Chromium is open with Ikamet Companion and replica portal pages. Close the window to stop.');
    await new Promise<void>((done) => b.context.on('close', () => done()));
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const panel = await b.openPanel();
  await panel.setViewportSize({ width: 420, height: 860 });
  let n = 0;
  for (const f of FIXTURES) {
    const page = await b.openPortal(f.url, f.file);
    await page.waitForTimeout(f.dynamic ? 2500 : 600);
    await waitFor(
      () => panel.evaluate(() => document.querySelector('main[aria-busy]') === null),
      'the panel to render',
    );
    const left = await page.screenshot();
    await panel.reload();
    await panel.waitForTimeout(300);
    const right = await panel.screenshot({ fullPage: false });
    const name = `${String(++n).padStart(2, '0')}-${f.file.replace(/[/\\]/g, '-').replace(/\.html$/, '')}.png`;
    await besideEachOther(b, left, right, join(outDir, name));
    await page.close();
  }
  // The headline at each urgency level: the permit end entered by hand, days from today on Turkey's calendar.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(new Date());
  const plus = (d: number) => new Date(Date.parse(`${today}T00:00Z`) + d * 864e5).toISOString().slice(0, 10);
  // One person per level, so each headline stands alone (no dates read from the replicas beside it).
  for (const [level, days, name] of [
    ['low', 95, 'Ayşe'],
    ['medium', 45, 'Mehmet'],
    ['high', 20, 'Olena'],
    ['very-high', 6, 'Ali'],
    ['critical', -4, 'Sara'],
  ] as const) {
    await panel.reload();
    await panel.getByRole('button', { name: '+ Add person' }).click();
    await panel.locator('#new-person').fill(name);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByRole('button', { name: 'Enter the end date' }).click();
    await panel.locator('#permit-end').fill(plus(days));
    await panel.locator('#permit-end').press('Enter');
    await waitFor(
      () => panel.evaluate((l) => document.querySelector(`.headline.level-${l}`) !== null, level),
      `the ${level} headline`,
    );
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: join(outDir, `urgency-${level}.png`) });
  }
  // The panel in Turkish and in Arabic (right to left), chosen in its own language menu; then back to automatic.
  await panel.locator('#person').selectOption({ label: 'Olena' });
  for (const lang of ['tr', 'ar'] as const) {
    await panel.locator('#language').selectOption(lang);
    await waitFor(
      () => panel.evaluate((l) => document.documentElement.lang === l, lang),
      `the panel in ${lang}`,
    );
    await waitFor(
      () => panel.evaluate(() => document.querySelector('.headline.level-high') !== null),
      'headline',
    );
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: join(outDir, `panel-${lang}.png`) });
  }
  await panel.locator('#language').selectOption('auto');
  writeFileSync(
    join(outDir, 'README.txt'),
    'Screenshots of the panel beside each replica page, made by npm start.\n',
  );
  await b.close();
  console.log(
    `Wrote ${n} screenshots of the panel beside each replica page, and one per urgency level, to ${outDir}/`,
  );
}

main().catch((e: unknown) => {
  if (e instanceof MissingChromiumError) {
    console.error(e.message);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
