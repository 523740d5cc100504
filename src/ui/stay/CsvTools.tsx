import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Trip } from '../../domain/stay';
import { tripsFromCsv, tripsToCsv, type CsvParse } from '../../domain/stayCsv';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';
import { newTripId } from './Trips';

export function CsvTools({
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
