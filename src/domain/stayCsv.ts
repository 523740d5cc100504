/** Trips to and from a CSV file (`entry,exit`, one trip a line): the user's own export and import of the Stay tab. */
import type { IsoDate } from './types';
import { parseIsoDate } from './calendar';
import { line, type Line } from './text';
import { checkTrips, MAX_TRIPS, sortTrips, type Trip, type TripProblem } from './stay';

export const CSV_HEADER = 'entry,exit';

/** Header, then one trip a line in chronological order; an open trip has an empty exit. */
export function tripsToCsv(trips: readonly Trip[]): string {
  return [CSV_HEADER, ...sortTrips(trips).map((t) => `${t.entry},${t.exit ?? ''}`)].join('\n') + '\n';
}

export interface CsvError {
  /** 1-based line number in the file; 0 for the file as a whole. */
  lineNo: number;
  line: Line;
}

export type CsvParse =
  { ok: true; trips: Trip[]; summary: Line } | { ok: false; errors: CsvError[]; summary: Line };

/**
 * Reads `entry,exit` CSV (ISO dates; empty exit = still there). Blank lines are skipped, spaces around values and
 * Windows line ends are ignored. Every bad line is reported, and the trips are also checked together
 * (`checkTrips`): an import with any error yields no trips at all, so nothing half-imported is ever saved.
 */
export function tripsFromCsv(text: string, today: IsoDate, makeId: (i: number) => string): CsvParse {
  const errors: CsvError[] = [];
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const firstIdx = rows.findIndex((r) => r.trim() !== '');
  const failed = (errs: CsvError[]): CsvParse => ({
    ok: false,
    errors: errs.sort((a, b) => a.lineNo - b.lineNo),
    summary: line('stay_csv_nothing_saved', []),
  });
  if (firstIdx === -1) return failed([{ lineNo: 0, line: line('stay_csv_empty', []) }]);
  const header = rows[firstIdx]!.split(',').map((s) => s.trim().toLowerCase());
  if (header.length !== 2 || header[0] !== 'entry' || header[1] !== 'exit') {
    errors.push({
      lineNo: firstIdx + 1,
      line: line('stay_csv_header', [], { line: firstIdx + 1, found: rows[firstIdx]!.trim().slice(0, 60) }),
    });
    return failed(errors);
  }
  const trips: Trip[] = [];
  const lineOf = new Map<string, number>();
  for (let i = firstIdx + 1; i < rows.length; i++) {
    const raw = rows[i]!;
    if (raw.trim() === '') continue;
    const n = i + 1;
    const cells = raw.split(',').map((s) => s.trim());
    if (cells.length !== 2) {
      errors.push({ lineNo: n, line: line('stay_csv_columns', [], { line: n, count: cells.length }) });
      continue;
    }
    const entry = parseIsoDate(cells[0]);
    const exit = cells[1] === '' ? null : parseIsoDate(cells[1]);
    if (!entry.ok)
      errors.push({ lineNo: n, line: line('stay_csv_entry', [], { line: n, reason: entry.reason }) });
    if (exit && !exit.ok)
      errors.push({ lineNo: n, line: line('stay_csv_exit', [], { line: n, reason: exit.reason }) });
    if (!entry.ok || (exit && !exit.ok)) continue;
    const id = makeId(trips.length);
    trips.push({ id, entry: entry.date, exit: exit && exit.ok ? exit.date : null });
    lineOf.set(id, n);
  }
  if (trips.length > MAX_TRIPS) {
    errors.push({
      lineNo: 0,
      line: line('stay_problem_too_many', [], { count: trips.length, max: MAX_TRIPS }),
    });
  } else if (errors.length === 0) {
    for (const p of checkTrips(trips, today)) {
      const nos = p.tripIds.map((id) => lineOf.get(id) ?? 0);
      errors.push({ lineNo: nos[0] ?? 0, line: csvProblemLine(p, nos) });
    }
  }
  return errors.length > 0
    ? failed(errors)
    : { ok: true, trips, summary: line('stay_csv_imported', [], { count: trips.length }) };
}

/** Trip problems in an imported file, named by file line rather than by trip number. */
function csvProblemLine(p: TripProblem, nos: number[]): Line {
  switch (p.kind) {
    case 'overlap':
      return line('stay_csv_overlap', [], { line: nos[0] ?? 0, other: nos[1] ?? 0 });
    case 'exit-before-entry':
      return line('stay_csv_exit_before_entry', [], { line: nos[0] ?? 0 });
    case 'open-in-future':
      return line('stay_csv_open_in_future', [], { line: nos[0] ?? 0 });
    default:
      return p.line;
  }
}
