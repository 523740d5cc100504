/**
 * Every source a rule in the domain rests on, named as `../shared/domain-facts.md` names it. Nothing here is
 * invented: where the facts file gives no address, `url` stays undefined rather than guessed. `weak: true` marks
 * what the facts file marks ⚠: the UI shows those with a caveat.
 */

/**
 * When this registry and the rules citing it were last checked as a whole against the facts file (the December 2026
 * review: randevu's wider scope, the lockout's sources, the status toast, evaluation time, 2027 holidays). The panel
 * shows this date once (the Sources card) and, from `RULES_STALE_AFTER_MONTHS` after it, says the rules may be out
 * of date (`rulesReview` in ./review.ts).
 */
export const LAST_REVIEWED = '2026-12-05';

export interface Source {
  id: string;
  /** Name shown to the user. */
  title: string;
  /** A few words for the inline "[source]" links; the title otherwise. */
  short?: string;
  /** Article, page or section, when one is known. */
  reference?: string;
  url?: string;
  lastReviewed: string;
  weak?: boolean;
  note?: string;
}

const reviewed = { lastReviewed: LAST_REVIEWED } as const;

export const SOURCES = {
  'relocation-guide': {
    title: 'Relocation guide on missed ikamet appointments',
    short: 'Relocation guide',
    reference: 'urgency table; what to do when no slots are available; missed appointments',
    ...reviewed,
  },
  'law-6458-21-2': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: 'Art. 21(2): passport valid 60 days longer than the permit requested',
    ...reviewed,
  },
  'law-6458-21-5': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: 'Art. 21(5): decision within 90 days',
    ...reviewed,
  },
  'law-6458-24-2': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: 'Art. 24(2): extension applications from 60 days before expiry, in every case before expiry',
    ...reviewed,
  },
  'law-6458-24-3': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: "Art. 24(3): an extended permit starts from the old permit's end date",
    ...reviewed,
  },
  'law-6458-9-3': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: 'Art. 9(3): entry ban of at most 5 years',
    ...reviewed,
  },
  'law-6458-9-4': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference:
      'Art. 9(4), as quoted in the 2015 overstay guide: ban of at most one year when leaving voluntarily',
    ...reviewed,
  },
  'law-6458-9-amendment': {
    title: 'Law 6458, later amendment to Art. 9',
    short: 'Law 6458 amendment',
    reference: "no ban if fines are paid and the Ministry's limits are not exceeded",
    weak: true,
    note: 'Amendment date unconfirmed.',
    ...reviewed,
  },
  'law-6458-54-1': {
    title: 'Law 6458 on Foreigners and International Protection',
    reference: 'Art. 54(1): more than 10 days over a visa, exemption or permit is a deportation ground',
    ...reviewed,
  },
  'implementing-regulation': {
    title: 'Implementing regulation of Law 6458',
    short: 'Implementing regulation',
    reference: 'applications up to 10 days past permit or visa expiry are accepted',
    weak: true,
    note: 'Article not confirmed.',
    ...reviewed,
  },
  'e-ikamet-instructions': {
    title: 'Official e-ikamet instructions',
    short: 'e-ikamet instructions',
    reference:
      'expired permits cannot be extended; İstanbul and Ankara appointment dates by SMS/e-mail; representatives',
    ...reviewed,
  },
  'randevu-article': {
    title: 'Article on randevu.goc.gov.tr',
    short: 'randevu article',
    reference:
      'no cancel or reschedule after confirmation; 30 days before a new booking after a missed appointment; a confirmed appointment also blocks new bookings for 30 days; book in the province of residence',
    ...reviewed,
  },
  'mondaq-2024-08-01': {
    title: 'Mondaq article on randevu.goc.gov.tr (1 August 2024)',
    short: 'Mondaq 2024',
    reference:
      'no cancel or reschedule after confirmation; 30 days before a new booking after a missed appointment',
    ...reviewed,
  },
  'natlawreview-randevu': {
    title: 'The National Law Review article on randevu.goc.gov.tr',
    short: 'NatLawReview',
    reference: 'no cancel or reschedule after confirmation',
    ...reviewed,
  },
  'randevu-secondary-15-days': {
    title: 'homesoverseas.ru, citing Türkiye Today',
    short: 'homesoverseas.ru',
    reference: 'a 15-day wait after a missed appointment',
    weak: true,
    note: 'One secondary source; the randevu article and Mondaq say 30 days.',
    ...reviewed,
  },
  'visa-guru-confirmed-block': {
    title: 'visa-guru.com page on randevu.goc.gov.tr',
    short: 'visa-guru.com',
    reference: 'one cut-off sentence: a confirmed appointment blocks new bookings for 30 days',
    weak: true,
    note: 'Only the randevu article and this cut-off sentence say that a confirmed appointment blocks new bookings.',
    ...reviewed,
  },
  'istanbul-directorate-2026': {
    title: 'İstanbul migration directorate slide (2026)',
    short: 'İstanbul directorate 2026',
    reference:
      'daily quotas booked on randevu.goc.gov.tr: "İkamet İzni Başvuru İşlemleri 2.100 · İkamet İzni Adres Tescil İşlemleri 1.140"; optional notary route ("24 saat içerisinde başvuru sonuçlanmaktadır")',
    ...reviewed,
  },
  'bursa-address-randevu-2026': {
    title: 'Public reports on Bursa address registration (2026)',
    short: 'Bursa 2026',
    reference: 'address registration by randevu.goc.gov.tr appointment from 1 June 2026',
    weak: true,
    note: "The project's notes record this from public traces without naming the publisher.",
    ...reviewed,
  },
  'law-firm-missed-appointment': {
    title: 'Law-firm page on missed e-ikamet appointments',
    short: 'Law-firm page',
    reference: 'without a valid excuse the applicant is treated as never having applied',
    weak: true,
    note: 'Secondary source; the relocation guide says the application file survives.',
    ...reviewed,
  },
  'dgmm-2020-statement': {
    title: 'DGMM statement of 09.06.2020',
    short: 'DGMM 2020',
    reference: 'overstay fees and entry bans after voluntary exit with fines paid',
    ...reviewed,
  },
  'overstay-guide-2015': {
    title: 'Guide on overstaying in Turkey (2015)',
    short: 'Overstay guide 2015',
    reference: 'fees at double the permit fee; entry bans; older "under 10 days, no ban" wording',
    ...reviewed,
  },
  'council-of-ministers-2011-2306': {
    title: 'Council of Ministers decision 2011/2306',
    short: 'Decision 2011/2306',
    reference: 'at most 90 days in any 180-day period on a visa or visa exemption; in force 1 Feb 2012',
    ...reviewed,
  },
  'law-2429': {
    title: 'Law 2429 on national and public holidays',
    short: 'Law 2429',
    reference: 'official holidays, half-day eves',
    ...reviewed,
  },
  'diyanet-dini-gunler': {
    title: 'Diyanet İşleri Başkanlığı, Dini Günler Takvimi',
    short: 'Diyanet calendar',
    reference:
      'the dates of Ramazan and Kurban Bayramı; the 2026 dates used here match it as Turkish news reports quote it (Dünya, Ekonomist, 2025)',
    ...reviewed,
  },
  'holidays-2027-unchecked': {
    title: "Project facts file: 2027's religious holidays",
    short: '2027 holidays (unchecked)',
    reference: 'Ramazan Bayramı 9–11 March 2027 (eve 8 March), Kurban Bayramı 16–19 May 2027 (eve 15 May)',
    weak: true,
    note: "Not yet checked against Diyanet's calendar for 2027: no official 2027 announcement was found.",
    ...reviewed,
  },
  'yimer-2018': {
    title: 'YİMER 2018',
    reference: 'İstanbul: appointment dates assigned automatically and sent by SMS/e-mail',
    ...reviewed,
  },
  'yimer-long-term-180': {
    title: 'YİMER',
    short: 'YİMER',
    reference: 'evaluation of long-term permits in İstanbul and Antalya: up to 180 days',
    weak: true,
    note: 'Secondary to the law, which gives 90 days (Art. 21(5)).',
    ...reviewed,
  },
  'status-guides-2026': {
    title: 'Guides quoting e-ikamet status messages (2026)',
    short: 'Status guides',
    reference:
      '"In Progress" and "Not found" after the pending-application login; a refusal message tells the applicant to call 157; "Image verification fails." is the captcha error',
    ...reviewed,
  },
  'ptt-secondary': {
    title: 'Secondary sources on PTT card delivery',
    short: 'Secondary (PTT)',
    reference: 'the card waits about 10 days at the PTT branch before going back',
    weak: true,
    note: 'Secondary source.',
    ...reviewed,
  },
  'consultancy-istanbul-update-slot': {
    title: 'Consultancy page on "apply to the Provincial Directorate" in İstanbul',
    short: 'Consultancy (İstanbul)',
    reference: 'a randevu "Kişisel Bilgi Güncelleme" slot is used for this',
    weak: true,
    note: 'Unconfirmed; a wrong randevu type costs a 30-day lockout.',
    ...reviewed,
  },
  'dgmm-document-lists': {
    title: 'DGMM document lists, as mirrored by consultancies',
    short: 'DGMM lists (mirrored)',
    reference:
      'documents per permit type and application; official fees only; no intermediaries (domain facts: Documents)',
    weak: true,
    note: "Versions differ between the copies found: the portal's own required-documents page is the best source.",
    ...reviewed,
  },
  'portal-required-documents': {
    title: 'e-ikamet required-documents page',
    short: 'e-ikamet documents page',
    reference: "/Ikamet/BasvuruIstenenBelgeler/…: the portal's own list, the best source of all",
    ...reviewed,
  },
  'card-fee-secondary': {
    title: 'Secondary sources on the card fee',
    short: 'Secondary (card fee)',
    reference: 'card fee 810 TL in 2025, 964 TL in 2026',
    weak: true,
    note: 'Weak sources.',
    ...reviewed,
  },
  'domain-facts-unattributed': {
    title: 'Project domain facts (source not named)',
    short: 'Unattributed',
    reference: 'missing documents within 30 days; status meanings; leaving within 10 days after a refusal',
    weak: true,
    note: "The project's facts file states these without naming a source; to be confirmed against the portal or the law.",
    ...reviewed,
  },
} as const satisfies Record<string, Omit<Source, 'id'>>;

export type SourceId = keyof typeof SOURCES;

export function isSourceId(id: string): id is SourceId {
  return Object.prototype.hasOwnProperty.call(SOURCES, id);
}

export function getSource(id: SourceId): Source {
  return { id, ...SOURCES[id] };
}

export function isWeakSource(id: SourceId): boolean {
  return (SOURCES[id] as Omit<Source, 'id'>).weak === true;
}

export const ALL_SOURCE_IDS = Object.keys(SOURCES) as SourceId[];

/** A rule or line of advice with where it comes from. `weak` is true whenever any of its sources is weak. */
export interface Sourced {
  sources: readonly SourceId[];
  weak?: boolean;
}

/** Sorted, de-duplicated union of the sources of several items. */
export function collectSources(items: readonly Sourced[], extra: readonly SourceId[] = []): SourceId[] {
  const set = new Set<SourceId>(extra);
  for (const item of items) for (const s of item.sources) set.add(s);
  return Array.from(set).sort();
}
