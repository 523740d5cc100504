/**
 * The Firefox suite installs a copy of the shipped Firefox build (scripts/lib/firefoxCopy.ts says why): the copy
 * holds every file of the build byte for byte, and differs only by the two test files and the lines that load
 * them. Positive control: a copy with the canary differs by more, and the check says so.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileHashes } from '../fileHashes';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD } from '../../../scripts/lib/firefox';
import { ADDED_FILES, firefoxTestCopy } from '../../../scripts/lib/firefoxCopy';

/** Every way `copy` differs from the build besides the expected ones, as readable lines. */
function unexpected(copy: string): string[] {
  const a = fileHashes(FIREFOX_BUILD);
  const b = fileHashes(copy);
  const out: string[] = [];
  for (const [name, hash] of a) {
    if (name === 'manifest.json' || name === 'sidepanel.html') continue;
    if (b.get(name) !== hash) out.push(`changed or missing: ${name}`);
  }
  for (const name of b.keys())
    if (!a.has(name) && !(ADDED_FILES as readonly string[]).includes(name)) out.push(`added: ${name}`);
  const strip = (m: Record<string, unknown>) =>
    JSON.stringify(m, (_k, v) =>
      Array.isArray(v) ? v.filter((x) => !(ADDED_FILES as readonly unknown[]).includes(x)) : v,
    );
  const ma = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const mb = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  if (strip(ma) !== strip(mb)) out.push('manifest.json differs beyond loading the test files');
  const html = (d: string) => readFileSync(join(d, 'sidepanel.html'), 'utf8');
  if (html(copy).replace('<script src="/test-clock.js"></script>\n    ', '') !== html(FIREFOX_BUILD))
    out.push('sidepanel.html differs beyond loading the clock');
  return out;
}

describe('the Firefox suite installs the shipped build plus two test files', () => {
  it('holds every file of the build unchanged', () => {
    const copy = firefoxTestCopy(FIREFOX_BUILD);
    try {
      expect(unexpected(copy)).toEqual([]);
      expect(fileHashes(copy).size).toBe(fileHashes(FIREFOX_BUILD).size + ADDED_FILES.length);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('positive control: the canary copy is told apart', () => {
    const copy = firefoxTestCopy(FIREFOX_BUILD, { canary: true });
    try {
      expect(unexpected(copy)).toEqual([
        'added: test-canary.js',
        'manifest.json differs beyond loading the test files',
      ]);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
