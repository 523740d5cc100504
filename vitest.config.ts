import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { backgroundMessages } from './scripts/lib/backgroundMessages';

export default defineConfig({
  // The worker's trimmed catalogues, as the build makes them (src/i18n/all.ts).
  plugins: [WxtVitest(), backgroundMessages()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Days are counted on Turkey's calendar whatever the machine's zone: run unit tests far from it by default.
    env: { TZ: 'America/New_York' },
    restoreMocks: true,
    // Tests prove behaviour, not speed: a busy 2-core CI machine gets time enough (the bench measures speed).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
