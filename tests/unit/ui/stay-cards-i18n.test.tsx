// @vitest-environment happy-dom
/**
 * Issue 9: the stay, overstay, reminders, settings and delete cards take every sentence from the catalogue, in the
 * language's own word order (a made-up catalogue proves it, whatever the state of the real translations).
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/domain/reminders';
import { EN_MESSAGES, type Messages } from '../../../src/i18n/catalogue';
import { makeFormat } from '../../../src/i18n/format';
import { DEFAULT_SETTINGS, type FiredReminder } from '../../../src/storage';
import { DangerZone } from '../../../src/ui/settings/DangerZone';
import { FormatContext } from '../../../src/ui/shared/FormatContext';
import { OverstayCard } from '../../../src/ui/shared/OverstayCard';
import { RemindersCard } from '../../../src/ui/settings/RemindersCard';
import { SettingsCard } from '../../../src/ui/settings/SettingsCard';
import { StayCard } from '../../../src/ui/stay/StayCard';
import { cardHarness } from './harness';

const { root } = cardHarness();

const TR: Messages = {
  ...EN_MESSAGES,
  ui_stay_title: '180 günde {allowance} gün vizesiz kalış',
  ui_stay_days_used_value: '{allowance} günün {used} günü',
  ui_stay_trip_range_open: '{entry} – hâlâ burada',
  ui_stay_trip_days: '(gün: {days})',
  ui_overstay_title_permit: 'İzin süresi aşımı — gün: {days}',
  ui_reminders_title: 'Hatırlatmalar',
  ui_reminders_quiet_range: '{start} ile {end} arası bildirim yok',
  ui_reminders_person_title: '{title} ({name})',
  ui_reminders_late: 'geç',
  ui_settings_title: 'Ayarlar',
  ui_settings_lockout_days: '{days} gün',
  ui_danger_confirm_label: 'Her şeyi silmek için {word} yazın',
  ui_danger_failed_storage:
    'Yalnızca bir kısmı silindi: kanıt günlüğü silindi, geri kalanı duruyor. ({detail})',
};
const tr = makeFormat('tr', TR);

async function show(node: ComponentChildren) {
  await act(() => {
    render(<FormatContext.Provider value={tr}>{node}</FormatContext.Provider>, root);
  });
}

describe('the stay group in another language', () => {
  it('StayCard: title, figures and trips from the catalogue, dates in the language', async () => {
    await show(
      <StayCard
        personId="p-default"
        stay={{ allowance: 90, trips: [{ id: 't1', entry: '2026-06-01', exit: null }] }}
        today="2026-06-30"
      />,
    );
    expect(root.querySelector('h2')?.textContent).toBe('180 günde 90 gün vizesiz kalış');
    // the bold figure goes where the language puts it
    expect(root.querySelector('[data-testid="stay-days-used"]')?.parentElement?.textContent).toContain(
      '90 günün 30 günü',
    );
    expect(root.querySelector('[data-testid="stay-trip"]')?.textContent).toBe('1 Haziran 2026 – hâlâ burada');
    expect(root.textContent).toContain('(gün: 30)');
    expect(root.querySelector('[data-testid="stay-latest-exit"]')?.textContent).toBe('29 Ağustos 2026');
  });

  it('OverstayCard: a plural-free title', async () => {
    await show(<OverstayCard daysOver={1} kind="permit" today="2026-06-30" />);
    expect(root.querySelector('h2')?.textContent).toBe('İzin süresi aşımı — gün: 1');
  });

  it('RemindersCard: the quiet-hours inputs sit where the sentence puts them; names after titles', async () => {
    const fired: FiredReminder[] = [
      {
        id: 'window-opens:p-2:2026-06-12',
        kind: 'window-opens',
        personId: 'p-2',
        fireAt: '2026-06-12T06:00:00.000Z',
        firedAt: '2026-06-14T16:00:00.000Z',
        late: true,
        title: { text: 'reminder_window_opens_title', sources: [] },
        card: 'window',
      },
    ];
    const people = [
      { id: 'p-default', name: 'Me', createdAt: '2026-01-01T00:00:00Z' },
      { id: 'p-2', name: 'Ayşe', createdAt: '2026-01-01T00:00:00Z' },
    ];
    await show(
      <RemindersCard
        settings={DEFAULT_REMINDER_SETTINGS}
        fired={fired}
        upcoming={[]}
        people={people}
        today="2026-06-14"
      />,
    );
    expect(root.querySelector('h2')?.textContent).toBe('Hatırlatmalar');
    const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('bildirim yok'))!;
    const [start, end] = [...label.querySelectorAll('input[type="time"]')];
    expect(start?.getAttribute('aria-label')).toBe('Quiet hours start');
    expect(end?.getAttribute('aria-label')).toBe('Quiet hours end');
    expect(label.textContent).toContain(' ile  arası bildirim yok');
    const li = root.querySelector('[data-testid="reminders-log"] li');
    expect(li?.textContent).toContain('Extension window opens today (Ayşe)');
    expect(li?.textContent).toContain('geç');
  });

  it('SettingsCard: headings and options from the catalogue; hosts other settings first', async () => {
    await show(
      <SettingsCard s={DEFAULT_SETTINGS}>
        <p data-testid="hosted">language menu</p>
      </SettingsCard>,
    );
    expect(root.querySelector('h2')?.textContent).toBe('Ayarlar');
    expect(root.textContent).toContain('30 gün');
    expect(root.querySelector('summary + [data-testid="hosted"]')).not.toBeNull();
  });

  it('DangerZone: the typed word stays DELETE inside the translated sentence; a refusal is translated', async () => {
    // The real background stops after the evidence log: storage cannot be cleared.
    vi.spyOn(fakeBrowser.storage.local, 'clear').mockRejectedValue(new Error('disk error'));
    await show(<DangerZone />);
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="danger-open"]')!.click());
    expect(root.querySelector('label[for="danger-confirm"]')?.textContent).toBe(
      'Her şeyi silmek için DELETE yazın',
    );
    const input = root.querySelector<HTMLInputElement>('[data-testid="danger-input"]')!;
    await act(() => {
      input.value = 'DELETE';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="danger-confirm"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    const result = root.querySelector('[data-testid="danger-result"]');
    expect(result?.textContent).toBe(
      'Yalnızca bir kısmı silindi: kanıt günlüğü silindi, geri kalanı duruyor. (disk error)',
    );
    expect(result?.getAttribute('role')).toBe('alert');
  });
});
