/**
 * When `kb.json` cannot be had — 404, 500, truncated, another format version, slow to arrive, or the browser
 * offline — the panel still opens, says politely that answers are unavailable, still offers booking and the phone,
 * retries a bounded number of times, and nothing throws uncaught.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Engine } from '../../widget/engine/index.ts'
import { useHarness } from './support/harness.ts'
import { answerStart, loadEngine, pickAnswered } from './support/kb.ts'
import { hostPage } from './support/pages.ts'
import { CONFIG } from './support/paths.ts'
import type { KbFault } from './support/server.ts'
import { PART, REPLY_TIMEOUT, Widget, squash } from './support/widget.ts'

const h = useHarness()
let engine: Engine
let question: string
let expected: string

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
  const { pair } = pickAnswered(engine)
  question = pair.question
  expected = answerStart(pair)
})

/** What a visitor must never read: internals. */
const TECHNICAL = /SyntaxError|TypeError|KbLoadError|JSON|undefined|\bnull\b|NaN|\b404\b|\b500\b|\b999\b|stack|exception|fetch/i

const page = (): string => h.server.page('host.html', hostPage())

/** The polite "answers unavailable" message, with booking and phone still offered. */
async function expectPoliteFailure(p: Page, widget: Widget): Promise<void> {
  const error = widget.part(`${PART.bot}[data-kind="error"]`).last()
  await error.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
  const text = squash(await error.textContent())
  expect(text.length, 'the message says something').toBeGreaterThan(10)
  expect(text, 'the message is written for a visitor').not.toMatch(TECHNICAL)

  const phones = widget.part(PART.phone)
  expect(await phones.count(), 'the phone is offered').toBeGreaterThan(0)
  expect((await phones.last().getAttribute('href'))?.replace(/[^+\d]/g, '')).toBe(CONFIG.phoneDigits)

  // Booking still works: the header's link, and any offer, go to the booking page.
  const links = widget.part(`${PART.booking}, ${PART.bookingOffer}`)
  const visible = []
  for (const link of await links.all()) if (await link.isVisible()) visible.push(link)
  expect(visible.length, 'a visible booking link').toBeGreaterThan(0)
  for (const link of visible) expect(await link.getAttribute('href')).toBe(CONFIG.bookingUrl)
  const request = p.context().waitForEvent('request', { predicate: (r) => r.url() === CONFIG.bookingUrl })
  await visible[visible.length - 1]!.click()
  await request
}

describe('kb.json that cannot be used', () => {
  const FAULTS: [string, KbFault][] = [
    ['404 Not Found', { mode: 'status', status: 404 }],
    ['500 Internal Server Error', { mode: 'status', status: 500 }],
    ['truncated JSON', { mode: 'truncated' }],
    ['another format version (999)', { mode: 'format' }],
  ]

  it.each(FAULTS)('%s: the panel opens, a polite message, booking and phone still work', async (_name, fault) => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = fault
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    await widget.input.fill(question)
    await widget.input.press('Enter')
    await expectPoliteFailure(p, widget)
    expect(h.server.kbRequests().length, 'kb.json was requested').toBeGreaterThan(0)
  })

  it('retries are bounded: each wait at least twice the last, one request at a time, more than one in all', async () => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 500 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    const asked = 8
    for (let i = 0; i < asked; i++) await widget.ask(`${question} ${i}`)
    const requests = h.server.kbRequests()
    const gaps = requests.slice(1).map((r, i) => r.at - requests[i]!.at)
    const seen = `kb.json requests ${requests.length}, ms between them ${JSON.stringify(gaps)}`
    expect(requests.length, seen).toBeGreaterThan(1)
    // At most one attempt per open or question, since one is in flight at a time.
    expect(requests.length, seen).toBeLessThanOrEqual(1 + asked)
    // Only lower bounds, which a busy machine cannot break: attempt n waits at least half of 400 ms × 2^(n-1) (the
    // jitter scales by 50–100 %), so the waits double and a broken kb.json costs the server a handful of requests.
    gaps.forEach((gap, i) => expect(gap, `${seen}: wait after attempt ${i + 1}`).toBeGreaterThanOrEqual(200 * 2 ** i - 5))
  })

  it('a retry is not immediate: the second attempt waits out the backoff (its jitter is specified in kb-loader.test.ts)', async () => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 500 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    // Asked at once: the retry this question triggers waits at least the first backoff (200–400 ms). Only a lower
    // bound: a busy machine can only make the gap longer.
    await widget.ask(question)
    await widget.ask(question)
    const [first, second] = h.server.kbRequests()
    expect(second, 'a second attempt at kb.json').toBeDefined()
    expect(second!.at - first!.at, 'ms between the first two attempts').toBeGreaterThanOrEqual(195)
  })

  it('recovers when kb.json is back: a later question gets its answer', async () => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 500 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    await widget.input.fill(question)
    await widget.input.press('Enter')
    await widget.part(`${PART.bot}[data-kind="error"]`).first().waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    h.server.kb = { mode: 'ok' }
    // A failed load is retried on the next question, after a backoff the widget waits out itself. Of its three
    // attempts, the first failed on opening and at most one more before kb.json was back; the next one succeeds.
    let kind: string | null = null
    for (let attempt = 0; attempt < 3 && kind !== 'answer'; attempt++) {
      kind = await widget.kind(await widget.ask(question))
    }
    expect(kind, 'an answer once kb.json is served again').toBe('answer')
    expect(squash(await widget.lastBot().textContent())).toContain(expected)
  })
})

describe('kb.json slow to arrive', () => {
  // The server holds kb.json back until the test releases it, so "at once" means "before kb.json arrived",
  // whatever the machine's speed.
  it('the panel opens at once with booking; the question asked meanwhile is answered when kb.json arrives', async () => {
    const { page: p } = await h.session()
    h.server.kb = { mode: 'hold' }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    await widget.launcher.click()
    await widget.input.waitFor({ state: 'visible' })
    expect(await widget.part(PART.booking).getAttribute('href')).toBe(CONFIG.bookingUrl)
    expect(await widget.part(PART.booking).isVisible()).toBe(true)
    await expect.poll(() => h.server.heldKb, { timeout: REPLY_TIMEOUT, message: 'kb.json requested on opening, and still held' }).toBe(1)

    const before = await widget.bots.count()
    await widget.input.fill(question)
    await widget.input.press('Enter')
    await widget.visitors.last().waitFor({ state: 'visible' })
    expect(h.server.heldKb, 'the question waits on the same kb.json request, still held').toBe(1)
    h.server.releaseKb()
    const reply = await widget.nextBot(before)
    expect(await widget.kind(reply), 'the reply to the question asked while kb.json was on its way').toBe('answer')
    expect(squash(await reply.textContent())).toContain(expected)
  })
})

describe('the browser offline', () => {
  it('after the hover, once everything loaded: the chat answers offline', async () => {
    const { page: p, context, networkIdle } = await h.session()
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    // The visitor's pointer reaches the launcher (the chat and kb.json load now), then the connection drops.
    await widget.launcher.hover()
    await expect.poll(() => h.server.kbRequests().length, { timeout: REPLY_TIMEOUT }).toBe(1)
    await networkIdle()
    await context.setOffline(true)
    await widget.open()
    expect(await widget.kind(await widget.ask(question))).toBe('answer')
  })

  it('before kb.json arrived: opening still works, a polite message, booking and phone offered', async () => {
    const { page: p, context } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'delay', ms: 20_000 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    // The visitor's pointer reaches the launcher (the chat code loads, kb.json is asked for), then the connection drops.
    await widget.launcher.hover()
    await widget.launcher.focus()
    // The chat code has arrived (a resource-timing entry is written once a response is complete).
    await p.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/chunks/')))
    await context.setOffline(true)
    await widget.launcher.click()
    await widget.panel.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    await widget.input.fill(question)
    await widget.input.press('Enter')
    await expectPoliteFailure(p, widget)
  })
})
