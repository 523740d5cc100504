/**
 * randevu booking flow (hash route, content drawn by the app): which step is active, what is chosen, and on the
 * confirmation step the appointment about to be booked. The active step is the step-bar item marked active
 * (aria-current or an active/current class); "request received"/"appointment created" means done.
 */
import { pickAppointment, readAppointmentRecords, toAppointment } from './appointments';
import { findPhraseLine } from './labels';
import { BOOKING_DONE, CONFIRM_BUTTON, STEPS } from './phrases';
import { readSelection } from './selection';
import { key, type Line } from './text';
import type { Appointment, RandevuStep, ReadProblem, Selection } from './types';

const STEP_KEYS = STEPS.map((s) => ({ step: s.step, keys: new Set(s.labels.map(key)) }));
const ACTIVE_CLASS = /(?:^|[\s_-])(active|current)(?:$|[\s_-])/i;

function isActive(el: Element | null): boolean {
  // The marker may sit on the label's element or on the step item around it.
  for (let e = el, depth = 0; e && depth < 3; e = e.parentElement, depth++) {
    const cur = e.getAttribute('aria-current');
    if (cur && cur !== 'false') return true;
    const cls = e.getAttribute('class');
    if (cls && ACTIVE_CLASS.test(cls) && !/\b(is-)?(done|completed?)\b/i.test(cls)) return true;
  }
  return false;
}

export function readStep(lines: readonly Line[], pending: boolean): RandevuStep | null {
  if (pending || findPhraseLine(lines, BOOKING_DONE)) return 'done';
  for (const l of lines) {
    // "3Tarih Seçimi", "3. Tarih Seçimi": the step number may sit in front of the label.
    const k = key(l.raw).replace(/^\d+/, '');
    const s = STEP_KEYS.find((x) => x.keys.has(k));
    if (s && isActive(l.el)) return s.step;
  }
  if (findPhraseLine(lines, CONFIRM_BUTTON)) return 'confirmation';
  return null;
}

export function readBooking(
  lines: readonly Line[],
  pending: boolean,
  now: Date,
): {
  step: RandevuStep | null;
  selection: Selection | null;
  appointment: Appointment | null;
  problems: ReadProblem[];
} {
  const problems: ReadProblem[] = [];
  const step = readStep(lines, pending);
  const selection = readSelection(lines);
  let appointment: Appointment | null = null;
  if (step === 'confirmation' || step === 'done') {
    const records = readAppointmentRecords(lines);
    appointment = pickAppointment(records, now);
    // One appointment is being confirmed: two different dates on the page mean it contradicts itself.
    const dates = new Set(records.map((r) => toAppointment(r).date).filter((d) => d !== null));
    if (step === 'confirmation' && dates.size > 1) {
      problems.push('confirm-dates-several');
      appointment = null;
    } else if (step === 'confirmation' && !appointment?.date) problems.push('confirm-date-missing');
  }
  return { step, selection, appointment, problems };
}
