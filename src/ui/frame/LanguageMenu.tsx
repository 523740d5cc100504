import { LANG_NAMES, LANGS, langFromLocale, type LangSetting } from '../../i18n/catalogue';
import { browserLocale } from '../../i18n/browserLocale';
import { useFormat } from '../shared/FormatContext';
import { sendAndSay } from '../shared/refusal';

/** The language menu: the browser's language by default; each language named in itself. */
export function LanguageMenu({ setting }: { setting: LangSetting }) {
  const f = useFormat();
  const browserLang = langFromLocale(browserLocale());
  return (
    <div class="language">
      <label for="language">{f.t('ui_language_label')}</label>
      <select
        id="language"
        value={setting}
        aria-describedby={f.lang !== 'en' ? 'language-note' : undefined}
        onChange={(e) =>
          void sendAndSay('panel:setSettings', { language: e.currentTarget.value as LangSetting })
        }
      >
        <option value="auto">{f.t('ui_language_auto', { name: LANG_NAMES[browserLang] })}</option>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
      {f.lang !== 'en' && (
        <p id="language-note" class="muted small">
          {f.t('ui_language_review_note')}
        </p>
      )}
    </div>
  );
}
