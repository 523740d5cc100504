/**
 * Last line of defence for free text that goes into a reading (status text, messages, list items): personal
 * identifiers are cut out. Readers only take labelled, non-personal values in the first place; this catches a
 * message that happens to quote the user's e-mail, phone, passport or application number. Names can't be recognised
 * in general, which is why readers never take text from name fields.
 */
const PATTERNS: readonly RegExp[] = [
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail
  /\b\d{4}-\d{2}-\d{7}\b/g, // e-ikamet application number (SEEN format)
  /\b[A-Z]{2}\d{9}[A-Z]{2}\b/g, // postal (PTT) barcode
  /\b[A-Z]{1,3}\d{6,9}\b/g, // passport / document numbers
  /\+?\(?\d[\d ()-]{8,}\d/g, // phone numbers, ID numbers: long digit runs (dates and times have dots/colons)
];

export function scrub(text: string): string {
  let s = text;
  for (const re of PATTERNS) s = s.replace(re, '…');
  return s;
}

export function scrubOrNull(text: string | null | undefined): string | null {
  return text ? scrub(text) : null;
}
