import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { isKnownChecklistItem, knownItemIds } from '../../../src/domain/checklistKeys';
import {
  appointmentDay,
  confirmCheck,
  getRandevuType,
  goalsFor,
  matchRandevuType,
  RANDEVU_TYPES,
  randevuDocuments,
} from '../../../src/domain/randevuTypes';
import { isSourceId } from '../../../src/domain/sources';
import { renderEn } from '../../../src/domain/text';

describe('matchRandevuType', () => {
  it.each([
    ['İkamet İzinli Yabancı - Adres Tescili', 'address-registration'],
    ['İKAMET İZİNLİ YABANCI - ADRES TESCİLİ', 'address-registration'],
    ['ikamet izinli yabancı - adres tescili', 'address-registration'],
    ['IKAMET IZINLI YABANCI - ADRES TESCILI', 'address-registration'],
    ['Foreigner with Residence Permit - Address Registration', 'address-registration'],
    ['FOREIGNER WITH RESIDENCE PERMIT - ADDRESS REGISTRATION', 'address-registration'],
    ['Pasaport Bilgisi Güncelleme', 'passport-update'],
    ['PASAPORT BİLGİSİ GÜNCELLEME', 'passport-update'],
    ['Passport Information Update', 'passport-update'],
    ['Kişisel Bilgi Güncelleme', 'personal-info-update'],
    ['KİŞİSEL BİLGİ GÜNCELLEME', 'personal-info-update'],
    ['  Kisisel\u00a0Bilgi   Guncelleme ', 'personal-info-update'],
    ['Personal Information Update', 'personal-info-update'],
  ])('%s → %s', (label, id) => {
    expect(matchRandevuType(label)?.id).toBe(id);
  });

  it('returns null for nothing, or a type not known here', () => {
    expect(matchRandevuType(null)).toBeNull();
    expect(matchRandevuType('')).toBeNull();
    expect(matchRandevuType('Parmak İzi Alımı')).toBeNull();
    expect(matchRandevuType('Fingerprinting')).toBeNull();
  });
});

describe('randevu types', () => {
  it('each type says what it is for and which goals it is wrong for; extensions are never a randevu matter', () => {
    for (const t of RANDEVU_TYPES) {
      const g = goalsFor(t.id);
      expect(g.right.length, t.id).toBeGreaterThan(0);
      expect(g.wrong.map((l) => l.text)).toContain('randevu_goal_ikamet_application');
      expect(g.right.map((l) => l.text)).not.toContain('randevu_goal_ikamet_application');
      expect(renderEn({ text: t.purpose })).toBeTruthy();
    }
    const ikamet = goalsFor('address-registration').wrong.find(
      (l) => l.text === 'randevu_goal_ikamet_application',
    )!;
    expect(renderEn(ikamet)).toMatch(/extending .* done on e-ikamet, not with a randevu/);
    expect(ikamet.sources).toEqual(['e-ikamet-instructions']);
  });

  it('the İstanbul "apply to the office" use of Kişisel Bilgi Güncelleme stays weak', () => {
    const l = goalsFor('personal-info-update').right.find((x) => x.text === 'randevu_goal_apply_to_office');
    expect(l?.weak).toBe(true);
  });

  it('documents: proof of address for address registration, "nothing known" for the others', () => {
    const a = randevuDocuments(getRandevuType('address-registration'));
    expect(a.key).toBe('randevu:address-registration');
    expect(a.items.map((i) => i.id)).toEqual(['address']);
    expect(renderEn({ text: a.items[0]!.explain })).toMatch(/notarised rental contract, a title deed/);
    for (const id of ['passport-update', 'personal-info-update'] as const) {
      const d = randevuDocuments(getRandevuType(id));
      expect(d.items).toEqual([]);
      expect(d.noList).toBe('no-official-list');
      expect(d.notices[0]!.text).toBe('randevu_type_bring_none_known');
    }
  });

  it('known keys and items for ticks', () => {
    expect(isKnownChecklistItem('randevu:address-registration', 'address')).toBe(true);
    expect(isKnownChecklistItem('randevu:address-registration', 'passport')).toBe(false);
    expect(knownItemIds('randevu:passport-update')?.size).toBe(0);
    expect(knownItemIds('randevu:nope')).toBeNull();
    expect(isKnownChecklistItem('app:extension:short-term', 'previous-card')).toBe(true);
    expect(isKnownChecklistItem('emergency', 'doctor-certificate')).toBe(true);
    expect(isKnownChecklistItem('emergency', '__proto__')).toBe(false);
  });
});

describe('confirmCheck', () => {
  const appointment = {
    type: 'İkamet İzinli Yabancı - Adres Tescili',
    office: 'Antalya İl Göç İdaresi Müdürlüğü',
    date: '2027-02-15',
    time: '10:30',
  };

  it('the lockout ends today + 30 days; well before the permit end nothing is critical', () => {
    const c = confirmCheck({ appointment, permitEnd: '2027-08-11', today: '2027-01-20', lockoutDays: 30 });
    expect(c.lockoutUntil).toBe('2027-02-19');
    expect(renderEn(c.lockoutLine)).toBe(
      'After confirming, you cannot book another randevu appointment until 19 Feb 2027.',
    );
    expect(c.lockoutLine.sources).toEqual(['randevu-article']);
    expect(c.critical).toBe(false);
    expect(c.warning).toBeNull();
    expect(c.permitEndUnknown).toBeNull();
    expect(c.type?.id).toBe('address-registration');
    expect(c.appointment).toEqual(appointment);
    expect(c.documents?.items.map((i) => i.id)).toEqual(['address']);
    expect(c.province.text).toBe('appointment_province');
    expect(c.province.sources).toEqual(['randevu-article']);
    expect(c.noCancel.text).toBe('lockout_no_cancel');
    expect(renderEn(c.neverClicks)).toMatch(/never clicks "Randevu Onayla"/);
    for (const s of c.sources) expect(isSourceId(s)).toBe(true);
  });

  it('a lockout that runs past the permit end is Critical', () => {
    const today = '2027-01-20';
    const permitEnd = addDays(today, 29); // lockout until today + 30: one day after the end
    const c = confirmCheck({ appointment, permitEnd, today, lockoutDays: 30 });
    expect(c.critical).toBe(true);
    expect(c.warning?.text).toBe('confirm_lockout_critical');
    expect(renderEn(c.warning!)).toBe(
      'Critical: 19 Feb 2027 is after your permit ends on 18 Feb 2027. If this is the wrong type, you cannot book the right one while your permit is valid.',
    );
  });

  it('ending on the permit end day itself is not critical but tight', () => {
    const c = confirmCheck({ appointment, permitEnd: '2027-02-19', today: '2027-01-20', lockoutDays: 30 });
    expect(c.critical).toBe(false);
    expect(c.warning?.text).toBe('confirm_lockout_tight');
    expect(c.warning?.params?.daysLeft).toBe(0);
  });

  it('tight means fewer than warnDays free days after the lockout', () => {
    const base = { appointment, today: '2027-01-20', lockoutDays: 30 } as const;
    expect(confirmCheck({ ...base, permitEnd: '2027-03-05' }).warning?.text).toBe('confirm_lockout_tight'); // 14
    expect(confirmCheck({ ...base, permitEnd: '2027-03-06' }).warning).toBeNull(); // 15
    expect(confirmCheck({ ...base, permitEnd: '2027-03-06', warnDays: 30 }).warning?.text).toBe(
      'confirm_lockout_tight',
    );
  });

  it('the weak 15-day setting counts 15 days and carries the caveat', () => {
    const c = confirmCheck({ appointment, permitEnd: '2027-02-01', today: '2027-01-20', lockoutDays: 15 });
    expect(c.lockoutUntil).toBe('2027-02-04');
    expect(c.lockoutLine.weak).toBe(true);
    expect(c.critical).toBe(true);
    expect(c.warning?.weak).toBe(true);
  });

  it('crosses month and year ends on Turkey’s calendar', () => {
    expect(
      confirmCheck({ appointment, permitEnd: null, today: '2026-12-15', lockoutDays: 30 }).lockoutUntil,
    ).toBe('2027-01-14');
    expect(
      confirmCheck({ appointment, permitEnd: null, today: '2028-02-10', lockoutDays: 30 }).lockoutUntil,
    ).toBe('2028-03-11');
  });

  it('without a permit end says it cannot check, and never claims critical', () => {
    const c = confirmCheck({ appointment, permitEnd: null, today: '2027-01-20', lockoutDays: 30 });
    expect(c.critical).toBe(false);
    expect(c.permitEndUnknown?.text).toBe('confirm_permit_end_unknown');
  });

  it('flags an appointment after the permit end', () => {
    const c = confirmCheck({ appointment, permitEnd: '2027-02-10', today: '2027-01-20', lockoutDays: 30 });
    expect(c.appointmentAfterPermitEnd?.params).toEqual({ date: '2027-02-15', permitEnd: '2027-02-10' });
  });

  it('an unknown or unread type is said plainly, with every goal listed', () => {
    const unknown = confirmCheck({
      appointment: { ...appointment, type: 'Parmak İzi Alımı' },
      permitEnd: null,
      today: '2027-01-20',
      lockoutDays: 30,
    });
    expect(unknown.type).toBeNull();
    expect(unknown.documents).toBeNull();
    expect(renderEn(unknown.typeLines[0]!)).toBe(
      'The appointment type "Parmak İzi Alımı" is not known here: make sure on the page that it is what you need.',
    );
    expect(unknown.goals.right).toEqual([]);
    expect(unknown.goals.wrong).toHaveLength(5);
    const none = confirmCheck({ appointment: null, permitEnd: null, today: '2027-01-20', lockoutDays: 30 });
    expect(none.typeLines[0]!.text).toBe('randevu_type_not_read');
    expect(none.appointment).toEqual({ type: null, office: null, date: null, time: null });
  });
});

describe('appointmentDay', () => {
  it('day before, day of, otherwise nothing', () => {
    expect(appointmentDay('2027-02-15', '2027-02-14')).toBe('day-before');
    expect(appointmentDay('2027-02-15', '2027-02-15')).toBe('day-of');
    expect(appointmentDay('2027-02-15', '2027-02-13')).toBeNull();
    expect(appointmentDay('2027-02-15', '2027-02-16')).toBeNull();
    expect(appointmentDay(null, '2027-02-16')).toBeNull();
  });
});
