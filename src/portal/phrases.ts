/**
 * Every phrase and label the readers look for, in one place. Write them as they appear on the page: matching folds
 * case (Turkish İ/ı), diacritics, apostrophes, dashes and whitespace (see text.ts `norm`), and a phrase matches
 * anywhere in a visible line, so a stem ("değerlendirme aşamasında") also matches its suffixed forms
 * ("değerlendirme aşamasındadır"). A phrase given as an array matches when every part is in the same line.
 *
 * Sources: /work/shared/portal-notes.md. SEEN = quoted in a public source; GUESS = a likely wording (the real
 * "no slots" wording was not found for either portal). To support a new wording, add it here and add a fixture.
 */
import type { ApplicationStatus, PermitType, RandevuStep } from './types';

export type Phrase = string | readonly string[];

/** "No appointment available" on either portal. All GUESS (portal-notes.md lists these candidates). */
export const NO_SLOTS: readonly Phrase[] = [
  'uygun randevu bulunamadı',
  'uygun randevu bulunmamaktadır',
  'uygun randevu yok',
  'boş randevu yoktur',
  'boş randevu bulunmamaktadır',
  'boş randevu bulunamadı',
  'müsait randevu bulunmamaktadır',
  'müsait randevu bulunamadı',
  'müsait randevu yok',
  'randevu bulunamadı',
  'uygun tarih bulunamadı',
  'randevu kontenjanı dolmuştur',
  ['kontenjan', 'dolmuştur'],
  'no available appointment',
  'no appointment available',
  'no appointments available',
  'no available slot',
  'no slots available',
  'there are no available',
  'no free slot',
  'no available date',
  'fully booked',
];

/**
 * "No appointment" by meaning, for wordings nobody has listed ("Seçilen il için uygun randevu tarihi
 * bulunmamaktadır"): a line says it when an availability word, an appointment word and a negation stand within
 * NO_SLOTS_SPAN words of each other (messages.ts). Folded words; a word matches when it starts with one of these
 * stems (Turkish suffixes: "randevular", "tarihi"), except the negations, which are whole words ("bulunmadığı"
 * in "bulunmadığı durumlarda" is help text, not a message). GUESS: built from the candidates in portal-notes.md.
 */
export const NO_SLOTS_MEANING = {
  available: ['uygun', 'musait', 'bos', 'available', 'free', 'open', 'vacant'],
  appointment: ['randevu', 'tarih', 'saat', 'kontenjan', 'appointment', 'slot', 'date', 'time'],
  negation: [
    'yok',
    'yoktur',
    'bulunmamaktadir',
    'bulunmamakta',
    'bulunamadi',
    'bulunamamistir',
    'bulunmuyor',
    'bulunmamistir',
    'kalmadi',
    'kalmamistir',
    'kalmamaktadir',
    'degil',
    'degildir',
    'no',
    'not',
    'none',
    'unavailable',
    'cannot',
  ],
} as const;
export const NO_SLOTS_SPAN = 4;

/**
 * Lines that talk about a missing appointment without saying there is none now: conditions and questions in help
 * text ("Uygun randevu bulunamaması durumunda…", "If no appointment is available…", "Neden uygun randevu yok?").
 * Folded whole words.
 */
export const HELP_TEXT_WORDS: readonly string[] = [
  'durumunda',
  'durumlarda',
  'halinde',
  'takdirde',
  'eger',
  'if',
  'when',
  'whenever',
  'unless',
  'case',
];

/**
 * Elements whose text is never a portal message: buttons and links ("Randevu Al"), help and hints, tooltips.
 * A message inside one of them is a label for an action or an explanation, not the portal's answer.
 */
export const NOT_A_MESSAGE =
  'button, a, [role="button"], [role="link"], [role="tooltip"], summary, label, option, [role="option"], .help-block, .form-text, .hint, .help, .tooltip, .popover';

/**
 * "The date will be assigned and sent by SMS/e-mail" (İstanbul and Ankara on e-ikamet, busy provinces on randevu:
 * SEEN as a fact, wording GUESS). A line matches when it has one word from each group.
 */
export const SMS_PENDING = {
  channel: ['sms', 'kısa mesaj', 'e-posta', 'eposta', 'e-mail', 'email', 'text message'],
  future: [
    'bildirilecek',
    'gönderilecek',
    'iletilecek',
    'bilgilendirileceksiniz',
    'will be sent',
    'be sent to you',
    'sent to you by',
    'will be notified',
    'will be informed',
    'will be communicated',
    'will be delivered',
    'will receive',
  ],
  subject: ['randevu', 'tarih', 'appointment', 'date'],
} as const;

/**
 * Application statuses, most specific first: the first match wins ("olumlu sonuçlandı ... baskı" is approved, not
 * merely "concluded"). SEEN strings are marked.
 */
export const STATUS: readonly { status: ApplicationStatus; phrases: readonly Phrase[] }[] = [
  {
    status: 'approved-printing',
    phrases: [
      'baskı aşamasında', // SEEN
      'olumlu sonuçlan', // SEEN
      'printing stage', // SEEN
      'concluded positively', // SEEN
      'basım aşamasında',
      'being printed',
    ],
  },
  {
    status: 'delivered-to-ptt',
    phrases: [
      "ptt'ye teslim",
      'ptt ye teslim',
      'pttye teslim',
      'delivered to ptt',
      'handed over to ptt',
      'sent to ptt',
    ],
  },
  {
    status: 'documents-required',
    phrases: [
      'eksik belge',
      'eksik evrak',
      'belge eksik',
      'additional document',
      'missing document',
      'documents required',
      'documents are required',
      'document is required',
    ],
  },
  {
    status: 'concluded-apply-to-office',
    phrases: [
      'it has been concluded', // SEEN
      'apply to provincial directorate', // SEEN
      'apply to the provincial directorate',
      'başvurmanız gerek',
      'müracaat etmeniz gerek',
    ],
  },
  {
    status: 'in-progress',
    phrases: [
      'in progress', // SEEN
      'değerlendirme aşamasında',
      'değerlendirilmektedir',
      'incelemede',
      'inceleme aşamasında',
      'işlemde',
      'işlem aşamasında',
      'under assessment',
      'under evaluation',
      'under review',
      'being processed',
    ],
  },
  {
    status: 'not-found',
    phrases: ['not found', 'bulunamadı', 'kayıt bulunmamaktadır', 'no record'], // "Not found" SEEN
  },
];

/** Residence permit types as the status page names them. */
export const PERMIT_TYPES: readonly { type: PermitType; phrases: readonly Phrase[] }[] = [
  { type: 'trafficking-victim', phrases: ['insan ticareti', 'victim of human trafficking', 'trafficking'] },
  { type: 'humanitarian', phrases: ['insani', 'humanitarian'] },
  { type: 'long-term', phrases: ['uzun dönem', 'long term', 'long-term'] },
  { type: 'short-term', phrases: ['kısa dönem', 'short term', 'short-term'] },
  { type: 'family', phrases: ['aile', 'family'] },
  { type: 'student', phrases: ['öğrenci', 'student'] },
  { type: 'work', phrases: ['çalışma', 'work permit'] },
];

/** Labels, Turkish and English. Matched as a whole line ("Label", "Label:") or as "Label: value". */
export const LABELS = {
  /** The permit's validity: the key date. SEEN: "Başlangıç - Bitiş", "Starting-Ending dates". */
  permitRange: [
    'Başlangıç - Bitiş',
    'Başlangıç - Bitiş Tarihi',
    'Başlangıç - Bitiş Tarihleri',
    'İzin Başlangıç - Bitiş Tarihi',
    'Geçerlilik Tarihi',
    'Geçerlilik Tarihleri',
    'Starting-Ending dates',
    'Starting - Ending Date',
    'Start - End Date',
    'Start - End Dates',
    'Validity',
    'Validity Dates',
  ],
  permitStart: ['Başlangıç Tarihi', 'İzin Başlangıç Tarihi', 'Starting Date', 'Start Date'],
  permitEnd: [
    'Bitiş Tarihi',
    'İzin Bitiş Tarihi',
    'Geçerlilik Bitiş Tarihi',
    'Ending Date',
    'End Date',
    'Expiry Date',
  ],
  /** SEEN: "İkamet İzni Türü", "Type of Residence Permit". */
  permitType: ['İkamet İzni Türü', 'İzin Türü', 'Type of Residence Permit', 'Residence Permit Type'],
  /** SEEN as prefixes of the status line: "Kayıt durumunuz:", "Your Application Status:". */
  status: [
    'Kayıt durumunuz',
    'Başvuru durumunuz',
    'Başvuru Durumu',
    'Durum',
    'Your Application Status',
    'Your registration status',
    'Application Status',
    'Status',
  ],
  province: ['İl', 'Randevu İli', 'İkamet Edilen İl', 'Province', 'City'],
  office: ['Birim', 'Randevu Birimi', 'Göç İdaresi Birimi', 'Kurum', 'Office', 'Unit', 'Directorate'],
  appointmentType: [
    'Randevu Türü',
    'Randevu Tipi',
    'Randevu Nedeni',
    'İşlem Türü',
    'Appointment Type',
    'Type of Appointment',
    'Appointment Reason',
  ],
  appointmentDate: [
    'Randevu Tarihi',
    'Randevu Tarih ve Saati',
    'Randevu Tarihi ve Saati',
    'Tarih',
    'Appointment Date',
    'Appointment Date and Time',
    'Date',
  ],
  appointmentTime: ['Randevu Saati', 'Saat', 'Appointment Time', 'Time'],
  /** When the appointment was booked: starts the 30-day lockout. "Kayıt Tarihi" GUESS for randevu. */
  bookedOn: [
    'Kayıt Tarihi',
    'Oluşturma Tarihi',
    'Oluşturulma Tarihi',
    'Randevu Alma Tarihi',
    'Created',
    'Created On',
    'Creation Date',
    'Booking Date',
    'Booked On',
  ],
} as const;

/** Placeholders a dropdown shows when nothing is chosen. */
export const PLACEHOLDERS: readonly string[] = [
  'Seçiniz',
  'Lütfen Seçiniz',
  'Select',
  'Please Select',
  'Choose',
  '-',
  '--',
];

/** randevu booking steps (SEEN TR: "Kişi Bilgileri", "Randevu Bilgileri", "Tarih Seçimi", "Onay"; EN GUESS). */
export const STEPS: readonly { step: Exclude<RandevuStep, 'done'>; labels: readonly string[] }[] = [
  {
    step: 'person',
    labels: ['Kişi Bilgileri', 'Personal Information', 'Person Information', 'Personal Details'],
  },
  {
    step: 'details',
    labels: ['Randevu Bilgileri', 'Appointment Information', 'Appointment Details'],
  },
  { step: 'date-selection', labels: ['Tarih Seçimi', 'Date Selection', 'Select Date', 'Date and Time'] },
  { step: 'confirmation', labels: ['Onay', 'Confirmation', 'Confirm', 'Approval'] },
];

/** The button that books the appointment (SEEN "Randevu Onayla"). */
export const CONFIRM_BUTTON: readonly Phrase[] = [
  'Randevu Onayla',
  'Randevuyu Onayla',
  'Confirm Appointment',
  'Confirm the Appointment',
];

/** Booking finished (GUESS wording). */
export const BOOKING_DONE: readonly Phrase[] = [
  'randevunuz oluşturuldu',
  'randevunuz başarıyla',
  'randevu talebiniz alınmıştır',
  'randevu talebiniz alındı',
  'appointment has been created',
  'appointment has been booked',
  'appointment request has been received',
];

/** Headings that identify pages when the URL doesn't (SEEN: "Başvuru Durumunuz"; "Randevularım"). */
export const HEADINGS = {
  status: ['Başvuru Durumunuz', 'Your Application Status'],
  myAppointments: ['Randevularım', 'My Appointments'],
  requiredDocuments: [
    'İstenen Belgeler',
    'Başvuru İçin İstenen Belgeler',
    'Required Documents',
    'Documents Required',
  ],
} as const;

/** Common words for telling Turkish from English text (the html lang attribute may not follow the session). */
export const LANGUAGE_WORDS = {
  tr: [
    've',
    'bir',
    'için',
    'ile',
    'bu',
    'başvuru',
    'başvurunuz',
    'tarihi',
    'seçiniz',
    'giriş',
    'kayıt',
    'lütfen',
    'izni',
    'bilgileri',
    'randevu',
    'durumunuz',
    'belge',
  ],
  en: [
    'the',
    'and',
    'of',
    'your',
    'for',
    'to',
    'is',
    'application',
    'appointment',
    'date',
    'select',
    'please',
    'permit',
    'information',
    'status',
    'document',
  ],
} as const;
