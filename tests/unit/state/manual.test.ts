import { describe, expect, it } from 'vitest';
import { checkIsoDate, checkTime, validateManual } from '../../../src/state/manual';

describe('manual entry', () => {
  it('refuses impossible dates with a reason instead of rolling over', () => {
    expect(checkIsoDate('2026-02-31')).toEqual({ ok: false, reason: 'That month has 28 days, not 31.' });
    expect(checkIsoDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(checkIsoDate('2026-13-01')).toMatchObject({ ok: false });
    expect(checkIsoDate('31.02.2026')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('YYYY-MM-DD'),
    });
  });

  it('checks times', () => {
    expect(checkTime('9:05')).toEqual({ ok: true, value: '09:05' });
    expect(checkTime('24:00')).toMatchObject({ ok: false });
  });

  it('validates an appointment and the portal it was booked on', () => {
    const ok = validateManual(
      'appointment',
      JSON.stringify({ date: '2027-01-07', time: '14:45', bookedOn: '2026-11-20', portal: 'randevu' }),
    );
    expect(ok).toMatchObject({
      ok: true,
      portal: 'randevu',
      value: { date: '2027-01-07', bookedOn: '2026-11-20' },
    });
    expect(
      validateManual('appointment', JSON.stringify({ date: '2027-01-07', bookedOn: '2027-02-01' })),
    ).toMatchObject({
      ok: false,
      reason: 'The booking date cannot be after the appointment.',
    });
    expect(validateManual('appointment', '{oops')).toMatchObject({ ok: false });
    expect(validateManual('status', 'x')).toMatchObject({ ok: false });
  });
});
