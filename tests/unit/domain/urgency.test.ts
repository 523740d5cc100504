import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { renderEn } from '../../../src/domain/text';
import { urgency, urgencyLevel, type UrgencyLevel } from '../../../src/domain/urgency';

const END = '2026-12-31';
/** `today` such that `daysLeft` calendar days remain until END. */
const at = (daysLeft: number) => urgency(END, addDays(END, -daysLeft));

describe('urgency boundaries (inclusive lower bounds)', () => {
  it.each<[number, UrgencyLevel]>([
    [365, 'low'],
    [61, 'low'],
    [60, 'medium'], // "30–60 Medium": 60 is Medium
    [59, 'medium'],
    [31, 'medium'],
    [30, 'medium'], // 30 is Medium, not High
    [29, 'high'],
    [16, 'high'],
    [15, 'high'], // "15–30 High": 15 is High
    [14, 'very-high'], // "under 15 days"
    [1, 'very-high'],
    [0, 'very-high'], // ends today: still valid
    [-1, 'critical'], // the day after the end date
    [-400, 'critical'],
  ])('%i days left → %s', (daysLeft, level) => {
    const u = at(daysLeft);
    expect(u.level).toBe(level);
    expect(u.daysLeft).toBe(daysLeft);
    expect(u.daysOver).toBe(Math.max(0, -daysLeft));
    expect(urgencyLevel(daysLeft)).toBe(level);
    expect(u.label).toBe(`urgency_${level.replace('-', '_')}`);
  });

  it('counts calendar days exactly across a leap day', () => {
    expect(urgency('2028-03-01', '2028-02-28').daysLeft).toBe(2);
    // 28 Feb → 29 Apr 2028 is 61 days only because 29 Feb exists: Low, not Medium.
    expect(urgency('2028-04-29', '2028-02-28').daysLeft).toBe(61);
    expect(urgency('2028-04-29', '2028-02-28').level).toBe('low');
    expect(urgency('2027-04-29', '2027-02-28').daysLeft).toBe(60);
    expect(urgency('2027-04-29', '2027-02-28').level).toBe('medium');
  });
});

describe('urgency content', () => {
  it('gives 2–4 actions per level, each with a source', () => {
    for (const d of [100, 45, 20, 5, -3]) {
      const u = at(d);
      expect(u.actions.length).toBeGreaterThanOrEqual(2);
      expect(u.actions.length).toBeLessThanOrEqual(4);
      for (const a of [...u.actions, ...u.warnings]) expect(a.sources.length).toBeGreaterThan(0);
      expect(u.sources).toContain('relocation-guide');
    }
  });

  it('follows the facts table per level', () => {
    expect(at(61).actions.map((a) => a.text)).toEqual(['action_low_book', 'action_low_window_opens']);
    expect(at(61).actions[1]?.params).toEqual({ opensOn: addDays(END, -60) });
    expect(at(60).actions.map((a) => a.text)).toEqual([
      'action_medium_book_now',
      'action_medium_earliest_slot',
    ]);
    expect(at(29).actions.map((a) => a.text)).toEqual([
      'action_high_book_urgently',
      'action_high_check_daily',
      'action_high_visit_office',
      'action_document_no_slots',
    ]);
    expect(at(14).actions.map((a) => a.text)).toEqual([
      'action_very_high_contact_office',
      'action_very_high_emergency_appointment',
      'action_very_high_lawyer',
      'action_document_no_slots',
    ]);
    expect(at(-1).actions.map((a) => a.text)).toEqual([
      'action_critical_legal_advice',
      'action_critical_overstay_risk',
      'action_critical_new_application',
    ]);
  });

  it('Very High and Critical carry the unlawful-stay warning; lower levels do not', () => {
    expect(at(15).warnings).toEqual([]);
    expect(at(61).warnings).toEqual([]);
    expect(at(14).warnings.map((w) => w.text)).toContain('warning_unlawful_stay');
    expect(at(0).warnings.map((w) => w.text)).toContain('warning_unlawful_stay');
    expect(at(-1).warnings.map((w) => w.text)).toEqual(['warning_unlawful_stay_expired']);
    expect(at(-1).warnings[0]?.sources).toEqual(['relocation-guide']);
  });

  it('summary sentence distinguishes days left, ends today and expired', () => {
    expect(renderEn(at(12).summary)).toBe('12 days left: your permit ends on 31 Dec 2026.');
    expect(renderEn(at(0).summary)).toBe('Your permit ends today (31 Dec 2026).');
    expect(renderEn(at(-3).summary)).toBe('Your permit ended on 31 Dec 2026, 3 days ago.');
  });
});
