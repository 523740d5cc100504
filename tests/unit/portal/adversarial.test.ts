// @vitest-environment happy-dom
/**
 * The adversarial corpus (tests/fixtures/adversarial.ts) through read(): it never throws, never returns a day that
 * does not exist, reads the right value or reports a problem (never a wrong date; each variant says what "right"
 * is), returns plain data the background accepts, and stays fast on 100,000-element pages and 1 MB text nodes.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { ADVERSARIAL, DATE_PATHS, type DatePath, type Variant } from '../../fixtures/adversarial';
import type { Fixture } from '../../fixtures/index';
import { isValidIsoDate } from '../../../src/domain/calendar';
import { read } from '../../../src/portal/read';
import { isReading } from '../../../src/portal/shape';
import type { PortalReading } from '../../../src/portal/types';
import { pageFrom, settledFixture } from './fixture-dom';

const NOW = new Date('2026-11-24T10:00:00Z');

/** Each replica as its scripts drew it, serialised once (variants parse this without running any script). */
const settled = new Map<string, { html: string; reading: PortalReading }>();
function base(f: Fixture) {
  let b = settled.get(f.file);
  if (!b) {
    const p = settledFixture(f);
    const html = `<!DOCTYPE html>${p.document.documentElement.outerHTML}`;
    void p.close();
    const clean = pageFrom(html, f.url);
    b = { html, reading: read(clean.document, clean.url, NOW) };
    void clean.close();
    settled.set(f.file, b);
  }
  return b;
}

function at(r: PortalReading, path: DatePath): string | null {
  switch (path) {
    case 'permit.start':
      return r.permit?.start ?? null;
    case 'permit.end':
      return r.permit?.end ?? null;
    case 'statusDate':
      return r.statusDate;
    case 'appointment.date':
      return r.appointment?.date ?? null;
    case 'appointment.bookedOn':
      return r.appointment?.bookedOn ?? null;
  }
}

const timings: { name: string; elements: number; ms: number }[] = [];

function run(v: Variant): { reading: PortalReading; base: PortalReading; ms: number; elements: number } {
  const b = base(v.base);
  const page = pageFrom(b.html, v.base.url);
  v.apply(page.document);
  const elements = page.document.getElementsByTagName('*').length;
  // The best of two reads: the first also pays for JIT warm-up and the GC of building the variant.
  let ms = Infinity;
  let reading!: PortalReading;
  for (let i = 0; i < 2; i++) {
    const t = performance.now();
    reading = read(page.document, page.url, NOW);
    ms = Math.min(ms, performance.now() - t);
  }
  void page.close();
  timings.push({ name: v.name, elements, ms });
  return { reading, base: b.reading, ms, elements };
}

test('the corpus has at least 50 variants, every kind, unique names', () => {
  expect(ADVERSARIAL.length).toBeGreaterThanOrEqual(50);
  expect(new Set(ADVERSARIAL.map((v) => v.name)).size).toBe(ADVERSARIAL.length);
  const kinds = new Set(ADVERSARIAL.map((v) => v.kind));
  for (const k of [
    'missing-label',
    'duplicated-label',
    'conflicting-dates',
    'impossible-date',
    'far-future',
    'far-past',
    'huge-page',
    'deep-nesting',
    'nested-frames',
    'markup-text',
    'bidi',
    'zero-width',
    'huge-text',
  ])
    expect(kinds, k).toContain(k);
});

describe.each(ADVERSARIAL.map((v) => [v.name, v] as const))('%s', (_name, v) => {
  test(
    'read() stays correct or reports a problem',
    // Generous: a busy 2-core machine must not fail a correct reader (its speed is measured by the bench).
    { timeout: v.addsElements > 50_000 ? 180_000 : 60_000 },
    () => {
      let out: ReturnType<typeof run> | undefined;
      expect(() => (out = run(v))).not.toThrow();
      const { reading: r, base: b } = out!;

      // Never an impossible day, anywhere in the reading.
      for (const p of DATE_PATHS) {
        const d = at(r, p);
        if (d !== null) expect(isValidIsoDate(d), `${p} = ${d}`).toBe(true);
      }
      if (r.permit?.start && r.permit.end) expect(r.permit.start <= r.permit.end).toBe(true);
      // Plain data (nothing that could carry markup or code), and the background would accept it.
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      expect(isReading(r), 'the guard accepts the reading').toBe(true);
      // How long a read takes on a big page is the benchmark's business (npm run bench: reader cost), not a test's.

      const c = v.check;
      switch (c.kind) {
        case 'same':
          expect(r).toEqual(b);
          break;
        case 'valueOrProblems':
          for (const p of c.paths) {
            const got = at(r, p);
            if (got !== at(b, p)) {
              expect(got, `${p}: a different date than the page's`).toBeNull();
              expect(r.problems.length, `${p} is missing: a problem must say so`).toBeGreaterThan(0);
            }
          }
          break;
        case 'nullWithProblems':
          for (const p of c.paths) expect(at(r, p), p).toBeNull();
          expect(r.problems.length, 'a problem must say why').toBeGreaterThan(0);
          break;
        case 'flagged':
          for (const p of c.paths) expect([null, at(b, p)], p).toContain(at(r, p));
          expect(r.problems.length, 'two values for one field: a problem must say so').toBeGreaterThan(0);
          break;
        case 'baseOrNull':
          for (const p of c.paths) expect([null, at(b, p)], p).toContain(at(r, p));
          break;
        case 'equals':
          for (const [p, want] of Object.entries(c.values)) expect(at(r, p as DatePath), p).toBe(want);
          break;
        case 'fields':
          expect(r).toMatchObject(c.values);
          break;
      }
    },
  );
});

afterAll(() => {
  const slow = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 6);
  console.log(
    `read() on ${timings.length} adversarial variants in happy-dom; slowest:\n${slow
      .map(
        (t) => `  ${t.ms.toFixed(0).padStart(5)} ms  ${String(t.elements).padStart(7)} elements  ${t.name}`,
      )
      .join('\n')}`,
  );
});
