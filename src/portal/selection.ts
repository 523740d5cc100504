/**
 * What is chosen on a booking page: province, office, appointment type. The visible text of the widget is read
 * (Kendo: span.k-input beside the hidden input; randevu: a custom dropdown's text or a <select>'s chosen option),
 * found by its label. Placeholders ("Seçiniz", "Select") count as nothing chosen.
 */
import { chosen, findFirst } from './labels';
import { LABELS } from './phrases';
import { scrubOrNull } from './privacy';
import type { Line } from './text';
import type { Selection } from './types';

export function readSelection(lines: readonly Line[]): Selection | null {
  const province = scrubOrNull(chosen(findFirst(lines, LABELS.province)));
  const office = scrubOrNull(chosen(findFirst(lines, LABELS.office)));
  const type = scrubOrNull(chosen(findFirst(lines, LABELS.appointmentType)));
  return province || office || type ? { province, office, type } : null;
}
