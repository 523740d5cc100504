/**
 * The built manifests, snapshotted: a new permission, host or match pattern shows up as a reviewed diff.
 * Needs `npm run build` first (`npm test` builds before the unit tests).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILDS = { chrome: '.output/chrome-mv3/manifest.json', firefox: '.output/firefox-mv2/manifest.json' };
const PORTALS = ['https://e-ikamet.goc.gov.tr/*', 'https://randevu.goc.gov.tr/*'];

function load(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** What matters for review: permissions, hosts, scripts, CSP, panel; not hashed chunk names. */
function reviewable(m: Record<string, unknown>) {
  const cs = (m.content_scripts as { matches: string[]; js: string[]; run_at?: string }[]) ?? [];
  return {
    manifest_version: m.manifest_version,
    name: m.name,
    permissions: m.permissions,
    host_permissions: m.host_permissions,
    optional_permissions: m.optional_permissions,
    content_scripts: cs.map((c) => ({ matches: c.matches, run_at: c.run_at, scripts: c.js.length })),
    content_security_policy: m.content_security_policy,
    side_panel: m.side_panel,
    sidebar_action: m.sidebar_action,
    action: m.action ?? m.browser_action,
    background: m.background,
    icons: m.icons,
    commands: m.commands,
    browser_specific_settings: m.browser_specific_settings,
    web_accessible_resources: m.web_accessible_resources,
  };
}

describe.each(Object.entries(BUILDS))('%s manifest', (browser, path) => {
  it('matches the reviewed snapshot', () => {
    expect(reviewable(load(path))).toMatchSnapshot();
  });

  it('reaches the two portals only, never <all_urls>', () => {
    const m = load(path);
    const text = JSON.stringify(m);
    expect(text).not.toContain('<all_urls>');
    expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
    const hosts =
      browser === 'chrome'
        ? (m.host_permissions as string[])
        : (m.permissions as string[]).filter((p) => p.includes('://'));
    expect([...hosts].sort()).toEqual([...PORTALS].sort());
    const cs = m.content_scripts as { matches: string[] }[];
    for (const c of cs) expect([...c.matches].sort()).toEqual([...PORTALS].sort());
  });

  it('has icons from 16 to 128 px, and a name and description from the catalogues (English by default)', () => {
    const m = load(path);
    expect(Object.keys(m.icons as object)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    expect(m.default_locale).toBe('en');
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    // Every __MSG_key__ the manifest uses is in each shipped catalogue.
    const used = [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(used.length).toBeGreaterThanOrEqual(4);
    const dir = join(path, '..', '_locales');
    for (const lang of readdirSync(dir)) {
      const messages = JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      for (const key of used) expect(messages[key], `${lang}: ${key}`).toBeDefined();
    }
    expect(readdirSync(dir).sort()).toEqual(['ar', 'en', 'fa', 'ru', 'tr', 'uk']);
  });
});
