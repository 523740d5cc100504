/**
 * randevu "Randevularım" (my appointments): the appointment that matters (next upcoming, else latest) with its
 * booking date ("Kayıt Tarihi"/"Created"), which starts the 30-day lockout.
 */
import { pickAppointment, readAppointmentRecords } from './appointments';
import type { Line } from './text';
import type { Appointment } from './types';

export function readMyAppointments(
  lines: readonly Line[],
  now: Date,
): { appointment: Appointment | null; problems: string[] } {
  const records = readAppointmentRecords(lines);
  const appointment = pickAppointment(records, now);
  const problems: string[] = [];
  if (records.some((r) => r.date) && !appointment)
    problems.push("my appointments: couldn't read the appointment date");
  else if (appointment && records.some((r) => r.bookedOn) && !appointment.bookedOn)
    problems.push("my appointments: couldn't read the booking date (Kayıt Tarihi)");
  return { appointment, problems };
}
