/**
 * The randevu lockout's events for one person, from what is stored: each confirmed randevu appointment (from its
 * booking date, or the day it was first seen), and each one the user said they missed. The panel and the reminders
 * both count the lockout from these.
 */
import { istanbulToday } from '../domain/calendar';
import type { LockoutEvent } from '../domain/lockout';
import type { Appointment } from '../domain/types';
import type { Observation, PersonFacts } from './facts';

export function lockoutEvents(
  facts: PersonFacts,
  isRandevu: (o: Observation<Appointment>) => boolean,
): LockoutEvent[] {
  const events: LockoutEvent[] = [];
  for (const o of facts.appointment) {
    if (!isRandevu(o) || !o.value.date) continue;
    events.push({
      kind: 'confirmed',
      bookedOn: o.value.bookedOn,
      firstSeen: istanbulToday(new Date(o.firstSeen)),
    });
    if (facts.attended[o.value.date] === 'no') events.push({ kind: 'missed', appointmentDate: o.value.date });
  }
  return events;
}
