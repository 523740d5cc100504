/**
 * Every user-facing sentence of the domain, in English, under a stable id. A later issue adds other languages as
 * `Record<TextId, string>` catalogues with the same `{placeholders}`; the domain itself only returns ids, params
 * and sources (`Line`), never finished sentences, so nothing needs re-deriving to translate.
 */
import { formatIsoDate, isValidIsoDate } from './calendar';
import { isWeakSource, type SourceId, type Sourced } from './sources';
import { CHECKLIST_EN } from './checklists/text';

export const EN = {
  // Checklists, fee safety, randevu types, stop-and-check (issue 6): ids with their own prefixes.
  ...CHECKLIST_EN,
  disclaimer: 'This is general information, not legal advice.',

  // Urgency levels (domain-facts: urgency table, relocation guide)
  'urgency.low': 'Low',
  'urgency.medium': 'Medium',
  'urgency.high': 'High',
  'urgency.very-high': 'Very high',
  'urgency.critical': 'Critical',
  'urgency.days-left': '{daysLeft} days left: your permit ends on {permitEnd}.',
  'urgency.ends-today': 'Your permit ends today ({permitEnd}).',
  'urgency.days-over': 'Your permit ended on {permitEnd}, {daysOver} days ago.',

  'action.low.book': 'Book (or rebook) an appointment at your convenience.',
  'action.low.window-opens':
    'You can apply for an extension from {opensOn}, 60 days before your permit ends.',
  'action.medium.book-now': 'Book (or rebook) an appointment now.',
  'action.medium.earliest-slot': 'Look for the earliest available slot.',
  'action.high.book-urgently': 'Book (or rebook) an appointment urgently.',
  'action.high.check-daily': 'Check every day for cancelled slots.',
  'action.high.visit-office': 'Consider visiting the migration office (İl Göç İdaresi) in person.',
  'action.document-no-slots':
    'If no slots are available, keep proof: screenshot the portal showing no available slots.',
  'action.very-high.contact-office':
    'Contact the migration office (İl Göç İdaresi) directly: go in person with your documents.',
  'action.very-high.emergency-appointment': 'Ask for an emergency appointment.',
  'action.very-high.lawyer': 'Consult a lawyer.',
  'action.critical.legal-advice': 'Get legal advice immediately.',
  'action.critical.overstay-risk': 'You are at risk of an overstay: see what it means and what you can do.',
  'action.critical.new-application':
    'An expired permit cannot be extended: a new first application is needed.',

  'warning.unlawful-stay':
    'If your permit expires before you attend the appointment and lodge the application, you are technically in an unlawful stay period; an application number gives only weaker protection.',
  'warning.unlawful-stay.expired':
    'Your permit has expired: until an application is lodged at an appointment, you are technically in an unlawful stay period; an application number gives only weaker protection.',
  'warning.lodged-certificate':
    'Once the extension application is lodged, you get a certificate to stay until the decision, even if the permit then expires.',

  // Extension window (Law 6458 Art. 24)
  'window.before':
    'The extension window opens on {opensOn} (60 days before your permit ends) and closes on {lastDay}.',
  'window.open': 'The extension window is open: apply by {lastDay}, the day your permit ends.',
  'window.closed':
    'The extension window closed on {lastDay}, when your permit ended. An expired permit cannot be extended: only a new first application is possible.',
  'window.ten-days-not-extension':
    'Applications up to 10 days after expiry (until {acceptedUntil}) may still be accepted, but as a new application, not an extension.',
  'window.starts-from-old-end': "An extended permit starts from the old permit's end date.",
  'window.decision-90-days': 'The decision is due within 90 days.',
  'window.passport-60-days': 'Your passport must be valid 60 days longer than the permit you ask for.',

  // Randevu lockout
  'lockout.no-cancel':
    'A confirmed randevu appointment can be neither cancelled nor rescheduled, and it blocks new bookings.',
  'lockout.active.confirmed':
    'You confirmed an appointment on {startsOn}: you cannot book another until {opensOn}.',
  'lockout.active.confirmed-estimated':
    'The booking date was not shown, so this counts from {startsOn}, when the confirmed appointment was first seen: you cannot book another until about {opensOn}.',
  'lockout.active.missed': 'After the missed appointment on {startsOn}, you can book again from {opensOn}.',
  'lockout.ended': 'You can book again (since {opensOn}).',
  'lockout.outlasts-permit':
    'You can book again only on {opensOn}, after your permit ends on {permitEnd}. Act now: see the urgent actions.',
  'lockout.tight':
    'When booking opens again on {opensOn}, only {daysLeft} days remain before your permit ends on {permitEnd}.',
  'lockout.length-30': 'A confirmed or missed randevu appointment blocks new bookings for 30 days.',
  'lockout.length-15': 'Some secondary sources say 15 days after a missed appointment.',

  // Overdue (expired permit)
  'overdue.days-over': 'Your permit ended on {permitEnd}, {daysOver} days ago.',
  'overdue.ten-days-accepted':
    'Until {acceptedUntil} (10 days after expiry) an application may still be accepted: as a new application, not an extension.',
  'overdue.deportation-ground-from':
    'From {groundFrom}, being more than 10 days over the permit is a ground for deportation.',
  'overdue.deportation-ground':
    'You are more than 10 days over your permit: this is a ground for deportation.',
  'overdue.see-overstay': 'See the overstay card for the fees and possible entry bans.',

  // Stay calculator (Council of Ministers decision 2011/2306)
  'stay.rule':
    'On a visa or visa exemption you may stay at most {allowance} days in any 180-day period; longer stays need a residence permit.',
  'stay.counting':
    'Days are counted as official short-stay calculators count them: the entry day and the exit day both count, and the 180-day period ends on the day checked.',
  'stay.days-used': 'Days of stay in the 180 days ending {date}: {used} of {allowance}.',
  'stay.latest-exit': 'If you stay on without a break, your last allowed day is {date}.',
  'stay.over-now':
    'Since {date} you have been over the {allowance}-day allowance: {daysOver} days over today.',
  'stay.trip-over': 'Trip {trip}: from {date} the days in the 180-day period are more than {allowance}.',
  'stay.full-allowance': 'From {date} you could enter and stay the full {allowance} days.',
  'stay.plan': 'If you enter on {entry}, you may stay {days} days, until {lastDay} at the latest.',
  'stay.plan.none': 'If you enter on {entry}, you may not stay at all: the allowance is used up.',
  'stay.plan.inside-trip': '{entry} falls within trip {trip}: pick a day when you are not already in Turkey.',
  'stay.problem.exit-before-entry': 'Trip {trip}: the exit date {exit} is before the entry date {entry}.',
  'stay.problem.overlap': 'Trips {trip} and {other} overlap: a day can belong to one trip only.',
  'stay.problem.open-in-future':
    'Trip {trip} has no exit date but starts in the future ({entry}): only a trip that has begun can be open.',
  'stay.problem.bad-date': 'A trip has an invalid date (entry "{entry}", exit "{exit}").',
  'stay.problem.duplicate-id': 'Two trips share the same identifier: remove one and add it again.',
  'stay.problem.too-many': '{count} trips: at most {max} can be kept.',
  'stay.problems': 'Fix the trips marked below to see the figures. Nothing has been changed for you.',
  'stay.csv.empty': 'The file is empty: the first line must be "entry,exit".',
  'stay.csv.header': 'Line {line} must be the header "entry,exit"; it is "{found}".',
  'stay.csv.columns': 'Line {line}: expected 2 values (entry,exit), found {count}.',
  'stay.csv.entry': 'Line {line}, entry date: {reason}',
  'stay.csv.exit': 'Line {line}, exit date: {reason}',
  'stay.csv.exit-before-entry': 'Line {line}: the exit date is before the entry date.',
  'stay.csv.overlap': 'Lines {line} and {other} overlap.',
  'stay.csv.open-in-future': 'Line {line}: no exit date, but the entry date is in the future.',
  'stay.csv.nothing-saved': 'Nothing was imported: fix the file and try again.',
  'stay.csv.imported': 'Imported {count} trips.',
  'stay.form.exit-before-entry': 'The exit date is before the entry date.',
  'stay.form.entry': 'Entry date: {reason}',
  'stay.form.exit': 'Exit date: {reason}',

  // Overstay (overstay guide 2015; DGMM statement of 09.06.2020; Law 6458 Art. 9, 54(1))
  'overstay.days-over.permit': 'You are {daysOver} days past your permit, which ended on {lastDay}.',
  'overstay.days-over.visa':
    'You are {daysOver} days over what your visa or visa exemption allows (since {firstDay}).',
  'overstay.deportation-ground-from':
    'From {groundFrom}, being more than 10 days over a visa, visa exemption or permit is a ground for deportation.',
  'overstay.deportation-ground': 'You are more than 10 days over: this is a ground for deportation.',
  'overstay.fee':
    'For the overstayed period, the fee is collected at double the permit fee ("bir kat fazlası ile"); it may include the card fee and a single-entry visa fee.',
  'overstay.fines-by-nationality': 'Fines are set by nationality.',
  'overstay.ban.table-intro':
    'Entry ban after leaving voluntarily with the fines paid, by length of overstay (DGMM statement of 09.06.2020):',
  'overstay.band.under-3-months': 'under 3 months: no entry ban',
  'overstay.band.3-6-months': '3 to 6 months: entry ban of 1 month',
  'overstay.band.6-12-months': '6 to 12 months: entry ban of 3 months',
  'overstay.band.1-2-years': '1 to 2 years: entry ban of 1 year',
  'overstay.band.2-3-years': '2 to 3 years: entry ban of 2 years',
  'overstay.band.over-3-years': 'over 3 years: entry ban of 5 years',
  'overstay.ban.row-from': 'from {date}',
  'overstay.ban.current-intro': 'If you leave now of your own accord and pay the fines:',
  'overstay.ban.older-2015':
    'The 2015 overstay guide used older wording: under 10 days of overstay, no ban. The 2020 DGMM table above is the newer one.',
  'overstay.unpaid-fines': 'Not paying the fines is itself a ground for an entry ban of up to five years.',
  'overstay.ban-max': 'An entry ban lasts at most 5 years.',
  'overstay.amendment':
    "A later amendment lets no ban be imposed if the fines are paid and the Ministry's limits are not exceeded (the date of the amendment is unconfirmed).",
  'overstay.now.pay-at-exit':
    'Pay the fines and fees when you leave, at the border: the ban table assumes they are paid.',
  'overstay.now.apply-before':
    'Apply by {acceptedUntil}: up to 10 days after a permit or visa expires, an application may still be accepted (as a new application, not an extension).',
  'overstay.now.leave-before-detection':
    'If you apply to leave before your situation is detected and a removal decision is taken, the ban shall not exceed one year.',
  'overstay.now.next-row': 'Every day counts: from {date} the next row of the ban table applies.',
  'overstay.now.lawyer': 'See a lawyer before you act: they can check your case against the current rules.',

  // Application status (e-ikamet)
  'status.in-progress.meaning': 'Your application is being assessed.',
  'status.in-progress.wait': 'Wait: the legal limit for a decision is 90 days from a complete file.',
  'status.approved-printing.meaning': 'Approved: your card is being printed.',
  'status.approved-printing.certificate': 'Download the application certificate (Müracaat Belgesi).',
  'status.approved-printing.keep-contact': 'Keep your phone number and address up to date.',
  'status.delivered-to-ptt.meaning': 'Your card has been handed to PTT for delivery.',
  'status.delivered-to-ptt.track': 'Track the PTT barcode.',
  'status.delivered-to-ptt.ten-days':
    'The card waits about 10 days at the PTT branch before it is sent back.',
  'status.concluded-apply-to-office.meaning':
    'The application is concluded and you are asked to apply to the Provincial Directorate: often a rejection or a document problem.',
  'status.concluded-apply-to-office.go': 'Go to the Provincial Directorate of Migration Management (PMM).',
  'status.concluded-apply-to-office.istanbul-slot':
    'In İstanbul a randevu "Kişisel Bilgi Güncelleme" slot may be used for this. Unconfirmed: booking the wrong randevu type costs a 30-day lockout.',
  'status.concluded-apply-to-office.if-refused': 'If refused: leave within 10 days, or appeal.',
  'status.documents-required.meaning': 'Documents are missing (eksik belge).',
  'status.documents-required.deliver':
    'Deliver the missing documents within 30 days of the date shown in e-ikamet, or the application is rejected.',
  'status.documents-required.deadline': 'Deadline for the missing documents: {deadline}.',
  'status.documents-required.deadline-estimated':
    'Deadline for the missing documents: about {deadline} (counted from the day the notice was first seen; check the date in e-ikamet).',
  'status.not-found.meaning': 'No record found: often the details entered do not match.',
  'status.not-found.recheck': 'Re-check the details you entered.',
  'status.not-found.visit': 'Visit the Provincial Directorate of Migration Management (PMM).',
  'status.approved-printing.ptt-next':
    'Next, the card is handed to PTT for delivery to your address; e-ikamet then shows "PTT\'ye Teslim Edildi".',
  'status.decision.count':
    'Day {daysSince} of 90 since the file was complete ({completeOn}): a decision is due by {dueBy}.',
  'status.decision.passed':
    'More than 90 days since the file was complete ({completeOn}): the decision was due by {dueBy}.',

  // Reminders (local notifications; issue 7)
  'reminder.window-opens.title': 'Extension window opens today',
  'reminder.window-opens.body':
    'From today you can apply to extend your permit: apply by {lastDay}, the day it ends.',
  'reminder.urgency.medium.title': 'Permit urgency is now Medium: {daysLeft} days left',
  'reminder.urgency.high.title': 'Permit urgency is now High: {daysLeft} days left',
  'reminder.urgency.very-high.title': 'Permit urgency is now Very high: {daysLeft} days left',
  'reminder.urgency.critical.title': 'Your permit has expired',
  'reminder.days-left.title': '{daysLeft} days left on your permit',
  'reminder.lockout-ends.title': 'You can book a randevu appointment again',
  'reminder.appointment-tomorrow.title': 'Appointment tomorrow ({date})',
  'reminder.appointment-tomorrow.body':
    'Your appointment is tomorrow. Go through your documents checklist in the panel before you go.',
  'reminder.appointment-tomorrow.body-time':
    'Your appointment is tomorrow at {time}. Go through your documents checklist in the panel before you go.',
  'reminder.documents-deadline.title': 'Missing documents: {daysLeft} days left',
  'reminder.documents-deadline.today.title': 'Missing documents: today is the last day',
  'reminder.status-unchanged.title': 'Application status unchanged for {days} days',
  'reminder.status-unchanged.body':
    'Open e-ikamet to check your application status: the extension never checks it for you.',
  'reminder.cancellation-check.title': 'Check for cancelled appointment slots',
  'reminder.cancellation-check.body':
    'Open the portal and look for cancelled slots: this is the check you asked to be reminded of. The extension never checks the portal itself.',

  // Appointments
  'appointment.date-by-sms':
    'In İstanbul and Ankara, e-ikamet assigns the appointment date itself and sends it by SMS or e-mail: watch for a message with the date, time and office.',
  'appointment.province': 'Appointments are booked in the province where your residence is registered.',
  'missed.slot-only': 'A missed appointment does not cancel the application, only the slot.',
  'missed.never-applied':
    'A law-firm page says that without a valid excuse you are treated as never having applied.',
  'missed.rebook': 'Rebook at once.',
  'missed.emergency':
    "If an emergency (hospital, accident) caused the miss, keep the hospital records or doctor's certificates and bring them to the next appointment.",
  'missed.no-slots':
    'If no slots are available before expiry, screenshot the portal showing no available slots.',
  'missed.visit': 'Visit the migration office (İl Göç İdaresi) in person with the documents.',
  'missed.lawyer': 'Engage a lawyer.',

  // Holidays (Law 2429)
  'holiday.new-year': "New Year's Day",
  'holiday.national-sovereignty': "National Sovereignty and Children's Day",
  'holiday.labour': 'Labour and Solidarity Day',
  'holiday.youth-sports': 'Commemoration of Atatürk, Youth and Sports Day',
  'holiday.democracy': 'Democracy and National Unity Day',
  'holiday.victory': 'Victory Day',
  'holiday.republic-eve': 'Eve of Republic Day (half day, offices close at 13:00)',
  'holiday.republic': 'Republic Day',
  'holiday.ramazan-arife': 'Eve of Ramazan Bayramı (half day)',
  'holiday.ramazan': 'Ramazan Bayramı',
  'holiday.kurban-arife': 'Eve of Kurban Bayramı (half day)',
  'holiday.kurban': 'Kurban Bayramı',
  'holiday.bridge': 'Bridge day (added by you)',
  'holiday.half-day': 'On {date} offices are open in the morning only (half-day holiday).',
  'holiday.religious-unknown':
    'The religious holiday dates for {year} are not known here: check before relying on a date.',
  'holiday.next-working-day': 'Offices are closed on {date}; the next working day is {next}.',
} as const satisfies Record<string, string>;

export type TextId = keyof typeof EN;
export type TextParams = Readonly<Record<string, string | number>>;

/** One thing the panel shows: a text id, its parameters, and the sources it rests on. */
export interface Line extends Sourced {
  text: TextId;
  params?: TextParams;
}

/** Builds a `Line`; `weak` is derived from the sources so a weak source can never lose its caveat. */
export function line(text: TextId, sources: readonly SourceId[], params?: TextParams, weak = false): Line {
  const isWeak = weak || sources.some(isWeakSource);
  return { text, sources, ...(params ? { params } : {}), ...(isWeak ? { weak: true } : {}) };
}

/**
 * English rendering. Params that are ISO dates are shown as "24 Nov 2026" unless `options.formatDate` says
 * otherwise. Unknown placeholders are left visible (`{name}`) so a missing param is noticed, not hidden.
 * (An options object, not a bare function, so `lines.map(renderEn)` is safe.)
 */
export function renderEn(
  l: Pick<Line, 'text' | 'params'>,
  options: { formatDate?: (iso: string) => string } = {},
): string {
  const formatDate = options.formatDate ?? formatIsoDate;
  return EN[l.text].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = l.params?.[key];
    if (v === undefined) return whole;
    return typeof v === 'string' && isValidIsoDate(v) ? formatDate(v) : String(v);
  });
}
