/**
 * `npm run store-assets`: what the Chrome Web Store, Edge Add-ons and AMO listings take, written to store/.
 * - store/screenshots/*.png, 1280×800: the panel beside a replica portal page (status, stop-and-check, evidence,
 *   the panel in Turkish, the panel right to left in Arabic), from the shipped Chrome build with the E2E clock
 *   pinned (1 Dec 2026), so the dates shown are the same on every run.
 * - store/promo-small-440x280.png: the small promo tile.
 * - store/listing/<lang>.md: name and description from the panel's catalogue, then the privacy texts of
 *   scripts/store/listing.ts (single purpose, one line per permission, data use, no remote code).
 * `--no-build` reuses .output/chrome-mv3.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LANGS } from '../src/i18n/catalogue';
import { FIXTURES, type Fixture } from '../tests/fixtures';
import {
  launchWithExtension,
  MissingChromiumError,
  ROOT,
  waitFor,
  type ExtensionBrowser,
} from './lib/browser';
import { listingMarkdown, manifestTexts } from './store/listing';

const STORE = join(ROOT, 'store');
const W = 1280;
const H = 800;
const PANEL_W = 420;

export function writeListings(): string[] {
  mkdirSync(join(STORE, 'listing'), { recursive: true });
  return LANGS.map((lang) => {
    const { name, description } = manifestTexts(ROOT, lang);
    const file = join(STORE, 'listing', `${lang}.md`);
    writeFileSync(file, listingMarkdown(lang, name, description));
    return file;
  });
}

async function compose(b: ExtensionBrowser, left: Buffer, right: Buffer, file: string) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: W, height: H });
  const img = (buf: Buffer) => `data:image/png;base64,${buf.toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;display:flex;background:#888;overflow:hidden"><img src="${img(left)}" width="${W - PANEL_W}" height="${H}"><img src="${img(right)}" width="${PANEL_W}" height="${H}" style="border-left:1px solid #666"></body>`,
  );
  await page.screenshot({ path: file });
  await page.close();
}

async function settled(panel: Page) {
  await waitFor(
    () => panel.evaluate(() => document.querySelector('main[aria-busy]') === null),
    'the panel to render',
  );
}

async function shot(
  b: ExtensionBrowser,
  panel: Page,
  f: Fixture,
  name: string,
  prepare: (panel: Page, portal: Page) => Promise<void>,
) {
  const portal = await b.openPortal(f.url, f.file);
  await portal.setViewportSize({ width: W - PANEL_W, height: H });
  await portal.waitForTimeout(f.settledAfterMs + 300);
  await panel.reload();
  await settled(panel);
  await prepare(panel, portal);
  await panel.evaluate(() => window.scrollTo(0, 0));
  await compose(b, await portal.screenshot(), await panel.screenshot(), join(STORE, 'screenshots', name));
  await portal.close();
}

const fixture = (pred: (f: Fixture) => boolean) => {
  const f = FIXTURES.find(pred);
  if (!f) throw new Error('no such replica page');
  return f;
};

async function setLanguage(panel: Page, lang: string) {
  await panel.locator('#language').selectOption(lang);
  await waitFor(
    () => panel.evaluate((l) => document.documentElement.lang === l, lang),
    `the panel in ${lang}`,
  );
}

async function promoTile(b: ExtensionBrowser) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 440, height: 280 });
  const icon = readFileSync(join(ROOT, 'public/icon/128.png')).toString('base64');
  const en = manifestTexts(ROOT, 'en');
  await page.setContent(`<body style="margin:0;width:440px;height:280px;display:flex;align-items:center;gap:20px;
    padding:0 28px;box-sizing:border-box;background:#0b3d5c;color:#fff;font-family:'DejaVu Sans',sans-serif">
    <img src="data:image/png;base64,${icon}" width="96" height="96">
    <div><div style="font-size:28px;font-weight:700;margin-bottom:10px">${en.name}</div>
    <div style="font-size:15px;line-height:1.35">Deadlines, lockouts, checklists and a verifiable evidence log beside
    e-ikamet and randevu.</div><div style="font-size:13px;margin-top:10px;opacity:.85">Reads only · nothing leaves
    your computer</div></div></body>`);
  await page.screenshot({ path: join(STORE, 'promo-small-440x280.png') });
  await page.close();
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    execSync('npx wxt build', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const listings = writeListings();
  mkdirSync(join(STORE, 'screenshots'), { recursive: true });
  const b = await launchWithExtension({ viewport: { width: W, height: H } });
  try {
    const panel = await b.openPanel();
    await panel.setViewportSize({ width: PANEL_W, height: H });
    const status = (lang: 'en' | 'tr') =>
      fixture((x) => x.page === 'eikamet-status' && !!x.expect.permit?.end && x.lang === lang);

    await shot(b, panel, status('en'), '1-status-en.png', async () => undefined);
    await shot(
      b,
      panel,
      fixture((x) => x.file === 'randevu/confirm-en.html'),
      '2-stop-and-check-en.png',
      async (p) => {
        await p.getByTestId('confirm-check').waitFor({ timeout: 30_000 });
        await p.getByTestId('confirm-check').scrollIntoViewIfNeeded();
      },
    );
    await shot(
      b,
      panel,
      fixture((x) => x.portal === 'randevu' && !!x.expect.noSlots && x.lang === 'en'),
      '3-evidence-en.png',
      async (p, portal) => {
        await b.clickToolbar(portal);
        await p.locator('#tab-evidence').click();
        await p.getByTestId('capture-button').click();
        await waitFor(() => p.getByTestId('evidence-list').locator('[data-seq]').count(), 'a record');
      },
    );
    await setLanguage(panel, 'tr');
    await shot(b, panel, status('tr'), '4-status-tr.png', async () => undefined);
    await setLanguage(panel, 'ar');
    await shot(b, panel, status('tr'), '5-status-ar-rtl.png', async () => undefined);
    await panel.locator('#language').selectOption('auto');
    await promoTile(b);
  } finally {
    await b.close();
  }
  console.log(`Wrote 5 screenshots, the promo tile and ${listings.length} listings to ${STORE}/`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e: unknown) => {
    console.error(e instanceof MissingChromiumError ? e.message : e);
    process.exit(1);
  });
}
