/**
 * randevu "Randevularım" (my appointments): the appointment that matters (next upcoming, else latest) with its
 * booking date ("Kayıt Tarihi"/"Created"), which starts the 30-day lockout.
 */
import { hasUnreadableDate, pickAppointment, readAppointmentRecords } from './appointments';
import type { Line } from './text';
import type { Appointment, ReadProblem } from './types';

export function readMyAppointments(
  lines: readonly Line[],
  now: Date,
): { appointment: Appointment | null; problems: ReadProblem[] } {
  const records = readAppointmentRecords(lines);
  // One appointment's date is written but is no real day: it may be the upcoming one, so none is picked.
  if (hasUnreadableDate(records)) return { appointment: null, problems: ['appointment-date-not-real'] };
  const appointment = pickAppointment(records, now);
  const problems: ReadProblem[] = [];
  if (records.some((r) => r.date) && !appointment) problems.push('appointment-date-unreadable');
  else if (appointment && records.some((r) => r.bookedOn) && !appointment.bookedOn)
    problems.push('booking-date-unreadable');
  return { appointment, problems };
}
