/**
 * The house rules of src/, checked in `npm run lint` (dependency-cruiser). src/ reads as the data flows:
 * vocabulary and pure rules (domain/), page readers (portal/), the content script, the background, storage and
 * evidence, the panel (ui/). Nothing imports "upward", and type-only imports count too.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-the-base',
      severity: 'error',
      comment: 'The vocabulary and the rules import only themselves and the catalogue (src/i18n).',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/(domain|i18n)/' },
    },
    {
      name: 'readers-read-only',
      severity: 'error',
      comment: 'The page readers know the vocabulary (src/domain) and nothing of the extension around them.',
      from: { path: '^src/portal/' },
      to: { path: '^src/', pathNot: '^src/(portal|domain)/' },
    },
    {
      name: 'panel-not-background',
      severity: 'error',
      comment: 'The panel talks to the background by message only (src/messaging.ts).',
      from: { path: '^src/ui/' },
      to: { path: '^src/background/' },
    },
    {
      name: 'background-not-panel',
      severity: 'error',
      comment:
        "The background does not load panel code; it may use the panel's pure view models (src/ui/model), and what both need otherwise lives below them (state/, domain/).",
      from: { path: '^src/background/' },
      to: { path: '^src/ui/', pathNot: '^src/ui/model/' },
    },
    {
      name: 'panel-tabs-apart',
      severity: 'error',
      comment:
        'A card lives with its tab (deadlines, documents, evidence, stay, settings) or the frame around the tabs; what two of them use lives in ui/shared or ui/model, so no tab imports another.',
      from: { path: '^src/ui/(deadlines|documents|evidence|stay|settings|frame)/' },
      to: { path: '^src/ui/(deadlines|documents|evidence|stay|settings|frame)/', pathNot: '^src/ui/$1/' },
    },
    {
      name: 'panel-shared-is-below-the-tabs',
      severity: 'error',
      comment: 'ui/shared and ui/model serve the tabs and never import a tab, the frame or the panel itself.',
      from: { path: '^src/ui/(shared|model)/' },
      to: { path: '^src/ui/', pathNot: '^src/ui/(shared|model)/' },
    },
    {
      name: 'view-models-are-pure',
      severity: 'error',
      comment:
        'ui/model computes what the panel shows from stored data: no components, no browser API, no messages, so the background and the unit tests can run it anywhere.',
      from: { path: '^src/ui/model/' },
      to: {
        path: '(^src/ui/shared/|^src/messaging\\.ts$|node_modules/(preact|wxt|webextension-polyfill|@wxt-dev)/)',
      },
    },
    {
      name: 'content-not-background-or-panel',
      severity: 'error',
      comment:
        'The content script reads the page and sends a message; it never loads the background or the panel.',
      from: { path: '^src/content/' },
      to: { path: '^src/(background|ui)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve would slip past every rule above.',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: '^(wxt/|virtual:)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
