import { defineConfig } from 'vitest/config';

// A fixed clock and time zone so dates in output do not depend on the machine.
const env = { TZ: 'Asia/Shanghai' };

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
          env,
          // Projects do not inherit the root's timeout; command-line tests spawn tsx and the build tests run astro.
          testTimeout: 60_000,
        },
      },
      {
        // Browser tests: tests/e2e/global-setup.ts builds the site under
        // BASE_PATH=/budget/ into dist-e2e/ and serves it; needs /usr/bin/chromium.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          env,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
