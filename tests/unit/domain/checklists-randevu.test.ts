import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar';
import { isKnownChecklistItem, knownItemIds } from '../../../src/domain/checklistKeys';
import {
  appointmentDay,
  BURSA_ADDRESS_ON_RANDEVU_FROM,
  confirmCheck,
  getRandevuType,
  matchRandevuType,
  RANDEVU_TYPES,
  randevuDocuments,
  typeKnowledge,
} from '../../../src/domain/randevuTypes';
import { provinceIn } from '../../../src/domain/provinces';
import { getSource, isSourceId } from '../../../src/domain/sources';
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
    ['İkamet İzni Başvuru İşlemleri', 'ikamet-application'],
    ['İKAMET İZNİ BAŞVURU İŞLEMLERİ', 'ikamet-application'],
    ['Residence Permit Application', 'ikamet-application'],
    // İstanbul's slide names address registration this way: still address registration, not an application.
    ['İkamet İzni Adres Tescil İşlemleri', 'address-registration'],
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
  it('each type says what it is known to be for; no line of any type, province or date calls a type wrong', () => {
    for (const t of RANDEVU_TYPES) {
      for (const today of ['2026-05-31', '2026-06-01', '2027-01-20']) {
        for (const [p, read] of [
          [null, null],
          ['istanbul', 'İstanbul'],
          ['bursa', 'Bursa'],
          [null, 'Ankara'],
        ] as const) {
          const lines = typeKnowledge(t, today, p, p ? null : read);
          expect(lines.length, t.id).toBeGreaterThan(0);
          for (const l of lines)
            expect(renderEn(l)).not.toMatch(/wrong for|is wrong|not with a randevu|done on e-ikamet/i);
        }
      }
    }
  });

  it('İstanbul books residence-permit document submission on randevu, with the notary route, from the directorate slide', () => {
    const t = getRandevuType('ikamet-application');
    expect(t.labelTr).toBe('İkamet İzni Başvuru İşlemleri');
    const lines = typeKnowledge(t, '2027-01-20', 'istanbul');
    expect(lines.map((l) => l.text)).toEqual([
      'randevu_type_ikamet_application_purpose',
      'randevu_use_istanbul_application',
      'randevu_use_istanbul_notary',
    ]);
    const [, booked, notary] = lines;
    expect(booked!.sources).toEqual(['istanbul-directorate-2026']);
    expect(booked!.weak).toBeUndefined();
    expect(renderEn(booked!)).toBe(
      'In İstanbul, the directorate books residence permit document submission ("İkamet İzni Başvuru İşlemleri") on randevu.goc.gov.tr.',
    );
    expect(notary!.sources).toEqual(['istanbul-directorate-2026']);
    expect(renderEn(notary!)).toContain('hand your documents to a notary');
    expect(renderEn(notary!)).toContain('"24 saat içerisinde başvuru sonuçlanmaktadır"');
    expect(getSource('istanbul-directorate-2026').reference).toContain('İkamet İzni Başvuru İşlemleri 2.100');
  });

  it('the notary route appears only where İstanbul is the province; another province is "not known here", never wrong', () => {
    const t = getRandevuType('ikamet-application');
    // Province not read: the İstanbul fact names its province; the notary route waits for İstanbul.
    const unknown = typeKnowledge(t, '2027-01-20').map((l) => l.text);
    expect(unknown).toContain('randevu_use_istanbul_application');
    expect(unknown).not.toContain('randevu_use_istanbul_notary');
    // Another province read: nothing about İstanbul, and "not known here" with the province's name.
    const ankara = typeKnowledge(t, '2027-01-20', null, 'Ankara');
    expect(ankara.map((l) => l.text)).toEqual([
      'randevu_type_ikamet_application_purpose',
      'randevu_type_not_known_for_province',
    ]);
    expect(renderEn(ankara[1]!)).toBe(
      "What this type is for in Ankara is not known here: check the type's name on the portal and ask the office.",
    );
    // A known province without this type (Bursa): the same, with its Turkish name.
    expect(renderEn(typeKnowledge(t, '2027-01-20', 'bursa').at(-1)!)).toContain('in Bursa is not known here');
  });

  it('Bursa: address registration on randevu from 1 June 2026, judged by the given day', () => {
    const t = getRandevuType('address-registration');
    expect(BURSA_ADDRESS_ON_RANDEVU_FROM).toBe('2026-06-01');
    const before = typeKnowledge(t, '2026-05-31', 'bursa').at(-1)!;
    const on = typeKnowledge(t, '2026-06-01', 'bursa').at(-1)!;
    expect(before.text).toBe('randevu_use_bursa_address_from');
    expect(renderEn(before)).toBe(
      'In Bursa, address registration is booked on randevu.goc.gov.tr from 1 Jun 2026.',
    );
    expect(on.text).toBe('randevu_use_bursa_address');
    expect(renderEn(on)).toBe(
      'In Bursa, address registration has been booked on randevu.goc.gov.tr since 1 Jun 2026.',
    );
    // The publisher is not named in the project's notes: weak.
    expect(on.sources).toEqual(['bursa-address-randevu-2026']);
    expect(on.weak).toBe(true);
    // Positive control for the province filter: İstanbul gets its own address line, not Bursa's.
    const ist = typeKnowledge(t, '2026-06-01', 'istanbul').map((l) => l.text);
    expect(ist).toEqual(['randevu_type_address_registration_purpose', 'randevu_use_istanbul_address']);
    // Address registration is randevu's general scope: another province is not told "not known here".
    expect(typeKnowledge(t, '2026-06-01', 'antalya').map((l) => l.text)).toEqual([
      'randevu_type_address_registration_purpose',
    ]);
  });

  it('the İstanbul "apply to the office" use of Kişisel Bilgi Güncelleme stays weak, and only for İstanbul', () => {
    const t = getRandevuType('personal-info-update');
    const l = typeKnowledge(t, '2027-01-20', 'istanbul').find(
      (x) => x.text === 'randevu_goal_apply_to_office',
    );
    expect(l?.weak).toBe(true);
    expect(l?.sources).toEqual(['consultancy-istanbul-update-slot']);
    expect(typeKnowledge(t, '2027-01-20', 'antalya').map((x) => x.text)).toEqual([
      'randevu_type_personal_info_update_purpose',
    ]);
  });

  it('provinceIn finds a known province in the province field or the office name, Turkish-aware', () => {
    expect(provinceIn('İSTANBUL')).toBe('istanbul');
    expect(provinceIn(null, 'İstanbul İl Göç İdaresi Müdürlüğü')).toBe('istanbul');
    expect(provinceIn('Istanbul')).toBe('istanbul');
    expect(provinceIn('BURSA')).toBe('bursa');
    expect(provinceIn('Ankara', 'Ankara İl Göç İdaresi')).toBeNull();
    expect(provinceIn(null, undefined, '')).toBeNull();
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
    expect(c.lockoutLine.sources).toEqual(['randevu-article', 'visa-guru-confirmed-block']);
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

  it('an unknown or unread type is said plainly: not known here, check the name and ask the office', () => {
    const unknown = confirmCheck({
      appointment: { ...appointment, type: 'Parmak İzi Alımı' },
      permitEnd: null,
      today: '2027-01-20',
      lockoutDays: 30,
    });
    expect(unknown.type).toBeNull();
    expect(unknown.documents).toBeNull();
    expect(unknown.typeLines).toHaveLength(1);
    expect(renderEn(unknown.typeLines[0]!)).toBe(
      'The appointment type "Parmak İzi Alımı" is not known here: check the type\'s name on the portal and ask the office.',
    );
    const none = confirmCheck({ appointment: null, permitEnd: null, today: '2027-01-20', lockoutDays: 30 });
    expect(none.typeLines[0]!.text).toBe('randevu_type_not_read');
    expect(none.appointment).toEqual({ type: null, office: null, date: null, time: null });
  });

  it('an İstanbul residence-permit appointment: known, sourced, with the notary route and application documents', () => {
    const c = confirmCheck({
      appointment: {
        type: 'İkamet İzni Başvuru İşlemleri',
        office: 'Esenyurt',
        date: '2027-02-15',
        time: '10:30',
      },
      province: 'İstanbul',
      permitEnd: '2027-08-11',
      today: '2027-01-20',
      lockoutDays: 30,
    });
    expect(c.type?.id).toBe('ikamet-application');
    expect(c.knownProvince).toBe('istanbul');
    expect(c.typeLines.map((l) => l.text)).toEqual([
      'randevu_type_ikamet_application_purpose',
      'randevu_use_istanbul_application',
      'randevu_use_istanbul_notary',
      'randevu_type_names_only',
      'randevu_type_if_not_your_need',
    ]);
    expect(c.sources).toContain('istanbul-directorate-2026');
    expect(c.documents?.notices[0]?.text).toBe('randevu_type_bring_application');
    // Positive control: the same appointment read in Ankara says "not known here" and no notary route.
    const ankara = confirmCheck({
      appointment: { type: 'İkamet İzni Başvuru İşlemleri', office: null, date: null, time: null },
      province: 'Ankara',
      permitEnd: null,
      today: '2027-01-20',
      lockoutDays: 30,
    });
    expect(ankara.typeLines.map((l) => l.text)).toContain('randevu_type_not_known_for_province');
    expect(ankara.typeLines.map((l) => l.text)).not.toContain('randevu_use_istanbul_notary');
  });

  it('the lockout after confirming is shown, marked weak: the randevu article and one cut-off sentence', () => {
    const c = confirmCheck({ appointment, permitEnd: null, today: '2027-01-20', lockoutDays: 30 });
    expect(c.lockoutLine.sources).toEqual(['randevu-article', 'visa-guru-confirmed-block']);
    expect(c.lockoutLine.weak).toBe(true);
    expect(c.noCancel.sources).toEqual(['randevu-article', 'mondaq-2024-08-01', 'natlawreview-randevu']);
    expect(c.noCancel.weak).toBeUndefined();
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
