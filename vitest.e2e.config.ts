import { defineConfig } from 'vitest/config';

/** E2E tests drive the built extension in Debian's Chromium; one file at a time on a 2-core machine. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
