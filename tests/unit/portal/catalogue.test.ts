/** The fixture catalogue and the files agree, and every replica is self-contained and says what it is modelled on. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DETECTORS, detectByUrl } from '../../../src/portal/detect';
import { FIXTURES, FIXTURES_DIR, fixturePath } from '../../fixtures/index';

const onDisk = ['e-ikamet', 'randevu'].flatMap((dir) =>
  readdirSync(join(FIXTURES_DIR, dir))
    .filter((f) => f.endsWith('.html'))
    .map((f) => `${dir}/${f}`),
);

test('every fixture file is in the catalogue and every entry has a file', () => {
  const listed = FIXTURES.map((f) => f.file);
  expect([...listed].sort()).toEqual([...onDisk].sort());
  expect(new Set(listed).size).toBe(listed.length);
});

test('every page exists in Turkish and English (pages in languages the readers do not read stand alone)', () => {
  const read = FIXTURES.filter((f) => f.lang === 'tr' || f.lang === 'en');
  const stems = new Set(read.map((f) => f.file.replace(/-(tr|en)\.html$/, '')));
  for (const s of stems) {
    expect(
      FIXTURES.some((f) => f.file === `${s}-tr.html`),
      s,
    ).toBe(true);
    expect(
      FIXTURES.some((f) => f.file === `${s}-en.html`),
      s,
    ).toBe(true);
  }
});

test('the catalogue covers the required pages', () => {
  const pages = new Set(FIXTURES.map((f) => f.page));
  for (const p of DETECTORS.map((d) => d.page))
    if (!['eikamet-pending-options', 'eikamet-application-form', 'randevu-home'].includes(p))
      expect(pages).toContain(p);
  const statuses = new Set(FIXTURES.map((f) => f.expect.status).filter(Boolean));
  expect(statuses.size).toBe(6);
  expect(FIXTURES.some((f) => f.dynamic === 'toast-appears-then-vanishes')).toBe(true);
  expect(FIXTURES.some((f) => f.dynamic === 'redraws-to-no-slots')).toBe(true);
});

describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_n, f) => {
  const html = readFileSync(fixturePath(f), 'utf8');

  test('starts with a comment naming what it is modelled on', () => {
    expect(html.startsWith('<!--')).toBe(true);
    const comment = html.slice(0, html.indexOf('-->'));
    expect(comment).toMatch(/portal-notes\.md/);
    expect(comment).toMatch(/GUESS/);
  });

  test('loads nothing from the network', () => {
    const body = html.slice(html.indexOf('-->'));
    expect(body).not.toMatch(/\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(body).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(body).not.toMatch(/@import/i);
    expect(body).not.toMatch(/<link\b/i);
  });

  if (!f.byContent)
    test('its URL is detected as its page kind', () => {
      expect(detectByUrl(new URL(f.url))?.page).toBe(f.page);
    });
  else
    test('its URL names another page kind: what it shows decides', () => {
      expect(detectByUrl(new URL(f.url))?.page).not.toBe(f.page);
    });

  if (f.portal === 'e-ikamet')
    test('looks like ASP.NET MVC + Kendo: token, no <select>', () => {
      const body = html.slice(html.indexOf('-->'));
      expect(body).toContain('name="__RequestVerificationToken"');
      expect(body).not.toMatch(/<select\b/i);
      expect(html).toContain('type="text/x-kendo-template"');
    });

  if (f.rendering === 'client')
    test('client-rendered: the body starts with an app root and a spinner', () => {
      expect(html).toMatch(/<div id="app"><div class="app-loading">/);
    });
});
