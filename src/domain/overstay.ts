/**
 * What an overstay means (domain-facts, "Overstay": the guide on overstaying (2015) and the DGMM statement of
 * 09.06.2020; Law 6458 Art. 9 and 54(1)), from the number of days over a permit or a visa / visa exemption.
 *
 * Days over: the days from the first day over (the day after the last lawful day) up to and including today, so
 * `daysOver = today − last lawful day`, as `overdue` counts them for a permit.
 *
 * Entry-ban table (DGMM 2020, voluntary exit with the fines paid): under 3 months → none; 3–6 months → 1 month;
 * 6–12 months → 3 months; 1–2 years → 1 year; 2–3 years → 2 years; over 3 years → 5 years.
 * How the edges are counted (the statement does not say; this is our choice, tested in overstay.test.ts):
 * - lengths are calendar months / years from the first day over, with date-fns `addMonths` / `addYears` (a day
 *   that does not exist in the target month becomes that month's last day: 31 Jan + 1 month = 28/29 Feb);
 * - an overstay has lasted n months on the day before `addMonths(firstDayOver, n)`: with a first day over of
 *   10 Jan, 10 Jan–9 Apr is exactly 3 months, so 9 Apr is the first day of the "3–6 months" row;
 * - each row includes its lower bound ("3–6 months" starts at exactly 3 months; exactly 3 years is already
 *   "over 3 years"): when in doubt, the user is warned one day early rather than one day late.
 */
import { addMonths, addYears } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { IsoDate } from './types';
import { addDays, parseIsoDate } from './calendar';
import { overdue, type Overdue } from './overdue';
import { collectSources, type SourceId } from './sources';
import { line, type Line, type TextId } from './text';

export type OverstayKind = 'permit' | 'visa';

export type BanBand =
  'under-3-months' | '3-6-months' | '6-12-months' | '1-2-years' | '2-3-years' | 'over-3-years';

/** DGMM statement of 09.06.2020: rows by the overstay's length (lower bound), with the ban they give. */
export const BAN_TABLE: readonly {
  band: BanBand;
  /** Lower bound of the row, in months or years from the first day over. */
  after: { months: number } | { years: number };
  /** The ban, for sorting and tests. */
  ban: { months: number } | { years: number } | null;
  text: TextId;
}[] = [
  { band: 'under-3-months', after: { months: 0 }, ban: null, text: 'overstay_band_under_3_months' },
  { band: '3-6-months', after: { months: 3 }, ban: { months: 1 }, text: 'overstay_band_3_6_months' },
  { band: '6-12-months', after: { months: 6 }, ban: { months: 3 }, text: 'overstay_band_6_12_months' },
  { band: '1-2-years', after: { years: 1 }, ban: { years: 1 }, text: 'overstay_band_1_2_years' },
  { band: '2-3-years', after: { years: 2 }, ban: { years: 2 }, text: 'overstay_band_2_3_years' },
  { band: 'over-3-years', after: { years: 3 }, ban: { years: 5 }, text: 'overstay_band_over_3_years' },
];

const TABLE_SOURCES: readonly SourceId[] = ['dgmm-2020-statement'];
const FEE_SOURCES: readonly SourceId[] = ['dgmm-2020-statement', 'overstay-guide-2015'];

/** Calendar shift on an IsoDate, through a UTC date so no local zone can move the day. */
function shift(iso: IsoDate, by: { months: number } | { years: number }): IsoDate {
  const p = parseIsoDate(iso);
  if (!p.ok) throw new RangeError(`Invalid IsoDate ${JSON.stringify(iso)}: ${p.reason}`);
  const d = new TZDate(p.year, p.month - 1, p.day, 'UTC');
  const r = 'months' in by ? addMonths(d, by.months) : addYears(d, by.years);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(r.getFullYear(), 4)}-${pad(r.getMonth() + 1)}-${pad(r.getDate())}`;
}

/** The first day on which an overstay that began on `firstDayOver` falls in `band`'s row. */
export function bandStartsOn(firstDayOver: IsoDate, band: BanBand): IsoDate {
  const row = BAN_TABLE.find((r) => r.band === band)!;
  if ('months' in row.after && row.after.months === 0) return firstDayOver;
  return addDays(shift(firstDayOver, row.after), -1);
}

/** The row an overstay from `firstDayOver` to `today` (both included) falls in. */
export function banBand(firstDayOver: IsoDate, today: IsoDate): BanBand {
  let band: BanBand = 'under-3-months';
  for (const row of BAN_TABLE) if (bandStartsOn(firstDayOver, row.band) <= today) band = row.band;
  return band;
}

export interface Overstay {
  kind: OverstayKind;
  daysOver: number;
  lastLawfulDay: IsoDate;
  firstDayOver: IsoDate;
  /** The 10-day rules (late applications, deportation ground), as the deadline engine computes them. */
  tenDays: Pick<
    Overdue,
    'lateApplicationUntil' | 'withinLateAcceptance' | 'deportationGroundFrom' | 'deportationGround'
  >;
  band: BanBand;
  /** The row the overstay is in today: its line is what the card shows as the ban. */
  ban: Line;
  /** The next row and the day it starts, if there is one. */
  next: { band: BanBand; from: IsoDate } | null;
  /** "If you leave now of your own accord and pay the fines:", shown before `ban`. */
  banIntro: Line;
  /** The table's heading, citing the DGMM statement. */
  tableIntro: Line;
  /** The whole DGMM 2020 table, with the day each row starts for this overstay. */
  table: { band: BanBand; from: IsoDate; current: boolean; line: Line; fromLine: Line }[];
  /** What the overstay means: days over, the 10-day deportation ground, fees and fines. */
  consequences: Line[];
  /** Shown after the ban table: the older 2015 wording, unpaid fines, the 5-year cap, the amendment. */
  banNotes: Line[];
  /** What you can do now. */
  now: Line[];
  sources: SourceId[];
}

/**
 * The consequences of `daysOver` days over a permit or a visa / visa exemption, as of `today`; null when not
 * over (daysOver ≤ 0).
 */
export function overstay(input: { kind: OverstayKind; daysOver: number }, today: IsoDate): Overstay | null {
  const { kind, daysOver } = input;
  if (!Number.isInteger(daysOver)) throw new RangeError(`daysOver must be a whole number, got ${daysOver}`);
  if (daysOver <= 0) return null;
  const lastLawfulDay = addDays(today, -daysOver);
  const firstDayOver = addDays(lastLawfulDay, 1);
  // Reuse the deadline engine's 10-day rules: they are the same for a permit, a visa and an exemption
  // (Art. 54(1); implementing regulation ⚠).
  const o = overdue(lastLawfulDay, today);
  const band = banBand(firstDayOver, today);
  const table = BAN_TABLE.map((row) => ({
    band: row.band,
    from: bandStartsOn(firstDayOver, row.band),
    current: row.band === band,
    line: line(row.text, TABLE_SOURCES),
    fromLine: line('overstay_ban_row_from', [], { date: bandStartsOn(firstDayOver, row.band) }),
  }));
  const idx = table.findIndex((r) => r.current);
  const nextRow = table[idx + 1];
  const next = nextRow ? { band: nextRow.band, from: nextRow.from } : null;

  const consequences: Line[] = [
    kind === 'permit'
      ? line('overstay_days_over_permit', [], { daysOver, lastDay: lastLawfulDay })
      : line('overstay_days_over_visa', ['council-of-ministers-2011-2306'], {
          daysOver,
          firstDay: firstDayOver,
        }),
    o.deportationGround
      ? line('overstay_deportation_ground', ['law-6458-54-1'])
      : line('overstay_deportation_ground_from', ['law-6458-54-1'], { groundFrom: o.deportationGroundFrom }),
    line('overstay_fee', FEE_SOURCES),
    line('overstay_fines_by_nationality', FEE_SOURCES),
  ];
  const banNotes: Line[] = [
    line('overstay_ban_older_2015', ['overstay-guide-2015', 'dgmm-2020-statement']),
    line('overstay_unpaid_fines', ['overstay-guide-2015', 'law-6458-9-3']),
    line('overstay_ban_max', ['law-6458-9-3']),
    line('overstay_amendment', ['law-6458-9-amendment']),
  ];

  const now: Line[] = [line('overstay_now_pay_at_exit', FEE_SOURCES)];
  if (o.withinLateAcceptance) {
    now.push(
      line('overstay_now_apply_before', ['implementing-regulation', 'e-ikamet-instructions'], {
        acceptedUntil: o.lateApplicationUntil,
      }),
    );
  }
  now.push(line('overstay_now_leave_before_detection', ['law-6458-9-4', 'overstay-guide-2015']));
  if (next) now.push(line('overstay_now_next_row', TABLE_SOURCES, { date: next.from }));
  now.push(line('overstay_now_lawyer', ['relocation-guide']));

  const ban = table[idx]!.line;
  return {
    kind,
    daysOver,
    lastLawfulDay,
    firstDayOver,
    tenDays: {
      lateApplicationUntil: o.lateApplicationUntil,
      withinLateAcceptance: o.withinLateAcceptance,
      deportationGroundFrom: o.deportationGroundFrom,
      deportationGround: o.deportationGround,
    },
    band,
    banIntro: line('overstay_ban_current_intro', []),
    tableIntro: line('overstay_ban_table_intro', TABLE_SOURCES),
    ban,
    next,
    table,
    consequences,
    banNotes,
    now,
    sources: collectSources([...consequences, ...banNotes, ...now, ...table.map((r) => r.line)]),
  };
}

/** Fed by the deadline engine: the overstay after a permit's end date, or null while the permit is valid. */
export function overstayFromPermit(permitEnd: IsoDate, today: IsoDate): Overstay | null {
  const o = overdue(permitEnd, today);
  return o.expired ? overstay({ kind: 'permit', daysOver: o.daysOver }, today) : null;
}
