import { refusalText, sendAndSay } from './refusal';
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
import { useFormat, type Format } from './format';
import { LineList, LineText, SourceRefs } from './Lines';
import { Rich } from './Rich';

export interface StayCardProps {
  personId: string;
  /** This person's stored stay state (`stayFor(stayItem value, personId)`). */
  stay: StayState;
  /** Today on Turkey's calendar (`model.today`). */
  today: string;
}

/**
 * The background's refusal or a failed send. Its sentence is English (the background re-checks what the panel
 * already checked), so an English panel shows it as it is and another language its own sentence with it as detail.
 */
function saveFailure(f: Format, detail: string): string {
  if (f.lang === 'en' && detail) return detail;
  return detail ? f.t('ui_stay_save_failed_detail', { detail }) : f.t('ui_stay_save_failed');
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
      if (r?.ok) {
        setSendError(null);
        return true;
      }
      setSendError(refusalText(f, r) ?? saveFailure(f, r && 'error' in r ? r.error : ''));
      return false;
    } catch (e) {
      setSendError(saveFailure(f, e instanceof Error ? e.message : String(e)));
      return false;
    }
  };

  return (
    <section class="card stay" id="stay" aria-labelledby="stay-title" data-testid="stay">
      <h2 id="stay-title">{f.t('ui_stay_title', { allowance })}</h2>
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

      <h3>{f.t('ui_stay_trips_heading')}</h3>
      {sorted.length === 0 ? (
        <p class="muted">{f.t('ui_stay_no_trips')}</p>
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
  const f = useFormat();
  return (
    <fieldset>
      <legend>
        {f.t('ui_stay_allowance_legend')} <SourceRefs ids={['council-of-ministers-2011-2306']} />
      </legend>
      {ALLOWANCES.map((a) => (
        <label key={a}>
          <input
            type="radio"
            name="stay-allowance"
            value={a}
            checked={allowance === a}
            onChange={() => void sendAndSay('panel:setAllowance', { personId, allowance: a })}
          />{' '}
          {f.t(a === 90 ? 'ui_stay_allowance_option_most' : 'ui_stay_allowance_option', { days: a })}
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
  const warnings = report.lines.filter((l) => l.text === 'stay_over_now' || l.text === 'stay_trip_over');
  const cur = report.current;
  const rule = ['council-of-ministers-2011-2306'] as const;

  return (
    <div data-testid="stay-results">
      <dl class="dates">
        <dt>{f.t('ui_stay_days_used_label')}</dt>
        <dd>
          <Rich
            k="ui_stay_days_used_value"
            parts={{
              used: <strong data-testid="stay-days-used">{f.num(report.daysUsed)}</strong>,
              allowance: f.num(report.allowance),
            }}
          />{' '}
          <SourceRefs ids={rule} />
        </dd>
        <dt>{f.t('ui_stay_days_left_label')}</dt>
        <dd data-testid="stay-days-left">{f.num(report.daysLeft)}</dd>
        <dt>{f.t('ui_stay_latest_exit_label')}</dt>
        <dd data-testid="stay-latest-exit">
          {cur === null
            ? f.t('ui_stay_not_in_turkey')
            : cur.latestExit
              ? f.date(cur.latestExit)
              : f.t('ui_stay_over_since', { date: cur.overSince ?? today })}
        </dd>
        <dt>{f.t('ui_stay_full_allowance_label')}</dt>
        <dd data-testid="stay-full-allowance">{f.date(report.fullAllowanceFrom)}</dd>
      </dl>
      {warnings.length > 0 && <LineList lines={warnings} class="lines warning" />}

      <div class="field">
        <label for="stay-on-date">{f.t('ui_stay_days_used_on_label')}</label>
        <input
          id="stay-on-date"
          type="date"
          value={onDate}
          onInput={(e) => setOnDate(e.currentTarget.value)}
        />
        <p data-testid="stay-days-used-on" role="status">
          {on.ok && (
            <LineText
              line={line('stay_days_used', rule, {
                date: on.date,
                used: daysUsed(trips, on.date, today),
                allowance: report.allowance,
              })}
            />
          )}
        </p>
      </div>
      <div class="field">
        <label for="stay-plan-date">{f.t('ui_stay_plan_label')}</label>
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
  const label = trip.exit
    ? f.t('ui_stay_trip_range', { entry: trip.entry, exit: trip.exit })
    : f.t('ui_stay_trip_range_open', { entry: trip.entry });
  if (editing) {
    return (
      <li>
        <TripForm
          initial={trip}
          submitLabel={f.t('ui_save')}
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
      {days !== null && <span class="muted"> {f.t('ui_stay_trip_days', { days })}</span>}{' '}
      <button
        type="button"
        onClick={() => setEditing(true)}
        aria-label={f.t('ui_stay_trip_edit_label', { trip: label })}
      >
        {f.t('ui_stay_trip_edit')}
      </button>{' '}
      <button type="button" onClick={onRemove} aria-label={f.t('ui_stay_trip_remove_label', { trip: label })}>
        {f.t('ui_stay_trip_remove')}
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
      <label for={`${idp}-entry`}>{f.t('ui_stay_entry_label')}</label>
      <input id={`${idp}-entry`} type="date" value={entry} onInput={(e) => setEntry(e.currentTarget.value)} />
      <label for={`${idp}-exit`}>{f.t('ui_stay_exit_label')}</label>
      <input id={`${idp}-exit`} type="date" value={exit} onInput={(e) => setExit(e.currentTarget.value)} />
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {f.t('ui_cancel')}
        </button>
      )}
      <p class="error" role="alert">
        {err ?? ''}
      </p>
    </form>
  );
}

function AddTrip({ trips, onAdd }: { trips: Trip[]; onAdd: (next: Trip[]) => Promise<boolean> }) {
  const f = useFormat();
  if (trips.length >= MAX_TRIPS) {
    return <p class="muted">{f.t('ui_stay_max_trips', { max: MAX_TRIPS })}</p>;
  }
  return (
    <details class="add-trip">
      <summary>{f.t('ui_stay_add_open')}</summary>
      <TripForm
        submitLabel={f.t('ui_stay_add_submit')}
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
      <h3>{f.t('ui_stay_csv_heading')}</h3>
      {href && (
        <a href={href} download="trips.csv" data-testid="stay-export">
          {f.t('ui_stay_export')}
        </a>
      )}
      <div class="field">
        <label for="stay-import">{f.t('ui_stay_import_label')}</label>
        <input id="stay-import" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      <div role="status" data-testid="stay-import-result">
        {outcome && <p class={outcome.ok ? undefined : 'error'}>{f.line(outcome.summary)}</p>}
        {outcome && !outcome.ok && <LineList lines={outcome.errors.map((e) => e.line)} class="lines error" />}
      </div>
    </div>
  );
}
