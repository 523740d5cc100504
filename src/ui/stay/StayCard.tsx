import { refusalText } from '../shared/refusal';
import { useMemo, useState } from 'preact/hooks';
import { sortTrips, stayReport, type Trip } from '../../domain/stay';
import { send } from '../../messaging';
import type { StayState } from '../../storage';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';
import { AllowancePicker } from './AllowancePicker';
import { CsvTools } from './CsvTools';
import { Results } from './StayResults';
import { AddTrip, TripRow } from './Trips';

export interface StayCardProps {
  personId: string;
  /** This person's stored stay state (`stayFor(stayItem value, personId)`). */
  stay: StayState;
  /** Today on Turkey's calendar (`model.today`). */
  today: string;
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

  // `send` always answers: a success, or a refusal that says its own sentence in the panel's language.
  const save = async (next: Trip[]) => {
    const r = await send('panel:setTrips', { personId, trips: next });
    if (r.ok) {
      setSendError(null);
      return true;
    }
    setSendError(refusalText(f, r) ?? f.t('ui_stay_save_failed'));
    return false;
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
