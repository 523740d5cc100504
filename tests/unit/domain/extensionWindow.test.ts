import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { extensionWindow } from '../../../src/domain/extensionWindow';
import { renderEn } from '../../../src/domain/text';

const END = '2026-12-31';
const OPENS = '2026-11-01'; // END − 60

describe('extension window edges', () => {
  it('opens 60 days before the end date', () => {
    expect(addDays(END, -60)).toBe(OPENS);
    expect(extensionWindow(END, '2026-01-01').opensOn).toBe(OPENS);
    expect(extensionWindow(END, '2026-01-01').lastDay).toBe(END);
  });

  it('day 61 before the end: before, one day to go', () => {
    const w = extensionWindow(END, '2026-10-31');
    expect(w.state).toBe('before');
    expect(w.daysUntilOpen).toBe(1);
    expect(w.daysUntilClose).toBeNull();
    expect(w.newApplicationOnly).toBe(false);
    expect(w.lines[0]?.text).toBe('window_before');
    expect(renderEn(w.lines[0]!)).toContain('1 Nov 2026');
  });

  it('day 60 before the end: open (first day)', () => {
    const w = extensionWindow(END, OPENS);
    expect(w.state).toBe('open');
    expect(w.daysUntilOpen).toBe(0);
    expect(w.daysUntilClose).toBe(60);
  });

  it('the end date itself: still open (last day)', () => {
    const w = extensionWindow(END, END);
    expect(w.state).toBe('open');
    expect(w.daysUntilClose).toBe(0);
    expect(w.lines.map((l) => l.text)).toEqual([
      'window_open',
      'warning_lodged_certificate',
      'window_starts_from_old_end',
      'window_decision_90_days',
      'window_passport_60_days',
    ]);
    expect(w.sources).toEqual(['law-6458-21-2', 'law-6458-21-5', 'law-6458-24-2', 'law-6458-24-3']);
  });

  it('the day after the end: closed, new first application only, 10-day acceptance is not an extension', () => {
    const w = extensionWindow(END, '2027-01-01');
    expect(w.state).toBe('closed');
    expect(w.newApplicationOnly).toBe(true);
    expect(w.lateApplicationUntil).toBe('2027-01-10');
    expect(w.lines[0]?.text).toBe('window_closed');
    expect(w.lines[0]?.sources).toEqual(['law-6458-24-2', 'e-ikamet-instructions']);
    const late = w.lines[1]!;
    expect(late.text).toBe('window_ten_days_not_extension');
    expect(late.weak).toBe(true);
    expect(late.sources).toContain('implementing-regulation');
    expect(renderEn(late)).toContain('not an extension');
  });

  it('drops the 10-day note once those 10 days are over (end + 10 last, end + 11 gone)', () => {
    expect(extensionWindow(END, '2027-01-10').lines.map((l) => l.text)).toContain(
      'window_ten_days_not_extension',
    );
    expect(extensionWindow(END, '2027-01-11').lines.map((l) => l.text)).toEqual(['window_closed']);
  });

  it('handles a window across a leap day', () => {
    expect(extensionWindow('2028-04-29', '2028-02-28').opensOn).toBe('2028-02-29');
    expect(extensionWindow('2028-04-29', '2028-02-28').state).toBe('before');
    expect(extensionWindow('2028-04-29', '2028-02-29').state).toBe('open');
  });
});
