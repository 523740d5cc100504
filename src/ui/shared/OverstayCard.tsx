import { useMemo } from 'preact/hooks';
import { overstay, type OverstayKind } from '../../domain/overstay';
import { useFormat } from './FormatContext';
import { LineList, LineText, SourceRefs } from './Lines';

export interface OverstayCardProps {
  /** Days past the last lawful day (today − last lawful day); the card renders nothing when ≤ 0. */
  daysOver: number;
  /** What was overstayed: a residence permit, or a visa / visa exemption (from the 90/180 calculator). */
  kind: OverstayKind;
  /** Today on Turkey's calendar. */
  today: string;
}

const TITLE = { permit: 'ui_overstay_title_permit', visa: 'ui_overstay_title_visa' } as const;

/**
 * What an overstay means and what can be done now: fees, the 10-day deportation ground, the DGMM 2020 entry-ban
 * table with the current row marked, older wording, unpaid fines, Art. 9. Every line carries its sources.
 */
export function OverstayCard({ daysOver, kind, today }: OverstayCardProps) {
  const f = useFormat();
  const o = useMemo(() => overstay({ kind, daysOver }, today), [kind, daysOver, today]);
  if (!o) return null;
  return (
    <section class="card overstay" aria-labelledby="overstay-title" data-testid="overstay">
      <h2 id="overstay-title">{f.t(TITLE[kind], { days: o.daysOver })}</h2>
      <LineList lines={o.consequences} />

      <h3>{f.t('ui_overstay_ban_heading')}</h3>
      <p>
        {f.line(o.banIntro)} <strong data-testid="overstay-ban">{f.line(o.ban)}</strong>{' '}
        <SourceRefs ids={o.ban.sources} />
      </p>
      <p class="muted small">
        <LineText line={o.tableIntro} />
      </p>
      <ul class="lines ban-table" data-testid="overstay-table">
        {o.table.map((r) => (
          <li
            key={r.band}
            class={r.current ? 'current-row' : undefined}
            aria-current={r.current ? 'true' : undefined}
          >
            <LineText line={r.line} /> <span class="muted small">({f.line(r.fromLine)})</span>
          </li>
        ))}
      </ul>
      <LineList lines={o.banNotes} />

      <h3>{f.t('ui_overstay_now_heading')}</h3>
      <LineList lines={o.now} class="actions" />
      <p class="muted small">{f.line({ text: 'disclaimer' })}</p>
    </section>
  );
}
