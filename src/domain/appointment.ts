/**
 * Appointment advice that does not depend on dates: the İstanbul/Ankara "date comes by SMS" case and what to do
 * after a missed appointment (relocation guide first, the weaker law-firm reading after it, as domain-facts asks).
 */
import { line, type Line } from './text';

/** e-ikamet assigns the date itself in İstanbul and Ankara (official e-ikamet instructions; YİMER 2018). */
export function appointmentDateBySms(): Line[] {
  return [line('appointment.date-by-sms', ['e-ikamet-instructions', 'yimer-2018'])];
}

/** Appointments are booked in the province where the residence is registered (randevu article). */
export function appointmentProvince(): Line {
  return line('appointment.province', ['randevu-article']);
}

/** After a missed appointment: both readings (guide first), then what to do. */
export function missedAppointmentAdvice(): Line[] {
  return [
    line('missed.slot-only', ['relocation-guide']),
    line('missed.never-applied', ['law-firm-missed-appointment']),
    line('missed.rebook', ['relocation-guide']),
    line('missed.emergency', ['relocation-guide']),
    line('missed.no-slots', ['relocation-guide']),
    line('missed.visit', ['relocation-guide']),
    line('missed.lawyer', ['relocation-guide']),
  ];
}
