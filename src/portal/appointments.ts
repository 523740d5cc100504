/**
 * Appointment details (type, office, date, time, booking date) from labelled values: the randevu confirmation step
 * (definition lists) and "Randevularım" (a table with a header row, read as label/value pairs per row). A page may
 * list several appointments: a record ends where a field it already has comes again.
 */
import { findDates, istanbulDate, parseDate, parseDateTime, parseTime } from './dates';
import { chosen, dateText, isLabelLine, labelAt, type Found } from './labels';
import { LABELS } from './phrases';
import { scrubOrNull } from './privacy';
import type { Line } from './text';
import type { Appointment } from './types';

// Order matters: "Kayıt Tarihi" is a booking date, not the appointment's; "Randevu Saati" before "Saat".
const FIELDS = [
  ['bookedOn', LABELS.bookedOn],
  ['date', LABELS.appointmentDate],
  ['time', LABELS.appointmentTime],
  ['type', LABELS.appointmentType],
  ['office', LABELS.office],
] as const;
type Field = (typeof FIELDS)[number][0];
export type AppointmentRecord = Partial<Record<Field, Found>>;

export function readAppointmentRecords(lines: readonly Line[]): AppointmentRecord[] {
  const records: AppointmentRecord[] = [];
  let cur: AppointmentRecord = {};
  const set = (field: Field, value: Found) => {
    if (cur[field]) {
      records.push(cur);
      cur = {};
    }
    cur[field] = value;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let consumedNext = false;
    for (const [field, labels] of FIELDS) {
      const hit = labelAt(line, labels);
      if (!hit) continue;
      if (hit.inline) {
        // "Randevu Tarihi: … Kayıt Tarihi: …" may share a line: keep looking for more fields.
        set(field, { ...hit.inline, at: i });
        continue;
      }
      const next = lines[i + 1];
      const value =
        next && !isLabelLine(next)
          ? { raw: next.raw, folded: next.folded, at: i }
          : { raw: '', folded: '', at: i };
      set(field, value);
      consumedNext = !!value.raw;
      break;
    }
    if (consumedNext) i++;
  }
  if (Object.keys(cur).length) records.push(cur);
  return records;
}

export function toAppointment(r: AppointmentRecord): Appointment {
  const dt = r.date?.raw ? parseDateTime(dateText(r.date.raw)) : null;
  return {
    date: dt?.date ?? null,
    time: dt?.time ?? (r.time?.raw ? parseTime(r.time.raw) : null),
    office: scrubOrNull(chosen(r.office ?? null)),
    type: scrubOrNull(chosen(r.type ?? null)),
    bookedOn: r.bookedOn?.raw ? parseDate(dateText(r.bookedOn.raw)) : null,
  };
}

/** Does a record write something date-shaped as its date that is no real day (31 Nisan 2027, year 2250)? */
export function hasUnreadableDate(records: readonly AppointmentRecord[]): boolean {
  return records.some((r) => {
    const hit = r.date?.raw ? findDates(dateText(r.date.raw))[0] : undefined;
    return !!hit && !hit.iso;
  });
}

/**
 * The appointment that matters among several: the next upcoming one (on Turkey's calendar), else the latest past
 * one. Records without a readable date are left out.
 */
export function pickAppointment(records: readonly AppointmentRecord[], now: Date): Appointment | null {
  const list = records.map(toAppointment).filter((a) => a.date);
  if (!list.length) return null;
  const today = istanbulDate(now);
  const upcoming = list.filter((a) => a.date! >= today).sort((a, b) => (a.date! < b.date! ? -1 : 1));
  if (upcoming.length) return upcoming[0]!;
  return list.sort((a, b) => (a.date! > b.date! ? -1 : 1))[0]!;
}
