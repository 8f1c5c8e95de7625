/** Where the real-browser suite finds the repository, the browser and its own build output. */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** Everything the suite writes (gitignored): the built site, compiled fixture knowledge bases, failure dumps. */
export const ARTIFACTS = join(ROOT, 'tests/e2e/.artifacts')
/** The checked-in fixture knowledge bases. */
export const FIXTURES = join(ROOT, 'tests/e2e/fixtures')
/** The `frontdesk` command. */
export const CLI = join(ROOT, 'build/cli/frontdesk.js')
/** Debian's chromium; the suite never downloads a browser. */
export const CHROMIUM = process.env.FRONTDESK_E2E_CHROMIUM ?? '/usr/bin/chromium'
/** axe-core's browser build, injected into pages. */
export const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js')
/** The README's screenshots, tracked in git: only `npm run screenshots` writes them. */
export const README_SCREENSHOTS = join(ROOT, 'demo/screenshots')
/**
 * Where the suite saves its screenshots: under the (ignored) artifacts, so a test run leaves the clone clean.
 * `npm run screenshots` sets `FRONTDESK_SCREENSHOTS=readme` to write the README's copies instead.
 */
export const SCREENSHOTS = process.env.FRONTDESK_SCREENSHOTS === 'readme' ? README_SCREENSHOTS : join(ARTIFACTS, 'screenshots')

/** The configuration every fixture page uses, so tests can check the widget honours it. */
export const CONFIG = {
  bookingUrl: 'https://clinic.example/book',
  bookingLabel: 'Book a visit',
  phone: '+1 555 0100',
  /** The phone as a `tel:` target must dial these characters (spaces and punctuation aside). */
  phoneDigits: '+15550100',
  emergencyNumber: '112',
  title: 'Ask the clinic',
} as const
