import type { ExtensionWindow } from '../domain/extensionWindow';
import type { Overdue } from '../domain/overdue';
import type { MessageKey } from '../i18n/catalogue';
import { useFormat } from './format';
import { LineList } from './Lines';

const TITLES: Record<ExtensionWindow['state'], MessageKey> = {
  before: 'ui_window_title_before',
  open: 'ui_window_title_open',
  closed: 'ui_window_title_closed',
};

export function WindowCard({ w }: { w: ExtensionWindow }) {
  const f = useFormat();
  return (
    <section class="card" aria-labelledby="window-title" data-testid="extension-window">
      <h2 id="window-title">{f.t(TITLES[w.state])}</h2>
      <dl class="dates">
        <dt>{f.t('ui_window_opens')}</dt>
        <dd data-testid="window-opens">{f.date(w.opensOn)}</dd>
        <dt>{f.t('ui_window_last_day')}</dt>
        <dd data-testid="window-closes">{f.date(w.lastDay)}</dd>
      </dl>
      <LineList lines={w.lines} />
    </section>
  );
}

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
