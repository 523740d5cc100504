/**
 * Everything the panel shows, derived from stored state and the clock in one pure function, so the rules of
 * what appears when are unit-tested without a browser (tests/unit/ui/model.test.ts).
 */
import { daysBetween, istanbulToday } from '../../domain/calendar';
import { extensionWindow, type ExtensionWindow } from '../../domain/extensionWindow';
import { nextWorkingDay, officeDay, type OfficeDay, type WorkingDay } from '../../domain/holidays';
import { currentLockout, type Lockout } from '../../domain/lockout';
import { overdue, type Overdue } from '../../domain/overdue';
import type { Line } from '../../domain/text';
import { urgency, type Urgency } from '../../domain/urgency';
import type { Appointment } from '../../portal/types';
import { conflicts, current, emptyFacts, type Observation, type PersonFacts } from '../../state/facts';
import { lockoutEvents } from '../../state/lockoutEvents';
import type { PeopleState, Person, Settings, TabReading } from '../../storage';

export interface PanelInput {
  people: PeopleState;
  facts: Record<string, PersonFacts>;
  settings: Settings;
  /** The reading of the portal tab beside the panel, else the newest from any portal tab. */
  reading: TabReading | null;
  now: Date;
}

export interface AppointmentView {
  obs: Observation<Appointment>;
  daysUntil: number | null;
  day: OfficeDay | null;
  nextWorking: WorkingDay | null;
  /** The date has passed and the user has not said whether they went. */
  askAttended: boolean;
  attended: 'yes' | 'no' | null;
  isRandevu: boolean;
}

export interface PanelModel {
  today: string;
  person: Person;
  people: Person[];
  facts: PersonFacts;
  end: Observation<string> | null;
  endConflicts: Observation<string>[];
  urgency: Urgency | null;
  window: ExtensionWindow | null;
  /** Only once the permit has expired. */
  overdue: Overdue | null;
  appointment: AppointmentView | null;
  /** The portal said the date will come by SMS/e-mail, more recently than any appointment was read. */
  appointmentPending: Observation<boolean> | null;
  lockout: Lockout | null;
  topWarning: Line | null;
  reading: TabReading | null;
}

export function panelModel(input: PanelInput): PanelModel {
  const today = istanbulToday(input.now);
  const people = input.people.people;
  const person = people.find((p) => p.id === input.people.activeId) ?? people[0]!;
  const facts = input.facts[person.id] ?? emptyFacts();
  const { bridgeDays } = input.settings;

  const end = current<string>(facts, 'permitEnd');
  const u = end ? urgency(end.value, today) : null;
  const w = end ? extensionWindow(end.value, today) : null;

  const isRandevu = (o: Observation<Appointment>) => o.portal === 'randevu';
  const apptObs = current<Appointment>(facts, 'appointment');
  let appointment: AppointmentView | null = null;
  if (apptObs?.value.date) {
    const date = apptObs.value.date;
    const day = officeDay(date, { bridgeDays, time: apptObs.value.time });
    const closed = day.status === 'closed';
    const attended = facts.attended[date] ?? null;
    appointment = {
      obs: apptObs,
      daysUntil: daysBetween(today, date),
      day,
      nextWorking: closed ? nextWorkingDay(date, { bridgeDays }) : null,
      askAttended: daysBetween(today, date) < 0 && attended === null,
      attended,
      isRandevu: isRandevu(apptObs),
    };
  }
  const pendingObs = current<boolean>(facts, 'appointmentPending');
  const appointmentPending =
    pendingObs && (!apptObs || pendingObs.lastSeen > apptObs.lastSeen) ? pendingObs : null;

  const lk = currentLockout(lockoutEvents(facts, isRandevu), today, {
    length: input.settings.lockoutDays,
    permitEnd: end?.value ?? null,
    tightDays: input.settings.lockoutWarnDays,
  });

  return {
    today,
    person,
    people,
    facts,
    end,
    endConflicts: conflicts<string>(facts, 'permitEnd'),
    urgency: u,
    window: w,
    overdue: end && u?.level === 'critical' ? overdue(end.value, today) : null,
    appointment,
    appointmentPending,
    lockout: lk,
    topWarning: lk?.topWarning ? lk.warning : null,
    reading: input.reading,
  };
}
