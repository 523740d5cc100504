/** Student residence permit (domain facts, "Documents"): the common documents plus the student certificate. */
import { line, type Line } from '../text';
import { item } from './item';
import type { ChecklistItem } from './types';

export const STUDENT_ITEMS: readonly ChecklistItem[] = [
  item({
    id: 'student-certificate',
    type: 'document',
    title: 'doc_student_certificate_title',
    explain: 'doc_student_certificate_explain',
    sources: ['dgmm-document-lists'],
    appliesTo: {},
    keywords: ['ogrenci belgesi', 'ogrenim belgesi', 'student certificate', 'certificate of student'],
  }),
];

/** ⚠ in the facts file on top of the list's own caveat: "possibly fee-exempt except card fee". */
export function studentNotices(): Line[] {
  return [line('checklist_student_fee_exempt', ['dgmm-document-lists'], undefined, true)];
}
