import type { PanelModel } from '../model/panelModel';
import { useFormat } from '../shared/FormatContext';
import { pageName } from '../model/provenance';
import { readProblemKeys } from '../model/readProblem';
import { Rich } from '../shared/Rich';
import { STATUS_NAMES } from '../model/statusNames';
import { current, type StatusValue } from '../../state/facts';
import type { Appointment } from '../../portal/types';

/** Where the panel's data comes from right now, and what the page could not give. */
export function ReadingStrip({ m, besidePortal }: { m: PanelModel; besidePortal: boolean }) {
  const f = useFormat();
  const r = m.reading;
  const problems = r?.reading.problems ?? [];
  // A reader threw on this page: nothing was taken from it. Say what is still known from earlier readings.
  const shapeChanged = problems.includes('page-shape-changed');
  const keptStatus = shapeChanged && m.facts ? current<StatusValue>(m.facts, 'status') : null;
  const keptAppointment = shapeChanged && m.facts ? current<Appointment>(m.facts, 'appointment') : null;
  // Whose page this tab shows (its readings are filed under that person: src/background/handlers.ts).
  const owner = r?.personId ? m.people.find((p) => p.id === r.personId) : undefined;
  const link = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noreferrer">
      {label}
    </a>
  );
  return (
    <section class="strip" aria-label={f.t('ui_strip_label')}>
      {r && besidePortal ? (
        <>
          <p>
            <Rich
              k="ui_strip_reading"
              parts={{ page: <strong>{pageName(r.reading.page, f)}</strong>, when: f.when(r.at, m.today) }}
            />
          </p>
          {owner && m.people.length > 1 && (
            <p data-testid="strip-owner" class={owner.id === m.person.id ? 'muted small' : 'warning'}>
              {owner.id === m.person.id
                ? f.t('ui_strip_owner', { name: owner.name })
                : f.t('ui_strip_owner_other', { name: owner.name, active: m.person.name })}
            </p>
          )}
        </>
      ) : (
        <p>
          {r
            ? `${f.t('ui_strip_last_read', { page: pageName(r.reading.page, f), when: f.when(r.at, m.today) })} `
            : ''}
          <Rich
            k="ui_strip_open_portals"
            parts={{
              eikamet: link('https://e-ikamet.goc.gov.tr/', 'e-ikamet.goc.gov.tr'),
              randevu: link('https://randevu.goc.gov.tr/', 'randevu.goc.gov.tr'),
            }}
          />
        </p>
      )}
      {problems.length > 0 && (
        <div class="problems" role="alert" data-testid="problems">
          <p>
            <strong>{f.t('ui_strip_problems_title')}</strong>{' '}
            {m.end
              ? f.t('ui_strip_problems_kept', { date: m.end.value, when: f.when(m.end.lastSeen, m.today) })
              : f.t('ui_strip_problems_enter')}
          </p>
          <ul>
            {readProblemKeys(problems).map((k) => (
              <li key={k}>{f.t(k)}</li>
            ))}
          </ul>
          {shapeChanged && (
            <div data-testid="shape-changed">
              {keptStatus && (
                <p>
                  {f.t('ui_strip_shape_kept_status', {
                    status: f.t(STATUS_NAMES[keptStatus.value.status]),
                    when: f.when(keptStatus.lastSeen, m.today),
                  })}
                </p>
              )}
              {keptAppointment?.value.date && (
                <p>
                  {f.t('ui_strip_shape_kept_appointment', {
                    date: keptAppointment.value.date,
                    when: f.when(keptAppointment.lastSeen, m.today),
                  })}
                </p>
              )}
              {!m.end && !keptStatus && !keptAppointment?.value.date && (
                <p>{f.t('ui_strip_shape_kept_nothing')}</p>
              )}
              <p>{f.t('ui_strip_shape_todo')}</p>
            </div>
          )}
        </div>
      )}
      {r?.reading.noSlots && (
        <p class="noslots" data-testid="noslots">
          {r.reading.noSlotsText ? (
            <Rich k="ui_strip_noslots_quote" parts={{ text: <bdi lang="tr">{r.reading.noSlotsText}</bdi> }} />
          ) : (
            f.t('ui_strip_noslots')
          )}
        </p>
      )}
    </section>
  );
}
