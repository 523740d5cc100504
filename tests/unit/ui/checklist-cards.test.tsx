// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PersonChecklists } from '../../../src/domain/checklists';
import { AppointmentDayCard } from '../../../src/ui/deadlines/AppointmentDayCard';
import { EmergencyChecklist } from '../../../src/ui/documents/EmergencyChecklist';
import { ChecklistCard } from '../../../src/ui/documents/ChecklistCard';
import type { ChecklistChange } from '../../../src/ui/shared/ChecklistItems';
import { ConfirmCheckCard } from '../../../src/ui/frame/ConfirmCheckCard';
import { registerRouter } from '../../../src/background/router';
import { checklistsItem } from '../../../src/storage';

let root: HTMLDivElement;
beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = (testid: string) => root.querySelector(`[data-testid="${testid}"]`);
const me = 'p-default';
const EXT = 'app:extension:short-term';

function tick(done: number): PersonChecklists {
  const ids = [
    'application-form',
    'passport-extension',
    'photos',
    'means',
    'insurance',
    'address',
    'fee-receipts',
  ];
  return {
    [EXT]: Object.fromEntries(ids.slice(0, done).map((id) => [id, { done: true, na: false, note: '' }])),
  };
}

describe('ChecklistCard', () => {
  it('opens the suggested checklist with its progress: "7 of 11 ready"', () => {
    render(
      <ChecklistCard
        personId={me}
        ticks={tick(7)}
        suggested={{ kind: 'extension' }}
        portalList={null}
        today="2027-01-20"
      />,
      root,
    );
    const card = $('checklist') as HTMLDetailsElement;
    expect(card.open).toBe(true);
    expect($('checklist-title')?.textContent).toBe('Extension: Short-term residence permit');
    expect($('checklist-progress')?.textContent).toBe('7 of 11 ready');
    expect((root.querySelector('#ci-app-extension-short-term-photos-done') as HTMLInputElement).checked).toBe(
      true,
    );
    expect($('checklist-item-previous-card')).not.toBeNull();
  });

  it('stays closed with no suggestion and no portal list', () => {
    render(
      <ChecklistCard personId={me} ticks={{}} suggested={{}} portalList={null} today="2027-01-20" />,
      root,
    );
    expect(($('checklist') as HTMLDetailsElement).open).toBe(false);
  });

  it('n/a items leave the total', () => {
    const ticks = tick(7);
    ticks[EXT]!['under-18'] = { done: false, na: true, note: '' };
    render(
      <ChecklistCard
        personId={me}
        ticks={ticks}
        suggested={{ kind: 'extension' }}
        portalList={null}
        today="2027-01-20"
      />,
      root,
    );
    expect($('checklist-progress')?.textContent).toBe('7 of 10 ready (1 not applicable)');
  });

  it('sends a tick, an n/a mark and a note as changes; every control has an accessible name', async () => {
    const changes: ChecklistChange[] = [];
    render(
      <ChecklistCard
        personId={me}
        ticks={{}}
        suggested={{ kind: 'extension' }}
        portalList={null}
        today="2027-01-20"
        onChange={(c) => changes.push(c)}
      />,
      root,
    );
    const item = $('checklist-item-photos')!;
    const [doneBox, naBox] = Array.from(item.querySelectorAll('input[type=checkbox]')) as HTMLInputElement[];
    const note = item.querySelector('input[type=text]') as HTMLInputElement;
    await act(() => doneBox!.click());
    await act(() => naBox!.click());
    note.value = 'at home, blue folder';
    await act(() => {
      note.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changes).toEqual([
      { personId: me, checklistKey: EXT, itemId: 'photos', done: true },
      { personId: me, checklistKey: EXT, itemId: 'photos', na: true },
      { personId: me, checklistKey: EXT, itemId: 'photos', note: 'at home, blue folder' },
    ]);
    expect(note.maxLength).toBe(500);
    // Accessible names: the tick by its <label for>, the n/a box and the note by aria-label.
    expect(root.querySelector(`label[for="${doneBox!.id}"]`)?.textContent).toBe('4 biometric photos');
    expect(naBox!.getAttribute('aria-label')).toBe('4 biometric photos: not applicable');
    expect(note.getAttribute('aria-label')).toBe('Note for 4 biometric photos');
    for (const el of Array.from(root.querySelectorAll('select'))) expect(el.closest('label')).not.toBeNull();
  });

  it('by default sends the panel:checklistItem message, which the real background stores', async () => {
    registerRouter(() => new Date('2027-01-20T07:00:00.000Z'));
    const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
    const spy = vi
      .spyOn(fakeBrowser.runtime, 'sendMessage')
      .mockImplementation((async (m: unknown) =>
        (await fakeBrowser.runtime.onMessage.trigger(m, panel)).find((x) => x !== undefined)) as never);
    render(
      <ChecklistCard
        personId={me}
        ticks={{}}
        suggested={{ kind: 'first' }}
        portalList={null}
        today="2027-01-20"
      />,
      root,
    );
    await act(() => ($('checklist-item-passport')!.querySelector('input') as HTMLInputElement).click());
    expect(spy).toHaveBeenCalledWith({
      type: 'panel:checklistItem',
      payload: { personId: me, checklistKey: 'app:first:short-term', itemId: 'passport', done: true },
    });
    await vi.waitFor(async () =>
      expect((await checklistsItem.getValue())[me]?.['app:first:short-term']?.passport).toEqual({
        done: true,
        na: false,
        note: '',
      }),
    );
  });

  it('switches with a new suggestion and offers the property-owner documents', async () => {
    const props = { personId: me, ticks: {}, portalList: null, today: '2027-01-20' };
    render(<ChecklistCard {...props} suggested={{ kind: 'extension' }} />, root);
    await act(() =>
      render(<ChecklistCard {...props} suggested={{ kind: 'first', permitType: 'short-term' }} />, root),
    );
    expect($('checklist-title')?.textContent).toBe('First application: Short-term residence permit');
    expect($('checklist-item-title-deed')).toBeNull();
    await act(() => ($('checklist-property-owner') as HTMLInputElement).click());
    expect($('checklist-item-title-deed')).not.toBeNull();
  });

  it('says plainly when no official list exists, and offers no print', async () => {
    render(
      <ChecklistCard
        personId={me}
        ticks={{}}
        suggested={{ permitType: 'humanitarian' }}
        portalList={null}
        today="2027-01-20"
      />,
      root,
    );
    await act(() => undefined);
    expect($('checklist')?.textContent).toContain('No official document list was found');
    expect(root.querySelectorAll('.ci')).toHaveLength(0);
    expect($('checklist-progress')).toBeNull();
    expect($('checklist-print')).toBeNull();
  });

  it("shows the portal's list beside ours and flags the differences", () => {
    render(
      <ChecklistCard
        personId={me}
        ticks={{}}
        suggested={{ kind: 'first' }}
        portalList={['Başvuru formu', 'Dört adet biyometrik fotoğraf', 'Vize belgesi <b>x</b>']}
        today="2027-01-20"
      />,
      root,
    );
    expect($('portal-list')).not.toBeNull();
    expect(root.querySelectorAll('[data-testid="portal-matched"]')).toHaveLength(2);
    const only = root.querySelector('[data-testid="portal-only"]')!;
    expect(only.textContent).toContain('Vize belgesi <b>x</b>'); // page text shown as text
    expect(only.querySelector('b')).toBeNull();
    expect($('checklist-item-photos')?.textContent).toContain('Also on the portal’s list');
    expect($('checklist-item-passport')?.textContent).toContain('Not found on the portal’s list');
    expect($('portal-differences')?.textContent).toBe('1 on the portal’s list only, 7 on ours only.');
  });

  it('shows the fee-safety notice until dismissed', async () => {
    const onDismiss = vi.fn();
    const props = {
      personId: me,
      ticks: {},
      suggested: { kind: 'first' as const },
      portalList: null,
      today: '2027-01-20',
    };
    render(<ChecklistCard {...props} onDismissFeeNotice={onDismiss} />, root);
    const fee = $('fee-safety')!;
    expect(fee.textContent).toContain('the card fee, the permit fee and the single-entry visa fee');
    expect(fee.textContent).toContain('no intermediaries');
    expect(fee.textContent).toContain('a lawyer with power of attorney');
    expect(fee.querySelector('a.ref')).not.toBeNull();
    await act(() => (fee.querySelector('button') as HTMLButtonElement).click());
    expect(onDismiss).toHaveBeenCalledOnce();
    render(<ChecklistCard {...props} feeNoticeDismissed />, root);
    expect($('fee-safety')).toBeNull();
  });

  it('prints an escaped document', async () => {
    let html = '';
    const ticks: PersonChecklists = {
      [EXT]: { photos: { done: true, na: false, note: '<img src=x onerror=alert(1)>' } },
    };
    render(
      <ChecklistCard
        personId={me}
        personName="Me"
        ticks={ticks}
        suggested={{ kind: 'extension' }}
        portalList={null}
        today="2027-01-20"
        onPrint={(h) => (html = h)}
      />,
      root,
    );
    await act(() => ($('checklist-print') as HTMLButtonElement).click());
    expect(html).toContain('<title>Documents checklist: Extension: Short-term residence permit</title>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('ConfirmCheckCard', () => {
  const appointment = {
    type: 'İkamet İzinli Yabancı - Adres Tescili',
    office: 'Antalya İl Göç İdaresi Müdürlüğü',
    date: '2027-02-15',
    time: '10:30',
  };

  it('shows type, office, date, the lockout date, documents and the never-clicks statement', () => {
    render(
      <ConfirmCheckCard
        personId={me}
        appointment={appointment}
        province="Antalya"
        permitEnd="2027-08-11"
        today="2027-01-20"
        lockoutDays={30}
        ticks={{ 'randevu:address-registration': { address: { done: true, na: false, note: '' } } }}
      />,
      root,
    );
    expect($('confirm-check')).not.toBeNull();
    expect($('confirm-type')?.textContent).toBe('İkamet İzinli Yabancı - Adres Tescili');
    expect($('confirm-office')?.textContent).toBe('Antalya İl Göç İdaresi Müdürlüğü');
    expect($('confirm-date')?.textContent).toBe('15 Feb 2027, 10:30');
    expect($('confirm-lockout-date')?.textContent).toBe('19 Feb 2027');
    expect($('confirm-lockout')?.textContent).toContain(
      'you cannot book another randevu appointment until 19 Feb 2027',
    );
    expect($('confirm-critical')).toBeNull();
    const text = $('confirm-check')!.textContent!;
    expect(text).toContain('registering an address');
    expect(text).not.toContain('done on e-ikamet, not with a randevu appointment');
    expect(text).not.toContain('Wrong for');
    expect(text).toContain('province where your residence is registered');
    expect($('checklist-item-address')?.querySelector('input')?.checked).toBe(true);
    expect($('checklist-progress')?.textContent).toBe('✓ 1 of 1 ready');
    expect($('confirm-never-clicks')?.textContent).toContain('never clicks "Randevu Onayla"');
    // It offers nothing that could confirm for the user.
    expect(Array.from(root.querySelectorAll('button')).map((b) => b.textContent)).not.toContain(
      'Randevu Onayla',
    );
  });

  it('turns Critical when the lockout runs past the permit end', () => {
    render(
      <ConfirmCheckCard
        personId={me}
        appointment={appointment}
        permitEnd="2027-02-10"
        today="2027-01-20"
        lockoutDays={30}
        ticks={undefined}
      />,
      root,
    );
    const crit = $('confirm-critical')!;
    expect(crit.getAttribute('role')).toBe('alert');
    expect(crit.textContent).toContain('Critical: 19 Feb 2027 is after your permit ends on 10 Feb 2027');
    expect($('confirm-check')?.className).toContain('level-critical');
  });

  it('an unknown type and unread details are said plainly', () => {
    render(
      <ConfirmCheckCard
        personId={me}
        appointment={{ type: 'Parmak İzi Alımı', office: null, date: null, time: null }}
        permitEnd={null}
        today="2027-01-20"
        lockoutDays={30}
        ticks={undefined}
      />,
      root,
    );
    expect($('confirm-check')?.textContent).toContain('"Parmak İzi Alımı" is not known here');
    expect($('confirm-office')?.textContent).toBe('not read');
    expect($('confirm-check')?.textContent).toContain('Your permit end date is not known here');
  });
});

describe('AppointmentDayCard and EmergencyChecklist', () => {
  const appt = {
    type: 'İkamet İzinli Yabancı - Adres Tescili',
    office: 'Antalya İl Göç İdaresi Müdürlüğü',
    date: '2027-02-15',
    time: '10:30',
    bookedOn: '2027-01-20',
  };

  it('renders nothing except the day before and the day of', () => {
    render(<AppointmentDayCard personId={me} appointment={appt} today="2027-02-10" ticks={{}} />, root);
    expect($('appointment-day')).toBeNull();
    render(<AppointmentDayCard personId={me} appointment={appt} today="2027-02-14" ticks={{}} />, root);
    expect($('appointment-day')?.querySelector('h2')?.textContent).toBe('Your appointment is tomorrow');
    render(<AppointmentDayCard personId={me} appointment={appt} today="2027-02-15" ticks={{}} />, root);
    expect($('appointment-day')?.querySelector('h2')?.textContent).toBe('Your appointment is today');
    expect($('appointment-day-when')?.textContent).toBe('15 Feb 2027, 10:30');
    expect($('appointment-day')?.textContent).toContain('Antalya İl Göç İdaresi Müdürlüğü');
    expect($('checklist-item-address')).not.toBeNull();
  });

  it('for an e-ikamet appointment brings the application checklist', () => {
    render(
      <AppointmentDayCard
        personId={me}
        appointment={{ ...appt, type: null }}
        today="2027-02-15"
        ticks={tick(7)}
        application={{ kind: 'extension', permitType: 'short-term' }}
      />,
      root,
    );
    expect($('checklist-progress')?.textContent).toBe('7 of 11 ready');
  });

  it('the emergency checklist lists what to keep and bring, with ticks', () => {
    render(
      <EmergencyChecklist
        personId={me}
        today="2027-01-20"
        open
        ticks={{ emergency: { 'hospital-records': { done: true, na: false, note: '' } } }}
      />,
      root,
    );
    const card = $('emergency-checklist') as HTMLDetailsElement;
    expect(card.open).toBe(true);
    expect(card.textContent).toContain('Screenshots of the portal showing no available slots');
    expect(card.textContent).toContain("Doctor's certificate");
    expect($('checklist-progress')?.textContent).toBe('1 of 6 ready');
  });
});
