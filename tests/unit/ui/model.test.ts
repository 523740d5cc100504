import { describe, expect, it } from 'vitest';
import { emptyFacts, mergeReading, type PersonFacts } from '../../../src/state/facts';
import { DEFAULT_PERSON, DEFAULT_SETTINGS } from '../../../src/storage';
import { panelModel } from '../../../src/ui/model/panelModel';
import { reading } from '../helpers';

const people = { people: [DEFAULT_PERSON], activeId: DEFAULT_PERSON.id };
const at = '2026-11-20T08:00:00.000Z';

function model(f: PersonFacts, now = '2026-11-24T09:00:00.000Z', settings = DEFAULT_SETTINGS) {
  return panelModel({
    people,
    facts: { [DEFAULT_PERSON.id]: f },
    settings,
    reading: null,
    now: new Date(now),
  });
}

const randevu = (appointment: { date: string; time: string | null; bookedOn: string | null }) =>
  reading({
    portal: 'randevu',
    page: 'randevu-my-appointments',
    permit: null,
    status: null,
    statusText: null,
    appointment: { office: 'Fatih', type: 'İkamet İzinli Yabancı - Adres Tescili', ...appointment },
  });

describe('panel model', () => {
  it('shows nothing invented when no end date is known', () => {
    const m = model(emptyFacts());
    expect(m.urgency).toBe(null);
    expect(m.window).toBe(null);
    expect(m.end).toBe(null);
  });

  it('counts days left on the Istanbul calendar', () => {
    const f = mergeReading(emptyFacts(), reading({ permit: { start: null, end: '2026-12-24' } }), at);
    // 20:59 UTC on 23 Nov is 23:59 in Istanbul; 21:00 UTC is already 24 Nov there.
    expect(model(f, '2026-11-23T20:59:00.000Z').urgency?.daysLeft).toBe(31);
    expect(model(f, '2026-11-23T21:00:00.000Z').urgency?.daysLeft).toBe(30);
    expect(model(f, '2026-11-23T21:00:00.000Z').urgency?.level).toBe('medium');
  });

  it('raises a lockout that outlasts the permit as the top warning', () => {
    let f = mergeReading(emptyFacts(), reading({ permit: { start: null, end: '2026-12-10' } }), at);
    f = mergeReading(f, randevu({ date: '2026-12-01', time: '10:00', bookedOn: '2026-11-20' }), at);
    const m = model(f);
    expect(m.lockout).toMatchObject({ active: true, opensOn: '2026-12-20', outlastsPermit: true });
    expect(m.topWarning?.text).toBe('lockout_outlasts_permit');
  });

  it('estimates the lockout from the day a confirmed appointment was first seen when no booking date is shown', () => {
    const f = mergeReading(emptyFacts(), randevu({ date: '2027-01-10', time: null, bookedOn: null }), at);
    expect(model(f).lockout).toMatchObject({
      estimated: true,
      startsOn: '2026-11-20',
      opensOn: '2026-12-20',
    });
  });

  it('asks once whether a past appointment was attended, and counts a miss', () => {
    const f = mergeReading(
      emptyFacts(),
      randevu({ date: '2026-11-21', time: '09:00', bookedOn: '2026-11-01' }),
      at,
    );
    expect(model(f).appointment?.askAttended).toBe(true);
    const missed = { ...f, attended: { '2026-11-21': 'no' as const } };
    const m = model(missed);
    expect(m.appointment?.askAttended).toBe(false);
    expect(m.lockout).toMatchObject({ kind: 'missed', opensOn: '2026-12-21' });
  });

  it('flags an appointment on a holiday with the next working day', () => {
    const f = mergeReading(emptyFacts(), randevu({ date: '2027-03-10', time: '09:00', bookedOn: null }), at);
    const a = model(f).appointment!;
    expect(a.day?.status).toBe('closed');
    expect(a.nextWorking?.date).toBe('2027-03-12');
  });

  it('prefers the SMS-pending answer when it is newer than any appointment', () => {
    const f = mergeReading(
      emptyFacts(),
      reading({ appointmentPending: true, page: 'eikamet-appointment' }),
      at,
    );
    expect(model(f).appointmentPending?.value).toBe(true);
    expect(model(f).appointment).toBe(null);
  });

  it('uses the 15-day lockout when the user chooses it', () => {
    const f = mergeReading(
      emptyFacts(),
      randevu({ date: '2027-01-10', time: null, bookedOn: '2026-11-20' }),
      at,
    );
    expect(model(f, undefined, { ...DEFAULT_SETTINGS, lockoutDays: 15 }).lockout?.opensOn).toBe('2026-12-05');
  });
});

describe('panel model, expired permit', () => {
  it('shows days over and the 10-day rules only once the permit has expired', () => {
    const f = mergeReading(emptyFacts(), reading({ permit: { start: null, end: '2026-11-20' } }), at);
    const m = model(f, '2026-11-24T09:00:00.000Z');
    expect(m.urgency?.level).toBe('critical');
    expect(m.overdue).toMatchObject({ expired: true, daysOver: 4, withinLateAcceptance: true });
    const valid = mergeReading(emptyFacts(), reading({ permit: { start: null, end: '2026-11-24' } }), at);
    expect(model(valid, '2026-11-24T09:00:00.000Z').overdue).toBe(null);
  });
});
