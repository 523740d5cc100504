/**
 * English sentences of the checklists, the fee-safety notice, the randevu appointment types and the
 * stop-and-check before confirming a randevu appointment. Merged into `EN` (src/domain/text.ts), so these ids are
 * ordinary `TextId`s: `line()`, `renderEn()` and a later translation catalogue treat them like any other.
 *
 * Every id here starts with one of `CHECKLIST_TEXT_PREFIXES`, which no other text id uses (a test checks it), so
 * the merge can never silently overwrite a sentence of another module.
 *
 * Facts come only from `../shared/domain-facts.md` ("Documents"); explanations say what exactly, where to get it
 * and the mistake the facts file itself warns about. Nothing beyond that is added.
 */

export const CHECKLIST_TEXT_PREFIXES = [
  'checklist.',
  'doc.',
  'fee.',
  'emergency.',
  'randevu-type.',
  'randevu-goal.',
  'confirm.',
] as const;

export const CHECKLIST_EN = {
  // --- checklist headings and notices ----------------------------------------------------------------------
  'checklist.kind.first': 'First application',
  'checklist.kind.extension': 'Extension',
  'checklist.kind.transfer': 'Transfer / change of permit type',
  'checklist.permit.short-term': 'Short-term residence permit',
  'checklist.permit.family': 'Family residence permit',
  'checklist.permit.student': 'Student residence permit',
  'checklist.permit.long-term': 'Long-term residence permit',
  'checklist.permit.humanitarian': 'Humanitarian residence permit',
  'checklist.permit.trafficking-victim': 'Residence permit for victims of human trafficking',
  'checklist.permit.work': 'Work permit',
  'checklist.permit.other': 'Other permit',
  'checklist.progress': '{done} of {total} ready',
  'checklist.progress-na': '{done} of {total} ready ({na} not applicable)',
  'checklist.versions-differ':
    "These lists come from DGMM lists as mirrored by consultancies, and the versions differ. The portal's own required-documents page is the best source: open it and its list is shown beside this one.",
  'checklist.no-official-list':
    "No official document list was found for this permit type, so none is shown here rather than an invented one. Use the portal's own required-documents page, or ask the migration office.",
  'checklist.not-covered':
    "The document lists behind this checklist do not cover this permit type. Use the portal's own required-documents page.",
  'checklist.long-term-not-extended':
    'A long-term residence permit is not extended, so there is no extension list for it.',
  'checklist.transfer-uses-new-type':
    "No separate list for a transfer (change of permit type) was found: shown is the list for the permit type you are moving to. Check it against the portal's own list.",
  'checklist.student-fee-exempt':
    'Students are possibly exempt from the fees except the card fee: unconfirmed, check before you pay.',
  'checklist.only-if.under-18': 'Only for applicants under 18.',
  'checklist.only-if.land-registry': 'Only if you bought the property more than 6 months ago.',
  'checklist.only-if.not-paid-online': 'Not needed when you paid the fees online on e-ikamet.',
  'checklist.only-if.foreign-documents': 'Only for documents issued abroad.',
  'checklist.condition': 'A condition to meet, not a document to bring.',

  // --- documents: common (DGMM lists as mirrored by consultancies ⚠) ---------------------------------------
  'doc.application-form.title': 'Application form, signed',
  'doc.application-form.explain':
    'The form from your e-ikamet application, printed and signed by you: bring it signed.',
  'doc.passport.title': 'Passport: the original and a copy',
  'doc.passport.explain':
    'It must be valid at least 60 days longer than the permit you ask for: check the expiry date before you apply.',
  'doc.passport-extension.title': 'Passport: the original and a notarised, translated copy',
  'doc.passport-extension.explain':
    'For an extension the copy must be notarised and translated. The passport must be valid at least 60 days longer than the permit you ask for.',
  'doc.photos.title': '4 biometric photos',
  'doc.photos.explain': 'Taken in the last 6 months, on a white background.',
  'doc.means.title': 'Declaration of sufficient means',
  'doc.means.explain':
    'A signed statement that you can support yourself during your stay; proof of the means may also be requested, so have it ready.',
  'doc.insurance.title': 'Health insurance',
  'doc.insurance.explain':
    'SGK, or a private policy that cites circular no. 9 of 06/06/2014. It must cover the whole permit period, not just part of it.',
  'doc.address.title': 'Proof of address',
  'doc.address.explain':
    'One of: a notarised rental contract, a title deed, a hotel or dormitory certificate, or a notarised undertaking from your host.',
  'doc.fee-receipts.title': 'Card-fee and permit-fee receipts',
  'doc.fee-receipts.explain':
    'The receipts of the card fee and the permit fee. None are needed when you paid online on e-ikamet.',
  'doc.foreign-documents.title': 'Foreign documents: apostille and notarised Turkish translation',
  'doc.foreign-documents.explain':
    'Every document issued abroad needs both an apostille and a notarised translation into Turkish.',
  'doc.under-18.title': 'Under 18: birth certificate and parental consent',
  'doc.under-18.explain':
    'For an applicant under 18: the birth certificate and the consent of the parents. A birth certificate issued abroad also needs the apostille and the translation.',

  // --- documents: extension ---------------------------------------------------------------------------------
  'doc.previous-card.title': 'Your current residence permit card',
  'doc.previous-card.explain': 'The card of the permit you are extending.',
  'doc.address-registration.title': 'Proof of address registration',
  'doc.address-registration.explain': 'Proof that your current address is registered (adres tescili).',

  // --- documents: short-term, property owner ------------------------------------------------------------------
  'doc.title-deed.title': 'Title deed (tapu)',
  'doc.title-deed.explain': 'The title deed of the property you own in Türkiye.',
  'doc.land-registry-letter.title': 'Up-to-date land registry letter',
  'doc.land-registry-letter.explain':
    'A current letter from the land registry, needed when you bought the property more than 6 months ago.',
  'doc.tax-number.title': 'Tax number',
  'doc.tax-number.explain': 'Your Turkish tax number (vergi numarası).',

  // --- documents: student --------------------------------------------------------------------------------------
  'doc.student-certificate.title': 'Student certificate (öğrenci belgesi)',
  'doc.student-certificate.explain':
    'From your school, e-signed or stamped: an unsigned, unstamped printout is not enough.',

  // --- documents: family ----------------------------------------------------------------------------------------
  'doc.sponsor-id.title': "Sponsor's ID or residence permit",
  'doc.sponsor-id.explain':
    'The identity document or residence permit of the family member in Türkiye who sponsors the application.',
  'doc.sponsor-income.title': "Proof of the sponsor's income",
  'doc.sponsor-income.explain': 'At least one third of the minimum wage for each family member.',
  'doc.family-insurance.title': 'Health insurance for every family member',
  'doc.family-insurance.explain': 'Each person needs cover for the whole permit period.',
  'doc.family-criminal-record.title': 'Criminal record',
  'doc.family-criminal-record.explain':
    "A criminal record certificate. The lists found do not say whose: check the portal's own list.",
  'doc.family-address-registration.title': 'Proof of address registration',
  'doc.family-address-registration.explain': 'Proof that the address is registered (adres tescili).',
  'doc.family-certificates.title': 'Marriage and birth certificates',
  'doc.family-certificates.explain':
    'They prove the family link. Issued abroad: apostilled and with a notarised Turkish translation.',
  'doc.sponsor-one-year.title': 'The sponsor has been resident in Türkiye for at least 1 year',
  'doc.sponsor-one-year.explain': 'A condition of the family permit: check it before you apply.',

  // --- documents: long-term ---------------------------------------------------------------------------------------
  'doc.eight-years.title': '8 years of uninterrupted residence in Türkiye',
  'doc.eight-years.explain': 'A condition of the long-term permit: check your dates before you apply.',
  'doc.no-social-assistance.title': 'Document: no social assistance in the last 3 years',
  'doc.no-social-assistance.explain': 'From the Sosyal Yardımlaşma Vakfı (social assistance foundation).',
  'doc.criminal-records-both.title': 'Criminal records from your home country and from Türkiye',
  'doc.criminal-records-both.explain':
    'Both are needed; the foreign one with an apostille and a notarised Turkish translation.',

  // --- fee safety -------------------------------------------------------------------------------------------------
  'fee.official-only':
    'Only these fees are official: the card fee, the permit fee and the single-entry visa fee.',
  'fee.no-intermediaries':
    'The migration directorate works with no intermediaries: agents are not part of the process.',
  'fee.representative':
    'You apply in person; a legal representative or a lawyer with power of attorney may also apply for you.',
  'fee.card-amount': 'The card fee was reported as 810 TL for 2025 and 964 TL for 2026.',

  // --- missed appointment because of an emergency (relocation guide) --------------------------------------------
  'emergency.hospital-records.title': 'Hospital records',
  'emergency.hospital-records.explain':
    'If a hospital stay or an accident made you miss the appointment: keep the records.',
  'emergency.doctor-certificate.title': "Doctor's certificate",
  'emergency.doctor-certificate.explain': 'From the doctor who treated you.',
  'emergency.no-slots.title': 'Screenshots of the portal showing no available slots',
  'emergency.no-slots.explain':
    'Each time you find no slot before your permit ends, take a screenshot with the date visible.',
  'emergency.bring.title': 'Bring them to the next appointment',
  'emergency.bring.explain':
    'Take all of these to your next appointment, or to the migration office (İl Göç İdaresi) when you go in person.',
  'emergency.rebook.title': 'Rebook at once',
  'emergency.rebook.explain': 'Book the next appointment as soon as you can.',
  'emergency.lawyer.title': 'Engage a lawyer if no slot comes before your permit ends',
  'emergency.lawyer.explain': 'The guide advises it when no slot is available before expiry.',

  // --- randevu appointment types (what each type's name says; the portal explains no more) ------------------------
  'randevu-type.address-registration.purpose':
    'For a foreigner who holds a residence permit: registering an address.',
  'randevu-type.passport-update.purpose': 'Updating the passport information on your record.',
  'randevu-type.personal-info-update.purpose': 'Updating the personal information on your record.',
  'randevu-type.names-only':
    "These descriptions say what each type's name says; the portal gives no further explanation.",
  'randevu-type.unknown':
    'The appointment type "{label}" is not known here: make sure on the page that it is what you need.',
  'randevu-type.not-read':
    'The appointment type was not read from the page: check it there before you confirm.',
  'randevu-type.bring-address-only':
    'Only proof of address is known for this type (from the residence permit document lists): the office may ask for more.',
  'randevu-type.bring-none-known':
    'No list of documents for this appointment type was found: check the randevu page or ask the office.',

  // --- goals and the randevu type that fits them -----------------------------------------------------------------
  'randevu-goal.ikamet-application':
    'Applying for, extending or transferring a residence permit: that is done on e-ikamet, not with a randevu appointment.',
  'randevu-goal.address': 'Registering an address: "İkamet İzinli Yabancı - Adres Tescili".',
  'randevu-goal.passport': 'New passport details: "Pasaport Bilgisi Güncelleme".',
  'randevu-goal.personal-info': 'Changed personal details: "Kişisel Bilgi Güncelleme".',
  'randevu-goal.apply-to-office':
    'e-ikamet says to apply to the Provincial Directorate: a consultancy says İstanbul uses "Kişisel Bilgi Güncelleme" for this (unconfirmed).',

  // --- stop-and-check before "Randevu Onayla" ----------------------------------------------------------------------
  'confirm.lockout-until': 'After confirming, you cannot book another randevu appointment until {until}.',
  'confirm.lockout-critical':
    'Critical: {until} is after your permit ends on {permitEnd}. If this is the wrong type, you cannot book the right one while your permit is valid.',
  'confirm.lockout-tight':
    'When booking opens again on {until}, only {daysLeft} days remain before your permit ends on {permitEnd}.',
  'confirm.permit-end-unknown':
    'Your permit end date is not known here: enter it to see whether this lockout runs past it.',
  'confirm.appointment-after-permit-end':
    'This appointment ({date}) is after your permit ends on {permitEnd}.',
  'confirm.never-clicks':
    'Ikamet Companion never clicks "Randevu Onayla" or anything else on the page: you confirm there yourself, when you are sure.',
} as const satisfies Record<string, string>;
