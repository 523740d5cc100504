import { describe, expect, it } from 'vitest';
import { addMonths, rulesReview, RULES_STALE_AFTER_MONTHS } from '../../../src/domain/review';
import { LAST_REVIEWED, SOURCES } from '../../../src/domain/sources';
import { renderEn } from '../../../src/domain/text';

describe('addMonths', () => {
  it('adds whole months, across years, keeping the day or taking the month’s last', () => {
    expect(addMonths('2026-12-05', 12)).toBe('2027-12-05');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
  });
});

describe('rulesReview: one review date for the rules as a whole; out of date from 12 months after it', () => {
  it('the review date is one constant, the same every source carries', () => {
    expect(LAST_REVIEWED).toBe('2026-12-05');
    for (const s of Object.values(SOURCES)) expect(s.lastReviewed).toBe(LAST_REVIEWED);
    expect(RULES_STALE_AFTER_MONTHS).toBe(12);
  });

  it('says when the rules were last reviewed, and nothing more while they are recent', () => {
    const r = rulesReview('2026-12-05');
    expect(r.reviewedOn).toBe('2026-12-05');
    expect(r.staleFrom).toBe('2027-12-05');
    expect(r.stale).toBe(false);
    expect(r.warning).toBeNull();
    expect(renderEn(r.reviewed)).toBe('The rules in this panel were last reviewed as a whole on 5 Dec 2026.');
  });

  it('the day before 12 months is still recent; from the day 12 months after, the rules may be out of date', () => {
    expect(rulesReview('2027-12-04').warning).toBeNull();
    const stale = rulesReview('2027-12-05');
    expect(stale.stale).toBe(true);
    expect(renderEn(stale.warning!)).toBe(
      'The rules in this panel were last reviewed on 5 Dec 2026, a year ago or more: they may be out of date. Check the official pages (e-ikamet.goc.gov.tr, randevu.goc.gov.tr) and ask your İl Göç İdaresi.',
    );
    expect(rulesReview('2030-01-01').stale).toBe(true);
  });

  it('judges by the day it is given, never the real date (another review date moves the threshold)', () => {
    expect(rulesReview('2027-12-05', '2027-06-01').stale).toBe(false);
    expect(rulesReview('2028-06-01', '2027-06-01').stale).toBe(true);
  });
});
