import type { Urgency, UrgencyLevel } from '../../domain/urgency';
import type { Observation } from '../../state/facts';
import { useFormat } from '../shared/FormatContext';
import { LineList, LineText } from '../shared/Lines';
import { provenance } from '../model/provenance';

/** Shape and word as well as colour: the level never rests on colour alone. */
export const LEVEL_ICON: Record<UrgencyLevel, string> = {
  low: '●',
  medium: '▲',
  high: '◆',
  'very-high': '■',
  critical: '✖',
};

export function UrgencyCard(props: {
  u: Urgency | null;
  end: Observation<string> | null;
  today: string;
  onEnterEnd: () => void;
}) {
  const f = useFormat();
  const { u, end } = props;
  if (!u || !end) {
    return (
      <section class="card headline missing" aria-labelledby="headline-title">
        <h2 id="headline-title">{f.t('ui_urgency_title')}</h2>
        <p>{f.t('ui_urgency_unknown')}</p>
        <button type="button" onClick={props.onEnterEnd}>
          {f.t('ui_urgency_enter_end')}
        </button>
      </section>
    );
  }
  const big = u.daysLeft >= 0 ? u.daysLeft : u.daysOver;
  return (
    <section class={`card headline level-${u.level}`} aria-labelledby="headline-title">
      <h2 id="headline-title" class="sr-only">
        {f.t('ui_urgency_title')}
      </h2>
      <div class="headline-row">
        <div class="days" aria-hidden="true">
          <span class="days-number">{f.num(big)}</span>
          <span class="days-unit">
            {f.t(
              u.daysLeft >= 0
                ? big === 1
                  ? 'ui_urgency_day_left_unit'
                  : 'ui_urgency_days_left_unit'
                : big === 1
                  ? 'ui_urgency_day_over_unit'
                  : 'ui_urgency_days_over_unit',
            )}
          </span>
        </div>
        <div>
          <p class="level" role="status" aria-live="polite">
            <span class="level-icon" aria-hidden="true">
              {LEVEL_ICON[u.level]}
            </span>{' '}
            {f.t('ui_urgency_level')} <strong data-testid="urgency-level">{f.t(u.label)}</strong>
          </p>
          <p class="summary" data-testid="days-left" data-days-left={u.daysLeft}>
            <LineText line={u.summary} />
          </p>
          <p class="provenance">
            {f.t('ui_urgency_end_date', {
              date: end.value,
              portalDate: f.portalDate(end.value),
              provenance: provenance(end, f, props.today),
            })}
          </p>
        </div>
      </div>
      {u.warnings.length > 0 && <LineList lines={u.warnings} class="warnings" />}
      <h3>{f.t('ui_urgency_what_now')}</h3>
      <LineList lines={u.actions} class="actions" />
    </section>
  );
}
