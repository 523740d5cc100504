import type { Overdue } from '../../domain/overdue';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';

/** Expired permit: days over and the 10-day rules; the overstay card has the fees and entry bans. */
export function OverdueCard({ o }: { o: Overdue }) {
  const f = useFormat();
  return (
    <section class="card overdue" aria-labelledby="overdue-title" data-testid="overdue">
      <h2 id="overdue-title">{f.t('ui_overdue_title', { days: o.daysOver })}</h2>
      <LineList lines={o.lines} />
    </section>
  );
}
