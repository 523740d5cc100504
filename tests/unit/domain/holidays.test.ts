import { describe, expect, it } from 'vitest';
import { getSource } from '../../../src/domain/sources';
import { addDays, weekday } from '../../../src/domain/calendar';
import {
  holidayOn,
  isOfficeClosed,
  nextWorkingDay,
  officeClosureNotice,
  officeDay,
  RELIGIOUS_HOLIDAYS,
} from '../../../src/domain/holidays';
import { renderEn } from '../../../src/domain/text';

const names = (d: string, bridge: string[] = []) => holidayOn(d, bridge).holidays.map((h) => h.name);

describe('fixed holidays (Law 2429), every year', () => {
  it.each([
    ['01-01', 'holiday_new_year'],
    ['04-23', 'holiday_national_sovereignty'],
    ['05-01', 'holiday_labour'],
    ['05-19', 'holiday_youth_sports'],
    ['07-15', 'holiday_democracy'],
    ['08-30', 'holiday_victory'],
    ['10-29', 'holiday_republic'],
  ])('%s is %s in 2025, 2026, 2027 and 2030', (md, name) => {
    for (const y of [2025, 2026, 2027, 2030]) {
      const h = holidayOn(`${y}-${md}`).holidays;
      expect(h.map((x) => x.name)).toContain(name);
      expect(h[0]?.sources).toEqual(['law-2429']);
      expect(h[0]?.halfDay).toBe(false);
    }
  });

  it('the days around a fixed holiday are ordinary', () => {
    expect(names('2026-04-22')).toEqual([]);
    expect(names('2026-04-24')).toEqual([]);
    expect(names('2026-10-30')).toEqual([]);
  });
});

describe('half days', () => {
  it('28 Oct closes at 13:00', () => {
    const d = officeDay('2026-10-28'); // Wednesday
    expect(d.status).toBe('half-day');
    expect(d.closesAt).toBe('13:00');
    expect(isOfficeClosed('2026-10-28')).toBe(false);
    expect(isOfficeClosed('2026-10-28', { time: '12:59' })).toBe(false);
    expect(isOfficeClosed('2026-10-28', { time: '13:00' })).toBe(true);
    expect(isOfficeClosed('2026-10-28', { time: '15:30' })).toBe(true);
  });

  it('bayram eves (arife) are half days without a known closing hour', () => {
    for (const d of ['2025-06-05', '2026-03-19', '2026-05-26', '2027-03-08']) {
      const day = officeDay(d);
      expect(day.status).toBe('half-day');
      expect(day.closesAt).toBeNull();
      // The hour is not in the facts file: a time does not make the office count as closed.
      expect(isOfficeClosed(d, { time: '15:00' })).toBe(false);
    }
    expect(names('2026-03-19')).toEqual(['holiday_ramazan_arife']);
    expect(names('2026-05-26')).toEqual(['holiday_kurban_arife']);
  });

  it('a half day on a weekend is closed all day', () => {
    // 2025-03-29 (Ramazan arife) is a Saturday; 2027-05-15 (Kurban arife) is a Saturday.
    for (const d of ['2025-03-29', '2027-05-15', '2028-10-28']) {
      expect(weekday(d)).toBe(6);
      expect(officeDay(d).status).toBe('closed');
      expect(officeDay(d).closesAt).toBeNull();
      expect(isOfficeClosed(d)).toBe(true);
    }
  });
});

describe('religious holidays 2025–2027', () => {
  it.each([
    ['2025-03-30', '2025-04-01', 'holiday_ramazan'],
    ['2025-06-06', '2025-06-09', 'holiday_kurban'],
    ['2026-03-20', '2026-03-22', 'holiday_ramazan'],
    ['2026-05-27', '2026-05-30', 'holiday_kurban'],
    ['2027-03-09', '2027-03-11', 'holiday_ramazan'],
    ['2027-05-16', '2027-05-19', 'holiday_kurban'],
  ])('%s … %s is %s, edges included, and closed', (from, to, name) => {
    expect(names(addDays(from, -1))).not.toContain(name);
    for (let d = from; d <= to; d = addDays(d, 1)) {
      expect(names(d)).toContain(name);
      expect(isOfficeClosed(d)).toBe(true);
    }
    expect(names(addDays(to, 1))).not.toContain(name);
  });

  it('2027 is weakly sourced, 2025–2026 are not', () => {
    expect(holidayOn('2027-03-09').holidays[0]?.weak).toBe(true);
    expect(holidayOn('2027-03-08').holidays[0]?.weak).toBe(true);
    expect(holidayOn('2026-03-20').holidays[0]?.weak).toBeUndefined();
    expect(RELIGIOUS_HOLIDAYS[2027]?.weak).toBe(true);
    // Fixed days in 2027 rest on the law, not on the weak table.
    expect(holidayOn('2027-01-01').holidays[0]?.weak).toBeUndefined();
  });

  it('overlaps: 19 May 2027 is both Youth Day and Kurban Bayramı', () => {
    expect(names('2027-05-19')).toEqual(['holiday_youth_sports', 'holiday_kurban']);
    expect(officeDay('2027-05-19').status).toBe('closed');
  });

  it('overlap with weekends: Ramazan Bayramı 2025 starts on a Sunday', () => {
    const d = officeDay('2025-03-30');
    expect(d.weekend).toBe(true);
    expect(d.holidays.map((h) => h.name)).toEqual(['holiday_ramazan']);
    expect(d.status).toBe('closed');
  });
});

describe('unknown years', () => {
  it('after 2027 religious holidays are "not known", fixed days still apply', () => {
    const l = holidayOn('2028-03-01');
    expect(l.religiousHolidaysKnown).toBe(false);
    expect(l.holidays).toEqual([]);
    expect(holidayOn('2028-01-01').holidays.map((h) => h.name)).toEqual(['holiday_new_year']);
    expect(holidayOn('2028-01-01').religiousHolidaysKnown).toBe(false);
    expect(holidayOn('2024-04-10').religiousHolidaysKnown).toBe(false);
    expect(holidayOn('2027-12-31').religiousHolidaysKnown).toBe(true);
  });

  it('leap day 2028-02-29: a Tuesday, no known holiday, but not certain', () => {
    expect(weekday('2028-02-29')).toBe(2);
    expect(officeDay('2028-02-29')).toMatchObject({ status: 'open', religiousHolidaysKnown: false });
    expect(isOfficeClosed('2028-02-29')).toBe(false);
    expect(nextWorkingDay('2028-02-28')).toEqual({ date: '2028-02-29', halfDay: false, certain: false });
  });
});

describe('weekends, bridge days and nextWorkingDay', () => {
  it('weekends are closed', () => {
    expect(isOfficeClosed('2026-11-28')).toBe(true);
    expect(isOfficeClosed('2026-11-29')).toBe(true);
    expect(isOfficeClosed('2026-11-30')).toBe(false);
    expect(officeDay('2026-11-28')).toMatchObject({ weekend: true, holidays: [], status: 'closed' });
  });

  it('user bridge days close offices and are marked as added by the user', () => {
    const bridge = ['2026-10-30'];
    expect(isOfficeClosed('2026-10-30')).toBe(false);
    expect(isOfficeClosed('2026-10-30', { bridgeDays: bridge })).toBe(true);
    const h = holidayOn('2026-10-30', bridge).holidays[0];
    expect(h).toMatchObject({ kind: 'bridge', userAdded: true, sources: [] });
  });

  it('next working day across a Bayram and a weekend', () => {
    // Kurban 2026: arife Tue 26 May (half), Wed 27 … Sat 30 May, Sun 31 May → Mon 1 Jun.
    expect(nextWorkingDay('2026-05-26')).toEqual({ date: '2026-06-01', halfDay: false, certain: true });
    expect(nextWorkingDay('2026-05-27')).toEqual({ date: '2026-06-01', halfDay: false, certain: true });
    // Ramazan 2026: Thu 19 (half) → Fri 20 … Sun 22 → Mon 23 Mar.
    expect(nextWorkingDay('2026-03-19').date).toBe('2026-03-23');
    // The day before arife: the next working day is the half day itself.
    expect(nextWorkingDay('2026-03-18')).toEqual({ date: '2026-03-19', halfDay: true, certain: true });
    // Ramazan 2025 (Sun 30 Mar – Tue 1 Apr) after a Saturday arife → Wed 2 Apr.
    expect(nextWorkingDay('2025-03-28').date).toBe('2025-04-02');
    // Republic Day 2026: Wed 28 Oct half, Thu 29 closed; with a bridge Fri 30 → Mon 2 Nov.
    expect(nextWorkingDay('2026-10-28').date).toBe('2026-10-30');
    expect(nextWorkingDay('2026-10-28', { bridgeDays: ['2026-10-30'] }).date).toBe('2026-11-02');
    // Across the year end into 2027 (weak but known).
    expect(nextWorkingDay('2026-12-31')).toEqual({ date: '2027-01-04', halfDay: false, certain: true });
    // Into an unknown year.
    expect(nextWorkingDay('2027-12-31')).toEqual({ date: '2028-01-03', halfDay: false, certain: false });
  });
});

describe('officeClosureNotice (the appointment card’s holiday flag)', () => {
  it('a normal working day: nothing to say', () => {
    expect(officeClosureNotice('2026-11-24')).toMatchObject({ closed: false, next: null, lines: [] });
  });

  it('a bayram day: closed, with the next working day', () => {
    const n = officeClosureNotice('2026-05-27');
    expect(n.closed).toBe(true);
    expect(n.next?.date).toBe('2026-06-01');
    expect(n.lines.map((l) => renderEn(l))).toEqual([
      'Offices are closed on 27 May 2026; the next working day is 1 Jun 2026.',
    ]);
    // Law 2429 makes it a holiday; the 2026 date matches Diyanet's calendar as reported.
    expect(n.lines[0]?.sources).toEqual(['diyanet-dini-gunler', 'law-2429']);
  });

  it('religious holiday dates cite where they come from: 2026 Diyanet, 2027 unchecked and weak', () => {
    const y2025 = holidayOn('2025-03-30').holidays[0]!;
    expect(y2025.sources).toEqual(['law-2429']);
    expect(y2025.weak).toBeUndefined();
    const y2026 = holidayOn('2026-03-20').holidays[0]!;
    expect(y2026.sources).toEqual(['law-2429', 'diyanet-dini-gunler']);
    expect(y2026.weak).toBeUndefined();
    for (const d of ['2027-03-08', '2027-03-09', '2027-03-11', '2027-05-15', '2027-05-16', '2027-05-19']) {
      // 19 May 2027 is also a fixed holiday: take the bayram.
      const h = holidayOn(d).holidays.find((x) => x.kind !== 'fixed')!;
      expect(h.sources, d).toEqual(['law-2429', 'holidays-2027-unchecked']);
      expect(h.weak, d).toBe(true);
    }
    // Positive control: the days next to the 2027 bayrams are ordinary, and the year is known.
    expect(holidayOn('2027-03-12').holidays).toEqual([]);
    expect(holidayOn('2027-05-20').holidays).toEqual([]);
    expect(holidayOn('2027-05-20').religiousHolidaysKnown).toBe(true);
    // The flag reaches the sentence the appointment card shows, with the 2027 source.
    const n = officeClosureNotice('2027-03-09');
    expect(n.lines[0]?.sources).toEqual(['holidays-2027-unchecked', 'law-2429']);
    expect(n.lines[0]?.weak).toBe(true);
    const eve = officeClosureNotice('2027-05-14');
    expect(eve.closed).toBe(false);
    expect(getSource('holidays-2027-unchecked').note).toMatch(/no official 2027 announcement was found/);
  });

  it('a weekend or a bridge day cites no law', () => {
    expect(officeClosureNotice('2026-11-28').lines[0]?.sources).toEqual([]);
    expect(officeClosureNotice('2026-10-30', { bridgeDays: ['2026-10-30'] }).lines[0]?.sources).toEqual([]);
  });

  it('a 2027 bayram is flagged weak', () => {
    expect(officeClosureNotice('2027-03-09').lines[0]?.weak).toBe(true);
  });

  it('a half day: open in the morning, closed at 14:00 on 28 Oct', () => {
    expect(officeClosureNotice('2026-10-28').lines.map((l) => l.text)).toEqual(['holiday_half_day']);
    expect(officeClosureNotice('2026-10-28', { time: '10:00' }).closed).toBe(false);
    const late = officeClosureNotice('2026-10-28', { time: '14:00' });
    expect(late.closed).toBe(true);
    expect(late.next?.date).toBe('2026-10-30');
  });

  it('an unknown year says the religious holidays are not known', () => {
    const n = officeClosureNotice('2028-02-29');
    expect(n.closed).toBe(false);
    expect(n.lines.map((l) => renderEn(l))).toEqual([
      'The religious holiday dates for 2028 are not known here: check before relying on a date.',
    ]);
    // A bridge day on Fri 31 Dec 2027: the next working day falls in 2028, so it is uncertain.
    const ny = officeClosureNotice('2027-12-31', { bridgeDays: ['2027-12-31'] });
    expect(ny.next).toEqual({ date: '2028-01-03', halfDay: false, certain: false });
    expect(ny.lines.map((l) => l.text)).toEqual(['holiday_next_working_day', 'holiday_religious_unknown']);
  });
});
