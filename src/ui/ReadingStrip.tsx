import type { PanelModel } from './model';
import { useFormat } from './format';
import { pageName } from './provenance';

const PORTALS = [
  { href: 'https://e-ikamet.goc.gov.tr/', label: 'e-ikamet.goc.gov.tr' },
  { href: 'https://randevu.goc.gov.tr/', label: 'randevu.goc.gov.tr' },
];

/** Where the panel's data comes from right now, and what the page could not give. */
export function ReadingStrip({ m, besidePortal }: { m: PanelModel; besidePortal: boolean }) {
  const f = useFormat();
  const r = m.reading;
  const problems = r?.reading.problems ?? [];
  return (
    <section class="strip" aria-label="Current page">
      {r && besidePortal ? (
        <p>
          Reading the <strong>{pageName(r.reading.page)}</strong> ({f.when(r.at, m.today)}).
        </p>
      ) : (
        <p>
          {r ? `Last read: ${pageName(r.reading.page)}, ${f.when(r.at, m.today)}. ` : ''}Open{' '}
          {PORTALS.map((p, i) => (
            <span key={p.href}>
              {i > 0 && ' or '}
              <a href={p.href} target="_blank" rel="noreferrer">
                {p.label}
              </a>
            </span>
          ))}{' '}
          to read your dates. The extension only reads what you see there.
        </p>
      )}
      {problems.length > 0 && (
        <div class="problems" role="alert" data-testid="problems">
          <p>
            <strong>Couldn't read everything on this page.</strong>{' '}
            {m.end
              ? `Kept the last good end date, ${f.date(m.end.value)} (${f.when(m.end.lastSeen, m.today)}).`
              : 'Enter the missing dates yourself below.'}
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {r?.reading.noSlots && (
        <p class="noslots" data-testid="noslots">
          The portal says no appointment is available
          {r.reading.noSlotsText ? `: “${r.reading.noSlotsText}”` : '.'} Keep proof of each attempt
          (screenshots), since people whose permit runs out while no slots exist must show they tried.
        </p>
      )}
    </section>
  );
}
