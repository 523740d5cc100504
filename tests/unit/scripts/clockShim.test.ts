/**
 * The E2E clock shim must move "now" and nothing else. The service worker can load the product's code after the
 * shim (a worker restarted by the browser is re-attached and shimmed while its modules load), so the product's
 * date library must see the real `Date.prototype` either way. This runs the product's calendar in a fresh
 * JavaScript realm loaded after the shim, as a restarted worker would.
 */
import { buildSync } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { clockShim } from '../../../scripts/lib/browser';

const PINNED = Date.parse('2026-12-01T07:00:00.000Z');

const calendar = buildSync({
  stdin: {
    contents: `import { istanbulParts, istanbulInstant } from './src/domain/calendar';
      globalThis.probe = { istanbulParts, istanbulInstant };`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'iife',
  write: false,
}).outputFiles[0]!.text;

interface Probe {
  istanbulParts(i: number): { date: string; hour: number; minute: number };
  istanbulInstant(d: string, t: string): Date;
}

/** A realm where `shim` runs first, then the product's calendar loads. */
function realm(shim: string): { probe: Probe; run: (code: string) => unknown } {
  const ctx = createContext({});
  runInContext(shim, ctx);
  runInContext(calendar, ctx);
  return { probe: (ctx as { probe: Probe }).probe, run: (code) => runInContext(code, ctx) };
}

/** What the shim looked like before: a subclass, whose prototype has no getters or setters of its own. */
const subclassShim = (offset: number) => `(() => {
  const RealDate = Date;
  class PinnedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + ${offset}); else super(...args); }
    static now() { return RealDate.now() + ${offset}; }
  }
  globalThis.Date = PinnedDate;
})();`;

const checks = (probe: Probe) => ({
  // 06:00 UTC is 09:00 in Istanbul, whatever the machine's zone (vitest runs in America/New_York).
  hour: probe.istanbulParts(Date.parse('2027-08-02T06:00:00Z')).hour,
  instant: probe.istanbulInstant('2027-08-02', '09:00').toISOString(),
});

describe('the E2E clock shim', () => {
  it('moves argument-less new Date(), Date() and Date.now() to the pinned instant, and nothing else', () => {
    const { run } = realm(clockShim(PINNED - Date.now()));
    const near = (ms: unknown) => Math.abs(Number(ms) - PINNED) < 60_000;
    expect(near(run('Date.now()'))).toBe(true);
    expect(near(run('new Date().getTime()'))).toBe(true);
    expect(near(Date.parse(run('Date()') as string))).toBe(true);
    expect(run('new Date(0).getTime()')).toBe(0);
    expect(run('new Date(2027, 7, 2, 9).getHours()')).toBe(9);
    expect(run('Date.UTC(2027, 7, 2)')).toBe(Date.UTC(2027, 7, 2));
    expect(run('Date.parse("2027-08-02T06:00:00Z")')).toBe(Date.parse('2027-08-02T06:00:00Z'));
    expect(run('new Date() instanceof Date')).toBe(true);
  });

  it('leaves Date.prototype as it is, so a class built on Date after the shim keeps its behaviour', () => {
    const { run } = realm(clockShim(PINNED - Date.now()));
    expect(run('Object.getOwnPropertyNames(Date.prototype).includes("getHours")')).toBe(true);
    expect(run('class X extends Date {}; const x = new X(); x instanceof X && x instanceof Date')).toBe(true);
    expect(run('class Y extends Date {}; Math.abs(new Y().getTime() - Date.now()) < 60000')).toBe(true);
    expect(run('class Z extends Date {}; new Z(5).getTime()')).toBe(5);
  });

  it('keeps Istanbul wall-clock time right when the product loads after the shim', () => {
    expect(checks(realm(clockShim(PINNED - Date.now())).probe)).toEqual({
      hour: 9,
      instant: '2027-08-02T06:00:00.000Z',
    });
  });

  it('positive control: the old subclass shim breaks Istanbul hours, and this check sees it', () => {
    expect(checks(realm(subclassShim(PINNED - Date.now())).probe).hour).not.toBe(9);
  });
});
