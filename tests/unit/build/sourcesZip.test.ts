/**
 * The sources zip that goes to Mozilla's reviewers rebuilds the same add-on: unpacked on a clean folder, built with
 * the documented command (README, "Release"), every file of the Firefox build has the same SHA-256 as the build
 * being shipped. The packages are the ones the lock file pins (linked from this checkout's node_modules, which
 * `npm ci` installed from the same lock file), so the test needs no network. Positive control: the comparison
 * names a file that differs by one byte.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { fileHashes } from '../fileHashes';
import { afterAll, describe, expect, it } from 'vitest';

const OUTPUT = join(process.cwd(), '.output');

/** Every file that is missing, extra or different between two builds. */
function differing(a: string, b: string): string[] {
  const x = fileHashes(a);
  const y = fileHashes(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
}

const work = mkdtempSync(join(tmpdir(), 'ikamet-sources-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the sources zip', () => {
  it('rebuilds the Firefox build file for file', () => {
    const zip = readdirSync(OUTPUT).find((f) => f.endsWith('-sources.zip'));
    expect(zip, 'run `npm run build` first').toBeDefined();
    const files = unzipSync(readFileSync(join(OUTPUT, zip!)));
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(work, name)), { recursive: true });
      writeFileSync(join(work, name), data);
    }
    expect(Object.keys(files)).toContain('package-lock.json');
    symlinkSync(join(process.cwd(), 'node_modules'), join(work, 'node_modules'), 'dir');
    // As from a shell: without the test runner's NODE_ENV=test and VITEST* variables, which change the build.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')),
    );
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: work, stdio: 'pipe', env });
    expect(differing(join(OUTPUT, 'firefox-mv2'), join(work, '.output/firefox-mv2'))).toEqual([]);
  }, 180_000);

  it('positive control: a build that differs by one byte is named', () => {
    const copy = join(work, 'altered');
    cpSync(join(OUTPUT, 'firefox-mv2'), copy, { recursive: true });
    const manifest = join(copy, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version"', '"version" '));
    expect(differing(join(OUTPUT, 'firefox-mv2'), copy)).toEqual(['manifest.json']);
  });
});
