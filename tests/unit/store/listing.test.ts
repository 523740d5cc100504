/**
 * The store assets (npm run store-assets → store/): every permission of both built manifests has its sentence in
 * every catalogue language, no sentence is left for a permission the build no longer asks for, each language says
 * it in its own words, the committed listings are what the generator writes today, and the images have the sizes
 * the stores take (screenshots 1280×800, small promo tile 440×280).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/i18n/catalogue';
import { LISTING, listingMarkdown, manifestTexts, PERMISSIONS } from '../../../scripts/store/listing';

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join('.output', dir, 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
  };

/** What a build asks for, as the listing names it ('host' for the portals' addresses). */
function asked(dir: string): string[] {
  const m = manifest(dir);
  const all = [...(m.permissions ?? []), ...(m.host_permissions ?? [])];
  return [...new Set(all.map((p) => (p.includes('://') ? 'host' : p)))].sort();
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('store listing texts', () => {
  it('name every permission of both builds, and no other', () => {
    const both = [...new Set([...asked('chrome-mv3'), ...asked('firefox-mv2')])].sort();
    expect([...PERMISSIONS].sort()).toEqual(both);
  });

  it.each(LANGS.filter((l) => l !== 'en'))('are written in %s, not copied from English', (lang) => {
    const en = LISTING.en;
    const l = LISTING[lang];
    expect(l.singlePurpose).not.toBe(en.singlePurpose);
    expect(l.dataUse).not.toBe(en.dataUse);
    expect(l.remoteCode).not.toBe(en.remoteCode);
    for (const p of PERMISSIONS) expect(l.permissions[p], p).not.toBe(en.permissions[p]);
  });

  it.each(LANGS)('store/listing/%s.md is what the generator writes', (lang) => {
    const { name, description } = manifestTexts('.', lang);
    expect(readFileSync(join('store/listing', `${lang}.md`), 'utf8')).toBe(
      listingMarkdown(lang, name, description),
    );
  });
});

describe('store images', () => {
  it('five screenshots at 1280×800 and the small promo tile at 440×280', () => {
    const shots = readdirSync('store/screenshots').filter((f) => f.endsWith('.png'));
    expect(shots.length).toBe(5);
    for (const f of shots) expect(pngSize(join('store/screenshots', f)), f).toEqual([1280, 800]);
    expect(pngSize('store/promo-small-440x280.png')).toEqual([440, 280]);
  });
});
