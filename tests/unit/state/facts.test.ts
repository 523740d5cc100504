import { describe, expect, it } from 'vitest';
import { reading } from '../helpers';
import {
  conflicts,
  current,
  emptyFacts,
  MAX_OBSERVATIONS,
  mergeManual,
  mergeReading,
} from '../../../src/state/facts';

describe('facts', () => {
  it('records what a reading says, with where and when', () => {
    const f = mergeReading(emptyFacts(), reading(), '2026-11-22T11:05:00.000Z');
    expect(current(f, 'permitEnd')).toMatchObject({
      value: '2026-08-11',
      source: 'read',
      page: 'eikamet-status',
      firstSeen: '2026-11-22T11:05:00.000Z',
    });
    expect(current(f, 'status')?.value).toEqual({
      status: 'in-progress',
      text: 'Değerlendirme aşamasındadır',
      date: null,
    });
  });

  it('keeps the last good value when a later page fails to read', () => {
    const f1 = mergeReading(emptyFacts(), reading(), '2026-11-22T11:05:00.000Z');
    const f2 = mergeReading(
      f1,
      reading({ permit: null, problems: ['permit-end-missing'] }),
      '2026-11-23T09:00:00.000Z',
    );
    expect(current(f2, 'permitEnd')?.value).toBe('2026-08-11');
    expect(current(f2, 'permitEnd')?.lastSeen).toBe('2026-11-22T11:05:00.000Z');
  });

  it('updates lastSeen for a value seen again instead of adding a row', () => {
    const f1 = mergeReading(emptyFacts(), reading(), '2026-11-22T11:05:00.000Z');
    const f2 = mergeReading(f1, reading(), '2026-11-23T09:00:00.000Z');
    expect(f2.permitEnd).toHaveLength(1);
    expect(f2.permitEnd[0]).toMatchObject({
      firstSeen: '2026-11-22T11:05:00.000Z',
      lastSeen: '2026-11-23T09:00:00.000Z',
    });
  });

  it('shows conflicting end dates, newest in force, and a pinned one wins', () => {
    const f1 = mergeReading(emptyFacts(), reading(), '2026-11-22T11:05:00.000Z');
    const f2 = mergeReading(
      f1,
      reading({ permit: { start: null, end: '2027-08-11' } }),
      '2026-11-23T09:00:00.000Z',
    );
    expect(current(f2, 'permitEnd')?.value).toBe('2027-08-11');
    expect(conflicts(f2, 'permitEnd').map((o) => o.value)).toEqual(['2027-08-11', '2026-08-11']);
    const pinned = { ...f2, pinned: { permitEnd: '2026-08-11' } };
    expect(current(pinned, 'permitEnd')?.value).toBe('2026-08-11');
  });

  it('puts a manual entry in force and marks it as entered by the user', () => {
    const f1 = mergeReading(emptyFacts(), reading(), '2026-11-22T11:05:00.000Z');
    const f2 = mergeManual(f1, 'permitEnd', '2026-09-01', '2026-11-22T12:00:00.000Z');
    expect(current(f2, 'permitEnd')).toMatchObject({ value: '2026-09-01', source: 'manual' });
    // A later reading of the old value does not silently override what the user pinned.
    const f3 = mergeReading(f2, reading(), '2026-11-23T12:00:00.000Z');
    expect(current(f3, 'permitEnd')?.value).toBe('2026-09-01');
  });

  it('replaces an earlier manual entry instead of listing it as a conflict', () => {
    const f1 = mergeManual(emptyFacts(), 'permitEnd', '2026-09-01', '2026-11-22T12:00:00.000Z');
    const f2 = mergeManual(f1, 'permitEnd', '2026-09-02', '2026-11-22T12:01:00.000Z');
    expect(f2.permitEnd.map((o) => o.value)).toEqual(['2026-09-02']);
    expect(conflicts(f2, 'permitEnd')).toEqual([]);
  });

  it('bounds the history of each fact', () => {
    let f = emptyFacts();
    for (let i = 0; i < 30; i++) {
      const end = `2027-01-${String(i + 1).padStart(2, '0')}`;
      f = mergeReading(
        f,
        reading({ permit: { start: null, end } }),
        `2026-11-22T11:${String(i).padStart(2, '0')}:00.000Z`,
      );
    }
    expect(f.permitEnd).toHaveLength(MAX_OBSERVATIONS);
    expect(current(f, 'permitEnd')?.value).toBe('2027-01-30');
  });

  it('records appointments and the SMS-pending answer', () => {
    const appt = {
      date: '2027-02-15',
      time: '09:00',
      office: 'Fatih',
      type: 'Adres Tescili',
      bookedOn: '2026-11-20',
    };
    const f = mergeReading(
      emptyFacts(),
      reading({
        portal: 'randevu',
        page: 'randevu-my-appointments',
        appointment: appt,
        permit: null,
        status: null,
      }),
      '2026-11-22T11:05:00.000Z',
    );
    expect(current(f, 'appointment')).toMatchObject({ value: appt, portal: 'randevu' });
    const g = mergeReading(f, reading({ appointmentPending: true }), '2026-11-22T12:00:00.000Z');
    expect(current(g, 'appointmentPending')?.value).toBe(true);
  });
});
