import { describe, expect, it } from 'vitest';
import {
  allChecklistCombinations,
  APPLICATION_KINDS,
  applicationItemIds,
  CHECKLIST_PERMIT_TYPES,
  checklistFor,
  checklistKey,
  COMMON_ITEMS,
  compareWithPortal,
  emergencyChecklist,
  EMERGENCY_ITEMS,
  EXTENSION_ITEMS,
  feeSafety,
  LIST_SOURCE,
  progress,
  progressLine,
  type ChecklistItem,
} from '../../../src/domain/checklists';
import { FAMILY_ITEMS } from '../../../src/domain/checklists/family';
import { LONG_TERM_ITEMS } from '../../../src/domain/checklists/longTerm';
import { SHORT_TERM_ITEMS } from '../../../src/domain/checklists/shortTerm';
import { STUDENT_ITEMS } from '../../../src/domain/checklists/student';
import { HUMANITARIAN_ITEMS } from '../../../src/domain/checklists/humanitarian';
import { TRAFFICKING_VICTIM_ITEMS } from '../../../src/domain/checklists/traffickingVictim';
import { RANDEVU_TYPES } from '../../../src/domain/randevuTypes';
import { isSourceId, isWeakSource } from '../../../src/domain/sources';
import { EN, renderEn } from '../../../src/domain/text';

const ALL_ITEMS: readonly ChecklistItem[] = [
  ...COMMON_ITEMS,
  ...EXTENSION_ITEMS,
  ...SHORT_TERM_ITEMS,
  ...FAMILY_ITEMS,
  ...STUDENT_ITEMS,
  ...LONG_TERM_ITEMS,
  ...HUMANITARIAN_ITEMS,
  ...TRAFFICKING_VICTIM_ITEMS,
  ...EMERGENCY_ITEMS,
  ...RANDEVU_TYPES.flatMap((t) => t.documents),
];

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('checklist data integrity', () => {
  it('every item has at least one source, and every source exists', () => {
    expect(ALL_ITEMS.length).toBeGreaterThan(25);
    for (const i of ALL_ITEMS) {
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      for (const s of i.sources) expect(isSourceId(s), `${i.id}: ${s}`).toBe(true);
    }
  });

  it('every item has a title and a one-line explanation in the catalogue', () => {
    for (const i of ALL_ITEMS) {
      for (const t of [i.title, i.explain, ...(i.onlyIf ? [i.onlyIf] : [])]) {
        expect(EN[t], `${i.id}: ${t}`).toBeTruthy();
        expect(EN[t], t).not.toMatch(/\n|\{\w+\}/);
      }
    }
  });

  it('items resting on a weak source are flagged weak, and only those', () => {
    for (const i of ALL_ITEMS) expect(i.weak === true, i.id).toBe(i.sources.some(isWeakSource));
  });

  it('the whole documents list is weak (DGMM lists as mirrored by consultancies: versions differ)', () => {
    expect(isWeakSource(LIST_SOURCE)).toBe(true);
    const docs = [
      ...COMMON_ITEMS,
      ...EXTENSION_ITEMS,
      ...SHORT_TERM_ITEMS,
      ...FAMILY_ITEMS,
      ...STUDENT_ITEMS,
    ];
    for (const i of [...docs, ...LONG_TERM_ITEMS]) {
      expect(i.sources, i.id).toContain('dgmm-document-lists');
      expect(i.weak, i.id).toBe(true);
    }
  });

  it('the emergency checklist rests on the relocation guide and is not weak', () => {
    for (const i of EMERGENCY_ITEMS) {
      expect(i.sources).toEqual(['relocation-guide']);
      expect(i.weak).toBeUndefined();
    }
    const e = emergencyChecklist();
    expect(ids(e.items)).toEqual([
      'hospital-records',
      'doctor-certificate',
      'no-slots-screenshots',
      'bring-to-next',
      'rebook',
      'lawyer',
    ]);
    // Both readings of a missed appointment, the guide first and the weak law-firm page after it.
    expect(e.notices.map((l) => l.text)).toEqual(['missed_slot_only', 'missed_never_applied']);
    expect(e.notices[1]!.weak).toBe(true);
  });

  it('item ids are stable slugs, unique within every resolved checklist', () => {
    for (const i of ALL_ITEMS) expect(i.id).toMatch(/^[a-z0-9-]{1,64}$/);
    for (const { kind, permitType } of allChecklistCombinations()) {
      for (const propertyOwner of [false, true]) {
        const c = checklistFor(kind, permitType, { propertyOwner });
        expect(new Set(ids(c.items)).size, c.key).toBe(c.items.length);
      }
    }
  });

  it('humanitarian and trafficking-victim hold no invented items', () => {
    expect(HUMANITARIAN_ITEMS).toEqual([]);
    expect(TRAFFICKING_VICTIM_ITEMS).toEqual([]);
  });
});

describe('checklistFor', () => {
  it('resolves every kind × permit type: items, or an explicit reason with a notice', () => {
    const combos = allChecklistCombinations();
    expect(combos).toHaveLength(APPLICATION_KINDS.length * CHECKLIST_PERMIT_TYPES.length);
    for (const { kind, permitType } of combos) {
      const c = checklistFor(kind, permitType);
      expect(c.key).toBe(checklistKey(kind, permitType));
      if (c.items.length === 0) {
        expect(c.noList, c.key).not.toBeNull();
        expect(c.notices.length, c.key).toBeGreaterThan(0);
      } else {
        expect(c.noList, c.key).toBeNull();
        // The "versions differ / the portal is the best source" caveat always comes first.
        expect(c.notices[0]!.text).toBe('checklist_versions_differ');
        expect(c.notices[0]!.weak).toBe(true);
      }
      for (const l of c.notices) expect(renderEn(l)).not.toMatch(/\{\w+\}/);
      for (const s of c.sources) expect(isSourceId(s)).toBe(true);
    }
  });

  it('says "no official list" for humanitarian and trafficking-victim permits, every kind', () => {
    for (const kind of APPLICATION_KINDS) {
      for (const t of ['humanitarian', 'trafficking-victim'] as const) {
        const c = checklistFor(kind, t);
        expect(c.items).toEqual([]);
        expect(c.noList).toBe('no-official-list');
        expect(c.notices.map((l) => l.text)).toEqual(['checklist_no_official_list']);
        expect(renderEn(c.notices[0]!)).toMatch(/No official document list was found/);
      }
    }
  });

  it('does not cover work and other permits, and says so', () => {
    expect(checklistFor('first', 'work').noList).toBe('not-covered');
    expect(checklistFor('extension', 'other').notices[0]!.text).toBe('checklist_not_covered');
  });

  it('a long-term permit is not extended', () => {
    const c = checklistFor('extension', 'long-term');
    expect(c.items).toEqual([]);
    expect(c.noList).toBe('not-extended');
    expect(checklistFor('first', 'long-term').items.length).toBeGreaterThan(5);
  });

  it('a short-term first application is the common list', () => {
    expect(ids(checklistFor('first', 'short-term').items)).toEqual([
      'application-form',
      'passport',
      'photos',
      'means',
      'insurance',
      'address',
      'fee-receipts',
      'foreign-documents',
      'under-18',
    ]);
  });

  it('an extension uses the notarised translated passport copy, the previous card and address registration', () => {
    const c = ids(checklistFor('extension', 'short-term').items);
    expect(c).toContain('passport-extension');
    expect(c).not.toContain('passport');
    expect(c).toContain('previous-card');
    expect(c).toContain('address-registration');
  });

  it('adds the property-owner documents only when asked', () => {
    const plain = ids(checklistFor('first', 'short-term').items);
    const owner = ids(checklistFor('first', 'short-term', { propertyOwner: true }).items);
    expect(plain).not.toContain('title-deed');
    expect(owner.slice(-3)).toEqual(['title-deed', 'land-registry-letter', 'tax-number']);
  });

  it('family: insurance for all replaces plain insurance; address registration appears once', () => {
    const first = ids(checklistFor('first', 'family').items);
    expect(first).toContain('family-insurance');
    expect(first).not.toContain('insurance');
    const ext = ids(checklistFor('extension', 'family').items);
    expect(ext.filter((i) => /address-registration/.test(i))).toEqual(['family-address-registration']);
    expect(first).toContain('sponsor-one-year');
  });

  it('student: the certificate and the weak fee-exemption notice', () => {
    const c = checklistFor('first', 'student');
    expect(ids(c.items)).toContain('student-certificate');
    const n = c.notices.find((l) => l.text === 'checklist_student_fee_exempt');
    expect(n?.weak).toBe(true);
  });

  it('transfer says the lists do not distinguish it', () => {
    const c = checklistFor('transfer', 'student');
    expect(c.notices.map((l) => l.text)).toContain('checklist_transfer_uses_new_type');
  });

  it('knows which item ids a key may hold, whatever the options', () => {
    expect(applicationItemIds(checklistKey('first', 'short-term'))?.has('title-deed')).toBe(true);
    expect(applicationItemIds(checklistKey('first', 'short-term'))?.has('previous-card')).toBe(false);
    expect(applicationItemIds(checklistKey('extension', 'family'))?.has('insurance')).toBe(true);
    expect(applicationItemIds('emergency')?.has('hospital-records')).toBe(true);
    expect(applicationItemIds(checklistKey('first', 'humanitarian'))?.size).toBe(0);
    expect(applicationItemIds('app:first:nonsense')).toBeNull();
    expect(applicationItemIds('whatever')).toBeNull();
  });
});

describe('progress', () => {
  const items = checklistFor('first', 'short-term').items; // 9 items

  it('counts done items; n/a items leave the total', () => {
    expect(progress(items, undefined)).toEqual({ done: 0, total: 9, na: 0, complete: false });
    const state = {
      'application-form': { done: true, na: false, note: '' },
      passport: { done: true, na: false, note: '' },
      'under-18': { done: false, na: true, note: '' },
      // A stale tick on an n/a item does not count twice.
      'foreign-documents': { done: true, na: true, note: '' },
      unknown: { done: true, na: false, note: '' },
    };
    const p = progress(items, state);
    expect(p).toEqual({ done: 2, total: 7, na: 2, complete: false });
    expect(renderEn(progressLine(p))).toBe('2 of 7 ready (2 not applicable)');
    expect(renderEn(progressLine({ done: 7, total: 11, na: 0, complete: false }))).toBe('7 of 11 ready');
  });

  it('is complete when every applicable item is done', () => {
    const state = Object.fromEntries(items.map((i, n) => [i.id, { done: n > 0, na: n === 0, note: '' }]));
    expect(progress(items, state).complete).toBe(true);
    const allNa = Object.fromEntries(items.map((i) => [i.id, { done: false, na: true, note: '' }]));
    expect(progress(items, allNa)).toMatchObject({ total: 0, complete: false });
  });
});

describe('compareWithPortal', () => {
  // The replica's short-term list (tests/fixtures/e-ikamet/required-documents-{en,tr}.html).
  const EN_LIST = [
    'Application form',
    'Original and photocopy of the passport or document in lieu of passport',
    'Four biometric photos',
    'Valid health insurance',
    'Declaration of sufficient and regular financial means for the duration of stay in Türkiye',
    'Address information (address registered in the address registration system)',
  ];
  const TR_LIST = [
    'Başvuru formu',
    'Pasaport veya pasaport yerine geçen belgenin aslı ve fotokopisi',
    'Dört adet biyometrik fotoğraf',
    'Geçerli sağlık sigortası',
    'Türkiye’de kalacağı süre boyunca yeterli ve düzenli maddi imkâna sahip olduğuna dair beyan',
    'Adres bilgileri (adres kayıt sistemine kayıtlı adres)',
  ];
  const ours = checklistFor('first', 'short-term').items;

  for (const [lang, list] of [
    ['English', EN_LIST],
    ['Turkish', TR_LIST],
  ] as const) {
    it(`matches the portal's ${lang} list by keywords`, () => {
      const c = compareWithPortal(ours, list);
      expect(c.onlyPortal).toEqual([]);
      expect(ids(c.matched.map((m) => m.item))).toEqual([
        'application-form',
        'passport',
        'photos',
        'means',
        'insurance',
        'address',
      ]);
      expect(ids(c.onlyOurs)).toEqual(['fee-receipts', 'foreign-documents', 'under-18']);
      expect(c.sources).toEqual(['portal-required-documents']);
    });
  }

  it('flags portal lines we do not have, Turkish-aware in any casing', () => {
    const c = compareWithPortal(checklistFor('first', 'student').items, [
      'ÖĞRENCİ BELGESİ',
      'PASAPORT FOTOKOPİSİ',
      'Vize belgesi',
      '   ',
    ]);
    expect(c.matched.map((m) => [m.item.id, m.portal])).toEqual([
      ['passport', ['PASAPORT FOTOKOPİSİ']],
      ['student-certificate', ['ÖĞRENCİ BELGESİ']],
    ]);
    expect(c.onlyPortal).toEqual(['Vize belgesi']);
  });

  it('on an extension, "address registration" goes to the registration item, not plain proof of address', () => {
    const c = compareWithPortal(checklistFor('extension', 'short-term').items, [
      'Adres tescil belgesi',
      'Kira sözleşmesi',
    ]);
    const byItem = Object.fromEntries(c.matched.map((m) => [m.item.id, m.portal]));
    expect(byItem['address-registration']).toEqual(['Adres tescil belgesi']);
    expect(byItem['address']).toEqual(['Kira sözleşmesi']);
  });

  it('does not match "photocopy" to photos', () => {
    const c = compareWithPortal(ours, ['Photocopy of passport']);
    expect(c.matched.map((m) => m.item.id)).toEqual(['passport']);
  });

  it('leaves conditions out of the comparison', () => {
    const c = compareWithPortal(checklistFor('first', 'family').items, []);
    expect(ids(c.onlyOurs)).not.toContain('sponsor-one-year');
  });
});

describe('fee safety', () => {
  it('names only the official fees, no intermediaries, and who may apply, with sources', () => {
    const lines = feeSafety();
    expect(lines.map((l) => l.text)).toEqual([
      'fee_official_only',
      'fee_no_intermediaries',
      'fee_representative',
      'fee_card_amount',
    ]);
    expect(renderEn(lines[0]!)).toMatch(/card fee, the permit fee and the single-entry visa fee/);
    expect(lines[2]!.sources).toEqual(['e-ikamet-instructions']);
    expect(lines[2]!.weak).toBeUndefined();
    expect(lines[3]!.weak).toBe(true); // card-fee amounts: weak sources
    for (const l of lines) expect(l.sources.length).toBeGreaterThan(0);
  });
});
