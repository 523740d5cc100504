import { useEffect, useMemo, useState } from 'preact/hooks';
import { EN_MESSAGES, resolveLang, type Lang, type Messages } from '../i18n/catalogue';
import { browserLocale } from '../i18n/browserLocale';
import { makeFormat } from '../i18n/format';
import { loadMessages } from '../i18n/load';
import { settingsItem } from '../storage';
import { FormatContext } from './shared/FormatContext';
import { useStored } from './shared/useStored';
import { Panel } from './Panel';

/**
 * The panel in the user's language: the one chosen in the panel, or the browser's. Its catalogue is loaded first
 * (a separate chunk for each language but English), so the panel never flashes another language; the page's
 * `lang` and `dir` follow, and the layout mirrors for Arabic and Persian.
 */
export function App() {
  const settings = useStored(settingsItem);
  const lang = resolveLang(settings?.language, browserLocale());
  // `first`: nothing loaded yet. A later switch keeps the panel (its tab, a half-typed form) in the old language
  // until the new catalogue is there.
  const [loaded, setLoaded] = useState<{ lang: Lang; messages: Messages; first?: boolean }>({
    lang: 'en',
    messages: EN_MESSAGES,
    first: true,
  });
  useEffect(() => {
    let live = true;
    loadMessages(lang)
      .catch(() => EN_MESSAGES)
      .then((messages) => live && setLoaded({ lang, messages }));
    return () => {
      live = false;
    };
  }, [lang]);
  const format = useMemo(() => makeFormat(loaded.lang, loaded.messages), [loaded]);
  useEffect(() => {
    document.documentElement.lang = format.lang;
    document.documentElement.dir = format.dir;
  }, [format]);
  if (!settings || (loaded.first && loaded.lang !== lang)) {
    return (
      <main class="panel" aria-busy="true">
        <h1>Ikamet Companion</h1>
      </main>
    );
  }
  return (
    <FormatContext.Provider value={format}>
      <Panel />
    </FormatContext.Provider>
  );
}
