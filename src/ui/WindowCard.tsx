import type { ExtensionWindow } from '../domain/extensionWindow';
import type { Overdue } from '../domain/overdue';
import { useFormat } from './format';
import { LineList } from './Lines';

const TITLES = { before: 'not open yet', open: 'open now', closed: 'closed' } as const;

export function WindowCard({ w }: { w: ExtensionWindow }) {
  const f = useFormat();
  return (
    <section class="card" aria-labelledby="window-title" data-testid="extension-window">
      <h2 id="window-title">Extension window: {TITLES[w.state]}</h2>
      <dl class="dates">
        <dt>Opens</dt>
        <dd data-testid="window-opens">{f.date(w.opensOn)}</dd>
        <dt>Last day</dt>
        <dd data-testid="window-closes">{f.date(w.lastDay)}</dd>
      </dl>
      <LineList lines={w.lines} />
    </section>
  );
}

/** Expired permit: days over and the 10-day rules. The overstay card (fees, entry bans) comes with its own issue. */
export function OverdueCard({ o }: { o: Overdue }) {
  return (
    <section class="card overdue" aria-labelledby="overdue-title" data-testid="overdue">
      <h2 id="overdue-title">
        Permit expired {o.daysOver} {o.daysOver === 1 ? 'day' : 'days'} ago
      </h2>
      <LineList lines={o.lines} />
    </section>
  );
}
