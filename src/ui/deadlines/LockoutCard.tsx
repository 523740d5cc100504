import type { Lockout } from '../../domain/lockout';
import { useFormat } from '../shared/FormatContext';
import { LineList, LineText } from '../shared/Lines';
import { Rich } from '../shared/Rich';

export function LockoutCard({ l }: { l: Lockout | null }) {
  const f = useFormat();
  if (!l) return null;
  return (
    <section
      class={`card ${l.active ? 'lockout-active' : ''}`}
      aria-labelledby="lockout-title"
      data-testid="lockout"
    >
      <h2 id="lockout-title">
        <Rich
          k={l.active ? 'ui_lockout_locked' : 'ui_lockout_open'}
          parts={{ date: <span data-testid="lockout-opens">{f.date(l.opensOn)}</span> }}
        />
      </h2>
      {l.warning && (
        <p class="warning">
          <LineText line={l.warning} />
        </p>
      )}
      <LineList lines={l.lines} />
    </section>
  );
}
