/** Validation of values the user types: an impossible date is refused with a reason, never rolled over. */
import { LIMITS } from '../domain/limits';
import { PERMIT_TYPES, type Appointment, type PermitType, type Portal } from '../portal/types';
import type { FactKey } from './facts';

export type Checked<T> = { ok: true; value: T; portal?: Portal } | { ok: false; reason: string };

/** `yyyy-MM-dd` that exists on the calendar, between 2000 and 2100. */
export function checkIsoDate(v: string): Checked<string> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return { ok: false, reason: 'Use the form YYYY-MM-DD, e.g. 2027-03-15.' };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return { ok: false, reason: `The year ${y} is out of range.` };
  if (mo < 1 || mo > 12) return { ok: false, reason: `There is no month ${mo}.` };
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return { ok: false, reason: `That month has ${days} days, not ${d}.` };
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

export function checkTime(v: string): Checked<string> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    return { ok: false, reason: 'Use the form HH:MM, e.g. 09:30.' };
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
        : { ok: false, reason: 'Unknown permit type.' };
    case 'appointment': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return { ok: false, reason: 'Unreadable appointment.' };
      }
      const p = parsed as Partial<Record<keyof Appointment | 'portal', string | null>>;
      const date = checkIsoDate(p.date ?? '');
      if (!date.ok) return date;
      const time = p.time ? checkTime(p.time) : null;
      if (time && !time.ok) return time;
      const bookedOn = p.bookedOn ? checkIsoDate(p.bookedOn) : null;
      if (bookedOn && !bookedOn.ok) return { ok: false, reason: `Booked on: ${bookedOn.reason}` };
      if (bookedOn?.ok && bookedOn.value > date.value)
        return { ok: false, reason: 'The booking date cannot be after the appointment.' };
      // Refused, never cut: what the panel showed is what is stored (the fields' maxLength is the same limit).
      const office = typeof p.office === 'string' ? p.office.trim() : '';
      const type = typeof p.type === 'string' ? p.type.trim() : '';
      if (office.length > LIMITS.appointmentOffice)
        return {
          ok: false,
          reason: `The office name is longer than ${LIMITS.appointmentOffice} characters.`,
        };
      if (type.length > LIMITS.appointmentType)
        return {
          ok: false,
          reason: `The appointment type is longer than ${LIMITS.appointmentType} characters.`,
        };
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
      return { ok: false, reason: 'This value cannot be entered by hand.' };
  }
}
