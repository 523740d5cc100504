// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/domain/reminders';
import { emptyFacts, mergeReading } from '../../../src/state/facts';
import { appendStatus, type TimelineEntry } from '../../../src/state/timeline';
import type { FiredReminder } from '../../../src/storage';
import { RemindersCard } from '../../../src/ui/settings/RemindersCard';
import { StatusCard } from '../../../src/ui/deadlines/StatusCard';
import { statusView } from '../../../src/ui/model/statusView';
import { reading } from '../helpers';
import { cardHarness } from './harness';

const { root, sent } = cardHarness();

const q = (id: string) => root.querySelector(`[data-testid="${id}"]`);
const inProgress = { status: 'in-progress' as const, text: 'Değerlendirme aşamasındadır', date: null };
const missing = { status: 'documents-required' as const, text: 'Missing documents', date: '2026-10-14' };

function timeline(): TimelineEntry[] {
  let t = appendStatus([], inProgress, null, '2026-10-01T08:00:00.000Z');
  t = appendStatus(t, missing, null, '2026-10-15T08:00:00.000Z');
  return t;
}

describe('statusView', () => {
  it('documents-required: the 30-day countdown from the date shown', () => {
    const v = statusView(emptyFacts(), timeline(), undefined, '2026-10-20');
    expect(v.countdown).toMatchObject({ deadline: '2026-11-13', daysLeft: 24, estimated: false });
    expect(v.decision).toBeNull();
    expect(v.history.map((e) => e.status)).toEqual(['documents-required', 'in-progress']);
  });

  it('in progress: the 90-day count from the first in-progress reading, or the date entered', () => {
    const t = appendStatus([], inProgress, null, '2026-10-01T08:00:00.000Z');
    expect(statusView(emptyFacts(), t, undefined, '2026-10-31').decision).toMatchObject({
      completeOn: '2026-10-01',
      basis: 'first-in-progress',
      daysSince: 30,
      dueBy: '2026-12-30',
    });
    expect(
      statusView(emptyFacts(), t, { label: null, completeOn: '2026-09-15' }, '2026-10-31').decision,
    ).toMatchObject({ completeOn: '2026-09-15', basis: 'entered', daysSince: 46 });
  });

  it("long-term permit with an İstanbul office read: YİMER's up to 180 days beside the 90-day count (weak)", () => {
    const t = appendStatus([], inProgress, null, '2026-10-01T08:00:00.000Z');
    const origin = { source: 'read', portal: 'e-ikamet', page: null } as const;
    const at = { firstSeen: '2026-10-01T08:00:00.000Z', lastSeen: '2026-10-01T08:00:00.000Z' };
    const office = (name: string) => ({
      date: '2026-10-20',
      time: '10:00',
      office: name,
      type: null,
      bookedOn: null,
    });
    const facts = (permitType: 'long-term' | 'short-term', officeName: string) => ({
      ...emptyFacts(),
      permitType: [{ value: permitType, ...origin, ...at }],
      appointment: [{ value: office(officeName), ...origin, ...at }],
    });
    const v = statusView(facts('long-term', 'İstanbul İl Göç İdaresi Müdürlüğü'), t, undefined, '2026-10-31');
    expect(v.decision?.longTerm?.sources).toEqual(['yimer-long-term-180', 'law-6458-21-5']);
    expect(v.decision?.longTerm?.weak).toBe(true);
    expect(v.decision?.daysSince).toBe(30);
    // Positive controls: a short-term permit, or a province not named by YİMER, gets the law's 90 days only.
    expect(
      statusView(facts('short-term', 'İstanbul'), t, undefined, '2026-10-31').decision?.longTerm,
    ).toBeNull();
    expect(
      statusView(facts('long-term', 'Ankara'), t, undefined, '2026-10-31').decision?.longTerm,
    ).toBeNull();
    expect(statusView(emptyFacts(), t, undefined, '2026-10-31').decision?.longTerm).toBeNull();
  });

  it('before any status: the captcha error is said not to be a status; once a status is read, not repeated', () => {
    expect(statusView(emptyFacts(), [], undefined, '2026-10-31').captcha?.text).toBe(
      'status_captcha_not_a_status',
    );
    expect(statusView(emptyFacts(), timeline(), undefined, '2026-10-31').captcha).toBeNull();
  });

  it('falls back to the facts for a status read before the timeline existed', () => {
    const f = mergeReading(emptyFacts(), reading(), '2026-09-01T08:00:00.000Z');
    const v = statusView(f, [], undefined, '2026-09-11');
    expect(v.current?.status).toBe('in-progress');
    expect(v.decision?.daysSince).toBe(10);
  });
});

/** The card for the default person on 2026-10-20, with no facts and the given history. */
async function renderStatusCard(entries: TimelineEntry[]): Promise<void> {
  await act(() => {
    render(
      <StatusCard
        personId="p-default"
        facts={emptyFacts()}
        timeline={entries}
        application={undefined}
        today="2026-10-20"
      />,
      root,
    );
  });
}

describe('StatusCard', () => {
  it('shows the current status with its meaning, the countdown and the history', async () => {
    await renderStatusCard(timeline());
    expect(q('status-current')?.getAttribute('data-status')).toBe('documents-required');
    expect(q('status-current')?.textContent).toContain('Documents are missing');
    expect(q('documents-countdown')?.getAttribute('data-days-left')).toBe('24');
    expect(q('documents-countdown')?.textContent).toContain('13 Nov 2026');
    expect(q('documents-countdown')?.querySelector('strong')?.textContent).toBe(
      'Days left to deliver the missing documents: 24',
    );
    expect(q('status-history')?.querySelectorAll('li')).toHaveLength(2);
  });

  it('sends the label, refusing an application number before sending', async () => {
    await renderStatusCard([]);
    const input = root.querySelector<HTMLInputElement>('[data-testid="application-label"]')!;
    input.value = '2024-34-1234567';
    await act(() => void input.dispatchEvent(new Event('input')));
    await act(() => void input.form!.dispatchEvent(new Event('submit', { cancelable: true })));
    expect(sent).toEqual([]);
    expect(root.querySelector('.error')?.textContent).toMatch(/number/);
    expect(root.querySelector('.error')?.getAttribute('role')).toBe('alert');
    input.value = '2026 extension';
    await act(() => void input.dispatchEvent(new Event('input')));
    await act(async () => {
      input.form!.dispatchEvent(new Event('submit', { cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(sent).toEqual([
      { type: 'panel:setApplicationLabel', payload: { personId: 'p-default', label: '2026 extension' } },
    ]);
  });
});

describe('StatusCard date field', () => {
  it('refuses an impossible or future date with a sentence, sending nothing', async () => {
    await renderStatusCard([]);
    const input = root.querySelector<HTMLInputElement>('#complete-on')!;
    const submit = async (v: string) => {
      input.value = v;
      await act(() => void input.dispatchEvent(new Event('input')));
      await act(() => void input.form!.dispatchEvent(new Event('submit', { cancelable: true })));
      return root.querySelector('.error')?.textContent;
    };
    expect(await submit('2026-02-30')).toBe('February 2026 has 28 days, so day 30 does not exist.');
    expect(await submit('30.02.2026')).toBe('"30.02.2026" is not a date in the form YYYY-MM-DD.');
    expect(await submit('2026-12-01')).toBe('The day your file was complete cannot be in the future.');
    expect(sent).toEqual([]);
  });
});

describe('RemindersCard', () => {
  it('lists fired reminders with late marks and toggles a kind', async () => {
    const fired: FiredReminder[] = [
      {
        id: 'window-opens:p-default:2026-06-12',
        kind: 'window-opens',
        personId: 'p-default',
        fireAt: '2026-06-12T06:00:00.000Z',
        firedAt: '2026-06-14T16:00:00.000Z',
        late: true,
        title: { text: 'reminder_window_opens_title', sources: [] },
        card: 'window',
      },
    ];
    await act(() => {
      render(
        <RemindersCard
          settings={DEFAULT_REMINDER_SETTINGS}
          fired={fired}
          upcoming={[]}
          people={[]}
          today="2026-06-14"
        />,
        root,
      );
    });
    const li = q('reminders-log')?.querySelector('li');
    expect(li?.getAttribute('data-late')).toBe('true');
    expect(li?.textContent).toContain('Extension window opens today');
    expect(li?.textContent).toContain('late');
    const box = root.querySelector<HTMLInputElement>('[data-testid="reminder-kind-urgency"]')!;
    await act(async () => {
      box.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(sent).toEqual([{ type: 'panel:setReminderSettings', payload: { enabled: { urgency: false } } }]);
  });
});
