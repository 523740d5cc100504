/**
 * Portal messages that matter on any page of either portal: "no appointment available" (visible now: a noty toast,
 * an alert, an empty slot list) and "the date will be sent by SMS/e-mail". Hidden alerts and client templates never
 * count: only visible lines are searched (text.ts). Buttons, links and help text never count either: "Randevu Al",
 * "If no appointment is available, try again later" are not the portal's answer.
 *
 * "No appointment" is matched two ways: the listed phrasings (phrases.ts NO_SLOTS), and by meaning, for wordings
 * nobody has listed (an availability word, an appointment word and a negation close together: NO_SLOTS_MEANING).
 */
import { hasAllGroups, hasPhrase } from './labels';
import {
  HELP_TEXT_WORDS,
  NO_SLOTS,
  NO_SLOTS_MEANING,
  NO_SLOTS_SPAN,
  NOT_A_MESSAGE,
  SMS_PENDING,
} from './phrases';
import { scrub } from './privacy';
import type { Line } from './text';

const HELP = new Set(HELP_TEXT_WORDS);
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const NEGATION = new Set<string>(NO_SLOTS_MEANING.negation);

/** Folded words: letters and digits, an apostrophe kept inside ("isn't", "ptt'ye"). */
function words(folded: string): string[] {
  return folded.match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? [];
}

const stemOf = (stems: readonly string[]) => (w: string) => stems.some((s) => w.startsWith(s));
const isAvailable = stemOf(NO_SLOTS_MEANING.available);
const isAppointment = stemOf(NO_SLOTS_MEANING.appointment);
const isNegation = (w: string) => NEGATION.has(w) || w.endsWith("n't");

/**
 * An availability word, an appointment word and a negation within NO_SLOTS_SPAN words of each other, in one
 * sentence ("Choose an available date; you cannot change it later" says no such thing).
 */
export function saysNoSlots(folded: string): boolean {
  // Under a bidi override or isolate the words may not show in the order they are stored (as for dates).
  if (BIDI_CONTROL.test(folded)) return false;
  return folded.split(/[.;!?]+(?!\d)/).some(clauseSaysNoSlots);
}

function clauseSaysNoSlots(clause: string): boolean {
  const ws = words(clause);
  const last = { available: -Infinity, appointment: -Infinity, negation: -Infinity };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (isAvailable(w)) last.available = i;
    if (isAppointment(w)) last.appointment = i;
    if (isNegation(w)) last.negation = i;
    if (i - Math.min(last.available, last.appointment, last.negation) <= NO_SLOTS_SPAN) return true;
  }
  return false;
}

/** Help text, a question, or the text of a button or link: never the portal's answer. */
function isMessageLine(l: Line): boolean {
  if (l.raw.includes('?')) return false;
  if (words(l.folded).some((w) => HELP.has(w))) return false;
  return !l.el.closest?.(NOT_A_MESSAGE);
}

export function readNoSlots(lines: readonly Line[]): { noSlots: boolean; noSlotsText: string | null } {
  const line =
    lines.find((l) => hasPhrase(l.folded, NO_SLOTS) && isMessageLine(l)) ??
    lines.find((l) => saysNoSlots(l.folded) && isMessageLine(l));
  return line ? { noSlots: true, noSlotsText: scrub(line.raw) } : { noSlots: false, noSlotsText: null };
}

export function readAppointmentPending(lines: readonly Line[]): boolean {
  return lines.some((l) => hasAllGroups(l.folded, SMS_PENDING));
}
