// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { checklistFor, compareWithPortal, feeSafety } from '../../../src/domain/checklists';
import { EN_MESSAGES } from '../../../src/i18n/catalogue';
import { EN_FORMAT, makeFormat } from '../../../src/i18n/format';
import { escapeHtml, printChecklist } from '../../../src/ui/shared/printChecklist';

const view = checklistFor('extension', 'short-term');

describe('printChecklist', () => {
  it('escapes every piece of user and page text: a note can never become markup', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const html = printChecklist(
      {
        title: `Checklist ${evil}`,
        personName: `Ayşe ${evil}`,
        today: '2027-01-20',
        view,
        state: { photos: { done: true, na: false, note: evil } },
        portalList: [`Portal line ${evil}`],
        comparison: compareWithPortal(view.items, [`Portal line ${evil}`]),
      },
      EN_FORMAT,
    );
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/onerror="/);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    // Parsed, the document holds no element built from the text.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('.note')?.textContent).toBe(`Note: ${evil}`);
  });

  it('allows no script and no network in the printed document', () => {
    const html = printChecklist({ title: 't', today: '2027-01-20', view, state: undefined }, EN_FORMAT);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('prints ticks, n/a, progress, notices, the portal comparison, extra lines and sources', () => {
    const html = printChecklist(
      {
        title: 'Extension: Short-term residence permit',
        today: '2027-01-20',
        view,
        state: {
          photos: { done: true, na: false, note: '' },
          'under-18': { done: false, na: true, note: '' },
        },
        portalList: ['Vize belgesi'],
        comparison: compareWithPortal(view.items, ['Vize belgesi']),
        extra: feeSafety(),
      },
      EN_FORMAT,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe('Extension: Short-term residence permit');
    expect(doc.body.textContent).toContain('1 of 10 ready (1 not applicable)');
    expect(doc.body.textContent).toContain('Printed 20 Jan 2027');
    expect(doc.body.textContent).toContain('versions differ');
    expect(doc.body.textContent).toContain('Not on our list: follow the portal.');
    expect(doc.body.textContent).toContain('single-entry visa fee');
    expect(doc.body.textContent).toContain('DGMM document lists, as mirrored by consultancies');
    expect(doc.querySelectorAll('ul.items li')).toHaveLength(view.items.length);
    expect(doc.querySelector('ul.items li.na')?.textContent).toContain('(not applicable)');
  });

  it("is written in the caller's language and direction, user text verbatim and escaped", () => {
    const f = makeFormat('ar', {
      ...EN_MESSAGES,
      ui_print_sources: 'المصادر',
      ui_print_note: 'ملاحظة: {note}',
      ui_print_printed: 'طُبع {date}',
    });
    const html = printChecklist(
      {
        title: 'قائمة',
        today: '2027-01-20',
        view,
        state: { photos: { done: true, na: false, note: '2027-02-15 <b>' } },
      },
      f,
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.documentElement.getAttribute('lang')).toBe('ar');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent)).toContain('المصادر');
    expect(doc.querySelector('.note')?.textContent).toBe('ملاحظة: 2027-02-15 <b>');
    expect(doc.body.textContent).toContain('طُبع');
    expect(html).not.toContain('margin-left');
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
