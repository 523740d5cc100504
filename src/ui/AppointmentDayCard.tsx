import { useMemo } from 'preact/hooks';
import {
  checklistFor,
  emergencyChecklist,
  type ApplicationKind,
  type PersonChecklists,
} from '../domain/checklists';
import { appointmentDay, matchRandevuType, randevuDocuments } from '../domain/randevuTypes';
import type { Appointment, IsoDate, PermitType } from '../portal/types';
import { ChecklistItemList, type OnChecklistChange } from './ChecklistItems';
import { useFormat } from './format';
import { openPrintable, printChecklist } from './printChecklist';

export interface AppointmentDayCardProps {
  personId: string;
  appointment: Appointment | null;
  today: IsoDate;
  ticks: PersonChecklists | undefined;
  /**
   * For an e-ikamet appointment (no randevu type): the application checklist to bring, e.g. the one the
   * checklist card shows. Without it the card points to that card.
   */
  application?: { kind: ApplicationKind; permitType: PermitType } | null;
  onChange?: OnChecklistChange;
}

/**
 * The day before and the day of an appointment: when, where, and what to bring, with the same ticks as the
 * checklists. Renders nothing on other days, so the caller can always include it.
 */
export function AppointmentDayCard(props: AppointmentDayCardProps) {
  const f = useFormat();
  const a = props.appointment;
  const when = appointmentDay(a?.date ?? null, props.today);
  const view = useMemo(() => {
    const t = matchRandevuType(a?.type);
    if (t) return randevuDocuments(t);
    if (props.application) return checklistFor(props.application.kind, props.application.permitType);
    return null;
  }, [a?.type, props.application?.kind, props.application?.permitType]);
  if (!a || !when) return null;
  return (
    <section class="card appointment-day" aria-labelledby="day-title" data-testid="appointment-day">
      <h2 id="day-title">
        {when === 'day-of' ? 'Your appointment is today' : 'Your appointment is tomorrow'}
      </h2>
      <dl class="dates">
        <dt>When</dt>
        <dd data-testid="appointment-day-when">
          {f.date(a.date!)}
          {a.time ? `, ${a.time}` : ''}
        </dd>
        {a.office && (
          <>
            <dt>Where</dt>
            <dd>{a.office}</dd>
          </>
        )}
        {a.type && (
          <>
            <dt>Type</dt>
            <dd>{a.type}</dd>
          </>
        )}
      </dl>
      <h3>What to bring</h3>
      {view ? (
        <>
          <ChecklistItemList
            personId={props.personId}
            view={view}
            state={props.ticks?.[view.key]}
            onChange={props.onChange}
          />
          {view.items.length > 0 && (
            <button
              type="button"
              onClick={() =>
                void openPrintable(
                  printChecklist({
                    title: `What to bring: ${f.date(a.date!)}${a.time ? ` ${a.time}` : ''}`,
                    today: props.today,
                    view,
                    state: props.ticks?.[view.key],
                  }),
                )
              }
            >
              Print what to bring
            </button>
          )}
        </>
      ) : (
        <p>Bring the documents on your documents checklist.</p>
      )}
    </section>
  );
}

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
  const view = useMemo(() => emergencyChecklist(), []);
  const state = props.ticks?.[view.key];
  return (
    <details class="card emergency" open={props.open ?? false} data-testid="emergency-checklist">
      <summary>
        <h2>Missed an appointment because of an emergency?</h2>
      </summary>
      <ChecklistItemList personId={props.personId} view={view} state={state} onChange={props.onChange} />
      <button
        type="button"
        onClick={() =>
          void openPrintable(
            printChecklist({
              title: 'Missed appointment: what to keep and bring',
              today: props.today,
              view,
              state,
            }),
          )
        }
      >
        Print this list
      </button>
    </details>
  );
}
