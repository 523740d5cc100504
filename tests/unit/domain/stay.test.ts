import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/calendar';
import {
  checkTrips,
  currentStay,
  daysUsed,
  fullAllowanceFrom,
  maxStayIfEnteringOn,
  planLine,
  readTripDates,
  stayReport,
  tripsOver,
  type Allowance,
  type Trip,
} from '../../../src/domain/stay';
import { tripsFromCsv, tripsToCsv } from '../../../src/domain/stayCsv';
import { renderEn } from '../../../src/domain/text';

let seq = 0;
const trip = (entry: string, exit: string | null, id = `t${++seq}`): Trip => ({ id, entry, exit });
const ids = (i: number) => `c${i + 1}`;

const D = '2026-06-30';

describe('daysUsed: the window and how days count', () => {
  it('counts the entry and the exit day', () => {
    expect(daysUsed([trip('2026-06-01', '2026-06-01')], D)).toBe(1);
    expect(daysUsed([trip('2026-06-01', '2026-06-10')], D)).toBe(10);
  });

  it('the window ending on D is [D−179, D]: D−179 is in, D−180 is out', () => {
    const edge = addDays(D, -179);
    expect(daysUsed([trip(edge, edge)], D)).toBe(1);
    expect(daysUsed([trip(addDays(D, -180), addDays(D, -180))], D)).toBe(0);
    // a trip straddling the edge counts only its days inside
    expect(daysUsed([trip(addDays(D, -185), addDays(D, -175))], D)).toBe(5);
    // a trip after D counts nothing yet
    expect(daysUsed([trip(addDays(D, 1), addDays(D, 5))], D)).toBe(0);
    expect(daysUsed([trip(addDays(D, -2), addDays(D, 5))], D)).toBe(3);
  });

  it('an open trip counts up to today (or up to the date asked, when no today is given)', () => {
    const open = [trip('2026-06-21', null)];
    expect(daysUsed(open, D, D)).toBe(10);
    expect(daysUsed(open, '2026-07-10', D)).toBe(10);
    expect(daysUsed(open, '2026-07-10')).toBe(20);
    expect(daysUsed(open, '2026-06-25', D)).toBe(5);
  });

  it('a day shared by the exit of one trip and the entry of the next counts once', () => {
    expect(daysUsed([trip('2026-06-01', '2026-06-05'), trip('2026-06-05', '2026-06-07')], D)).toBe(7);
  });

  it('never exceeds 180, even on a very long stay', () => {
    expect(daysUsed([trip('2020-01-01', '2026-12-31')], D)).toBe(180);
  });
});

describe('days 90 and 91, latest exit, days left', () => {
  const entry = '2026-01-01';
  it('day 90 of a stay is the last allowed day; day 91 is over', () => {
    const today = addDays(entry, 89); // day 90
    const open = [trip(entry, null, 'a')];
    expect(daysUsed(open, today, today)).toBe(90);
    expect(currentStay(open, 90, today)).toEqual({
      tripId: 'a',
      latestExit: today,
      overSince: null,
      daysOver: 0,
      excessDays: 0,
    });
    const r = stayReport(open, 90, today).result!;
    expect(r.daysLeft).toBe(0);
    expect(r.inCountry).toBe(true);

    const day91 = addDays(entry, 90);
    expect(daysUsed(open, day91, day91)).toBe(91);
    expect(currentStay(open, 90, day91)).toEqual({
      tripId: 'a',
      latestExit: null,
      overSince: day91,
      daysOver: 1,
      excessDays: 1,
    });
  });

  it('the first day: latest exit is day 90, 89 days left after today', () => {
    const s = currentStay([trip(entry, null)], 90, entry)!;
    expect(s.latestExit).toBe(addDays(entry, 89));
    expect(stayReport([trip(entry, null)], 90, entry).result!.daysLeft).toBe(89);
  });

  it.each([60, 30] as const)(
    'with a %i-day allowance the last day is that day of the stay',
    (a: Allowance) => {
      const s = currentStay([trip(entry, null)], a, entry)!;
      expect(s.latestExit).toBe(addDays(entry, a - 1));
      expect(currentStay([trip(entry, null)], a, addDays(entry, a))!.daysOver).toBe(1);
    },
  );

  it('no current stay when not in the country; a trip with a planned exit is current until it', () => {
    expect(currentStay([trip('2026-01-01', '2026-01-10')], 90, '2026-01-11')).toBeNull();
    const planned = trip('2026-01-01', '2026-02-10', 'p');
    expect(currentStay([planned], 90, '2026-01-20')!.latestExit).toBe('2026-03-31');
  });
});

describe('planner and full allowance', () => {
  it('with no trips: the full allowance, from today', () => {
    expect(maxStayIfEnteringOn([], '2026-05-01')).toEqual({
      kind: 'ok',
      entry: '2026-05-01',
      days: 90,
      lastDay: '2026-07-29',
    });
    expect(fullAllowanceFrom([], 90, D)).toBe(D);
  });

  it('90 days used: re-entering the day after gives nothing; 180 days after the first day, a full stay', () => {
    const t = [trip('2026-01-01', '2026-03-31')]; // 90 days
    expect(maxStayIfEnteringOn(t, '2026-04-01')).toEqual({ kind: 'none', entry: '2026-04-01', days: 0 });
    // 180 days after 1 Jan (30 Jun) the window no longer holds 1 Jan: one day, and then one more each day
    expect(maxStayIfEnteringOn(t, '2026-06-30')).toMatchObject({ kind: 'ok', days: 90 });
    expect(maxStayIfEnteringOn(t, '2026-06-29')).toMatchObject({ kind: 'none' });
    expect(fullAllowanceFrom(t, 90, '2026-04-01')).toBe('2026-06-30');
  });

  it('one short trip long ago does not block a full stay much earlier than 180 days after it', () => {
    const t = [trip('2026-01-01', '2026-01-01')];
    // entering on 1 Apr (day 91): the window ending 29 Jun still holds 1 Jan: 1 + 90 = 91 > 90
    expect(maxStayIfEnteringOn(t, '2026-04-01')).toMatchObject({ days: 89 });
    // entering on 2 Apr: the window ending 30 Jun no longer holds 1 Jan
    expect(maxStayIfEnteringOn(t, '2026-04-02')).toMatchObject({ days: 90 });
    expect(fullAllowanceFrom(t, 90, '2026-01-02')).toBe('2026-04-02');
  });

  it('an entry date inside a trip is refused, naming the trip', () => {
    const t = [trip('2026-01-01', '2026-01-10', 'x')];
    const p = maxStayIfEnteringOn(t, '2026-01-05');
    expect(p).toEqual({ kind: 'inside-trip', entry: '2026-01-05', tripId: 'x' });
    expect(renderEn(planLine(p, t))).toBe(
      '5 Jan 2026 falls within trip 1: pick a day when you are not already in Turkey.',
    );
  });

  it('an open trip is taken to end today for the planner and the full allowance', () => {
    const t = [trip('2026-06-01', null)];
    expect(fullAllowanceFrom(t, 90, D)).toBe(fullAllowanceFrom([trip('2026-06-01', D)], 90, D));
    expect(maxStayIfEnteringOn(t, '2026-07-01', 90, D)).toEqual(
      maxStayIfEnteringOn([trip('2026-06-01', D)], '2026-07-01', 90, D),
    );
  });
});

/**
 * Worked examples from the Swiss State Secretariat for Migration's guide to the EU short-stay calculator
 * (sem.admin.ch, "Aufenthaltsrechner", examples 1–6, last modified 01.12.2014). The EU rule counts as we do:
 * entry and exit days included, a 180-day period ending on the control date. Example 3 is left out: its dates are
 * garbled on the published page (exits before entries), so its answer cannot be reproduced honestly.
 */
describe('worked examples (SEM guide to the short-stay calculator)', () => {
  it('example 1: 15.08.2014–30.09.2014 is 47 days; re-entering on 01.01.2015 allows 90 days', () => {
    const t = [trip('2014-08-15', '2014-09-30')];
    expect(daysUsed(t, '2014-09-30')).toBe(47);
    expect(maxStayIfEnteringOn(t, '2015-01-01')).toMatchObject({ kind: 'ok', days: 90 });
  });

  it('example 2: two stays, checked at exit on 30.11.2014, legal; a stay was possible until 13.12.2014', () => {
    // Assumption: "could have stayed until" = the latest exit of the current stay, checked on its last day.
    const t = [trip('2014-08-15', '2014-09-30'), trip('2014-11-01', '2014-11-30')];
    const r = stayReport(t, 90, '2014-11-30').result!;
    expect(r.daysUsed).toBe(77);
    expect(r.current?.latestExit).toBe('2014-12-13');
    expect(r.over).toEqual([]);
  });

  it('example 4: three stays; at exit on 30.01.2014 legal, could have stayed until 31.03.2014', () => {
    const t = [
      trip('2013-06-01', '2013-07-13'),
      trip('2013-08-15', '2013-09-30'),
      trip('2014-01-01', '2014-01-30'),
    ];
    // the June/July stay is outside the 180 days ending 30.01.2014 (from 04.08.2013)
    expect(daysUsed(t, '2014-01-30')).toBe(77);
    expect(currentStay(t, 90, '2014-01-30')!.latestExit).toBe('2014-03-31');
  });

  it('example 5: an overstay of 9 days at exit on 09.06.2014; re-entry on 30.08.2014 allows 50 days', () => {
    const t = [
      trip('2013-09-01', '2013-09-30'),
      trip('2014-02-21', '2014-04-20'),
      trip('2014-05-01', '2014-06-09'),
    ];
    const s = currentStay(t, 90, '2014-06-09')!;
    expect(s.excessDays).toBe(9);
    expect(s.daysOver).toBe(9);
    expect(s.overSince).toBe('2014-06-01');
    // SEM has to delete the earlier stays by hand for this answer; here only days before the entry are counted.
    expect(maxStayIfEnteringOn(t, '2014-08-30', 90, '2014-08-30')).toEqual({
      kind: 'ok',
      entry: '2014-08-30',
      days: 50,
      lastDay: '2014-10-18',
    });
  });

  it('example 6: a long overstay, 19.09.2013 to exit on 01.03.2014: 74 days over in 03.09.2013–01.03.2014', () => {
    // Assumption: the first stay (ending 09.08.2013) is left out, as the guide itself advises.
    const t = [trip('2013-09-19', '2014-03-01')];
    expect(addDays('2014-03-01', -179)).toBe('2013-09-03');
    const s = currentStay(t, 90, '2014-03-01')!;
    expect(s.excessDays).toBe(74);
    expect(s.daysOver).toBe(74);
  });
});

describe('days over: counted from the first day over, never less than the excess in the window', () => {
  it('an earlier stay makes the overstay start earlier than used − 90 suggests', () => {
    const t = [trip('2013-07-15', '2013-08-09'), trip('2013-09-19', '2014-03-01')];
    const s = currentStay(t, 90, '2014-03-01')!;
    expect(s.overSince).toBe('2013-11-22');
    expect(s.daysOver).toBe(daysBetween('2013-11-22', '2014-03-01') + 1);
    expect(s.daysOver).toBeGreaterThanOrEqual(s.excessDays);
  });

  it('a past trip that went over is reported with its first day over', () => {
    const t = [trip('2025-01-01', '2025-04-10', 'old')];
    expect(tripsOver(t, 90, D)).toEqual([{ tripId: 'old', from: '2025-04-01' }]);
    const lines = stayReport(t, 90, D).result!.lines.map((l) => renderEn(l));
    expect(lines).toContain('Trip 1: from 1 Apr 2025 the days in the 180-day period are more than 90.');
  });

  it('a planned exit past the latest exit is flagged on the current trip', () => {
    const t = [trip('2026-06-01', '2026-09-30', 'cur')];
    const r = stayReport(t, 90, D).result!;
    expect(r.current?.latestExit).toBe('2026-08-29');
    expect(r.over).toEqual([{ tripId: 'cur', from: '2026-08-30' }]);
  });
});

describe('problems are reported, not fixed', () => {
  it('exit before entry, naming the trip', () => {
    const t = [trip('2026-01-01', '2026-01-05', 'a'), trip('2026-02-10', '2026-02-01', 'b')];
    const p = checkTrips(t, D);
    expect(p.map((x) => [x.kind, x.tripIds])).toEqual([['exit-before-entry', ['b']]]);
    expect(renderEn(p[0]!.line)).toBe(
      'Trip 2: the exit date 1 Feb 2026 is before the entry date 10 Feb 2026.',
    );
    const r = stayReport(t, 90, D);
    expect(r.result).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.notice?.text).toBe('stay_problems');
  });

  it('overlaps, naming both trips; touching on one day is fine; identical trips overlap', () => {
    const a = trip('2026-01-01', '2026-01-10', 'a');
    const b = trip('2026-01-05', '2026-01-20', 'b');
    const c = trip('2026-01-20', '2026-01-25', 'c');
    expect(checkTrips([c, b, a], D).map((x) => [x.kind, x.tripIds])).toEqual([['overlap', ['a', 'b']]]);
    expect(renderEn(checkTrips([a, b], D)[0]!.line)).toBe(
      'Trips 1 and 2 overlap: a day can belong to one trip only.',
    );
    expect(checkTrips([a, c], D)).toEqual([]);
    expect(checkTrips([a, trip('2026-01-01', '2026-01-10', 'a2')], D).map((x) => x.kind)).toEqual([
      'overlap',
    ]);
    // a long trip containing two short ones: both pairs
    const long = trip('2026-03-01', '2026-03-31', 'L');
    const s1 = trip('2026-03-05', '2026-03-06', 's1');
    const s2 = trip('2026-03-10', '2026-03-12', 's2');
    expect(checkTrips([long, s1, s2], D).map((x) => x.tripIds)).toEqual([
      ['L', 's1'],
      ['L', 's2'],
    ]);
  });

  it('an open trip runs to today: a later trip starting before today overlaps it; two open trips overlap', () => {
    const open = trip('2026-06-01', null, 'o');
    expect(checkTrips([open, trip('2026-06-10', '2026-06-12', 'x')], D).map((x) => x.tripIds)).toEqual([
      ['o', 'x'],
    ]);
    expect(checkTrips([open, trip('2026-06-20', null, 'o2')], D).map((x) => x.kind)).toEqual(['overlap']);
    expect(checkTrips([open, trip('2026-08-01', '2026-08-05')], D)).toEqual([]);
  });

  it('an open trip starting in the future, duplicate ids, impossible dates', () => {
    expect(checkTrips([trip('2026-07-01', null, 'f')], D).map((x) => [x.kind, x.tripIds])).toEqual([
      ['open-in-future', ['f']],
    ]);
    expect(
      checkTrips([trip('2026-01-01', '2026-01-02', 'd'), trip('2026-02-01', '2026-02-02', 'd')], D)[0]?.kind,
    ).toBe('duplicate-id');
    expect(checkTrips([trip('2026-02-30', '2026-03-02', 'z')], D).map((x) => x.kind)).toEqual(['bad-date']);
  });
});

describe('property tests (seeded random trips)', () => {
  /** mulberry32: a small deterministic generator, so a failure can be replayed from its seed. */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const BASE = '2024-01-01';
  function randomTrips(r: () => number, n: number): Trip[] {
    return Array.from({ length: n }, (_, i) => {
      const entry = addDays(BASE, int(r, 0, 900));
      return { id: `r${i}`, entry, exit: r() < 0.1 ? null : addDays(entry, int(r, 0, 200)) };
    });
  }

  it('days used is between 0 and 180 on any date, whatever the trips (even overlapping ones)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const trips = randomTrips(r, int(r, 0, 12));
      for (let k = 0; k < 10; k++) {
        const on = addDays(BASE, int(r, -50, 1200));
        const used = daysUsed(trips, on, addDays(BASE, 1000));
        expect(used, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        expect(used, `seed ${seed}`).toBeLessThanOrEqual(180);
      }
    }
  });

  it('adding a trip never lowers days used on any date', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed * 7919);
      const trips = randomTrips(r, int(r, 0, 10));
      const extra = randomTrips(r, 1)[0]!;
      const today = addDays(BASE, int(r, 0, 1100));
      for (let k = 0; k < 10; k++) {
        const on = addDays(BASE, int(r, 0, 1200));
        expect(daysUsed([...trips, { ...extra, id: 'x' }], on, today), `seed ${seed}`).toBeGreaterThanOrEqual(
          daysUsed(trips, on, today),
        );
      }
    }
  });

  it('the planner agrees with a day-by-day check of every window, and full allowance is the first full stay', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed * 104729);
      // valid, non-overlapping closed trips
      const trips: Trip[] = [];
      let d = BASE;
      for (let i = 0; i < int(r, 0, 6); i++) {
        const entry = addDays(d, int(r, 1, 120));
        const exit = addDays(entry, int(r, 0, 60));
        trips.push({ id: `v${i}`, entry, exit });
        d = exit;
      }
      const allowance = ([90, 60, 30] as const)[int(r, 0, 2)]!;
      const entry = addDays(d, int(r, 1, 200));
      const plan = maxStayIfEnteringOn(trips, entry, allowance, entry);
      const days = plan.kind === 'ok' ? plan.days : 0;
      // brute force: stay k days is fine when every window ending on one of those days holds ≤ allowance
      const fits = (k: number) => {
        const t = [...trips, { id: 'n', entry, exit: addDays(entry, k - 1) }];
        for (let j = 0; j < k; j++) if (daysUsed(t, addDays(entry, j)) > allowance) return false;
        return true;
      };
      expect(fits(days), `seed ${seed}`).toBe(true);
      if (days < allowance) expect(fits(days + 1), `seed ${seed}`).toBe(false);
      const full = fullAllowanceFrom(trips, allowance, addDays(d, 1));
      expect(
        maxStayIfEnteringOn(trips, full, allowance).kind === 'ok' &&
          (maxStayIfEnteringOn(trips, full, allowance) as { days: number }).days,
      ).toBe(allowance);
      if (full > addDays(d, 1)) {
        const before = maxStayIfEnteringOn(trips, addDays(full, -1), allowance);
        expect(before.kind === 'ok' ? before.days : 0, `seed ${seed}`).toBeLessThan(allowance);
      }
    }
  });
});

describe('CSV', () => {
  it('round-trips, open trips included, in chronological order', () => {
    const t = [
      trip('2026-03-01', '2026-03-10', 'b'),
      trip('2025-12-24', '2026-01-02', 'a'),
      trip('2026-06-01', null, 'c'),
    ];
    const csv = tripsToCsv(t);
    expect(csv).toBe('entry,exit\n2025-12-24,2026-01-02\n2026-03-01,2026-03-10\n2026-06-01,\n');
    const back = tripsFromCsv(csv, D, ids);
    expect(back.ok && renderEn(back.summary)).toBe('Imported 3 trips.');
    expect(back).toMatchObject({
      ok: true,
      trips: [
        { id: 'c1', entry: '2025-12-24', exit: '2026-01-02' },
        { id: 'c2', entry: '2026-03-01', exit: '2026-03-10' },
        { id: 'c3', entry: '2026-06-01', exit: null },
      ],
    });
    expect(tripsToCsv(back.ok ? back.trips : [])).toBe(csv);
    expect(tripsToCsv([])).toBe('entry,exit\n');
    expect(tripsFromCsv('entry,exit\n', D, ids)).toMatchObject({ ok: true, trips: [] });
  });

  it('accepts Windows line ends, a BOM, spaces and blank lines', () => {
    const r = tripsFromCsv('\uFEFFEntry, Exit\r\n\r\n 2026-01-01 , 2026-01-05 \r\n', D, ids);
    expect(r).toMatchObject({ ok: true, trips: [{ id: 'c1', entry: '2026-01-01', exit: '2026-01-05' }] });
  });

  it('reports every bad line with its number and imports nothing', () => {
    const csv = [
      'entry,exit',
      '2026-01-01,2026-01-05',
      '2026-02-30,2026-03-01',
      '2026-03-01',
      '01/04/2026,2026-04-05',
      '2026-05-01,2026-05-01,x',
      '2026-06-01,2026-13-01',
    ].join('\n');
    const r = tripsFromCsv(csv, D, ids);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(renderEn(r.summary)).toBe('Nothing was imported: fix the file and try again.');
    expect(r.errors.map((e) => [e.lineNo, renderEn(e.line)])).toEqual([
      [3, 'Line 3, entry date: February 2026 has 28 days, so day 30 does not exist.'],
      [4, 'Line 4: expected 2 values (entry,exit), found 1.'],
      [5, 'Line 5, entry date: "01/04/2026" is not a date in the form YYYY-MM-DD.'],
      [6, 'Line 6: expected 2 values (entry,exit), found 3.'],
      [7, 'Line 7, exit date: There is no month 13; months run from 01 to 12.'],
    ]);
  });

  it('reports overlaps and order errors by file line', () => {
    const r = tripsFromCsv(
      'entry,exit\n2026-01-01,2026-01-10\n2026-01-05,2026-01-08\n2026-02-05,2026-02-01\n',
      D,
      ids,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => renderEn(e.line))).toEqual([
      'Lines 2 and 3 overlap.',
      'Line 4: the exit date is before the entry date.',
    ]);
  });

  it('a missing or wrong header, an empty file, too many trips', () => {
    const noHeader = tripsFromCsv('2026-01-01,2026-01-05\n', D, ids);
    expect(!noHeader.ok && renderEn(noHeader.errors[0]!.line)).toBe(
      'Line 1 must be the header "entry,exit"; it is "2026-01-01,2026-01-05".',
    );
    const empty = tripsFromCsv(' \n', D, ids);
    expect(!empty.ok && renderEn(empty.errors[0]!.line)).toBe(
      'The file is empty: the first line must be "entry,exit".',
    );
    const many = [
      'entry,exit',
      ...Array.from(
        { length: 501 },
        (_, i) => `${addDays('2000-01-01', i * 2)},${addDays('2000-01-01', i * 2)}`,
      ),
    ];
    const r = tripsFromCsv(many.join('\n'), D, ids);
    expect(!r.ok && renderEn(r.errors[0]!.line)).toBe('501 trips: at most 500 can be kept.');
  });
});

describe('the trip form', () => {
  it('reads the dates, refusing an exit before the entry with a reason', () => {
    expect(readTripDates(' 2026-01-01 ', '')).toEqual({ ok: true, entry: '2026-01-01', exit: null });
    expect(readTripDates('2026-01-01', '2026-01-01')).toEqual({
      ok: true,
      entry: '2026-01-01',
      exit: '2026-01-01',
    });
    const bad = (a: string, b: string) => {
      const r = readTripDates(a, b);
      return r.ok ? null : renderEn(r.line);
    };
    expect(bad('2026-01-05', '2026-01-04')).toBe('The exit date is before the entry date.');
    expect(bad('', '')).toBe('Entry date: No date given.');
    expect(bad('2026-01-05', '2026-04-31')).toBe(
      'Exit date: April 2026 has 30 days, so day 31 does not exist.',
    );
  });
});

describe('report lines', () => {
  it('says what was used, the latest exit and when a full allowance is back, with the rule cited', () => {
    const r = stayReport([trip('2026-06-01', null)], 90, D);
    expect(r.rules.map((l) => l.text)).toEqual(['stay_rule', 'stay_counting']);
    expect(r.rules[1]!.weak).toBe(true);
    expect(r.result!.lines.map((l) => renderEn(l))).toEqual([
      'Days of stay in the 180 days ending 30 Jun 2026: 30 of 90.',
      'If you stay on without a break, your last allowed day is 29 Aug 2026.',
      // Entering on 29 Sep for 90 days: the window ending on the stay's 90th day (27 Dec) starts on 30 Jun + 1,
      // and every earlier window holds at most as many June days as the stay has days still to come.
      'From 29 Sep 2026 you could enter and stay the full 90 days.',
    ]);
    expect(r.sources).toContain('council-of-ministers-2011-2306');
    const june = [trip('2026-06-01', '2026-06-30')];
    expect(maxStayIfEnteringOn(june, '2026-09-29')).toMatchObject({ days: 90, lastDay: '2026-12-27' });
    // one day earlier, day 61 of the stay (27 Nov) has a window from 1 Jun: 30 + 61 = 91
    expect(maxStayIfEnteringOn(june, '2026-09-28')).toMatchObject({ days: 60, lastDay: '2026-11-26' });
  });
});
