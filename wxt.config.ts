import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { PORTAL_MATCHES } from './src/portal/origins';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: the same modules run under vitest and the CLI tools without WXT's globals.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Ikamet Companion',
    description:
      'Deadlines, lockouts, checklists and a verifiable evidence log beside e-ikamet and randevu. Reads only; nothing leaves your machine.',
    // Each permission has one reason; tests/unit/manifest.test.ts snapshots the built manifest.
    permissions: [
      // Readings, people and settings are kept in extension storage on this machine.
      'storage',
      // Later (evidence log): the toolbar click, keyboard command and context menu grant a one-tab capture right,
      // so the shipped build never needs <all_urls>.
      'activeTab',
      // The toolbar badge shows days left; one alarm at Istanbul midnight keeps it right without a timer in memory.
      'alarms',
    ],
    // Host access: the two DGMM portals, nothing else (content scripts read what the user already sees).
    host_permissions: PORTAL_MATCHES,
    action: { default_title: 'Open Ikamet Companion' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'ikamet-companion@example.org',
              strict_min_version: '115.0',
              // Firefox asks new add-ons to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
