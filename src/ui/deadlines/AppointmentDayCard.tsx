import { useMemo } from 'preact/hooks';
import { checklistFor, type ApplicationKind, type PersonChecklists } from '../../domain/checklists';
import { appointmentDay, matchRandevuType, randevuDocuments } from '../../domain/randevuTypes';
import type { Appointment, IsoDate, PermitType } from '../../portal/types';
import { ChecklistItemList, type OnChecklistChange } from '../shared/ChecklistItems';
import { useFormat } from '../shared/FormatContext';
import { openPrintable, printChecklist } from '../shared/printChecklist';

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
        {f.t(when === 'day-of' ? 'ui_appointment_day_today' : 'ui_appointment_day_tomorrow')}
      </h2>
      <dl class="dates">
        <dt>{f.t('ui_appointment_day_when')}</dt>
        <dd data-testid="appointment-day-when">
          {a.time ? f.t('ui_appointment_day_date_time', { date: a.date!, time: a.time }) : f.date(a.date!)}
        </dd>
        {a.office && (
          <>
            <dt>{f.t('ui_appointment_day_where')}</dt>
            <dd>{a.office}</dd>
          </>
        )}
        {a.type && (
          <>
            <dt>{f.t('ui_appointment_day_type')}</dt>
            <dd>{a.type}</dd>
          </>
        )}
      </dl>
      <h3>{f.t('ui_appointment_day_what_to_bring')}</h3>
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
                  printChecklist(
                    {
                      title: a.time
                        ? f.t('ui_appointment_day_print_title_time', { date: a.date!, time: a.time })
                        : f.t('ui_appointment_day_print_title', { date: a.date! }),
                      today: props.today,
                      view,
                      state: props.ticks?.[view.key],
                    },
                    f,
                  ),
                )
              }
            >
              {f.t('ui_appointment_day_print')}
            </button>
          )}
        </>
      ) : (
        <p>{f.t('ui_appointment_day_see_checklist')}</p>
      )}
    </section>
  );
}
