import { readdirSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

/**
 * Test files that ask for a DOM with a `// @vitest-environment happy-dom` comment. Each of them runs in a fresh
 * worker: the widget's modules define their custom elements once, on the window they were first imported into.
 */
const domFiles = readdirSync(join(ROOT, 'tests'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && !file.startsWith('e2e/'))
  .map((file) => join('tests', file))
  .filter((file) => /@vitest-environment\s+happy-dom/.test(readFileSync(join(ROOT, file), 'utf8').slice(0, 1_000)))

// Three projects: unit tests in Node, component tests in happy-dom, and the real-browser suite, which builds the
// site once and drives Debian's chromium. They run side by side, at least two files at a time (Vitest's default is
// one on a 2-core machine): the browser suite spends much of its time waiting on the browser, which the other
// files use meanwhile.
//
// Timeouts only stop a test that would never end: they leave room for a busy CI machine, many times slower than an
// idle one. No test measures time; `npm run bench` does.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**', ...domFiles],
          // Node-only tests share their workers (a third less CPU than a fresh worker per file); what one test
          // stubs is undone after it, so nothing leaks into the next file.
          isolate: false,
          unstubGlobals: true,
          unstubEnvs: true,
          restoreMocks: true,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'component',
          include: domFiles,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
