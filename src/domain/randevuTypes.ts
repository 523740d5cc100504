/**
 * randevu.goc.gov.tr appointment types, and the stop-and-check before "Randevu Onayla".
 *
 * A confirmed randevu appointment can be neither cancelled nor rescheduled and blocks new bookings for 30 days
 * (randevu article): a wrong type costs a month. So before the user confirms, the panel says what each type is for,
 * which common goals it is wrong for, the date until which no new booking is possible, and what to bring.
 *
 * The types are those seen on the portal (portal notes: "İkamet İzinli Yabancı - Adres Tescili", "Pasaport Bilgisi
 * Güncelleme", "Kişisel Bilgi Güncelleme"). What each is for is what its name says: the facts file gives no more,
 * so the descriptions cite no source and the panel says they are the names' meaning. Documents per type come only
 * from the facts file: proof of address for address registration; for the others nothing is known, and the panel
 * says so.
 */
import type { Appointment, IsoDate } from './types';
import { norm } from './fold';
import { daysBetween } from './calendar';
import { COMMON_ITEMS, randevuChecklistKey, type ChecklistItem, type ChecklistView } from './checklists';
import { DEFAULT_TIGHT_DAYS, LOCKOUT_LENGTHS, lockout, type LockoutLength } from './lockout';
import { appointmentProvince } from './appointment';
import { collectSources, type SourceId } from './sources';
import { line, type Line, type TextId } from './text';

export type RandevuTypeId = 'address-registration' | 'passport-update' | 'personal-info-update';

export interface RandevuType {
  id: RandevuTypeId;
  /** The Turkish label as seen on the portal. */
  labelTr: string;
  /** Folded phrases (Turkish, English) that identify the type in a label read from the page. */
  match: readonly string[];
  purpose: TextId;
  /** Documents to bring, only from the facts file; empty when nothing is known. */
  documents: readonly ChecklistItem[];
  /** Shown above the documents: how much is known. */
  documentsNotice: Line;
}

const addressItem = COMMON_ITEMS.find((i) => i.id === 'address')!;

export const RANDEVU_TYPES: readonly RandevuType[] = [
  {
    id: 'address-registration',
    labelTr: 'İkamet İzinli Yabancı - Adres Tescili',
    match: ['adres tescil', 'address registration'],
    purpose: 'randevu_type_address_registration_purpose',
    // Proof of address (notarised rental contract, title deed, hotel/dorm certificate, notarised host
    // undertaking): the only document the facts file ties to an address.
    documents: [addressItem],
    documentsNotice: line('randevu_type_bring_address_only', ['dgmm-document-lists']),
  },
  {
    id: 'passport-update',
    labelTr: 'Pasaport Bilgisi Güncelleme',
    match: ['pasaport bilgi', 'passport information', 'passport info', 'passport details'],
    purpose: 'randevu_type_passport_update_purpose',
    documents: [],
    documentsNotice: line('randevu_type_bring_none_known', []),
  },
  {
    id: 'personal-info-update',
    labelTr: 'Kişisel Bilgi Güncelleme',
    match: ['kisisel bilgi', 'personal information', 'personal info', 'personal details'],
    purpose: 'randevu_type_personal_info_update_purpose',
    documents: [],
    documentsNotice: line('randevu_type_bring_none_known', []),
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

// --- goals ---------------------------------------------------------------------------------------------------------

export type RandevuGoal = 'ikamet-application' | 'address' | 'passport' | 'personal-info' | 'apply-to-office';

/** Common goals and the randevu type that fits each (null: not a randevu matter at all). */
const GOALS: Record<RandevuGoal, { text: TextId; sources: SourceId[]; fits: RandevuTypeId | null }> = {
  // Residence permit applications are made on e-ikamet (official e-ikamet instructions).
  'ikamet-application': {
    text: 'randevu_goal_ikamet_application',
    sources: ['e-ikamet-instructions'],
    fits: null,
  },
  address: { text: 'randevu_goal_address', sources: [], fits: 'address-registration' },
  passport: { text: 'randevu_goal_passport', sources: [], fits: 'passport-update' },
  'personal-info': { text: 'randevu_goal_personal_info', sources: [], fits: 'personal-info-update' },
  'apply-to-office': {
    text: 'randevu_goal_apply_to_office',
    sources: ['consultancy-istanbul-update-slot'],
    fits: 'personal-info-update',
  },
};

export const RANDEVU_GOALS = Object.keys(GOALS) as RandevuGoal[];

/** For a type: the goals it fits, and the goals it is wrong for (all goals when the type is unknown). */
export function goalsFor(typeId: RandevuTypeId | null): { right: Line[]; wrong: Line[] } {
  const right: Line[] = [];
  const wrong: Line[] = [];
  for (const g of RANDEVU_GOALS) {
    const def = GOALS[g];
    const l = line(def.text, def.sources);
    if (typeId !== null && def.fits === typeId) right.push(l);
    else wrong.push(l);
  }
  return { right, wrong };
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
  permitEnd: IsoDate | null;
  today: IsoDate;
  /** 30 (randevu article) or the weak 15 of the settings. */
  lockoutDays: LockoutLength;
  /** Fewer free days than this between the lockout's end and the permit's end also warn. Default 15. */
  warnDays?: number;
}

export interface ConfirmCheck {
  appointment: { type: string | null; office: string | null; date: IsoDate | null; time: string | null };
  /** The known type the page's label names, or null (not read, or not known here). */
  type: RandevuType | null;
  /** What the type is for, or that it was not read / is not known. */
  typeLines: Line[];
  goals: { right: Line[]; wrong: Line[] };
  /** Today + lockoutDays: the first day another booking is possible. */
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
  const lengthSources = LOCKOUT_LENGTHS[lockoutDays].sources;

  const typeLines: Line[] = type
    ? [line(type.purpose, []), line('randevu_type_names_only', [])]
    : appointment.type
      ? [line('randevu_type_unknown', [], { label: appointment.type })]
      : [line('randevu_type_not_read', [])];

  // Confirming today starts the lockout today (randevu article): the same rule as a confirmed booking.
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
    typeLines,
    goals: goalsFor(type?.id ?? null),
    lockoutUntil,
    lockoutLine: line('confirm_lockout_until', lengthSources, { until: lockoutUntil }),
    critical: l.outlastsPermit,
    warning,
    permitEndUnknown: permitEnd ? null : line('confirm_permit_end_unknown', []),
    appointmentAfterPermitEnd,
    province: appointmentProvince(),
    noCancel: line('lockout_no_cancel', ['randevu-article']),
    documents: type ? randevuDocuments(type) : null,
    neverClicks: line('confirm_never_clicks', []),
  };
  const all: Line[] = [
    ...typeLines,
    ...result.goals.right,
    ...result.goals.wrong,
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
