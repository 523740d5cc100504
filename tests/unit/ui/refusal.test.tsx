// @vitest-environment happy-dom
/**
 * The panel never takes silence for success. A card talks here to the REAL background router and guard (the
 * panel's messages arrive with the panel as their sender): a value past its limit is refused with a sentence in
 * the panel's language and nothing is stored; no answer at all is said as such; every refusal code has its
 * sentence in every catalogue.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerRouter } from '../../../src/background/router';
import { LIMITS } from '../../../src/domain/limits';
import { LANGS, withFallback, type Lang, type MessageFile } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import { REFUSAL_KEY, send } from '../../../src/messaging';
import { DatesCard } from '../../../src/ui/deadlines/DatesCard';
import { ChecklistCard } from '../../../src/ui/documents/ChecklistCard';
import { RefusalLine } from '../../../src/ui/frame/RefusalLine';
import { useCallback, useState } from 'preact/hooks';
import { FormatContext } from '../../../src/ui/shared/FormatContext';

const NOW = new Date('2026-12-01T07:00:00Z');
const file = (lang: Lang) =>
  JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8')) as MessageFile;
const formatOf = (lang: Lang) => makeFormat(lang, withFallback(file(lang)));

const root = document.createElement('div');
beforeEach(() => {
  fakeBrowser.reset();
  registerRouter(() => NOW);
  // The panel's own page is the sender, as in the browser (fake-browser would send as nobody).
  const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (m: unknown) =>
    (await fakeBrowser.runtime.onMessage.trigger(m, panel)).find((x) => x !== undefined)) as never);
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function fill(id: string, value: string) {
  const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function saveAppointment(lang: Lang, office: string): Promise<string> {
  await act(() => {
    render(
      <FormatContext.Provider value={formatOf(lang)}>
        <DatesCard personId="p-default" end={null} endConflicts={[]} today="2026-12-01" open />
      </FormatContext.Provider>,
      root,
    );
  });
  await fill('appt-date', '2027-01-15');
  await fill('appt-office', office);
  const form = root.querySelector<HTMLFormElement>('form[aria-labelledby="appt-form-title"]')!;
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
  });
  const status = form.querySelector('[role=status]:not([data-testid=at-limit])')!;
  await vi.waitFor(() => expect(status.textContent).not.toBe(''));
  return status.textContent!;
}

describe('the appointment form against the real background', () => {
  it('limits the office field to what the background accepts (a paste is cut there, as the field shows)', async () => {
    await saveAppointment('en', 'İl Göç İdaresi');
    expect(root.querySelector<HTMLInputElement>('#appt-office')!.maxLength).toBe(LIMITS.appointmentOffice);
    expect(root.querySelector<HTMLInputElement>('#appt-type')!.maxLength).toBe(LIMITS.appointmentType);
  });

  it.each(LANGS)(
    'says in %s when a field is full (a longer paste is cut there by the browser): what it shows is what is stored',
    async (lang) => {
      const office = 'Ankara İl Göç İdaresi'.padEnd(LIMITS.appointmentOffice, '.');
      expect(await saveAppointment(lang, office.slice(0, -1))).toBe(file(lang).ui_saved!.message);
      expect(root.querySelector('[data-testid=at-limit]')).toBeNull();
      await fill('appt-office', office);
      expect(root.querySelector('[data-testid=at-limit]')?.textContent).toBe(
        file(lang).ui_field_at_limit!.message.replace('{max}', String(LIMITS.appointmentOffice)),
      );
      await fill('appt-office', office.slice(0, -1));
      expect(root.querySelector('[data-testid=at-limit]')).toBeNull();
    },
  );

  it('saves an office within the limit, and says so only then', async () => {
    const office = 'Ankara İl Göç İdaresi'.padEnd(LIMITS.appointmentOffice, '.');
    expect(await saveAppointment('en', office)).toBe('Saved.');
    const facts = JSON.stringify(await fakeBrowser.storage.local.get('facts'));
    expect(facts).toContain(office);
  });

  it.each(LANGS)(
    'refuses a 5,000-character office with a sentence in %s, and stores nothing',
    async (lang) => {
      const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
      const said = await saveAppointment(lang, 'x'.repeat(5000));
      expect(said).toBe(file(lang).ui_refusal_invalid!.message);
      expect(said).not.toBe(file(lang).ui_saved!.message);
      expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    },
  );

  it.each(LANGS)(
    'refuses an office one character past the limit with its own sentence in %s (the value check, past the message guard)',
    async (lang) => {
      const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
      expect(await saveAppointment(lang, 'x'.repeat(LIMITS.appointmentOffice + 1))).toBe(
        file(lang).ui_refusal_office_too_long!.message.replace('{max}', String(LIMITS.appointmentOffice)),
      );
      expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    },
  );

  it('positive control: the same form with a background that answers ok says "Saved."', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true }));
    expect(await saveAppointment('en', 'x'.repeat(5000))).toBe('Saved.');
  });
});

describe('send() always answers', () => {
  it('says "no answer" when nothing answers (a dropped message, a stopped worker), never undefined', async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    expect(await send('panel:setActivePerson', { personId: 'p-default' })).toMatchObject({
      ok: false,
      code: 'no-answer',
      key: 'ui_refusal_no_answer',
    });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Receiving end does not exist.'),
    );
    expect(await send('panel:setActivePerson', { personId: 'p-default' })).toMatchObject({
      ok: false,
      code: 'no-answer',
    });
  });

  it("refuses a handler's refusal with its code and its own sentence, the English only in the log line", async () => {
    expect(
      await send('panel:setManual', { personId: 'p-default', key: 'permitEnd', value: '2027-02-30' }),
    ).toEqual({
      ok: false,
      code: 'invalid',
      key: 'ui_refusal_date',
      params: { min: '2000', max: '2100' },
      error: expect.stringMatching(/^invalid: ui_refusal_date: Not saved: that is not a real date/),
    });
  });

  it('refuses a message the guard drops as it came with the general sentence', async () => {
    expect(
      await send('panel:setManual', { personId: 'p-default', key: 'permitEnd', value: 'x'.repeat(5000) }),
    ).toEqual({ ok: false, code: 'invalid', key: 'ui_refusal_invalid', error: 'invalid' });
  });

  it("says a handler's unexpected failure with the general sentence and the technical detail", async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QuotaExceededError'));
    expect(
      await send('panel:setManual', { personId: 'p-default', key: 'permitEnd', value: '2027-02-28' }),
    ).toEqual({
      ok: false,
      code: 'failed',
      key: 'ui_refusal_failed',
      params: { detail: 'QuotaExceededError' },
      error: 'failed: QuotaExceededError',
    });
  });
});

describe('every refusal code has its sentence in every language', () => {
  it.each(LANGS)('%s', (lang) => {
    const messages = file(lang);
    for (const [code, key] of Object.entries(REFUSAL_KEY)) {
      const m = messages[key]?.message;
      expect(m, `${lang} ${code}`).toBeTruthy();
      if (code === 'failed') expect(m).toContain('{detail}');
      const rendered = formatOf(lang).t(key, { detail: 'X' });
      expect(rendered).not.toMatch(/\{\w+\}/);
    }
  });
});

describe("a control without a message line of its own (the panel's alert line)", () => {
  function Panel({ personId }: { personId: string }) {
    // As src/ui/App.tsx: drawn again on a refusal, so a control shows what is stored.
    const [, redraw] = useState(0);
    const refused = useCallback(() => redraw((n) => n + 1), []);
    return (
      <>
        <RefusalLine onShown={refused} />
        <ChecklistCard
          personId={personId}
          ticks={{}}
          suggested={{ kind: 'first' }}
          portalList={null}
          today="2026-12-01"
        />
      </>
    );
  }
  const tick = () => root.querySelector<HTMLInputElement>('[data-testid="checklist-item-passport"] input')!;

  it.each(LANGS)(
    'says a refused tick in %s, stores nothing, and the box shows what is stored again',
    async (lang) => {
      const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
      await act(() => {
        render(
          <FormatContext.Provider value={formatOf(lang)}>
            <Panel personId="p-removed-in-another-window" />
          </FormatContext.Provider>,
          root,
        );
      });
      await act(() => tick().click());
      await vi.waitFor(() =>
        expect(root.querySelector('[data-testid="refusal-line"]')?.textContent).toContain(
          file(lang).ui_refusal_unknown_person!.message,
        ),
      );
      expect(tick().checked).toBe(false);
      expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    },
  );

  it('positive control: a tick the background accepts is stored, and no alert line appears', async () => {
    await act(() => {
      render(
        <FormatContext.Provider value={formatOf('en')}>
          <Panel personId="p-default" />
        </FormatContext.Provider>,
        root,
      );
    });
    await act(() => tick().click());
    await vi.waitFor(async () =>
      expect(JSON.stringify(await fakeBrowser.storage.local.get('checklists'))).toContain('"passport"'),
    );
    expect(root.querySelector('[data-testid="refusal-line"]')).toBeNull();
  });
});
