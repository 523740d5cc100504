/**
 * randevu.goc.gov.tr appointment types, and the stop-and-check before "Randevu Onayla".
 *
 * A confirmed randevu appointment can be neither cancelled nor rescheduled (randevu article; Mondaq;
 * NatLawReview), and by the randevu article and one cut-off sentence elsewhere (⚠) it blocks new bookings for 30
 * days: a wrong type may cost a month. So before the user confirms, the panel says what each type is known to be
 * for, in which province and from which source, the date until which no new booking may be possible, and what to
 * bring.
 *
 * What is known, and no more: the types seen on the portal ("İkamet İzinli Yabancı - Adres Tescili", "Pasaport
 * Bilgisi Güncelleme", "Kişisel Bilgi Güncelleme"), whose names say what they are for (no source gives more);
 * İstanbul's directorate books residence-permit document submission ("İkamet İzni Başvuru İşlemleri") and address
 * registration on randevu, with an optional notary route (İstanbul directorate slide, 2026); Bursa books address
 * registration on randevu from 1 June 2026 (⚠ publisher not named). randevu's scope has grown, so no type is ever
 * called wrong for a goal: a type not known here, or not known for the user's province, is said to be not known,
 * with "check the type's name on the portal and ask the office".
 */
import type { Appointment, IsoDate } from './types';
import { norm } from './fold';
import { daysBetween } from './calendar';
import { COMMON_ITEMS, randevuChecklistKey, type ChecklistItem, type ChecklistView } from './checklists';
import {
  DEFAULT_TIGHT_DAYS,
  lockout,
  lockoutSources,
  NO_CANCEL_SOURCES,
  type LockoutLength,
} from './lockout';
import { appointmentProvince } from './appointment';
import { PROVINCE_NAMES, provinceIn, type Province } from './provinces';
import { collectSources, type SourceId } from './sources';
import { line, type Line, type TextId } from './text';

export type RandevuTypeId =
  'address-registration' | 'passport-update' | 'personal-info-update' | 'ikamet-application';

/** One thing a type is known to be used for: where, from which source, and from when. */
export interface RandevuTypeUse {
  text: TextId;
  sources: SourceId[];
  /** The province this is known for; null for what the type's name says (any province). */
  province: Province | null;
  /** Shown only when the page's province is this one (not when the province was not read). */
  onlyInProvince?: boolean;
  /** Known to start on this date: before it, `textBefore` is said instead (both with `{date}`). */
  from?: { date: IsoDate; textBefore: TextId };
}

export interface RandevuType {
  id: RandevuTypeId;
  /** The Turkish label as seen on the portal or in the source. */
  labelTr: string;
  /** Folded phrases (Turkish, English) that identify the type in a label read from the page. */
  match: readonly string[];
  /** What the type is known to be for: its name's meaning first, then what sources say per province. */
  uses: readonly RandevuTypeUse[];
  /** Known here only for the provinces of its uses: another province gets "not known here for {province}". */
  provincesOnly: boolean;
  /** Documents to bring, only from the facts file; empty when nothing is known. */
  documents: readonly ChecklistItem[];
  /** Shown above the documents: how much is known. */
  documentsNotice: Line;
}

const addressItem = COMMON_ITEMS.find((i) => i.id === 'address')!;

/** Bursa books address registration on randevu from this day (⚠ publisher not named). */
export const BURSA_ADDRESS_ON_RANDEVU_FROM: IsoDate = '2026-06-01'; // [bursa-address-randevu-2026]

export const RANDEVU_TYPES: readonly RandevuType[] = [
  {
    id: 'address-registration',
    labelTr: 'İkamet İzinli Yabancı - Adres Tescili',
    match: ['adres tescil', 'address registration'],
    uses: [
      { text: 'randevu_type_address_registration_purpose', sources: [], province: null },
      { text: 'randevu_use_istanbul_address', sources: ['istanbul-directorate-2026'], province: 'istanbul' },
      {
        text: 'randevu_use_bursa_address',
        sources: ['bursa-address-randevu-2026'],
        province: 'bursa',
        from: { date: BURSA_ADDRESS_ON_RANDEVU_FROM, textBefore: 'randevu_use_bursa_address_from' },
      },
    ],
    provincesOnly: false,
    // Proof of address (notarised rental contract, title deed, hotel/dorm certificate, notarised host
    // undertaking): the only document the facts file ties to an address.
    documents: [addressItem],
    documentsNotice: line('randevu_type_bring_address_only', ['dgmm-document-lists']),
  },
  {
    id: 'passport-update',
    labelTr: 'Pasaport Bilgisi Güncelleme',
    match: ['pasaport bilgi', 'passport information', 'passport info', 'passport details'],
    uses: [{ text: 'randevu_type_passport_update_purpose', sources: [], province: null }],
    provincesOnly: false,
    documents: [],
    documentsNotice: line('randevu_type_bring_none_known', []),
  },
  {
    id: 'personal-info-update',
    labelTr: 'Kişisel Bilgi Güncelleme',
    match: ['kisisel bilgi', 'personal information', 'personal info', 'personal details'],
    uses: [
      { text: 'randevu_type_personal_info_update_purpose', sources: [], province: null },
      // ⚠ one consultancy: İstanbul uses this slot when e-ikamet says "apply to the Provincial Directorate".
      {
        text: 'randevu_goal_apply_to_office',
        sources: ['consultancy-istanbul-update-slot'],
        province: 'istanbul',
      },
    ],
    provincesOnly: false,
    documents: [],
    documentsNotice: line('randevu_type_bring_none_known', []),
  },
  {
    id: 'ikamet-application',
    labelTr: 'İkamet İzni Başvuru İşlemleri',
    match: ['ikamet izni basvuru', 'residence permit application'],
    uses: [
      { text: 'randevu_type_ikamet_application_purpose', sources: [], province: null },
      {
        text: 'randevu_use_istanbul_application',
        sources: ['istanbul-directorate-2026'],
        province: 'istanbul',
      },
      {
        text: 'randevu_use_istanbul_notary',
        sources: ['istanbul-directorate-2026'],
        province: 'istanbul',
        onlyInProvince: true,
      },
    ],
    provincesOnly: true,
    documents: [],
    documentsNotice: line('randevu_type_bring_application', [
      'dgmm-document-lists',
      'portal-required-documents',
    ]),
  },
];

/**
 * The known type a label read from the page names, Turkish or English, in any casing (Turkish-aware: "ADRES
 * TESCİLİ", "adres tescili", "Address Registration" all match). Null for an empty or unknown label.
 */
export function matchRandevuType(label: string | null | undefined): RandevuType | null {
  if (!label) return null;
  const folded = norm(label);
  if (!folded) return null;
  return RANDEVU_TYPES.find((t) => t.match.some((m) => folded.includes(norm(m)))) ?? null;
}

export function getRandevuType(id: RandevuTypeId): RandevuType {
  return RANDEVU_TYPES.find((t) => t.id === id)!;
}

function useLine(u: RandevuTypeUse, today: IsoDate): Line {
  if (u.from) {
    const started = today >= u.from.date;
    return line(started ? u.text : u.from.textBefore, u.sources, { date: u.from.date });
  }
  return line(u.text, u.sources);
}

/**
 * What a type is known to be for, as lines. `province`: the known province the page names, or null; `provinceRead`:
 * the province text as read (to name an unknown one). Name-meaning lines first; then, for a known province, its own
 * lines; for no province read, every province's lines (each names its province) except those shown only there;
 * for a province read (known or not) that a `provincesOnly` type has no fact for, "not known here for {province}".
 */
export function typeKnowledge(
  t: RandevuType,
  today: IsoDate,
  province: Province | null = null,
  provinceRead: string | null = null,
): Line[] {
  const out: Line[] = [];
  for (const u of t.uses) {
    if (u.province === null) out.push(useLine(u, today));
    else if (province !== null ? u.province === province : provinceRead === null && !u.onlyInProvince)
      out.push(useLine(u, today));
  }
  const knownHere = t.uses.some((u) => u.province !== null && u.province === province);
  const name = province ? PROVINCE_NAMES[province] : provinceRead;
  if (t.provincesOnly && name !== null && !knownHere) {
    out.push(line('randevu_type_not_known_for_province', [], { province: name }));
  }
  return out;
}

/** The documents to bring for a randevu type, with ticks stored under `randevu:<type>`. */
export function randevuDocuments(t: RandevuType): ChecklistView {
  const items = [...t.documents];
  const notices = [t.documentsNotice];
  return {
    key: randevuChecklistKey(t.id),
    items,
    notices,
    noList: items.length === 0 ? 'no-official-list' : null,
    sources: collectSources([...items, ...notices]),
  };
}

// --- the stop-and-check ------------------------------------------------------------------------------------------

export interface ConfirmCheckInput {
  /** What the confirmation step shows (type, office, date, time), as read from the page. */
  appointment: Pick<Appointment, 'type' | 'office' | 'date' | 'time'> | null;
  /** The province chosen on the page, as read; else the office's name is searched for a known province. */
  province?: string | null;
  permitEnd: IsoDate | null;
  today: IsoDate;
  /** 30 (randevu article, ⚠ for a confirmed appointment) or the user's 15 of the settings. */
  lockoutDays: LockoutLength;
  /** Fewer free days than this between the lockout's end and the permit's end also warn. Default 15. */
  warnDays?: number;
}

export interface ConfirmCheck {
  appointment: { type: string | null; office: string | null; date: IsoDate | null; time: string | null };
  /** The known type the page's label names, or null (not read, or not known here). */
  type: RandevuType | null;
  /** The known province the page names (province field, else office), or null. */
  knownProvince: Province | null;
  /** What the type is known to be for (with province and source), or that it was not read / is not known. */
  typeLines: Line[];
  /** Today + lockoutDays: the first day another booking may be possible. */
  lockoutUntil: IsoDate;
  lockoutLine: Line;
  /** The lockout runs past the permit's end. */
  critical: boolean;
  /** The critical warning, or the "tight" one when few days would remain; null otherwise. */
  warning: Line | null;
  /** Said when the permit end is not known, so the user knows why no critical check was made. */
  permitEndUnknown: Line | null;
  appointmentAfterPermitEnd: Line | null;
  province: Line;
  noCancel: Line;
  documents: ChecklistView | null;
  neverClicks: Line;
  sources: SourceId[];
}

export function confirmCheck(input: ConfirmCheckInput): ConfirmCheck {
  const { today, permitEnd, lockoutDays } = input;
  const a = input.appointment;
  const appointment = {
    type: a?.type ?? null,
    office: a?.office ?? null,
    date: a?.date ?? null,
    time: a?.time ?? null,
  };
  const type = matchRandevuType(appointment.type);
  const provinceRead = input.province?.trim() || null;
  const knownProvince = provinceIn(provinceRead, appointment.office);
  // Confirming today starts the lockout today: the rule for a confirmed booking (randevu article, ⚠).
  const lengthSources = lockoutSources('confirmed', lockoutDays);

  const typeLines: Line[] = type
    ? [
        ...typeKnowledge(type, today, knownProvince, knownProvince ? null : provinceRead),
        line('randevu_type_names_only', []),
        line('randevu_type_if_not_your_need', []),
      ]
    : appointment.type
      ? [line('randevu_type_unknown', [], { label: appointment.type })]
      : [line('randevu_type_not_read', [])];

  const l = lockout({ kind: 'confirmed', bookedOn: today, firstSeen: today }, today, {
    length: lockoutDays,
    permitEnd,
    tightDays: input.warnDays ?? DEFAULT_TIGHT_DAYS,
  });
  const lockoutUntil = l.opensOn;
  let warning: Line | null = null;
  if (permitEnd && l.outlastsPermit) {
    warning = line('confirm_lockout_critical', lengthSources, { until: lockoutUntil, permitEnd });
  } else if (permitEnd && l.tight && l.daysLeftAfterOpen !== null) {
    warning = line('confirm_lockout_tight', lengthSources, {
      until: lockoutUntil,
      permitEnd,
      daysLeft: l.daysLeftAfterOpen,
    });
  }

  const appointmentAfterPermitEnd =
    permitEnd && appointment.date && daysBetween(permitEnd, appointment.date) > 0
      ? line('confirm_appointment_after_permit_end', [], { date: appointment.date, permitEnd })
      : null;

  const result: Omit<ConfirmCheck, 'sources'> = {
    appointment,
    type,
    knownProvince,
    typeLines,
    lockoutUntil,
    lockoutLine: line('confirm_lockout_until', lengthSources, { until: lockoutUntil }),
    critical: l.outlastsPermit,
    warning,
    permitEndUnknown: permitEnd ? null : line('confirm_permit_end_unknown', []),
    appointmentAfterPermitEnd,
    province: appointmentProvince(),
    noCancel: line('lockout_no_cancel', NO_CANCEL_SOURCES),
    documents: type ? randevuDocuments(type) : null,
    neverClicks: line('confirm_never_clicks', []),
  };
  const all: Line[] = [
    ...typeLines,
    result.lockoutLine,
    result.province,
    result.noCancel,
    ...(warning ? [warning] : []),
    ...(result.documents?.notices ?? []),
  ];
  return { ...result, sources: collectSources([...all, ...(result.documents?.items ?? [])]) };
}

/** Where an appointment stands relative to today, for the day-before and day-of view. */
export function appointmentDay(date: IsoDate | null, today: IsoDate): 'day-before' | 'day-of' | null {
  if (!date) return null;
  const d = daysBetween(today, date);
  return d === 1 ? 'day-before' : d === 0 ? 'day-of' : null;
}
