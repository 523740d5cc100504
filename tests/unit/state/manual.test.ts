import { describe, expect, it } from 'vitest';
import { checkIsoDate, checkTime, validateManual } from '../../../src/state/manual';

describe('manual entry', () => {
  it('refuses impossible dates with a catalogue sentence instead of rolling over', () => {
    const notADate = { ok: false, said: { key: 'ui_refusal_date', params: { min: '2000', max: '2100' } } };
    expect(checkIsoDate('2026-02-31')).toEqual(notADate);
    expect(checkIsoDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(checkIsoDate('2026-13-01')).toEqual(notADate);
    expect(checkIsoDate('1999-12-31')).toEqual(notADate);
    expect(checkIsoDate('31.02.2026')).toEqual(notADate);
  });

  it('checks times', () => {
    expect(checkTime('9:05')).toEqual({ ok: true, value: '09:05' });
    expect(checkTime('24:00')).toEqual({ ok: false, said: { key: 'ui_refusal_time' } });
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
    ).toEqual({ ok: false, said: { key: 'ui_refusal_booked_after' } });
    expect(
      validateManual('appointment', JSON.stringify({ date: '2027-01-07', bookedOn: '2027-02-30' })),
    ).toEqual({
      ok: false,
      said: { key: 'ui_refusal_booked_on_date' },
    });
    expect(validateManual('appointment', '{oops')).toEqual({
      ok: false,
      said: { key: 'ui_refusal_appointment_unreadable' },
    });
    expect(validateManual('permitType', 'golden-visa')).toEqual({
      ok: false,
      said: { key: 'ui_refusal_permit_type' },
    });
    expect(
      validateManual('appointment', JSON.stringify({ date: '2027-01-07', type: 'x'.repeat(121) })),
    ).toEqual({
      ok: false,
      said: { key: 'ui_refusal_type_too_long', params: { max: '120' } },
    });
    expect(validateManual('status', 'x')).toEqual({ ok: false, said: { key: 'ui_refusal_invalid' } });
  });
});
