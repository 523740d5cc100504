/**
 * Appointment advice that does not depend on dates: the İstanbul/Ankara "date comes by SMS" case and what to do
 * after a missed appointment (relocation guide first, the weaker law-firm reading after it, as domain-facts asks).
 */
import { line, type Line } from './text';

/** e-ikamet assigns the date itself in İstanbul and Ankara (official e-ikamet instructions; YİMER 2018). */
export function appointmentDateBySms(): Line[] {
  return [line('appointment_date_by_sms', ['e-ikamet-instructions', 'yimer-2018'])];
}

/** Appointments are booked in the province where the residence is registered (randevu article). */
export function appointmentProvince(): Line {
  return line('appointment_province', ['randevu-article']);
}

/** After a missed appointment: both readings (guide first), then what to do. */
export function missedAppointmentAdvice(): Line[] {
  return [
    line('missed_slot_only', ['relocation-guide']),
    line('missed_never_applied', ['law-firm-missed-appointment']),
    line('missed_rebook', ['relocation-guide']),
    line('missed_emergency', ['relocation-guide']),
    line('missed_no_slots', ['relocation-guide']),
    line('missed_visit', ['relocation-guide']),
    line('missed_lawyer', ['relocation-guide']),
  ];
}
