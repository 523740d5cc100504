/**
 * Finding phrases and labelled values in visible lines (text.ts). A value belongs to a label when the label is a line
 * of its own and the value is the next line (label/value siblings, table cells, dt/dd), or when the line reads
 * "Label: value" (or "Label 12.08.2026" for dates). No DOM paths: a re-styled page still reads.
 */
import { parseDate } from './dates';
import { LABELS, PLACEHOLDERS, STEPS, type Phrase } from './phrases';
import { fold, key, norm, type Line } from './text';
import type { ReadProblem } from './types';

// ------------------------------------------------------------------------------------------------ phrases

const phraseCache = new WeakMap<object, readonly (readonly string[])[]>();

function compile(list: readonly Phrase[]): readonly (readonly string[])[] {
  let c = phraseCache.get(list);
  if (!c) {
    c = list.map((p) => (typeof p === 'string' ? [norm(p)] : p.map(norm)));
    phraseCache.set(list, c);
  }
  return c;
}

/** Does the folded text contain one of the phrases (every part of an array phrase)? */
export function hasPhrase(folded: string, list: readonly Phrase[]): boolean {
  return compile(list).some((parts) => parts.every((p) => folded.includes(p)));
}

/** The first line containing one of the phrases. */
export function findPhraseLine(lines: readonly Line[], list: readonly Phrase[]): Line | null {
  for (const l of lines) if (hasPhrase(l.folded, list)) return l;
  return null;
}

/** Does the folded text contain a word of every group? */
export function hasAllGroups(folded: string, groups: Record<string, readonly string[]>): boolean {
  return Object.values(groups).every((g) => compile(g).some(([p]) => folded.includes(p!)));
}

// ------------------------------------------------------------------------------------------------ labels

export interface Found {
  /** The value's visible text (a slice of the line, or the next line). */
  raw: string;
  folded: string;
  /** Index of the label's line. */
  at: number;
}

const labelCache = new WeakMap<object, { start: RegExp; inside: RegExp }>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternatives(labels: readonly string[]): string {
  return labels
    .map((l) =>
      norm(l)
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .map(escape)
        .join('[^a-z0-9]*'),
    )
    .sort((a, b) => b.length - a.length)
    .join('|');
}

/**
 * Two regexes per label list, on folded lines:
 *   start: the line begins with the label; group 1 = value after "Label:", group 2 = value after "Label " when it
 *          starts with a digit; neither = the line is the label alone (its value is the next line);
 *   inside: "... Label: value" later in a line (several label/value pairs written inline).
 */
function labelRegex(labels: readonly string[]): { start: RegExp; inside: RegExp } {
  let re = labelCache.get(labels);
  if (!re) {
    const alts = alternatives(labels);
    re = {
      start: new RegExp(`^[^a-z0-9]*(?:${alts})(?![a-z0-9])[\\s*]*(?::\\s*(.*)|\\s(\\d.*)|)$`),
      inside: new RegExp(`(?<![a-z0-9])(?:${alts})(?![a-z0-9])[\\s*]*:\\s*(.*)$`),
    };
    labelCache.set(labels, re);
  }
  return re;
}

let allLabelKeys: Set<string> | null = null;
let anyLabelColon: RegExp | null = null;

function allLabels(): string[] {
  const out: string[] = [];
  for (const list of Object.values(LABELS)) out.push(...list);
  for (const s of STEPS) out.push(...s.labels);
  return out;
}

/** Is this line one of the known labels on its own ("Randevu Tarihi", "Kayıt Tarihi:")? */
export function isLabelLine(line: Pick<Line, 'raw'>): boolean {
  allLabelKeys ??= new Set(allLabels().map(key));
  return allLabelKeys.has(key(line.raw));
}

/**
 * Lines whose label and value are sibling elements with no whitespace between them
 * (`<span class="key">Randevu Tarihi</span><span class="val">17 Aralık 2026 Perşembe</span>`, portal-notes.md
 * "Added 2026-12") are split where a known label's element ends or begins, so the label stands alone and its value
 * is the next line, as in a definition list. Text split across elements inside a word or phrase ("<b>İ</b>stanbul")
 * is left joined: only a piece that is a whole label on its own cuts.
 */
export function splitGluedLabels(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (!l.cuts?.length) {
      out.push(l);
      continue;
    }
    const bounds = [0, ...l.cuts, l.raw.length];
    const label = bounds.slice(1).map((end, i) => isLabelLine({ raw: l.raw.slice(bounds[i], end) }));
    let from = 0;
    const piece = (to: number) => {
      const raw = l.raw.slice(from, to).trim();
      if (raw) out.push({ raw, folded: fold(raw), el: l.el });
      from = to;
    };
    l.cuts.forEach((cut, i) => {
      if (label[i] || label[i + 1]) piece(cut);
    });
    piece(l.raw.length);
  }
  return out;
}

/** Where the next "Label:" starts in an inline value, so one value doesn't run into the next field's. */
function nextLabelAt(folded: string): number {
  anyLabelColon ??= new RegExp(`(?:^|[^a-z0-9])(?:${alternatives(allLabels())})(?![a-z0-9])[\\s*]*:`);
  const m = anyLabelColon.exec(folded);
  return m ? m.index : -1;
}

/** Does this line carry one of the labels (alone, or with its value inline)? */
export function labelAt(
  line: Pick<Line, 'raw' | 'folded'>,
  labels: readonly string[],
): { inline: Found | null } | null {
  const re = labelRegex(labels);
  const m = re.start.exec(line.folded) ?? re.inside.exec(line.folded);
  if (!m) return null;
  const v = m[1] ?? m[2];
  if (v === undefined || v.trim() === '') return { inline: null };
  const start = line.folded.length - v.length;
  const cut = nextLabelAt(v);
  const end = cut >= 0 ? start + cut : line.folded.length;
  const raw = line.raw.slice(start, end).trim();
  if (!raw) return { inline: null };
  return { inline: { raw, folded: line.folded.slice(start, end).trim(), at: -1 } };
}

/** Every value given for one of the labels, in document order. */
export function findAll(lines: readonly Line[], labels: readonly string[]): Found[] {
  const out: Found[] = [];
  for (let i = 0; i < lines.length; i++) {
    const hit = labelAt(lines[i]!, labels);
    if (!hit) continue;
    if (hit.inline) {
      out.push({ ...hit.inline, at: i });
      continue;
    }
    const next = lines[i + 1];
    if (next && !isLabelLine(next)) out.push({ raw: next.raw, folded: next.folded, at: i });
    else out.push({ raw: '', folded: '', at: i });
  }
  return out;
}

/** The first value for one of the labels ('' when the label is there with no value), or null without the label. */
export function findFirst(lines: readonly Line[], labels: readonly string[]): Found | null {
  return findAll(lines, labels)[0] ?? null;
}

const placeholderKeys = new Set(PLACEHOLDERS.map(key));

/** A chosen value, or null for empty/placeholder ("Seçiniz", "Select"). */
export function chosen(f: Found | null): string | null {
  if (!f) return null;
  const v = f.raw.trim();
  if (!v || placeholderKeys.has(key(v)) || key(v) === '') return null;
  return v;
}

/** The problems to report for one labelled date: its value is no date, or the label comes twice with other dates. */
export interface DateProblems {
  unreadable: ReadProblem;
  twice: ReadProblem;
}

/**
 * The date after one of the labels. A label whose value isn't a real date adds a problem and gives null, and so
 * does the label given twice with different dates: never a wrong date.
 */
export function findParsedDate(
  lines: readonly Line[],
  labels: readonly string[],
  problems: ReadProblem[],
  codes: DateProblems,
): string | null {
  const [f, ...others] = findAll(lines, labels);
  if (!f) return null;
  const d = f.raw ? parseDate(dateText(f.raw)) : null;
  if (!d) {
    problems.push(codes.unreadable);
    return null;
  }
  for (const o of others) {
    const od = o.raw ? parseDate(dateText(o.raw)) : null;
    if (od && od !== d) {
      problems.push(codes.twice);
      return null;
    }
  }
  return d;
}

/**
 * A date value ends where another "Label:" begins, known or not ("Bitiş Tarihi: Başvuru Tarihi: 01.10.2026" has no
 * end date). Times ("14:45") are not labels.
 */
export function dateText(raw: string): string {
  const m = /\p{L}+\s*:(?!\d)/u.exec(raw);
  return m ? raw.slice(0, m.index) : raw;
}
