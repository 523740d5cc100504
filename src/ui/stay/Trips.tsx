import { useState } from 'preact/hooks';
import { daysBetween } from '../../domain/calendar';
import { MAX_TRIPS, readTripDates, type Trip } from '../../domain/stay';
import { type Line } from '../../domain/text';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';

/** A trip id not yet taken in this list. */
export function newTripId(taken: ReadonlySet<string>): string {
  let id: string;
  do id = `t-${crypto.randomUUID().slice(0, 8)}`;
  while (taken.has(id));
  return id;
}

function tripDays(t: Trip, today: string): number | null {
  const end = t.exit ?? today;
  return end >= t.entry ? daysBetween(t.entry, end) + 1 : null;
}

export function TripRow({
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

export function AddTrip({ trips, onAdd }: { trips: Trip[]; onAdd: (next: Trip[]) => Promise<boolean> }) {
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
