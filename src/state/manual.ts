/**
 * Validation of values the user types: an impossible date is refused with a sentence of the catalogue (`said`, in
 * the user's language), never rolled over.
 */
import { LIMITS } from '../domain/limits';
import type { Said } from '../i18n/said';
import { PERMIT_TYPES, type Appointment, type PermitType, type Portal } from '../portal/types';
import type { FactKey } from './facts';

export type Checked<T> = { ok: true; value: T; portal?: Portal } | { ok: false; said: Said };

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const refuse = (key: Said['key'], params?: Record<string, string>): { ok: false; said: Said } => ({
  ok: false,
  said: { key, ...(params ? { params } : {}) },
});
const notADate = () => refuse('ui_refusal_date', { min: String(MIN_YEAR), max: String(MAX_YEAR) });

/** `yyyy-MM-dd` that exists on the calendar, between 2000 and 2100. */
export function checkIsoDate(v: string): Checked<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return notADate();
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12) return notADate();
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return notADate();
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

export function checkTime(v: string): Checked<string> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return refuse('ui_refusal_time');
  return { ok: true, value: `${m[1]!.padStart(2, '0')}:${m[2]}` };
}

export function validateManual(key: FactKey, raw: string): Checked<unknown> {
  switch (key) {
    case 'permitEnd':
    case 'permitStart':
      return checkIsoDate(raw);
    case 'permitType':
      return PERMIT_TYPES.includes(raw as PermitType)
        ? { ok: true, value: raw }
        : refuse('ui_refusal_permit_type');
    case 'appointment': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return refuse('ui_refusal_appointment_unreadable');
      }
      const p = parsed as Partial<Record<keyof Appointment | 'portal', string | null>>;
      const date = checkIsoDate(p.date ?? '');
      if (!date.ok) return date;
      const time = p.time ? checkTime(p.time) : null;
      if (time && !time.ok) return time;
      const bookedOn = p.bookedOn ? checkIsoDate(p.bookedOn) : null;
      if (bookedOn && !bookedOn.ok) return refuse('ui_refusal_booked_on_date');
      if (bookedOn?.ok && bookedOn.value > date.value) return refuse('ui_refusal_booked_after');
      // Refused, never cut: what the panel showed is what is stored (the fields' maxLength is the same limit).
      const office = typeof p.office === 'string' ? p.office.trim() : '';
      const type = typeof p.type === 'string' ? p.type.trim() : '';
      if (office.length > LIMITS.appointmentOffice)
        return refuse('ui_refusal_office_too_long', { max: String(LIMITS.appointmentOffice) });
      if (type.length > LIMITS.appointmentType)
        return refuse('ui_refusal_type_too_long', { max: String(LIMITS.appointmentType) });
      const value: Appointment = {
        date: date.value,
        time: time?.ok ? time.value : null,
        office: office || null,
        type: type || null,
        bookedOn: bookedOn?.ok ? bookedOn.value : null,
      };
      // Which portal it was booked on decides whether the randevu lockout applies.
      return { ok: true, value, portal: p.portal === 'e-ikamet' ? 'e-ikamet' : 'randevu' };
    }
    default:
      return refuse('ui_refusal_invalid');
  }
}
