import { defineConfig } from 'vitest/config';

/** E2E tests drive the built extension in Debian's Chromium; one file at a time on a 2-core machine. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Generous: tests wait by polling, and a busy 2-core CI machine must not turn a slow pass into a failure.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
