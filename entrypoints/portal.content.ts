import { defineContentScript } from 'wxt/utils/define-content-script';
import { PORTAL_MATCHES } from '@/src/portal/origins';
import type { ContentScriptContext } from '@/src/content/context';
import { watchPortal } from '@/src/content/watch';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // WXT types `ctx` as its own context, but the build aliases that module to src/content/context.ts (see
    // wxt.config.ts): at run time this is the quiet context, which tests/unit/content/bundle.test.ts checks.
    watchPortal(ctx as unknown as ContentScriptContext);
  },
});
