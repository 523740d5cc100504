import type { ExtensionWindow } from '../../domain/extensionWindow';
import type { MessageKey } from '../../i18n/catalogue';
import { useFormat } from '../shared/FormatContext';
import { LineList } from '../shared/Lines';

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
