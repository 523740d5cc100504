import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Days are counted on Turkey's calendar whatever the machine's zone: run unit tests far from it by default.
    env: { TZ: 'America/New_York' },
    restoreMocks: true,
  },
});
