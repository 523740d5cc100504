import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { overdue } from '../../../src/domain/overdue';
import { renderEn } from '../../../src/domain/text';

const END = '2026-12-31';
const over = (n: number) => overdue(END, addDays(END, n));

describe('overdue: the 10-day rules', () => {
  it('nothing while the permit is valid (its last day included)', () => {
    for (const n of [-30, -1, 0]) {
      const o = over(n);
      expect(o).toMatchObject({
        expired: false,
        daysOver: 0,
        withinLateAcceptance: false,
        deportationGround: false,
        showOverstayCard: false,
        lines: [],
      });
    }
  });

  it.each([
    [1, true, false],
    [9, true, false],
    [10, true, false], // end + 10: the last day a late application may be accepted
    [11, false, true], // more than 10 days: deportation ground
    [12, false, true],
    [400, false, true],
  ])('%i days over: within 10 days=%s, deportation ground=%s', (n, within, ground) => {
    const o = over(n);
    expect(o.expired).toBe(true);
    expect(o.daysOver).toBe(n);
    expect(o.withinLateAcceptance).toBe(within);
    expect(o.deportationGround).toBe(ground);
    expect(o.showOverstayCard).toBe(true);
    expect(o.lateApplicationUntil).toBe('2027-01-10');
    expect(o.deportationGroundFrom).toBe('2027-01-11');
    expect(o.lines.at(-1)?.text).toBe('overdue_see_overstay');
  });

  it('the 10-day acceptance is weak, called a new application, and the deportation ground cites Art. 54(1)', () => {
    const o = over(3);
    const late = o.lines.find((l) => l.text === 'overdue_ten_days_accepted')!;
    expect(late.weak).toBe(true);
    expect(late.sources).toEqual(['implementing-regulation', 'e-ikamet-instructions']);
    expect(renderEn(late)).toBe(
      'Until 10 Jan 2027 (10 days after expiry) an application may still be accepted: as a new application, not an extension.',
    );
    expect(o.lines.find((l) => l.text === 'overdue_deportation_ground_from')?.sources).toEqual([
      'law-6458-54-1',
    ]);
    expect(over(11).lines.map((l) => l.text)).toEqual([
      'overdue_days_over',
      'overdue_deportation_ground',
      'overdue_see_overstay',
    ]);
  });
});
