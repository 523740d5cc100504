// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcesCard } from '../../../src/ui/settings/SourcesCard';

let root: HTMLDivElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});
const $ = (testid: string) => root.querySelector(`[data-testid="${testid}"]`);

describe('SourcesCard: when the rules were last reviewed', () => {
  it('says it once; no out-of-date warning while the review is recent', () => {
    render(<SourcesCard today="2027-12-04" />, root);
    expect($('rules-reviewed')?.textContent).toContain(
      'The rules in this panel were last reviewed as a whole on 5 Dec 2026.',
    );
    expect(root.textContent!.split('last reviewed').length - 1).toBe(1);
    expect($('rules-stale-sources')).toBeNull();
  });

  it('from 12 months after the review: may be out of date, and where to check', () => {
    render(<SourcesCard today="2027-12-05" />, root);
    expect($('rules-stale-sources')?.textContent).toContain('they may be out of date');
    expect($('rules-stale-sources')?.textContent).toContain('e-ikamet.goc.gov.tr, randevu.goc.gov.tr');
  });

  it('lists the sources of the December 2026 review, weak ones marked', () => {
    render(<SourcesCard today="2027-01-20" />, root);
    const li = (id: string) => root.querySelector(`#src-${id}`)!.textContent!;
    expect(li('istanbul-directorate-2026')).toContain('İkamet İzni Başvuru İşlemleri 2.100');
    expect(li('mondaq-2024-08-01')).toContain('Mondaq');
    expect(li('visa-guru-confirmed-block')).toContain('weakly sourced');
    expect(li('holidays-2027-unchecked')).toContain('weakly sourced');
    expect(li('randevu-article')).not.toContain('weakly sourced');
  });
});
