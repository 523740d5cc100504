import { describe, expect, it } from 'vitest';
import { missedAppointmentAdvice, appointmentDateBySms } from '../../../src/domain/appointment';
import {
  APPLICATION_STATUSES,
  captchaNote,
  DECISION_LIMIT_DAYS,
  decisionLimit,
  documentsDeadline,
  isCaptchaFailure,
  LONG_TERM_EVALUATION_DAYS,
  longTermEvaluationNote,
  statusInfo,
} from '../../../src/domain/status';
import { renderEn } from '../../../src/domain/text';

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

describe('a status read from the login page, and what is not a status', () => {
  it('"Not found": re-check the login details (number, phone or e-mail, passport or ID); visit the PMM', () => {
    const info = statusInfo('not-found');
    expect(info.actions.map((a) => renderEn(a))).toEqual([
      'Re-check what you entered to log in: the application number (like 2024-34-1234567), the phone number or e-mail, and the passport or foreign-ID number.',
      'Visit the Provincial Directorate of Migration Management (PMM).',
    ]);
  });

  it('"In Progress": being assessed; wait, the legal limit is 90 days (Art. 21(5))', () => {
    const info = statusInfo('in-progress');
    expect(renderEn(info.meaning)).toBe('Your application is being assessed.');
    expect(renderEn(info.actions[0]!)).toBe(
      'Wait: the legal limit for a decision is 90 days from a complete file.',
    );
  });

  it('a refusal: the message tells you to call 157 (status guides)', () => {
    const call = statusInfo('concluded-apply-to-office').actions.find(
      (a) => a.text === 'status_refused_call_157',
    )!;
    expect(call.sources).toEqual(['status-guides-2026']);
    expect(renderEn(call)).toBe(
      'If the message says your application was refused, it tells you to call 157: call that number and ask what you can do.',
    );
    // Positive control: no other status mentions 157.
    for (const s of APPLICATION_STATUSES.filter((x) => x !== 'concluded-apply-to-office'))
      expect(
        statusInfo(s)
          .actions.map((a) => renderEn(a))
          .join(' '),
      ).not.toContain('157');
  });

  it('"Image verification fails." is the captcha error, never a status; real status texts are not', () => {
    for (const t of [
      'Image verification fails.',
      'IMAGE VERIFICATION FAILS',
      '  Image   verification fails. ',
    ])
      expect(isCaptchaFailure(t), t).toBe(true);
    for (const t of ['In Progress', 'Not found', "Kayıt durumunuz: PTT'ye Teslim Edildi", '', null])
      expect(isCaptchaFailure(t), String(t)).toBe(false);
    expect(captchaNote().sources).toEqual(['status-guides-2026']);
    expect(renderEn(captchaNote())).toMatch(
      /^"Image verification fails\." on the e-ikamet login page is not a status/,
    );
  });
});

describe('evaluation time: 90 days in law; up to 180 for long-term permits in İstanbul and Antalya (YİMER, weak)', () => {
  it('long-term in İstanbul or Antalya: YİMER 180 days, weak, beside the law', () => {
    for (const [p, name] of [
      ['istanbul', 'İstanbul'],
      ['antalya', 'Antalya'],
    ] as const) {
      const l = longTermEvaluationNote('long-term', p)!;
      expect(l.sources).toEqual(['yimer-long-term-180', 'law-6458-21-5']);
      expect(l.weak).toBe(true);
      expect(renderEn(l)).toBe(
        `For long-term permits in ${name}, YİMER says the evaluation may take up to 180 days; the law says a decision is due within 90 days of a complete file.`,
      );
    }
    expect(LONG_TERM_EVALUATION_DAYS).toBe(180);
    expect(DECISION_LIMIT_DAYS).toBe(90);
  });

  it('nothing beyond the law where the type or the province is unknown, or another type or province', () => {
    expect(longTermEvaluationNote('long-term', null)).toBeNull();
    expect(longTermEvaluationNote(null, 'istanbul')).toBeNull();
    expect(longTermEvaluationNote('short-term', 'istanbul')).toBeNull();
    expect(longTermEvaluationNote('long-term', 'bursa')).toBeNull();
  });
});
