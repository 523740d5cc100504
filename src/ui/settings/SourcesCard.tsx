import { ALL_SOURCE_IDS, getSource, LAST_REVIEWED } from '../../domain/sources';
import { useFormat } from '../shared/FormatContext';

/** Every source a rule rests on, with its article or page; weak ones marked. Rules link here. */
export function SourcesCard() {
  const f = useFormat();
  return (
    <details class="card" id="sources">
      <summary>
        <h2>{f.t('ui_sources_title')}</h2>
      </summary>
      <p class="muted">
        {f.t('ui_sources_reviewed', { date: LAST_REVIEWED })} {f.t('disclaimer')}{' '}
        {f.lang !== 'en' && f.t('ui_sources_titles_note')}
      </p>
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
