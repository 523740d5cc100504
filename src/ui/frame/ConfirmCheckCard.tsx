import { useMemo } from 'preact/hooks';
import type { PersonChecklists } from '../../domain/checklists';
import type { LockoutLength } from '../../domain/lockout';
import { confirmCheck, RANDEVU_TYPES, typeKnowledge } from '../../domain/randevuTypes';
import type { Appointment, IsoDate } from '../../portal/types';
import { ChecklistItemList, type OnChecklistChange } from '../shared/ChecklistItems';
import { useFormat } from '../shared/FormatContext';
import { LineList, LineText } from '../shared/Lines';

export interface ConfirmCheckCardProps {
  personId: string;
  /** What the confirmation step shows, read from the page (`reading.appointment`, else `reading.selection`). */
  appointment: Pick<Appointment, 'type' | 'office' | 'date' | 'time'> | null;
  /** The province chosen on the page (`reading.selection?.province`), when read. */
  province?: string | null;
  permitEnd: IsoDate | null;
  today: IsoDate;
  /** `settings.lockoutDays`. */
  lockoutDays: LockoutLength;
  /** `settings.lockoutWarnDays`. */
  warnDays?: number;
  ticks: PersonChecklists | undefined;
  onChange?: OnChecklistChange;
}

/**
 * The stop-and-check shown while the randevu confirmation step is open: a confirmed appointment can be neither
 * cancelled nor rescheduled and may block new bookings (⚠), so before "Randevu Onayla" the user sees the type and
 * what it is known to be for (by province, with sources), the date the lockout would end, and what to bring. No type
 * is called wrong: what is not known is said to be not known. The extension never clicks anything on the page.
 */
export function ConfirmCheckCard(props: ConfirmCheckCardProps) {
  const f = useFormat();
  const c = useMemo(
    () =>
      confirmCheck({
        appointment: props.appointment,
        province: props.province ?? null,
        permitEnd: props.permitEnd,
        today: props.today,
        lockoutDays: props.lockoutDays,
        warnDays: props.warnDays,
      }),
    [props.appointment, props.province, props.permitEnd, props.today, props.lockoutDays, props.warnDays],
  );
  const a = c.appointment;
  const notRead = <span class="muted">{f.t('ui_confirm_not_read')}</span>;
  return (
    <section
      class={`card confirm-check${c.critical ? ' level-critical' : ''}`}
      aria-labelledby="confirm-title"
      data-testid="confirm-check"
    >
      <h2 id="confirm-title">{f.t('ui_confirm_title')}</h2>
      <p class="muted small">
        <LineText line={c.noCancel} />
      </p>
      {c.warning && (
        <p
          class={c.critical ? 'top-warning critical' : 'warning'}
          role="alert"
          data-testid={c.critical ? 'confirm-critical' : 'confirm-tight'}
        >
          {c.critical && <strong aria-hidden="true">⚠ </strong>}
          <LineText line={c.warning} />
        </p>
      )}
      <dl class="dates">
        <dt>{f.t('ui_confirm_type')}</dt>
        <dd data-testid="confirm-type">{a.type ?? notRead}</dd>
        {props.province && (
          <>
            <dt>{f.t('ui_confirm_province')}</dt>
            <dd>{props.province}</dd>
          </>
        )}
        <dt>{f.t('ui_confirm_office')}</dt>
        <dd data-testid="confirm-office">{a.office ?? notRead}</dd>
        <dt>{f.t('ui_confirm_date')}</dt>
        <dd data-testid="confirm-date">
          {a.date ? (
            a.time ? (
              f.t('ui_confirm_date_time', { date: a.date, time: a.time })
            ) : (
              f.date(a.date)
            )
          ) : (
            <>
              {notRead}
              {a.time ? `, ${a.time}` : ''}
            </>
          )}
        </dd>
        <dt>{f.t('ui_confirm_lockout_until')}</dt>
        <dd>
          <strong data-testid="confirm-lockout-date">{f.date(c.lockoutUntil)}</strong>
        </dd>
      </dl>
      <p data-testid="confirm-lockout">
        <LineText line={c.lockoutLine} />
      </p>
      {c.permitEndUnknown && (
        <p class="muted small">
          <LineText line={c.permitEndUnknown} />
        </p>
      )}
      {c.appointmentAfterPermitEnd && (
        <p class="flag">
          <LineText line={c.appointmentAfterPermitEnd} />
        </p>
      )}

      <h3>{f.t('ui_confirm_right_type')}</h3>
      <div data-testid="confirm-type-knowledge">
        <LineList lines={c.typeLines} />
      </div>
      <details>
        <summary class="small">{f.t('ui_confirm_all_types')}</summary>
        <ul class="lines" data-testid="confirm-all-types">
          {RANDEVU_TYPES.map((t) => (
            <li key={t.id}>
              <strong lang="tr">{t.labelTr}</strong>
              <LineList lines={typeKnowledge(t, props.today)} />
            </li>
          ))}
        </ul>
      </details>

      <h3>{f.t('ui_confirm_province')}</h3>
      <p>
        <LineText line={c.province} />
      </p>

      <h3>{f.t('ui_confirm_what_to_bring')}</h3>
      {c.documents ? (
        <ChecklistItemList
          personId={props.personId}
          view={c.documents}
          state={props.ticks?.[c.documents.key]}
          onChange={props.onChange}
        />
      ) : (
        <p class="muted">{f.t('ui_confirm_documents_unknown')}</p>
      )}

      <p class="never-clicks" data-testid="confirm-never-clicks">
        <strong>
          <LineText line={c.neverClicks} />
        </strong>
      </p>
    </section>
  );
}
