import { describe, expect, it } from 'vitest';
import { missedAppointmentAdvice, appointmentDateBySms } from '../../../src/domain/appointment';
import {
  APPLICATION_STATUSES,
  decisionLimit,
  documentsDeadline,
  statusInfo,
} from '../../../src/domain/status';

describe('statusInfo', () => {
  it('covers every status with a meaning and at least one action', () => {
    for (const s of APPLICATION_STATUSES) {
      const info = statusInfo(s);
      expect(info.status).toBe(s);
      expect(info.meaning.text).toBe(`status_${s.replace(/-/g, '_')}_meaning`);
      expect(info.actions.length).toBeGreaterThan(0);
      expect(info.sources.length).toBeGreaterThan(0);
    }
  });

  it('flags the weakly sourced rows', () => {
    const ptt = statusInfo('delivered-to-ptt').actions.find(
      (a) => a.text === 'status_delivered_to_ptt_ten_days',
    );
    expect(ptt?.weak).toBe(true);
    expect(ptt?.sources).toEqual(['ptt-secondary']);
    const slot = statusInfo('concluded-apply-to-office').actions.find(
      (a) => a.text === 'status_concluded_apply_to_office_istanbul_slot',
    );
    expect(slot?.weak).toBe(true);
  });

  it('in-progress cites the 90-day limit (Art. 21(5))', () => {
    expect(statusInfo('in-progress').actions[0]?.sources).toEqual(['law-6458-21-5']);
  });
});

describe('documentsDeadline (30 days)', () => {
  it('counts from the date shown; day 30 is the last day', () => {
    expect(documentsDeadline('2026-11-01', '2026-11-05', '2026-11-01')).toMatchObject({
      deadline: '2026-12-01',
      daysLeft: 30,
      passed: false,
      estimated: false,
    });
    expect(documentsDeadline('2026-11-01', '2026-11-05', '2026-12-01')).toMatchObject({
      daysLeft: 0,
      passed: false,
    });
    expect(documentsDeadline('2026-11-01', '2026-11-05', '2026-12-02')).toMatchObject({
      daysLeft: -1,
      passed: true,
    });
  });

  it('falls back to the first-seen day, marked estimated', () => {
    const c = documentsDeadline(null, '2026-11-05', '2026-11-10');
    expect(c).toMatchObject({ from: '2026-11-05', deadline: '2026-12-05', estimated: true });
    expect(c.line.text).toBe('status_documents_required_deadline_estimated');
    expect(c.line.weak).toBe(true);
  });
});

describe('decisionLimit (90 days, Art. 21(5))', () => {
  it('edges', () => {
    expect(decisionLimit('2026-11-01', '2026-11-01')).toMatchObject({
      dueBy: '2027-01-30',
      daysSince: 0,
      daysLeft: 90,
    });
    expect(decisionLimit('2026-11-01', '2027-01-30')).toMatchObject({
      daysSince: 90,
      daysLeft: 0,
      passed: false,
    });
    expect(decisionLimit('2026-11-01', '2027-01-31')).toMatchObject({ daysSince: 91, passed: true });
  });
});

describe('appointment advice', () => {
  it('İstanbul/Ankara date by SMS cites the e-ikamet instructions and YİMER 2018', () => {
    expect(appointmentDateBySms()[0]?.sources).toEqual(['e-ikamet-instructions', 'yimer-2018']);
  });

  it('missed appointment: the guide first, the weaker law-firm reading after it', () => {
    const lines = missedAppointmentAdvice();
    expect(lines[0]).toMatchObject({ text: 'missed_slot_only', sources: ['relocation-guide'] });
    expect(lines[1]).toMatchObject({ text: 'missed_never_applied', weak: true });
    expect(lines[0]?.weak).toBeUndefined();
  });
});
