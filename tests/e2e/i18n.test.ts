/**
 * Every panel language (lang/dir, catalogue strings, dates, Arabic and Persian mirrored) and accessibility
 * (axe-core, both themes, keyboard order and focus) on the shipped build. How and why: tests/e2e/README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, waitFor, type ExtensionBrowser } from '../../scripts/lib/browser';
import { EN_MESSAGES, LANGS, type Lang } from '../../src/i18n/catalogue';
import { FIXTURES } from '../fixtures';
import { EN_MONTHS, TR_MONTHS } from '../fixtures/adversarial';
import { addDays, istanbulToday } from './dates';
import { evidenceTabForward, grantCapture, noSlotsRead } from './panelActions';
const TABS = ['deadlines', 'documents', 'evidence', 'stay', 'more'] as const;

const catalogue = (lang: Lang): Record<string, { message: string }> =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;

/** Month names as each language writes them in a date ("24 Kasım 2026"; genitive in Russian and Ukrainian). */
const MONTHS: Record<Lang, string[]> = {
  en: EN_MONTHS.map((m) => m.slice(0, 3)),
  tr: TR_MONTHS,
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  uk: [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ],
  ar: [
    'يناير',
    'فبراير',
    'مارس',
    'أبريل',
    'مايو',
    'يونيو',
    'يوليو',
    'أغسطس',
    'سبتمبر',
    'أكتوبر',
    'نوفمبر',
    'ديسمبر',
  ],
  fa: [
    'ژانویه',
    'فوریه',
    'مارس',
    'آپریل',
    'می',
    'جون',
    'جولای',
    'آگوست',
    'سپتامبر',
    'اکتبر',
    'نوامبر',
    'دسامبر',
  ],
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[]; passes: unknown[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations', 'passes'],
    });
    if (r.passes.length < 10) throw new Error(`axe checked almost nothing (${r.passes.length} rules passed)`);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

async function showTab(panel: Page, tab: (typeof TABS)[number]) {
  await panel.locator(`#tab-${tab}`).click();
  await expect.poll(() => panel.locator(`#tabpanel-${tab}`).count(), { timeout: 30_000 }).toBe(1);
  // Every collapsible section open, so what it holds is checked too.
  await panel.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

/** The evidence card with its log read (the summary, the one record) and its settings (the auto-capture section). */
async function evidenceLoaded(panel: Page) {
  const loading = catalogue((await panel.evaluate(() => document.documentElement.lang)) as Lang)
    .ui_evidence_summary_loading!.message;
  await expect
    .poll(
      async () => {
        const summary = await panel.getByTestId('evidence-summary').textContent();
        return {
          summaryRead: summary !== null && summary !== '' && summary !== loading,
          rows: await panel.getByTestId('evidence-list').locator('[data-seq]').count(),
          auto: await panel.locator('details.evidence-auto').count(),
        };
      },
      { timeout: 30_000 },
    )
    .toEqual({ summaryRead: true, rows: 1, auto: 1 });
}

async function chooseLanguage(panel: Page, lang: Lang) {
  await panel.locator('#language').selectOption(lang);
  await expect
    .poll(() => panel.evaluate(() => document.documentElement.lang), { timeout: 30_000 })
    .toBe(lang);
  await expect
    .poll(() => panel.locator('#tab-deadlines').textContent(), { timeout: 30_000 })
    .toBe(catalogue(lang).ui_tab_deadlines!.message);
}

let b: ExtensionBrowser;
let panel: Page;
let end: string;

beforeAll(async () => {
  b = await launchWithExtension();
  const status = FIXTURES.find(
    (x) => x.page === 'eikamet-status' && x.expect.permit?.end && x.lang === 'en',
  )!;
  end = status.expect.permit!.end!;
  const appts = FIXTURES.find((x) => x.page === 'randevu-my-appointments' && x.lang === 'tr')!;
  for (const f of [status, appts]) await b.openPortal(f.url, f.file);
  // Both pages read and stored before the panel opens (the appointment page adds the appointment fact).
  await waitFor(
    () =>
      b.sw(async () => {
        const ext = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        const facts = JSON.stringify((await ext.storage.local.get('facts')).facts ?? {});
        return facts.includes('permitEnd') && facts.includes('appointment');
      }),
    'the status and appointment readings',
    30_000,
  );
  const noSlots = FIXTURES.find((f) => f.portal === 'randevu' && f.expect.noSlots && !f.dynamic)!;
  const portal = await b.openPortal(noSlots.url, noSlots.file);
  await noSlotsRead(b, portal);
  // The user's toolbar click arms capture on the portal tab; the panel, in a window of its own beside it, captures.
  await grantCapture(b, portal);
  panel = await b.openPanelWindow();
  await evidenceTabForward(panel);
  await waitFor(
    async () =>
      (await panel.getByTestId('capture-status').textContent()) === EN_MESSAGES.ui_evidence_status_armed,
    'capture armed in the panel',
  );
  await panel.getByTestId('capture-button').click();
  await waitFor(
    async () => (await panel.getByTestId('evidence-list').locator('[data-seq]').count()) === 1,
    'one evidence record',
    30_000,
  );
  await panel.evaluate(
    (entry) =>
      (
        window as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        type: 'panel:setTrips',
        payload: { personId: 'p-default', trips: [{ id: 't1', entry, exit: null }] },
      }),
    addDays(istanbulToday(), -20),
  );
}, 60_000);

afterAll(async () => {
  await b?.close();
});

describe.each(LANGS.map((l) => [l] as const))('panel in %s', (lang) => {
  it('switches at runtime: lang, direction, strings, dates with the portal form beside them', async () => {
    // The switch keeps the panel where it was (the open tab), only in the new language.
    await showTab(panel, 'stay');
    await chooseLanguage(panel, lang);
    expect(await panel.locator('#tab-stay').getAttribute('aria-selected')).toBe('true');
    const rtl = lang === 'ar' || lang === 'fa';
    expect(await panel.evaluate(() => document.documentElement.dir)).toBe(rtl ? 'rtl' : 'ltr');
    await showTab(panel, 'deadlines');
    const opens = addDays(end, -60);
    const opensText = (await panel.getByTestId('window-opens').textContent()) ?? '';
    expect(opensText).toContain(MONTHS[lang][Number(opens.slice(5, 7)) - 1]!);
    expect(opensText).toContain(opens.slice(0, 4));
    // The portal's own form of the end date, beside the localized one.
    const [y, m, d] = end.split('-');
    expect(await panel.locator('.headline .provenance').textContent()).toContain(`${d}.${m}.${y}`);
    // Mirrored: in Arabic and Persian the first tab is on the right.
    const first = (await panel.locator('#tab-deadlines').boundingBox())!;
    const last = (await panel.locator('#tab-more').boundingBox())!;
    expect(first.x > last.x).toBe(rtl);
    // Urgency is announced politely, in words as well as colour.
    const live = panel.locator('[role=status][aria-live=polite]', {
      has: panel.getByTestId('urgency-level'),
    });
    expect(await live.count()).toBe(1);
    expect((await panel.getByTestId('urgency-level').textContent())?.trim()).not.toBe('');
  });

  it.each(['light', 'dark'] as const)('has no axe violations on any tab (%s theme)', async (scheme) => {
    await panel.emulateMedia({ colorScheme: scheme });
    const found: Record<string, AxeViolation[]> = {};
    for (const tab of TABS) {
      await showTab(panel, tab);
      const v = await runAxe(panel);
      if (v.length) found[tab] = v;
      if (process.env.AXE_DEBUG)
        for (const x of v)
          console.log(lang, scheme, tab, x.id, x.nodes.map((n) => n.target.join(' ')).join(' | '));
    }
    expect(found).toEqual({});
  });
});

describe('keyboard only', () => {
  it('Tab reaches every control in document order, each with a visible focus ring', async () => {
    await chooseLanguage(panel, 'en');
    await panel.emulateMedia({ colorScheme: 'light' });
    for (const tab of TABS) {
      await showTab(panel, tab);
      // The evidence card loads its log and settings after it mounts (every other card renders from what the
      // panel already holds): wait until they are there, then open every section again.
      if (tab === 'evidence') await evidenceLoaded(panel);
      await showTab(panel, tab);
      await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // Walk with Tab until the walk comes round again; each control reached is tagged in the order reached.
      const visited: string[] = [];
      const log: string[] = [];
      for (let i = 0; i < 400; i++) {
        await panel.keyboard.press('Tab');
        const f = await panel.evaluate((n) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          el.dataset.kbd ??= String(n);
          const s = getComputedStyle(el);
          return {
            id: el.dataset.kbd,
            ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            html: el.outerHTML.slice(0, 160),
          };
        }, visited.length);
        log.push(f ? `${f.id} ${f.html.slice(0, 60)}` : 'null');
        if (!f) continue;
        expect(f.ring, `focus ring on a control of the ${tab} tab: ${f.html}`).toBe(true);
        // A date field takes several presses (day, month, year): each control counts once.
        if (visited[visited.length - 1] === f.id) continue;
        if (visited.includes(f.id)) break;
        visited.push(f.id);
      }
      // Every control in the document, in document order, must have been reached, in that order.
      const inDom = await panel.evaluate(() => {
        const sel =
          'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';
        return (
          [...document.querySelectorAll<HTMLElement>(sel)]
            .filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest('[inert]'))
            // A radio group is one Tab stop (its checked button; arrow keys move within it).
            .filter(
              (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && el.name && !el.checked),
            )
            .map((el) => el.dataset.kbd ?? `never reached: ${el.outerHTML.slice(0, 120)}`)
        );
      });
      const from = visited.indexOf(inDom[0]!);
      const cycle = from < 0 ? visited : [...visited.slice(from), ...visited.slice(0, from)];
      expect(cycle, `${tab} tab: ${log.join('\n')}`).toEqual(inDom);
      await panel.evaluate(() =>
        document.querySelectorAll('[data-kbd]').forEach((el) => el.removeAttribute('data-kbd')),
      );
    }
  });
});
