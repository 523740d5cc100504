import { useMemo } from 'preact/hooks';
import { emergencyChecklist, type PersonChecklists } from '../../domain/checklists';
import type { IsoDate } from '../../domain/types';
import { ChecklistItemList, type OnChecklistChange } from '../shared/ChecklistItems';
import { useFormat } from '../shared/FormatContext';
import { openPrintable, printChecklist } from '../shared/printChecklist';

export interface EmergencyChecklistProps {
  personId: string;
  ticks: PersonChecklists | undefined;
  today: IsoDate;
  /** Open it (e.g. when the user answered "No, I missed it"). Closed by default. */
  open?: boolean;
  onChange?: OnChecklistChange;
}

/** Missed an appointment because of an emergency: what to document and bring next time (relocation guide). */
export function EmergencyChecklist(props: EmergencyChecklistProps) {
  const f = useFormat();
  const view = useMemo(() => emergencyChecklist(), []);
  const state = props.ticks?.[view.key];
  return (
    <details class="card emergency" open={props.open ?? false} data-testid="emergency-checklist">
      <summary>
        <h2>{f.t('ui_emergency_title')}</h2>
      </summary>
      <ChecklistItemList personId={props.personId} view={view} state={state} onChange={props.onChange} />
      <button
        type="button"
        onClick={() =>
          void openPrintable(
            printChecklist({ title: f.t('ui_emergency_print_title'), today: props.today, view, state }, f),
          )
        }
      >
        {f.t('ui_emergency_print')}
      </button>
    </details>
  );
}
