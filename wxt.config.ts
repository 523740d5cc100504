import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { backgroundMessages } from './scripts/lib/backgroundMessages';
import { noHtmlSink } from './scripts/lib/noHtmlSink';
import { PORTAL_MATCHES } from './src/portal/origins';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: the same modules run under vitest and the CLI tools without WXT's globals.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // No module-preload polyfill: it is the only fetch() in the build, and extension pages need none.
  vite: () => ({
    plugins: [noHtmlSink(), preact(), backgroundMessages()],
    build: { modulePreload: { polyfill: false } },
    resolve: {
      alias: [
        // WXT's content-script context announces itself to the page (an event on `document`, a postMessage, a
        // location-change event on `window`) and listens on the page's `document`: its entry wrapper gets our
        // quiet context instead (src/content/context.ts says why; tests/unit/content/bundle.test.ts checks).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: resolve(import.meta.dirname, 'src/content/context.ts'),
        },
      ],
    },
  }),
  // The sources zip (for Firefox review) holds the code and tests, not screenshots, store images or bench output.
  zip: { excludeSources: ['screenshots/**', 'bench/**', 'docs/**', 'store/**'] },
  manifest: ({ browser }) => ({
    // Name, description and the other manifest texts come from public/_locales/<lang>/messages.json (the store
    // listing uses the same catalogue as the panel); English is the default.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission has one reason; tests/unit/manifest.test.ts snapshots the built manifest.
    permissions: [
      // Readings, people and settings are kept in extension storage on this machine.
      'storage',
      // Evidence capture: the toolbar click, keyboard command and context menu grant a one-tab capture right,
      // so the extension never needs <all_urls>.
      'activeTab',
      // Timers that survive the worker being killed: the badge's daily refresh at Istanbul midnight, and reminders.
      'alarms',
      // Local reminders (window opens, days left, appointment tomorrow…): notifications shown from this computer only.
      'notifications',
      // "Capture evidence (Ikamet Companion)" on the two portals' pages; the click also grants activeTab.
      'contextMenus',
      // Evidence screenshots must not be evicted when the disk runs low: people may need them in a legal process.
      'unlimitedStorage',
      // (Chrome) 'sidePanel' is added by WXT for entrypoints/sidepanel: the panel lives in the browser's side panel.
    ],
    // Host access: the two DGMM portals, nothing else (content scripts read what the user already sees).
    host_permissions: PORTAL_MATCHES,
    commands: {
      // A keyboard shortcut grants activeTab on the portal tab, like the toolbar icon (rebindable in the browser).
      // Not Alt+Shift+E: Firefox on Linux gives Alt+Shift+<letter> to the menu bar's access keys first (E is the Edit
      // menu), so the command never fired there (measured in tests/e2e-firefox); no Firefox menu uses K (Kanıt).
      'capture-evidence': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_extCommandCapture__',
      },
    },
    action: { default_title: '__MSG_extActionTitle__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ikamet-companion@example.org',
              // 140: the first Firefox that knows `data_collection_permissions` (below), which Mozilla requires of
              // new add-ons; older ones would ignore the declaration (addons-linter warns). ESR 140 is the oldest
              // supported Firefox ESR. Firefox for Android knows it from 142.
              strict_min_version: '140.0',
              // Firefox asks new add-ons to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
