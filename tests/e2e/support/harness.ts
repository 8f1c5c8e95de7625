/**
 * The per-file harness of the real-browser suite: one chromium and one static server per test file, a fresh browser
 * context per test, and watchers that fail a test on any uncaught page error or dialog (and, on a healthy page, on
 * any console error). When a test fails, a screenshot, the widget's DOM (shadow roots included), the console and
 * every request are saved under `tests/e2e/.artifacts/failures/` and the paths printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, inject, type TestContext } from 'vitest'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Request } from 'playwright-core'
import { ARTIFACTS, CHROMIUM } from './paths.ts'
import { startServer, type StaticServer } from './server.ts'

/** Flags for a machine without network access; the browser is Debian's, never a download. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * How long any one wait (an element, a reply, an event) may take before the test fails. Generous on purpose: a
 * busy CI machine is many times slower than an idle one, and the limit only stops a wait that would never end.
 */
export const WAIT_TIMEOUT = 30_000

/** How long the network must stay quiet for {@link Session.networkIdle} (Playwright's `networkidle` uses the same). */
const NETWORK_QUIET_MS = 500

/** The events the widget dispatches on its element. */
export const WIDGET_EVENTS = ['frontdesk-open', 'frontdesk-close', 'frontdesk-reply', 'frontdesk-booking', 'frontdesk-feedback'] as const

/** What a page did, as seen from outside. */
export interface Watch {
  pageErrors: string[]
  consoleErrors: string[]
  console: string[]
  /** Every request the page made, in order (failed ones too). */
  requests: { url: string; method: string; postData: string | null; headers: Record<string, string>; type: string; failure?: string }[]
  dialogs: string[]
  websockets: string[]
  /** Widget events, reported as they happen (so they survive the page navigating away, as a booking link does). */
  events: RecordedEvent[]
}

export interface SessionOptions extends BrowserContextOptions {
  /** Console errors are expected (a failing `kb.json` makes the browser log one): do not fail on them. */
  allowConsoleErrors?: boolean
}

export interface Session {
  context: BrowserContext
  page: Page
  watch: Watch
  /** Opens a new page in the same context, watched like the first. */
  newPage(): Promise<Page>
  /**
   * Resolves once no request of the session has been in flight for half a second, counted from the call: the
   * condition to wait for before checking that nothing more was requested (rather than a fixed delay).
   */
  networkIdle(): Promise<void>
}

/** A recorded widget event. */
export interface RecordedEvent {
  type: string
  target: string
  bubbles: boolean
  composed: boolean
  detail: Record<string, unknown>
}

/** A recorded `securitypolicyviolation`. */
export interface RecordedViolation {
  directive: string
  blocked: string
  source: string
  line: number
  sample: string
}

/** What the init script keeps on `window.__e2e` (non-enumerable, so it is invisible to `Object.keys(window)`). */
export interface E2eRecord {
  events: RecordedEvent[]
  csp: RecordedViolation[]
}

/** Runs before any page script: records widget events and CSP violations. */
function initScript(eventTypes: readonly string[]): void {
  const record = { events: [] as unknown[], csp: [] as unknown[] }
  Object.defineProperty(window, '__e2e', { value: record, enumerable: false, configurable: false, writable: false })
  const plain = (value: unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {}
    if (typeof value !== 'object' || value === null) return out
    for (const key of Object.keys(value)) {
      const field = (value as Record<string, unknown>)[key]
      if (field === null || ['string', 'number', 'boolean'].includes(typeof field)) out[key] = field
    }
    return out
  }
  for (const type of eventTypes) {
    document.addEventListener(
      type,
      (event) => {
        const own: Record<string, unknown> = {}
        // Typed Event subclasses carry their data as own properties; CustomEvents in `detail`.
        for (const key of ['question', 'kind', 'pairId', 'pair', 'id', 'confidence', 'helpful', 'value', 'answer', 'source', 'url', 'href', 'from']) {
          const value = (event as unknown as Record<string, unknown>)[key]
          if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) own[key] = value
        }
        const entry = {
          type,
          target: event.target instanceof Element ? event.target.tagName.toLowerCase() : String(event.target),
          bubbles: event.bubbles,
          composed: event.composed,
          detail: { ...plain((event as CustomEvent).detail), ...own },
        }
        record.events.push(entry)
        const report = (window as unknown as { __e2eEvent?: (e: unknown) => void }).__e2eEvent
        if (report) void report(entry)
      },
      true,
    )
  }
  document.addEventListener(
    'securitypolicyviolation',
    (event) => {
      record.csp.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      })
    },
    true,
  )
}

/** A readable dump of an element tree, shadow roots included (for failure reports). */
function serializeDeep(): string {
  const lines: string[] = []
  const walk = (node: Node, depth: number): void => {
    if (depth > 40 || lines.length > 4000) return
    const pad = '  '.repeat(depth)
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (text) lines.push(`${pad}"${text.slice(0, 200)}"`)
      return
    }
    if (!(node instanceof Element)) return
    const attrs = [...node.attributes].map((a) => `${a.name}="${a.value.slice(0, 120)}"`).join(' ')
    lines.push(`${pad}<${node.tagName.toLowerCase()}${attrs ? ` ${attrs}` : ''}>`)
    if (node.shadowRoot) {
      lines.push(`${pad}  #shadow-root`)
      for (const child of node.shadowRoot.childNodes) walk(child, depth + 2)
    }
    for (const child of node.childNodes) walk(child, depth + 1)
  }
  for (const host of document.querySelectorAll('frontdesk-chat')) walk(host, 0)
  return lines.join('\n') || '(no <frontdesk-chat> on the page)'
}

export interface Harness {
  readonly browser: Browser
  readonly server: StaticServer
  /** The built site folder. */
  readonly siteDir: string
  /** Compiled fixture knowledge bases, served at `/kbs/NAME/kb.json`. */
  readonly kbDir: string
  /** A fresh browser context and page for the running test. */
  session(options?: SessionOptions): Promise<Session>
}

/**
 * Sets up the file's browser and server. Call once at the top level of a test file.
 * `options.csp` starts the server with the strict CSP header on.
 */
export function useHarness(options: { csp?: boolean } = {}): Harness {
  const { siteDir, kbDir } = inject('e2e')
  let browser: Browser | undefined
  let server: StaticServer | undefined
  let sessions: { session: Session; options: SessionOptions }[] = []

  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
      startServer({ root: siteDir, mounts: { '/kbs/': kbDir }, csp: options.csp ?? false }),
    ])
  })

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  afterEach(async (context: TestContext) => {
    const current = sessions
    sessions = []
    const failed = context.task.result?.state === 'fail'
    const problems: string[] = []
    for (const [i, { session, options: sessionOptions }] of current.entries()) {
      if (failed) await dumpFailure(context, session, i, server)
      const { watch } = session
      if (watch.pageErrors.length > 0) problems.push(`uncaught error(s) in the page:\n  ${watch.pageErrors.join('\n  ')}`)
      if (watch.dialogs.length > 0) problems.push(`dialog(s) opened (something ran that should not have):\n  ${watch.dialogs.join('\n  ')}`)
      if (!sessionOptions.allowConsoleErrors && watch.consoleErrors.length > 0) {
        problems.push(`console error(s) on a healthy page:\n  ${watch.consoleErrors.join('\n  ')}`)
      }
      await session.context.close().catch(() => undefined)
    }
    server?.reset()
    if (server) server.csp = options.csp ?? false
    if (problems.length > 0 && !failed) throw new Error(problems.join('\n'))
  })

  const watchPage = (page: Page, watch: Watch): void => {
    page.on('pageerror', (error) => watch.pageErrors.push(`${error.name}: ${error.message}\n${error.stack ?? ''}`))
    page.on('console', (message) => {
      const line = `[${message.type()}] ${message.text()} (${message.location().url}:${message.location().lineNumber})`
      watch.console.push(line)
      if (message.type() === 'error') watch.consoleErrors.push(line)
    })
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    })
    page.on('websocket', (socket) => watch.websockets.push(socket.url()))
  }

  return {
    get browser() {
      if (!browser) throw new Error('the browser is not running (useHarness must be called at the top level of the file)')
      return browser
    },
    get server() {
      if (!server) throw new Error('the server is not running (useHarness must be called at the top level of the file)')
      return server
    },
    siteDir,
    kbDir,
    async session(sessionOptions: SessionOptions = {}) {
      const { allowConsoleErrors: _allow, ...contextOptions } = sessionOptions
      const context = await this.browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions })
      context.setDefaultTimeout(WAIT_TIMEOUT)
      await context.addInitScript(initScript, WIDGET_EVENTS)
      // The booking page and any link to the clinic's site: answered locally, the machine has no network.
      await context.route('https://clinic.example/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Booking</title><h1>Booking</h1>' }),
      )
      const watch: Watch = { pageErrors: [], consoleErrors: [], console: [], requests: [], dialogs: [], websockets: [], events: [] }
      await context.exposeBinding('__e2eEvent', (_source, event: RecordedEvent) => {
        watch.events.push(event)
      })
      const inFlight = new Set<Request>()
      let lastActivity = 0
      const settled = (request: Request): void => {
        inFlight.delete(request)
        lastActivity = Date.now()
      }
      context.on('requestfinished', settled)
      context.on('request', (request) => {
        inFlight.add(request)
        lastActivity = Date.now()
        watch.requests.push({
          url: request.url(),
          method: request.method(),
          postData: request.postData(),
          headers: request.headers(),
          type: request.resourceType(),
        })
      })
      context.on('requestfailed', (request) => {
        settled(request)
        const entry = watch.requests.findLast((r) => r.url === request.url())
        if (entry) entry.failure = request.failure()?.errorText ?? 'failed'
      })
      const page = await context.newPage()
      watchPage(page, watch)
      const session: Session = {
        context,
        page,
        watch,
        async newPage() {
          const next = await context.newPage()
          watchPage(next, watch)
          return next
        },
        async networkIdle() {
          const since = Date.now()
          while (inFlight.size > 0 || Date.now() - Math.max(since, lastActivity) < NETWORK_QUIET_MS) {
            await new Promise((resolve) => setTimeout(resolve, 50))
          }
        },
      }
      sessions.push({ session, options: sessionOptions })
      return session
    },
  }
}

async function dumpFailure(context: TestContext, session: Session, index: number, server: StaticServer | undefined): Promise<void> {
  const dir = join(ARTIFACTS, 'failures')
  mkdirSync(dir, { recursive: true })
  const file = context.task.file?.name.replace(/^.*\//, '').replace(/\.test\.ts$/, '') ?? 'e2e'
  const name = `${file}--${context.task.name}`.replace(/[^\w.-]+/g, '-').slice(0, 150) + (index > 0 ? `-${index}` : '')
  const base = join(dir, name)
  const { page, watch } = session
  let dom = '(page closed)'
  let events: unknown = null
  try {
    await page.screenshot({ path: `${base}.png`, fullPage: false, timeout: 5_000 })
    dom = await page.evaluate(serializeDeep)
    events = await page.evaluate(() => (window as unknown as { __e2e?: E2eRecord }).__e2e ?? null)
  } catch (error) {
    dom = `(could not read the page: ${String(error)})`
  }
  const report = {
    test: context.task.name,
    url: page.isClosed() ? '(closed)' : page.url(),
    pageErrors: watch.pageErrors,
    consoleErrors: watch.consoleErrors,
    console: watch.console,
    dialogs: watch.dialogs,
    requests: watch.requests,
    serverLog: server?.log.map((entry) => `${entry.method} ${entry.url} → ${entry.status}`) ?? [],
    events,
  }
  writeFileSync(`${base}.json`, JSON.stringify(report, null, 2))
  writeFileSync(`${base}.dom.txt`, dom)
  process.stderr.write(
    [
      `\n── e2e failure: ${context.task.name}`,
      `   page: ${report.url}`,
      `   screenshot: ${base}.png`,
      `   widget DOM: ${base}.dom.txt`,
      `   console, requests, events: ${base}.json`,
      ...(watch.pageErrors.length ? [`   page errors: ${watch.pageErrors.join(' | ')}`] : []),
      ...(watch.consoleErrors.length ? [`   console errors: ${watch.consoleErrors.slice(0, 5).join(' | ')}`] : []),
      '',
    ].join('\n'),
  )
}
