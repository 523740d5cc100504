import { describe, expect, it } from 'vitest';
import { istanbulInstant } from '../../../src/domain/calendar';
import {
  applyQuietHours,
  applyReminderSettings,
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  isReminderId,
  reminderSchedule,
  upcomingReminders,
  type ReminderPerson,
  type ReminderSettings,
  type ReminderState,
} from '../../../src/domain/reminders';

const IST = (date: string, time = '09:00') => istanbulInstant(date, time).toISOString();
const NOW = new Date(IST('2026-05-01', '12:00'));

function person(over: Partial<ReminderPerson> = {}): ReminderPerson {
  return { id: 'p-1', permitEnd: null, appointment: null, lockoutEvents: [], status: null, ...over };
}
function state(...people: ReminderPerson[]): ReminderState {
  return { people, lockoutLength: 30 };
}
function settings(over: Partial<ReminderSettings> = {}): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, ...over };
}
const byId = (s: ReminderState, now = NOW, set = settings()) =>
  Object.fromEntries(reminderSchedule(s, now, set).map((r) => [r.id, r]));

describe('reminderSchedule: permit reminders (end 2026-08-11)', () => {
  const s = state(person({ permitEnd: '2026-08-11' }));

  it('window opens 60 days before the end, levels change, 15 and 7 days left, at 09:00 Istanbul', () => {
    const r = reminderSchedule(s, NOW, settings());
    expect(r.map((x) => [x.id, x.fireAt])).toEqual([
      ['window-opens:p-1:2026-06-12', IST('2026-06-12')],
      ['urgency:p-1:high:2026-07-13', IST('2026-07-13')],
      ['days-left:p-1:15:2026-07-27', IST('2026-07-27')],
      ['urgency:p-1:very-high:2026-07-28', IST('2026-07-28')],
      ['days-left:p-1:7:2026-08-04', IST('2026-08-04')],
      ['urgency:p-1:critical:2026-08-12', IST('2026-08-12')],
    ]);
    expect(IST('2026-06-12')).toBe('2026-06-12T06:00:00.000Z'); // Istanbul is UTC+3
    const first = r[0]!;
    expect(first).toMatchObject({ kind: 'window-opens', personId: 'p-1', card: 'window' });
    expect(first.body.sources).toEqual(['law-6458-24-2']);
    expect(r.find((x) => x.kind === 'urgency')?.title).toMatchObject({
      text: 'reminder_urgency_high_title',
      params: { daysLeft: 29 },
    });
    expect(r.find((x) => x.id.startsWith('days-left:p-1:7'))?.body.text).toBe(
      'action_very_high_contact_office',
    );
  });

  it('ids are stable whatever the clock: recomputing later gives the same ids', () => {
    const later = new Date(IST('2026-07-20', '15:00'));
    expect(reminderSchedule(s, later, settings()).map((r) => r.id)).toEqual(
      reminderSchedule(s, NOW, settings()).map((r) => r.id),
    );
  });

  it('the Medium level change is announced by the window reminder, or by itself when that is off', () => {
    const off = settings({ enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled, 'window-opens': false } });
    const r = byId(s, NOW, off);
    expect(r['window-opens:p-1:2026-06-12']).toBeUndefined();
    expect(r['urgency:p-1:medium:2026-06-12']?.title.params).toEqual({ daysLeft: 60 });
  });

  it('each kind can be turned off', () => {
    const off = settings({
      enabled: { ...DEFAULT_REMINDER_SETTINGS.enabled, urgency: false, 'days-left': false },
    });
    expect(reminderSchedule(s, NOW, off).map((r) => r.kind)).toEqual(['window-opens']);
  });

  it('uses the chosen time of day', () => {
    expect(byId(s, NOW, settings({ timeOfDay: '18:30' }))['window-opens:p-1:2026-06-12']?.fireAt).toBe(
      IST('2026-06-12', '18:30'),
    );
  });
});

describe('reminderSchedule: lockout, appointment, documents, status, cancellations', () => {
  it('lockout ends: 30 days after the confirmation (15 with the weak setting)', () => {
    const p = person({
      lockoutEvents: [{ kind: 'confirmed', bookedOn: '2026-05-01', firstSeen: '2026-05-01' }],
    });
    const r = byId(state(p));
    expect(r['lockout-ends:p-1:2026-05-31']).toMatchObject({ fireAt: IST('2026-05-31'), card: 'lockout' });
    // A confirmed block rests on the randevu article and one cut-off sentence (weak).
    expect(r['lockout-ends:p-1:2026-05-31']?.body).toMatchObject({
      text: 'lockout_ended',
      sources: ['randevu-article', 'visa-guru-confirmed-block'],
      weak: true,
    });
    const r15 = reminderSchedule({ people: [p], lockoutLength: 15 }, NOW, settings());
    expect(r15.map((x) => x.id)).toEqual(['lockout-ends:p-1:2026-05-16']);
    expect(r15[0]?.body.weak).toBe(true);
  });

  it('appointment tomorrow: the day before, opening the checklist', () => {
    const r = byId(state(person({ appointment: { date: '2026-05-20', time: '10:30' } })));
    expect(r['appointment-tomorrow:p-1:2026-05-20']).toMatchObject({
      fireAt: IST('2026-05-19'),
      card: 'checklist',
      body: { text: 'reminder_appointment_tomorrow_body_time', params: { time: '10:30' } },
    });
  });

  it('documents deadline: 7 days, 1 day and the last day of the 30 from the date shown', () => {
    const p = person({
      status: { status: 'documents-required', since: '2026-10-15', noticeDate: '2026-10-14' },
    });
    const r = reminderSchedule(state(p), new Date(IST('2026-10-15', '12:00')), settings());
    expect(r.map((x) => [x.id, x.fireAt])).toEqual([
      ['documents-deadline:p-1:2026-11-13:7', IST('2026-11-06')],
      ['documents-deadline:p-1:2026-11-13:1', IST('2026-11-12')],
      ['documents-deadline:p-1:2026-11-13:0', IST('2026-11-13')],
    ]);
    expect(r[0]?.body.text).toBe('status_documents_required_deadline');
    // No date on the page: counted from the day first seen, and the body says it is an estimate.
    const est = person({ status: { status: 'documents-required', since: '2026-10-15', noticeDate: null } });
    const r2 = reminderSchedule(state(est), new Date(IST('2026-10-15', '12:00')), settings());
    expect(r2[0]?.id).toBe('documents-deadline:p-1:2026-11-14:7');
    expect(r2[0]?.body.text).toBe('status_documents_required_deadline_estimated');
  });

  it('status unchanged for N days (waiting statuses only)', () => {
    const p = person({ status: { status: 'in-progress', since: '2026-05-01', noticeDate: null } });
    expect(byId(state(p))['status-unchanged:p-1:2026-05-01:30']?.fireAt).toBe(IST('2026-05-31'));
    expect(
      byId(state(p), NOW, settings({ unchangedDays: 10 }))['status-unchanged:p-1:2026-05-01:10']?.fireAt,
    ).toBe(IST('2026-05-11'));
    const concluded = person({
      status: { status: 'concluded-apply-to-office', since: '2026-05-01', noticeDate: null },
    });
    expect(reminderSchedule(state(concluded), NOW, settings())).toEqual([]);
  });

  it('check for cancellations at the picked times: yesterday, today and tomorrow', () => {
    const r = reminderSchedule(state(), NOW, settings({ cancellationTimes: ['10:00', '18:00'] }));
    expect(r.map((x) => x.id)).toEqual([
      'cancellation-check:2026-04-30T10:00',
      'cancellation-check:2026-04-30T18:00',
      'cancellation-check:2026-05-01T10:00',
      'cancellation-check:2026-05-01T18:00',
      'cancellation-check:2026-05-02T10:00',
      'cancellation-check:2026-05-02T18:00',
    ]);
    expect(r[0]).toMatchObject({ personId: null, kind: 'cancellation-check' });
    expect(r.every((x) => isReminderId(x.id))).toBe(true);
  });

  it('covers several people, each id naming its person', () => {
    const r = reminderSchedule(
      state(person({ permitEnd: '2026-08-11' }), person({ id: 'p-2', permitEnd: '2026-08-11' })),
      NOW,
      settings(),
    );
    expect(r.filter((x) => x.personId === 'p-2')).toHaveLength(6);
    expect(new Set(r.map((x) => x.id)).size).toBe(12);
  });
});

describe('quiet hours', () => {
  const q = { enabled: true, start: '22:00', end: '08:00' };
  it('moves a reminder in quiet hours to their end (spanning midnight)', () => {
    expect(applyQuietHours(new Date(IST('2026-05-01', '23:00')), q).toISOString()).toBe(
      IST('2026-05-02', '08:00'),
    );
    expect(applyQuietHours(new Date(IST('2026-05-01', '07:00')), q).toISOString()).toBe(
      IST('2026-05-01', '08:00'),
    );
    expect(applyQuietHours(new Date(IST('2026-05-01', '08:00')), q).toISOString()).toBe(
      IST('2026-05-01', '08:00'),
    );
    expect(applyQuietHours(new Date(IST('2026-05-01', '21:59')), q).toISOString()).toBe(
      IST('2026-05-01', '21:59'),
    );
    expect(
      applyQuietHours(new Date(IST('2026-05-01', '23:00')), { ...q, enabled: false }).toISOString(),
    ).toBe(IST('2026-05-01', '23:00'));
  });

  it('within one day too', () => {
    const noon = { enabled: true, start: '12:00', end: '14:00' };
    expect(applyQuietHours(new Date(IST('2026-05-01', '13:00')), noon).toISOString()).toBe(
      IST('2026-05-01', '14:00'),
    );
    expect(applyQuietHours(new Date(IST('2026-05-01', '14:00')), noon).toISOString()).toBe(
      IST('2026-05-01', '14:00'),
    );
  });

  it('applies to the schedule: a 23:00 day reminder and a 07:00 cancellation check move to 08:00', () => {
    const s = state(person({ permitEnd: '2026-08-11' }));
    const r = byId(s, NOW, settings({ timeOfDay: '23:00', cancellationTimes: ['07:00'] }));
    expect(r['window-opens:p-1:2026-06-12']?.fireAt).toBe(IST('2026-06-13', '08:00'));
    expect(r['cancellation-check:2026-05-01T07:00']?.fireAt).toBe(IST('2026-05-01', '08:00'));
  });
});

describe('dueReminders and upcomingReminders', () => {
  const s = reminderSchedule(state(person({ permitEnd: '2026-08-11' })), NOW, settings());
  const ids = new Set(s.map((r) => r.id));

  it('fires what was registered and came due, once; on time is not late', () => {
    const at = new Date(Date.parse(IST('2026-06-12')) + 30_000);
    const d = dueReminders(s, ids, new Set(), at);
    expect(d.fire.map((f) => [f.reminder.id, f.late])).toEqual([['window-opens:p-1:2026-06-12', false]]);
    expect(dueReminders(s, ids, new Set(['window-opens:p-1:2026-06-12']), at).fire).toEqual([]);
  });

  it('never fires a reminder that was not registered before it came due (data entered late)', () => {
    const at = new Date(IST('2026-07-30', '10:00'));
    expect(dueReminders(s, new Set(), new Set(), at).fire).toEqual([]);
  });

  it('after a long absence: the newest missed reminder of each kind fires, late; older ones are superseded', () => {
    const at = new Date(IST('2026-07-30', '10:00'));
    const d = dueReminders(s, ids, new Set(), at);
    expect(d.fire.map((f) => [f.reminder.id, f.late])).toEqual([
      ['window-opens:p-1:2026-06-12', true],
      ['days-left:p-1:15:2026-07-27', true],
      ['urgency:p-1:very-high:2026-07-28', true],
    ]);
    expect(d.superseded.map((r) => r.id)).toEqual(['urgency:p-1:high:2026-07-13']);
  });

  it('upcoming: future and not fired, nearest first', () => {
    const up = upcomingReminders(s, new Set(['urgency:p-1:high:2026-07-13']), new Date(IST('2026-07-01')));
    expect(up.map((r) => r.id)).toEqual([
      'days-left:p-1:15:2026-07-27',
      'urgency:p-1:very-high:2026-07-28',
      'days-left:p-1:7:2026-08-04',
      'urgency:p-1:critical:2026-08-12',
    ]);
  });
});

describe('applyReminderSettings', () => {
  it('applies the valid parts of a patch only', () => {
    const s = applyReminderSettings(DEFAULT_REMINDER_SETTINGS, {
      enabled: { urgency: false },
      timeOfDay: '25:00',
      unchangedDays: 1000,
      cancellationTimes: ['18:00', '09:30', '18:00'],
      quietHours: { enabled: false, start: '23:00', end: '07:00' },
    });
    expect(s.enabled.urgency).toBe(false);
    expect(s.enabled['window-opens']).toBe(true);
    expect(s.timeOfDay).toBe('09:00');
    expect(s.unchangedDays).toBe(365);
    expect(s.cancellationTimes).toEqual(['09:30', '18:00']);
    expect(s.quietHours).toEqual({ enabled: false, start: '23:00', end: '07:00' });
    expect(DEFAULT_REMINDER_SETTINGS.enabled.urgency).toBe(true); // not mutated
  });
});
