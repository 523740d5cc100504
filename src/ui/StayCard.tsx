import { useEffect, useMemo, useState } from 'preact/hooks';
import { daysBetween, parseIsoDate } from '../domain/calendar';
import {
  ALLOWANCES,
  MAX_TRIPS,
  daysUsed,
  maxStayIfEnteringOn,
  planLine,
  readTripDates,
  sortTrips,
  stayReport,
  tripsFromCsv,
  tripsToCsv,
  type Allowance,
  type CsvParse,
  type Trip,
} from '../domain/stay';
import { line, type Line } from '../domain/text';
import { send } from '../messaging';
import type { StayState } from '../storage';
import { useFormat } from './format';
import { LineList, LineText, SourceRefs } from './Lines';

export interface StayCardProps {
  personId: string;
  /** This person's stored stay state (`stayFor(stayItem value, personId)`). */
  stay: StayState;
  /** Today on Turkey's calendar (`model.today`). */
  today: string;
}

function newTripId(taken: ReadonlySet<string>): string {
  let id: string;
  do id = `t-${crypto.randomUUID().slice(0, 8)}`;
  while (taken.has(id));
  return id;
}

/**
 * The 90/180 calculator for one person: their trips (add, edit, remove, CSV import/export), the allowance for
 * their nationality, and the answers. Problems in the trips are shown beside the trips and no figure is given
 * until they are fixed; nothing is ever reordered or merged for the user.
 */
export function StayCard({ personId, stay, today }: StayCardProps) {
  const f = useFormat();
  const { trips, allowance } = stay;
  const report = useMemo(() => stayReport(trips, allowance, today), [trips, allowance, today]);
  const sorted = useMemo(() => sortTrips(trips), [trips]);
  const [sendError, setSendError] = useState<string | null>(null);

  const save = async (next: Trip[]) => {
    try {
      const r = await send('panel:setTrips', { personId, trips: next });
      setSendError(r.ok ? null : r.error);
      return r.ok;
    } catch (e) {
      setSendError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  return (
    <section class="card stay" id="stay" aria-labelledby="stay-title" data-testid="stay">
      <h2 id="stay-title">Visa-free stay: {allowance} days in any 180</h2>
      <LineList lines={report.rules} />
      <AllowancePicker personId={personId} allowance={allowance} />

      {report.result ? (
        <Results trips={trips} report={report.result} today={today} />
      ) : (
        <p class="error" role="alert" data-testid="stay-problems">
          {report.notice && f.line(report.notice)}
        </p>
      )}
      {report.problems.some((p) => p.tripIds.length === 0) && (
        <LineList
          lines={report.problems.filter((p) => p.tripIds.length === 0).map((p) => p.line)}
          class="lines error"
        />
      )}

      <h3>Trips</h3>
      {sorted.length === 0 ? (
        <p class="muted">
          No trips yet. Add each entry to and exit from Turkey; leave the exit empty if you are still here.
        </p>
      ) : (
        <ol class="trips" data-testid="stay-trips">
          {sorted.map((t) => (
            <TripRow
              key={t.id}
              trip={t}
              problems={report.problems
                .filter((p) => (p.tripIds as string[]).includes(t.id))
                .map((p) => p.line)}
              today={today}
              onSave={(changed) => save(trips.map((x) => (x.id === t.id ? changed : x)))}
              onRemove={() => void save(trips.filter((x) => x.id !== t.id))}
            />
          ))}
        </ol>
      )}
      <AddTrip trips={trips} onAdd={save} />
      <CsvTools trips={trips} today={today} onImport={save} />
      {sendError && (
        <p class="error" role="alert">
          {sendError}
        </p>
      )}
    </section>
  );
}

function AllowancePicker({ personId, allowance }: { personId: string; allowance: Allowance }) {
  return (
    <fieldset>
      <legend>
        Days allowed for your nationality <SourceRefs ids={['council-of-ministers-2011-2306']} />
      </legend>
      {ALLOWANCES.map((a) => (
        <label key={a}>
          <input
            type="radio"
            name="stay-allowance"
            value={a}
            checked={allowance === a}
            onChange={() => void send('panel:setAllowance', { personId, allowance: a })}
          />{' '}
          {a} days in any 180 days{a === 90 ? ' (most nationalities)' : ''}
        </label>
      ))}
    </fieldset>
  );
}

function Results({
  trips,
  report,
  today,
}: {
  trips: Trip[];
  report: NonNullable<ReturnType<typeof stayReport>['result']>;
  today: string;
}) {
  const f = useFormat();
  const [onDate, setOnDate] = useState('');
  const [planDate, setPlanDate] = useState('');
  const on = parseIsoDate(onDate);
  const plan = parseIsoDate(planDate);
  const warnings = report.lines.filter((l) => l.text === 'stay.over-now' || l.text === 'stay.trip-over');
  const cur = report.current;
  const rule = ['council-of-ministers-2011-2306'] as const;

  return (
    <div data-testid="stay-results">
      <dl class="dates">
        <dt>Days used (180 days to today)</dt>
        <dd>
          <strong data-testid="stay-days-used">{report.daysUsed}</strong> of {report.allowance}{' '}
          <SourceRefs ids={rule} />
        </dd>
        <dt>Days left today</dt>
        <dd data-testid="stay-days-left">{report.daysLeft}</dd>
        <dt>Latest exit</dt>
        <dd data-testid="stay-latest-exit">
          {cur === null
            ? 'not in Turkey today'
            : cur.latestExit
              ? f.date(cur.latestExit)
              : `over the allowance since ${f.date(cur.overSince ?? today)}`}
        </dd>
        <dt>Full allowance back</dt>
        <dd data-testid="stay-full-allowance">{f.date(report.fullAllowanceFrom)}</dd>
      </dl>
      {warnings.length > 0 && <LineList lines={warnings} class="lines warning" />}

      <div class="field">
        <label for="stay-on-date">Days used in the 180 days ending on</label>
        <input
          id="stay-on-date"
          type="date"
          value={onDate}
          onInput={(e) => setOnDate(e.currentTarget.value)}
        />
        <p data-testid="stay-days-used-on" role="status">
          {on.ok && (
            <LineText
              line={line('stay.days-used', rule, {
                date: on.date,
                used: daysUsed(trips, on.date, today),
                allowance: report.allowance,
              })}
            />
          )}
        </p>
      </div>
      <div class="field">
        <label for="stay-plan-date">If I enter on</label>
        <input
          id="stay-plan-date"
          type="date"
          value={planDate}
          onInput={(e) => setPlanDate(e.currentTarget.value)}
        />
        <p data-testid="stay-plan" role="status">
          {plan.ok && (
            <LineText
              line={planLine(maxStayIfEnteringOn(trips, plan.date, report.allowance, today), trips)}
            />
          )}
        </p>
      </div>
    </div>
  );
}

function tripDays(t: Trip, today: string): number | null {
  const end = t.exit ?? today;
  return end >= t.entry ? daysBetween(t.entry, end) + 1 : null;
}

function TripRow({
  trip,
  problems,
  today,
  onSave,
  onRemove,
}: {
  trip: Trip;
  problems: Line[];
  today: string;
  onSave: (t: Trip) => Promise<boolean>;
  onRemove: () => void;
}) {
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const days = tripDays(trip, today);
  const label = `${f.date(trip.entry)} – ${trip.exit ? f.date(trip.exit) : 'still here'}`;
  if (editing) {
    return (
      <li>
        <TripForm
          initial={trip}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSubmit={async (entry, exit) => {
            if (await onSave({ id: trip.id, entry, exit })) setEditing(false);
          }}
        />
      </li>
    );
  }
  return (
    <li class={problems.length > 0 ? 'has-problem' : undefined}>
      <span data-testid="stay-trip">{label}</span>
      {days !== null && (
        <span class="muted">
          {' '}
          ({days} {days === 1 ? 'day' : 'days'})
        </span>
      )}{' '}
      <button type="button" onClick={() => setEditing(true)} aria-label={`Edit trip ${label}`}>
        Edit
      </button>{' '}
      <button type="button" onClick={onRemove} aria-label={`Remove trip ${label}`}>
        Remove
      </button>
      {problems.length > 0 && <LineList lines={problems} class="lines error" />}
    </li>
  );
}

function TripForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: Trip;
  submitLabel: string;
  onSubmit: (entry: string, exit: string | null) => Promise<void>;
  onCancel?: () => void;
}) {
  const f = useFormat();
  const [entry, setEntry] = useState(initial?.entry ?? '');
  const [exit, setExit] = useState(initial?.exit ?? '');
  const [err, setErr] = useState<string | null>(null);
  const idp = initial ? `trip-${initial.id}` : 'trip-new';
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = readTripDates(entry, exit);
    if (!r.ok) {
      setErr(f.line(r.line));
      return;
    }
    setErr(null);
    await onSubmit(r.entry, r.exit);
    if (!initial) {
      setEntry('');
      setExit('');
    }
  };
  return (
    <form class="field-group trip-form" onSubmit={(e) => void submit(e)}>
      <label for={`${idp}-entry`}>Entry</label>
      <input id={`${idp}-entry`} type="date" value={entry} onInput={(e) => setEntry(e.currentTarget.value)} />
      <label for={`${idp}-exit`}>Exit (empty if you are still here)</label>
      <input id={`${idp}-exit`} type="date" value={exit} onInput={(e) => setExit(e.currentTarget.value)} />
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      <p class="error" role="status">
        {err ?? ''}
      </p>
    </form>
  );
}

function AddTrip({ trips, onAdd }: { trips: Trip[]; onAdd: (next: Trip[]) => Promise<boolean> }) {
  if (trips.length >= MAX_TRIPS) {
    return <p class="muted">{MAX_TRIPS} trips is the most that can be kept: remove old ones to add more.</p>;
  }
  return (
    <details class="add-trip">
      <summary>Add a trip</summary>
      <TripForm
        submitLabel="Add trip"
        onSubmit={async (entry, exit) => {
          const id = newTripId(new Set(trips.map((t) => t.id)));
          await onAdd([...trips, { id, entry, exit }]);
        }}
      />
    </details>
  );
}

function CsvTools({
  trips,
  today,
  onImport,
}: {
  trips: Trip[];
  today: string;
  onImport: (next: Trip[]) => Promise<boolean>;
}) {
  const f = useFormat();
  const [outcome, setOutcome] = useState<CsvParse | null>(null);
  const csv = useMemo(() => tripsToCsv(trips), [trips]);
  // A blob link with `download`: no downloads permission, nothing leaves the machine.
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [csv]);

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setOutcome(null);
    const taken = new Set<string>();
    const parsed = tripsFromCsv(await file.text(), today, () => {
      const id = newTripId(taken);
      taken.add(id);
      return id;
    });
    // nothing is sent unless every line is good
    if (!parsed.ok || (await onImport(parsed.trips))) setOutcome(parsed);
  };

  return (
    <div class="csv">
      <h3>CSV</h3>
      {href && (
        <a href={href} download="trips.csv" data-testid="stay-export">
          Export trips (CSV)
        </a>
      )}
      <div class="field">
        <label for="stay-import">Import trips from CSV (columns entry,exit; replaces the list)</label>
        <input id="stay-import" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      <div role="status" data-testid="stay-import-result">
        {outcome && <p class={outcome.ok ? undefined : 'error'}>{f.line(outcome.summary)}</p>}
        {outcome && !outcome.ok && <LineList lines={outcome.errors.map((e) => e.line)} class="lines error" />}
      </div>
    </div>
  );
}
