import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as domain from '../../../src/domain';
import { addDays } from '../../../src/domain/calendar';
import {
  ALL_SOURCE_IDS,
  getSource,
  isSourceId,
  isWeakSource,
  LAST_REVIEWED,
  SOURCES,
} from '../../../src/domain/sources';
import { EN, renderEn, type Line } from '../../../src/domain/text';

const DOMAIN_DIR = join(__dirname, '../../../src/domain');
// Recursive: the checklists live in src/domain/checklists/. Names are relative paths.
const files = (readdirSync(DOMAIN_DIR, { recursive: true }) as string[])
  .map((f) => f.replace(/\\/g, '/'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, text: readFileSync(join(DOMAIN_DIR, f), 'utf8') }));

/** Every place code cites a source: `line(id, [..])`, `sources: [..]`, `SourceId[] = [..]`, and `// [id]` comments. */
function citedIds(): Set<string> {
  const ids = new Set<string>();
  const lists = [
    /line\(\s*[^,]+?,\s*\[([^\]]*)\]/g,
    /sources: \[([^\]]*)\]/g,
    /SourceId\[\] = \[([^\]]*)\]/g,
    /\[([^\]]*)\] as SourceId\[\]/g,
  ];
  for (const { name, text } of files) {
    if (name === 'sources.ts') continue;
    for (const re of lists) {
      for (const m of text.matchAll(re)) for (const s of m[1]!.matchAll(/'([^']+)'/g)) ids.add(s[1]!);
    }
    for (const m of text.matchAll(/\/\/[^\n]*?\[([a-z0-9-]+)\]/g)) ids.add(m[1]!);
  }
  return ids;
}

/**
 * Every single fact reachable from a value: a `Line` (`text` + `sources`) or a `Holiday` (`name` + `sources`).
 * Aggregates (an `Urgency`, a `Lockout`) also list the union of their sources but are not themselves facts.
 */
function sourcedItems(value: unknown, out: { sources: string[]; weak?: boolean; text?: string }[] = []) {
  if (Array.isArray(value)) for (const v of value) sourcedItems(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.sources) && (typeof o.text === 'string' || typeof o.name === 'string'))
      out.push(o as never);
    for (const v of Object.values(o)) sourcedItems(v, out);
  }
  return out;
}

/** Outputs of every rule over a range of dates and options. */
function allOutputs(): unknown[] {
  const end = '2026-12-31';
  const outs: unknown[] = [];
  for (let n = -20; n <= 70; n++) {
    const today = addDays(end, n);
    outs.push(domain.urgency(end, today), domain.extensionWindow(end, today), domain.overdue(end, today));
    for (const length of [30, 15] as const) {
      outs.push(
        domain.lockout({ kind: 'confirmed', bookedOn: null, firstSeen: addDays(end, -25) }, today, {
          length,
          permitEnd: end,
        }),
        domain.lockout({ kind: 'confirmed', bookedOn: addDays(end, -40), firstSeen: end }, today, { length }),
        domain.lockout({ kind: 'missed', appointmentDate: addDays(end, -20) }, today, {
          length,
          permitEnd: end,
        }),
      );
    }
    outs.push(domain.documentsDeadline(null, end, today), domain.documentsDeadline(end, end, today));
  }
  for (const s of domain.APPLICATION_STATUSES) outs.push(domain.statusInfo(s));
  for (let d = '2025-01-01'; d <= '2028-12-31'; d = addDays(d, 1))
    outs.push(domain.holidayOn(d, ['2026-10-30']));
  outs.push(domain.missedAppointmentAdvice(), domain.appointmentDateBySms(), domain.appointmentProvince());
  outs.push(domain.decisionLimit('2026-11-01', '2026-12-01'));
  for (let d = '2026-01-01'; d <= '2028-01-31'; d = addDays(d, 1)) outs.push(domain.officeClosureNotice(d));
  return outs;
}

describe('source registry', () => {
  it('has the fields every source needs', () => {
    for (const id of ALL_SOURCE_IDS) {
      const s = getSource(id);
      expect(s.id).toBe(id);
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.lastReviewed).toBe(LAST_REVIEWED);
      expect(LAST_REVIEWED).toBe('2026-12-05');
      // The facts file gives no URLs: none may be invented.
      expect((SOURCES[id] as { url?: string }).url).toBeUndefined();
    }
    expect(isSourceId('relocation-guide')).toBe(true);
    expect(isSourceId('toString')).toBe(false);
  });

  it('every source id cited anywhere in src/domain exists', () => {
    const cited = citedIds();
    expect(cited.size).toBeGreaterThan(15);
    for (const id of cited) expect(isSourceId(id), `unknown source id "${id}"`).toBe(true);
  });

  it('registers every source the brief names', () => {
    for (const id of [
      'relocation-guide',
      'law-6458-21-2',
      'law-6458-21-5',
      'law-6458-24-2',
      'law-6458-24-3',
      'law-6458-9-3',
      'law-6458-9-4',
      'law-6458-54-1',
      'implementing-regulation',
      'e-ikamet-instructions',
      'randevu-article',
      'randevu-secondary-15-days',
      'law-firm-missed-appointment',
      'dgmm-2020-statement',
      'overstay-guide-2015',
      'council-of-ministers-2011-2306',
      'law-2429',
      'yimer-2018',
      // the December 2026 review
      'mondaq-2024-08-01',
      'natlawreview-randevu',
      'visa-guru-confirmed-block',
      'istanbul-directorate-2026',
      'bursa-address-randevu-2026',
      'yimer-long-term-180',
      'status-guides-2026',
      'diyanet-dini-gunler',
      'holidays-2027-unchecked',
    ]) {
      expect(isSourceId(id), id).toBe(true);
    }
  });

  it('marks exactly the ⚠ facts of domain-facts.md as weak', () => {
    const weak = ALL_SOURCE_IDS.filter(isWeakSource).sort();
    expect(weak).toEqual(
      [
        'implementing-regulation', // 10-day acceptance, article not confirmed
        'randevu-secondary-15-days', // 15-day lockout
        'law-firm-missed-appointment', // missed appointment = never applied
        'law-6458-9-amendment', // amendment date unconfirmed
        'ptt-secondary', // card waits ~10 days at PTT
        'consultancy-istanbul-update-slot', // İstanbul "Kişisel Bilgi Güncelleme" slot
        'domain-facts-unattributed', // stated in the facts file without a source
        'dgmm-document-lists', // Documents: DGMM lists as mirrored by consultancies, versions differ
        'card-fee-secondary', // card fee 810 / 964 TL
        'visa-guru-confirmed-block', // a confirmed appointment blocks new bookings for 30 days
        'bursa-address-randevu-2026', // stated in the notes without naming the publisher
        'yimer-long-term-180', // 180 days for long-term permits in İstanbul and Antalya
        'holidays-2027-unchecked', // 2027 religious holidays
      ].sort(),
    );
  });
});

describe('every output of every rule', () => {
  const items = sourcedItems(allOutputs());

  it('cites only registered sources', () => {
    expect(items.length).toBeGreaterThan(1000);
    for (const item of items) for (const s of item.sources) expect(isSourceId(s), s).toBe(true);
  });

  it('flags every item resting on a weak source as weak', () => {
    for (const item of items) {
      if (item.sources.some((s) => isSourceId(s) && isWeakSource(s))) {
        expect(item.weak, `${item.text ?? JSON.stringify(item)} must be weak`).toBe(true);
      }
    }
  });

  it('renders every line without a missing placeholder', () => {
    const lines = items.filter((i): i is Line & typeof i => typeof i.text === 'string' && i.text in EN);
    expect(lines.length).toBeGreaterThan(100);
    for (const l of lines) expect(renderEn(l), l.text).not.toMatch(/\{\w+\}/);
  });

  it('each weakly sourced figure of domain-facts.md carries the flag where it is used', () => {
    const end = '2026-12-31';
    const flagged = (l: { weak?: boolean } | undefined) => l?.weak === true;
    // 10-day acceptance (implementing regulation ⚠)
    expect(flagged(domain.overdue(end, addDays(end, 1)).lines[1])).toBe(true);
    expect(flagged(domain.extensionWindow(end, addDays(end, 1)).lines[1])).toBe(true);
    // 15-day lockout ⚠
    expect(domain.LOCKOUT_LENGTHS[15].weak).toBe(true);
    // law-firm reading of a missed appointment ⚠
    expect(flagged(domain.missedAppointmentAdvice()[1])).toBe(true);
    // 2027 holidays ⚠
    expect(flagged(domain.holidayOn('2027-03-09').holidays[0])).toBe(true);
    // PTT ~10 days ⚠, İstanbul slot ⚠
    expect(flagged(domain.statusInfo('delivered-to-ptt').actions[1])).toBe(true);
    expect(flagged(domain.statusInfo('concluded-apply-to-office').actions[1])).toBe(true);
  });
});
