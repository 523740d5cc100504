import { rulesReview } from '../../domain/review';
import { ALL_SOURCE_IDS, getSource } from '../../domain/sources';
import type { IsoDate } from '../../domain/types';
import { useFormat } from '../shared/FormatContext';
import { LineText } from '../shared/Lines';

/**
 * Every source a rule rests on, with its article or page; weak ones marked. Rules link here. The one place the
 * panel says when the rules as a whole were last reviewed (and, a year on, that they may be out of date).
 */
export function SourcesCard({ today }: { today: IsoDate }) {
  const f = useFormat();
  const review = rulesReview(today);
  return (
    <details class="card" id="sources">
      <summary>
        <h2>{f.t('ui_sources_title')}</h2>
      </summary>
      <p class="muted">
        <span data-testid="rules-reviewed">
          <LineText line={review.reviewed} />
        </span>{' '}
        {f.t('disclaimer')} {f.lang !== 'en' && f.t('ui_sources_titles_note')}
      </p>
      {review.warning && (
        <p class="warning" data-testid="rules-stale-sources">
          <LineText line={review.warning} />
        </p>
      )}
      <ol class="sources">
        {ALL_SOURCE_IDS.map((id) => {
          const s = getSource(id);
          return (
            <li key={id} id={`src-${id}`}>
              <strong lang={/[çğıöşüİ]/i.test(s.title) ? 'tr' : 'en'}>{s.title}</strong>
              {s.reference ? `: ${s.reference}` : ''}
              {s.weak && <span class="weak"> {f.t('ui_weak')}</span>}
              {s.note && <span class="muted"> ({s.note})</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
