import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/src/background';
import { onCaptureCommand, onCaptureMenu } from '@/src/background/capture';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
    // The E2E build only: a headless test cannot press the shortcut or open the context menu, so it calls the
    // same handlers the browser would. Dropped from the shipped build (MODE is 'production' there).
    if (import.meta.env.MODE === 'e2e')
      Object.assign(globalThis, { __ikametTest: { onCaptureCommand, onCaptureMenu } });
  },
});
