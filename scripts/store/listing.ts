/**
 * The store listings' privacy texts, in each language of the panel's catalogue: the single purpose, one
 * justification per permission of the built manifests, the data-use statement and "no remote code". The name and
 * the short description come from the catalogue itself (extName, extDescription), as the manifest's do.
 * `npm run store-assets` writes them to store/listing/; tests/unit/store/listing.test.ts checks that every
 * permission of both builds has its sentence in every language and that store/ holds what this file says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/i18n/catalogue';

export const PERMISSIONS = [
  'storage',
  'activeTab',
  'alarms',
  'notifications',
  'contextMenus',
  'unlimitedStorage',
  'sidePanel',
  'host',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Listing {
  singlePurpose: string;
  permissions: Record<Permission, string>;
  dataUse: string;
  remoteCode: string;
}

export const LISTING: Record<Lang, Listing> = {
  en: {
    singlePurpose:
      'Help a foreigner in Turkey keep their residence-permit deadlines: read what the two official portals (e-ikamet.goc.gov.tr, randevu.goc.gov.tr) already show the user, and show days left, the appointment lockout, document checklists and a local, verifiable log of "no appointment available" screenshots.',
    permissions: {
      storage: 'Keeps the readings, people, settings and evidence log on this computer.',
      activeTab:
        'Takes an evidence screenshot of the portal tab only after the user clicks the toolbar icon, presses the shortcut or uses the menu item on that tab.',
      alarms: 'Refreshes the days-left badge at midnight in Istanbul and fires the reminders the user set.',
      notifications:
        'Shows the reminders (a window opens, days left, appointment tomorrow) from this computer.',
      contextMenus: 'Adds "Capture evidence" to the right-click menu on the two portals only.',
      unlimitedStorage:
        'Keeps evidence screenshots from being deleted when the disk runs low: they may be needed in a legal process.',
      sidePanel: 'Shows the panel beside the portal page.',
      host: 'Reads what the user sees on e-ikamet.goc.gov.tr and randevu.goc.gov.tr, and nothing else; it never changes, clicks or submits anything there.',
    },
    dataUse:
      'Collects nothing. No data leaves the computer: no network requests, no analytics, no accounts. Data goes out only in a file the user exports.',
    remoteCode: 'No remote code: everything the extension runs is in the package.',
  },
  tr: {
    singlePurpose:
      'Türkiye\'deki yabancıların ikamet izni sürelerini kaçırmamasına yardım etmek: iki resmî portalın (e-ikamet.goc.gov.tr, randevu.goc.gov.tr) kullanıcıya zaten gösterdiklerini okuyup kalan günleri, randevu engelini, belge listelerini ve "uygun randevu yok" ekran görüntülerinin yerel, doğrulanabilir kaydını göstermek.',
    permissions: {
      storage: 'Okumaları, kişileri, ayarları ve kanıt kaydını bu bilgisayarda tutar.',
      activeTab:
        'Portal sekmesinin kanıt ekran görüntüsünü yalnızca kullanıcı o sekmede araç çubuğu simgesine tıkladıktan, kısayola bastıktan veya menü öğesini kullandıktan sonra alır.',
      alarms:
        'Kalan gün rozetini İstanbul saatiyle gece yarısı yeniler ve kullanıcının kurduğu hatırlatmaları çalıştırır.',
      notifications:
        'Hatırlatmaları (başvuru dönemi açılıyor, kalan günler, yarınki randevu) bu bilgisayardan gösterir.',
      contextMenus: 'Sağ tık menüsüne yalnızca iki portalda "Kanıt al" öğesini ekler.',
      unlimitedStorage:
        'Disk dolmaya yaklaştığında kanıt ekran görüntülerinin silinmesini önler: hukuki bir süreçte gerekebilirler.',
      sidePanel: 'Paneli portal sayfasının yanında gösterir.',
      host: 'Yalnızca e-ikamet.goc.gov.tr ve randevu.goc.gov.tr üzerinde kullanıcının gördüğünü okur; orada hiçbir şeyi değiştirmez, tıklamaz veya göndermez.',
    },
    dataUse:
      'Hiçbir veri toplamaz. Hiçbir veri bilgisayardan çıkmaz: ağ isteği, analiz, hesap yoktur. Veri yalnızca kullanıcının dışa aktardığı bir dosyayla dışarı çıkar.',
    remoteCode: 'Uzaktan kod yok: eklentinin çalıştırdığı her şey paketin içindedir.',
  },
  ar: {
    singlePurpose:
      'مساعدة الأجانب في تركيا على الالتزام بمواعيد تصاريح الإقامة: قراءة ما تعرضه البوابتان الرسميتان (e-ikamet.goc.gov.tr وrandevu.goc.gov.tr) للمستخدم أصلًا، وعرض الأيام المتبقية وحظر المواعيد وقوائم الوثائق وسجل محلي قابل للتحقق للقطات شاشة "لا يوجد موعد متاح".',
    permissions: {
      storage: 'يحفظ القراءات والأشخاص والإعدادات وسجل الأدلة على هذا الحاسوب.',
      activeTab:
        'يلتقط صورة الدليل لتبويب البوابة فقط بعد أن ينقر المستخدم على أيقونة شريط الأدوات أو يضغط الاختصار أو يستخدم عنصر القائمة في ذلك التبويب.',
      alarms: 'يحدّث شارة الأيام المتبقية عند منتصف الليل بتوقيت إسطنبول ويطلق التذكيرات التي ضبطها المستخدم.',
      notifications: 'يعرض التذكيرات (فتح فترة التقديم، الأيام المتبقية، موعد الغد) من هذا الحاسوب.',
      contextMenus: 'يضيف "التقاط دليل" إلى قائمة النقر بزر الفأرة الأيمن في البوابتين فقط.',
      unlimitedStorage: 'يمنع حذف لقطات الأدلة عندما تمتلئ مساحة القرص: قد تلزم في إجراء قانوني.',
      sidePanel: 'يعرض اللوحة بجانب صفحة البوابة.',
      host: 'يقرأ ما يراه المستخدم على e-ikamet.goc.gov.tr وrandevu.goc.gov.tr فقط؛ ولا يغيّر أو ينقر أو يرسل أي شيء هناك.',
    },
    dataUse:
      'لا يجمع أي بيانات. لا تغادر أي بيانات الحاسوب: لا طلبات شبكة ولا تحليلات ولا حسابات. لا تخرج البيانات إلا في ملف يصدّره المستخدم.',
    remoteCode: 'لا شيفرة عن بُعد: كل ما تشغّله الإضافة موجود في الحزمة.',
  },
  fa: {
    singlePurpose:
      'کمک به خارجی‌های ساکن ترکیه برای از دست ندادن مهلت‌های اجازهٔ اقامت: خواندن آنچه دو درگاه رسمی (e-ikamet.goc.gov.tr و randevu.goc.gov.tr) همین حالا به کاربر نشان می‌دهند و نمایش روزهای باقی‌مانده، محدودیت نوبت، فهرست مدارک و ثبتی محلی و قابل‌راستی‌آزمایی از تصویرهای «نوبتی موجود نیست».',
    permissions: {
      storage: 'خوانده‌ها، افراد، تنظیمات و ثبت مدارک را روی همین رایانه نگه می‌دارد.',
      activeTab:
        'از زبانهٔ درگاه فقط پس از آنکه کاربر در همان زبانه روی نماد نوار ابزار کلیک کند، میان‌بر را بزند یا گزینهٔ منو را به کار ببرد، تصویر مدرک می‌گیرد.',
      alarms:
        'نشان روزهای باقی‌مانده را نیمه‌شب به وقت استانبول تازه می‌کند و یادآورهایی را که کاربر تنظیم کرده اجرا می‌کند.',
      notifications:
        'یادآورها (باز شدن بازهٔ درخواست، روزهای باقی‌مانده، نوبت فردا) را از همین رایانه نشان می‌دهد.',
      contextMenus: 'گزینهٔ «ثبت مدرک» را فقط در دو درگاه به منوی کلیک راست می‌افزاید.',
      unlimitedStorage:
        'نمی‌گذارد تصویرهای مدرک هنگام پر شدن دیسک پاک شوند: ممکن است در یک روند حقوقی لازم شوند.',
      sidePanel: 'پنل را کنار صفحهٔ درگاه نشان می‌دهد.',
      host: 'فقط آنچه را کاربر در e-ikamet.goc.gov.tr و randevu.goc.gov.tr می‌بیند می‌خواند؛ هرگز آنجا چیزی را تغییر نمی‌دهد، کلیک نمی‌کند یا نمی‌فرستد.',
    },
    dataUse:
      'هیچ داده‌ای گردآوری نمی‌کند. هیچ داده‌ای از رایانه بیرون نمی‌رود: نه درخواست شبکه، نه تحلیل، نه حساب کاربری. داده فقط در فایلی که کاربر صادر می‌کند بیرون می‌رود.',
    remoteCode: 'بدون کد از راه دور: هر آنچه افزونه اجرا می‌کند درون بسته است.',
  },
  ru: {
    singlePurpose:
      'Помочь иностранцам в Турции не пропустить сроки вида на жительство: читать то, что два официальных портала (e-ikamet.goc.gov.tr, randevu.goc.gov.tr) уже показывают пользователю, и показывать оставшиеся дни, блокировку записи, списки документов и локальный проверяемый журнал снимков «нет свободных записей».',
    permissions: {
      storage: 'Хранит данные с порталов, людей, настройки и журнал доказательств на этом компьютере.',
      activeTab:
        'Делает снимок вкладки портала только после того, как пользователь на этой вкладке нажал значок на панели инструментов, сочетание клавиш или пункт меню.',
      alarms:
        'Обновляет значок с оставшимися днями в полночь по Стамбулу и запускает напоминания, заданные пользователем.',
      notifications:
        'Показывает напоминания (открывается срок подачи, оставшиеся дни, запись завтра) с этого компьютера.',
      contextMenus: 'Добавляет «Зафиксировать доказательство» в контекстное меню только на двух порталах.',
      unlimitedStorage:
        'Не даёт удалить снимки-доказательства, когда на диске мало места: они могут понадобиться в юридической процедуре.',
      sidePanel: 'Показывает панель рядом со страницей портала.',
      host: 'Читает только то, что пользователь видит на e-ikamet.goc.gov.tr и randevu.goc.gov.tr; никогда ничего там не меняет, не нажимает и не отправляет.',
    },
    dataUse:
      'Ничего не собирает. Никакие данные не покидают компьютер: ни сетевых запросов, ни аналитики, ни учётных записей. Данные выходят только в файле, который экспортирует сам пользователь.',
    remoteCode: 'Нет удалённого кода: всё, что выполняет расширение, находится в пакете.',
  },
  uk: {
    singlePurpose:
      'Допомогти іноземцям у Туреччині не пропустити строки посвідки на проживання: читати те, що два офіційні портали (e-ikamet.goc.gov.tr, randevu.goc.gov.tr) уже показують користувачеві, і показувати дні, що залишилися, блокування запису, списки документів і локальний журнал знімків «немає вільних записів», який можна перевірити.',
    permissions: {
      storage: 'Зберігає дані з порталів, людей, налаштування та журнал доказів на цьому комп’ютері.',
      activeTab:
        'Робить знімок вкладки порталу лише після того, як користувач на цій вкладці натиснув значок на панелі інструментів, сполучення клавіш або пункт меню.',
      alarms:
        'Оновлює значок із днями, що залишилися, опівночі за Стамбулом і запускає нагадування, які задав користувач.',
      notifications:
        'Показує нагадування (відкривається строк подання, дні, що залишилися, запис завтра) з цього комп’ютера.',
      contextMenus: 'Додає «Зафіксувати доказ» до контекстного меню лише на двох порталах.',
      unlimitedStorage:
        'Не дає видалити знімки-докази, коли на диску мало місця: вони можуть знадобитися в юридичній процедурі.',
      sidePanel: 'Показує панель поруч зі сторінкою порталу.',
      host: 'Читає лише те, що користувач бачить на e-ikamet.goc.gov.tr і randevu.goc.gov.tr; ніколи нічого там не змінює, не натискає і не надсилає.',
    },
    dataUse:
      'Нічого не збирає. Жодні дані не залишають комп’ютер: ні мережевих запитів, ні аналітики, ні облікових записів. Дані виходять лише у файлі, який експортує сам користувач.',
    remoteCode: 'Немає віддаленого коду: усе, що виконує розширення, міститься в пакеті.',
  },
};

/** The manifest's own name and description in `lang`, as the browser and the store read them. */
export function manifestTexts(root: string, lang: Lang): { name: string; description: string } {
  const m = JSON.parse(readFileSync(join(root, 'public/_locales', lang, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return { name: m.extName!.message, description: m.extDescription!.message };
}

/** One language's listing as Markdown: name and description from the catalogue, then the privacy texts. */
export function listingMarkdown(lang: Lang, name: string, description: string): string {
  const l = LISTING[lang];
  const perms = PERMISSIONS.map((p) => `- \`${p === 'host' ? 'host permissions' : p}\`: ${l.permissions[p]}`);
  return [
    `# ${name} (${lang})`,
    '',
    description,
    '',
    '## Single purpose',
    l.singlePurpose,
    '',
    '## Permissions',
    ...perms,
    '',
    '## Data use',
    l.dataUse,
    '',
    '## Remote code',
    l.remoteCode,
    '',
  ].join('\n');
}
