import type { Urgency, UrgencyLevel } from '../domain/urgency';
import type { Observation } from '../state/facts';
import { useFormat } from './format';
import { LineList, LineText } from './Lines';
import { provenance } from './provenance';

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
        <h2 id="headline-title">How long do I have?</h2>
        <p>
          Your permit's end date is not known yet. Open your application status on e-ikamet and it will be
          read from the page, or enter it yourself.
        </p>
        <button type="button" onClick={props.onEnterEnd}>
          Enter the end date
        </button>
      </section>
    );
  }
  const big = u.daysLeft >= 0 ? u.daysLeft : u.daysOver;
  return (
    <section class={`card headline level-${u.level}`} aria-labelledby="headline-title">
      <h2 id="headline-title" class="sr-only">
        How long do I have?
      </h2>
      <div class="headline-row">
        <div class="days" aria-hidden="true">
          <span class="days-number">{big}</span>
          <span class="days-unit">
            {u.daysLeft >= 0 ? (big === 1 ? 'day left' : 'days left') : 'days over'}
          </span>
        </div>
        <div>
          <p class="level" role="status" aria-live="polite">
            <span class="level-icon" aria-hidden="true">
              {LEVEL_ICON[u.level]}
            </span>{' '}
            Urgency: <strong data-testid="urgency-level">{f.line({ text: u.label })}</strong>
          </p>
          <p class="summary" data-testid="days-left" data-days-left={u.daysLeft}>
            <LineText line={u.summary} />
          </p>
          <p class="provenance">
            End date {f.date(end.value)}: {provenance(end, f, props.today)}
          </p>
        </div>
      </div>
      {u.warnings.length > 0 && <LineList lines={u.warnings} class="warnings" />}
      <h3>What to do now</h3>
      <LineList lines={u.actions} class="actions" />
    </section>
  );
}
