import { defineConfig } from 'vitest/config'

// Two projects: fast unit and component tests (Node, or happy-dom per file via a `@vitest-environment` comment),
// and the real-browser suite, which builds the site once and drives Debian's chromium.
//
// Timeouts only stop a test that would never end: they leave room for a busy CI machine, many times slower than an
// idle one. No test measures time; `npm run bench` does.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
