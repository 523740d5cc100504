import { ALL_SOURCE_IDS, getSource, LAST_REVIEWED } from '../domain/sources';
import { EN } from '../domain/text';

/** Every source a rule rests on, with its article or page; weak ones marked. Rules link here. */
export function SourcesCard() {
  return (
    <details class="card" id="sources">
      <summary>
        <h2>Sources</h2>
      </summary>
      <p class="muted">
        Last reviewed {LAST_REVIEWED}. {EN.disclaimer}
      </p>
      <ol class="sources">
        {ALL_SOURCE_IDS.map((id) => {
          const s = getSource(id);
          return (
            <li key={id} id={`src-${id}`}>
              <strong>{s.title}</strong>
              {s.reference ? `: ${s.reference}` : ''}
              {s.weak && <span class="weak"> ⚠ weakly sourced</span>}
              {s.note && <span class="muted"> ({s.note})</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
