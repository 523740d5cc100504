import { defineConfig } from 'vitest/config';

/** The Firefox suite drives the built add-on in Debian's Firefox ESR (under xvfb-run); one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // Generous: tests wait by polling, and a busy 2-core CI machine must not turn a slow pass into a failure.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
