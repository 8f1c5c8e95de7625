/**
 * When `kb.json` cannot be had — 404, 500, truncated, another format version, five seconds late, or the browser
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
  const request = p.context().waitForEvent('request', { predicate: (r) => r.url() === CONFIG.bookingUrl, timeout: 5_000 })
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

  it('retries are bounded: several questions make more than one request for kb.json, and only a few', async () => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 500 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    const QUESTIONS = 8
    for (let i = 0; i < QUESTIONS; i++) {
      const before = await widget.bots.count()
      await widget.input.fill(`${question} ${i}`)
      await widget.input.press('Enter')
      await widget.nextBot(before)
      await p.waitForTimeout(400)
    }
    // Room for any retry still scheduled to happen.
    await p.waitForTimeout(1_500)
    const requests = h.server.kbRequests()
    const times = requests.map((r) => r.at - requests[0]!.at)
    expect(requests.length, `kb.json requests at +ms ${JSON.stringify(times)}`).toBeGreaterThan(1)
    expect(requests.length, `kb.json requests at +ms ${JSON.stringify(times)}`).toBeLessThanOrEqual(6)
  })

  it('retries back off with jitter: a retry is not immediate, and waits a different time for each visitor', async () => {
    const gaps: number[] = []
    for (let visitor = 0; visitor < 3; visitor++) {
      const { page: p } = await h.session({ allowConsoleErrors: true })
      h.server.reset()
      h.server.kb = { mode: 'status', status: 500 }
      await p.goto(h.server.url(page()))
      const widget = await new Widget(p).open()
      // Asked at once: the retry this question triggers can only be delayed by the backoff.
      await widget.ask(question)
      await widget.ask(question)
      const [first, second] = h.server.kbRequests()
      expect(second, 'a second attempt at kb.json').toBeDefined()
      gaps.push(second!.at - first!.at)
      await p.close()
    }
    expect(Math.min(...gaps), `ms between the first two attempts, per visitor: ${JSON.stringify(gaps)}`).toBeGreaterThanOrEqual(100)
    expect(Math.max(...gaps) - Math.min(...gaps), `ms between the first two attempts, per visitor: ${JSON.stringify(gaps)}`).toBeGreaterThan(5)
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
    let kind: string | null = null
    for (let attempt = 0; attempt < 4 && kind !== 'answer'; attempt++) {
      await p.waitForTimeout(1_500)
      kind = await widget.kind(await widget.ask(question))
    }
    expect(kind, 'an answer once kb.json is served again').toBe('answer')
    expect(squash(await widget.lastBot().textContent())).toContain(expected)
  })
})

describe('kb.json five seconds late', () => {
  it('the panel opens at once with booking; the question asked meanwhile gets a reply, and the answer comes', async () => {
    const { page: p } = await h.session()
    h.server.kb = { mode: 'delay', ms: 5_000 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    const started = Date.now()
    await widget.launcher.click()
    await widget.input.waitFor({ state: 'visible', timeout: 2_000 })
    expect(Date.now() - started, 'ms until the panel is usable').toBeLessThan(2_000)
    expect(await widget.part(PART.booking).getAttribute('href')).toBe(CONFIG.bookingUrl)
    expect(await widget.part(PART.booking).isVisible()).toBe(true)

    const before = await widget.bots.count()
    await widget.input.fill(question)
    await widget.input.press('Enter')
    const reply = await widget.nextBot(before, 9_000)
    const kind = await widget.kind(reply)
    expect(['answer', 'error'], `the reply to a question asked while kb.json loads (kind "${kind}")`).toContain(kind)
    if (kind === 'answer') {
      expect(squash(await reply.textContent())).toContain(expected)
    } else {
      expect(squash(await reply.textContent())).not.toMatch(TECHNICAL)
      // Once kb.json has arrived, the question is answered.
      await p.waitForTimeout(Math.max(0, 5_500 - (Date.now() - started)))
      const again = await widget.ask(question)
      expect(await widget.kind(again)).toBe('answer')
    }
  })
})

describe('the browser offline', () => {
  it('after the hover, once everything loaded: the chat answers offline', async () => {
    const { page: p, context } = await h.session()
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    // The visitor's pointer reaches the launcher (the chat and kb.json load now), then the connection drops.
    await widget.launcher.hover()
    await expect.poll(() => h.server.kbRequests().length, { timeout: REPLY_TIMEOUT }).toBe(1)
    await p.waitForTimeout(1_500)
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
    await p.waitForTimeout(1_500)
    await context.setOffline(true)
    await widget.launcher.click()
    await widget.panel.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    await widget.input.fill(question)
    await widget.input.press('Enter')
    await expectPoliteFailure(p, widget)
  })
})
