import { describe, expect, test } from 'vitest';
import {
  findDates,
  isoDate,
  istanbulDate,
  parseDate,
  parseDateTime,
  parseRange,
  parseTime,
} from '../../../src/portal/dates';

describe('parseDate', () => {
  test.each([
    ['12.08.2026', '2026-08-12'],
    ['12/08/2026', '2026-08-12'],
    ['2.8.2026', '2026-08-02'],
    ['2026-08-12', '2026-08-12'],
    ['3 Aralık 2026', '2026-12-03'],
    ['3 ARALIK 2026', '2026-12-03'],
    ['3 aralik 2026', '2026-12-03'],
    ['3 December 2026', '2026-12-03'],
    ['December 3, 2026', '2026-12-03'],
    ['15 Şubat 2027 Pazartesi 09:00', '2027-02-15'],
    ['15 ŞUBAT 2027', '2027-02-15'],
    ['1 Ağustos 2026', '2026-08-01'],
    ['31 Ekim 2026', '2026-10-31'],
    ['Monday, 15 February 2027', '2027-02-15'],
    ['7 Jan 2027', '2027-01-07'],
    ['  12.08.2026\u00a0 ', '2026-08-12'],
    ['29.02.2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  test.each([
    '31.02.2026',
    '29.02.2027',
    '30.02.2028',
    '00.01.2026',
    '12.13.2026',
    '32.01.2026',
    '31 Nisan 2026',
    '29.02.1900',
  ])('impossible %s → null, never rolled over', (text) => expect(parseDate(text)).toBeNull());

  test.each(['2024-34-1234567', '99123456789', 'U12345678', '12.08', '09:00', 'Mart ayında', '2026'])(
    'not a date: %s',
    (text) => expect(parseDate(text)).toBeNull(),
  );

  test('no time-zone shift whatever the machine zone', () => {
    expect(process.env.TZ).toBe('America/New_York');
    expect(parseDate('01.01.2027')).toBe('2027-01-01');
    expect(parseDate('31.12.2026')).toBe('2026-12-31');
  });
});

describe('times', () => {
  test.each([
    ['15 Şubat 2027 Pazartesi 09:00', { date: '2027-02-15', time: '09:00' }],
    ['7 January 2027, 14:45', { date: '2027-01-07', time: '14:45' }],
    ['7 Ocak 2027 Perşembe saat 9:05', { date: '2027-01-07', time: '09:05' }],
    ['20/12/2026 10:32', { date: '2026-12-20', time: '10:32' }],
    ['20.12.2026', { date: '2026-12-20', time: null }],
  ])('%s', (text, want) => expect(parseDateTime(text)).toEqual(want));

  test('parseTime', () => {
    expect(parseTime('Randevu Saati: 09:15')).toBe('09:15');
    expect(parseTime('12.08.2026')).toBeNull();
    expect(parseTime('24:00')).toBeNull();
  });
});

describe('parseRange', () => {
  test.each([
    '12.08.2025 - 11.08.2026',
    '12.08.2025-11.08.2026',
    '12.08.2025 – 11.08.2026',
    '12.08.2025 — 11.08.2026',
    '12.08.2025\u00a0-\u00a011.08.2026',
    '12.08.2025 -\n   11.08.2026',
    '12/08/2025 - 11/08/2026',
    '12 Ağustos 2025 - 11 Ağustos 2026',
    '12 August 2025 – 11 August 2026',
  ])('%j', (text) =>
    expect(parseRange(text)).toEqual({ start: '2025-08-12', end: '2026-08-11', problem: null }),
  );

  test('impossible end: start kept, end null, problem', () => {
    expect(parseRange('12.08.2025 - 31.02.2026')).toEqual({
      start: '2025-08-12',
      end: null,
      problem: 'impossible',
    });
  });
  test('one date only: nothing guessed', () => {
    expect(parseRange('12.08.2025 -')).toEqual({ start: null, end: null, problem: 'one' });
  });
  test('end before start: nothing taken', () => {
    expect(parseRange('11.08.2026 - 12.08.2025').end).toBeNull();
  });
  test('no date', () => expect(parseRange('Bilgi yok').problem).toBe('none'));
});

test('findDates keeps order and positions', () => {
  const hits = findDates('Başvuru: 01.10.2026, izin 02.10.2026 - 01.10.2027');
  expect(hits.map((h) => h.iso)).toEqual(['2026-10-01', '2026-10-02', '2027-10-01']);
});

test('isoDate validates leap years', () => {
  expect(isoDate(2000, 2, 29)).toBe('2000-02-29');
  expect(isoDate(2100, 2, 29)).toBeNull();
});

test('istanbulDate: the calendar day in Turkey', () => {
  expect(istanbulDate(new Date('2026-12-31T21:30:00Z'))).toBe('2027-01-01');
  expect(istanbulDate(new Date('2026-12-31T20:59:00Z'))).toBe('2026-12-31');
});
