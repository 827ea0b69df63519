import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Debian Chromium and Firefox ESR, one browser at a time. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
