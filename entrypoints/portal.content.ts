import { defineContentScript } from 'wxt/utils/define-content-script';
import { PORTAL_MATCHES } from '@/src/portal/origins';
import { watchPortal } from '@/src/content/watch';

export default defineContentScript({
  matches: PORTAL_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    watchPortal(ctx);
  },
});
