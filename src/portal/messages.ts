/**
 * Portal messages that matter on any page of either portal: "no appointment available" (visible now: a noty toast,
 * an alert, an empty slot list) and "the date will be sent by SMS/e-mail". Hidden alerts and client templates never
 * count: only visible lines are searched (text.ts).
 */
import { findPhraseLine, hasAllGroups } from './labels';
import { NO_SLOTS, SMS_PENDING } from './phrases';
import { scrub } from './privacy';
import type { Line } from './text';

export function readNoSlots(lines: readonly Line[]): { noSlots: boolean; noSlotsText: string | null } {
  const line = findPhraseLine(lines, NO_SLOTS);
  return line ? { noSlots: true, noSlotsText: scrub(line.raw) } : { noSlots: false, noSlotsText: null };
}

export function readAppointmentPending(lines: readonly Line[]): boolean {
  return lines.some((l) => hasAllGroups(l.folded, SMS_PENDING));
}
