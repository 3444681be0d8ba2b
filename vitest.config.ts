import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A fixed clock and time zone so dates in output do not depend on the machine.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 30_000,
  },
});
