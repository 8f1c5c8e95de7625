/**
 * `kb.json` that never answers, answers late, or fails and comes back: every question still gets a reply within a
 * few seconds (answers unavailable, with booking and phone), the load goes on meanwhile, later questions are
 * answered once it arrives, retries go on past three attempts, and one question while it fails says so once.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { holdKb } from './support/faults.ts'
import { useHarness } from './support/harness.ts'
import { loadEngine, pickAnswered } from './support/kb.ts'
import { hostPage } from './support/pages.ts'
import { PART, REPLY_TIMEOUT, Widget } from './support/widget.ts'

const h = useHarness()
let question: string

beforeAll(() => {
  question = pickAnswered(loadEngine(join(h.siteDir, 'kb.json'))).pair.question
})

const page = (): string => h.server.page('host.html', hostPage())

/** Calls `ask()` on the page's element and resolves once its promise does. */
async function askApi(p: Page, text: string): Promise<void> {
  await p.evaluate((text) => (document.querySelector('frontdesk-chat') as HTMLElement & { ask(text: string): Promise<void> }).ask(text), text)
}

/** The kinds of the bot messages shown, greeting first. */
const kinds = (widget: Widget): Promise<(string | null)[]> => widget.bots.evaluateAll((bots) => bots.map((bot) => bot.getAttribute('data-kind')))

describe('kb.json that never answers', () => {
  it('each question gets the unavailable reply with booking and phone within seconds; one request stays in flight', async () => {
    const { page: p, context, watch } = await h.session({ allowConsoleErrors: true })
    const kb = await holdKb(context)
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    // Both `ask()` promises settle (before the fix neither did, and the typing indicator stayed).
    await Promise.all([askApi(p, question), askApi(p, `${question} please`)])
    expect(await kinds(widget), 'greeting, then an unavailable reply to each question').toEqual(['greeting', 'error', 'error'])
    expect(await widget.part('.typing').count(), 'no typing indicator left').toBe(0)
    expect(await widget.part(PART.bookingOffer).count(), 'booking offered in the conversation').toBeGreaterThan(0)
    expect(await widget.part(PART.phone).count(), 'the phone offered in the conversation').toBeGreaterThan(0)
    expect(kb.requests, 'one kb.json request, still in flight').toBe(1)
    expect(watch.console.some((line) => /Frontdesk: no knowledge base after \d+ s/.test(line)), 'the wait is logged').toBe(true)
  })

  it('when the held request is finally answered, the next question gets its answer, with no new request', async () => {
    const { page: p, context } = await h.session({ allowConsoleErrors: true })
    const kb = await holdKb(context)
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    expect(await widget.kind(await widget.ask(question))).toBe('error')
    await kb.release(join(h.siteDir, 'kb.json'))
    expect(await widget.kind(await widget.ask(question))).toBe('answer')
    expect(kb.requests).toBe(1)
  })
})

describe('kb.json failing, then back', () => {
  /** Opens the widget while kb.json is 503 and asks three questions: more than the three attempts it used to stop at. */
  async function afterFourFailures(): Promise<Widget> {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 503 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).open()
    await widget.part(`${PART.bot}[data-kind="error"]`).first().waitFor({ timeout: REPLY_TIMEOUT })
    for (let i = 0; i < 3; i++) expect(await widget.kind(await widget.ask(`${question} ${i}`))).toBe('error')
    expect(h.server.kbRequests().length, 'an attempt per question').toBeGreaterThan(3)
    return widget
  }

  it('503 past three attempts: retries go on with each question, and once it is back a question asked after the backoff is answered', async () => {
    const widget = await afterFourFailures()
    h.server.kb = { mode: 'ok' }
    // The next attempt waits out its backoff, within the reply's deadline or on a later question. After five failures
    // the backoff may be longer than the deadline (3.2–6.4 s, jittered): questions asked meanwhile get the unavailable
    // reply at once, so the visitor asks again, a second apart, until it is over.
    await expect.poll(async () => widget.kind(await widget.ask(question)), { timeout: 20_000, interval: 1_000 }).toBe('answer')
  })

  it('the next open tries again too, without a question, after any number of failures', async () => {
    const widget = await afterFourFailures()
    const before = h.server.kbRequests().length
    h.server.kb = { mode: 'ok' }
    await widget.part(PART.close).click()
    await widget.panel.waitFor({ state: 'hidden' })
    await widget.open()
    await expect.poll(() => h.server.kbRequests().length, { timeout: REPLY_TIMEOUT }).toBeGreaterThan(before)
    const errors = await widget.part(`${PART.bot}[data-kind="error"]`).count()
    expect(await widget.kind(await widget.ask(question))).toBe('answer')
    expect(await widget.part(`${PART.bot}[data-kind="error"]`).count(), 'no new unavailable message on reopening').toBe(errors)
  })
})

describe('one question while kb.json is 404', () => {
  it('ask() on the closed widget: one unavailable message, one booking offer, announced once', async () => {
    const { page: p } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 404 }
    await p.goto(h.server.url(page()))
    const widget = await new Widget(p).ready()
    await askApi(p, question)
    await p.waitForTimeout(500)
    expect(await kinds(widget)).toEqual(['greeting', 'error'])
    expect(await widget.part(PART.bookingOffer).count()).toBe(1)
    // A second identical announcement would add a no-break space to make the live region change.
    const live = await widget.part(PART.live).textContent()
    expect(live).toMatch(/^Sorry, answers are unavailable right now\./)
    expect(live).not.toContain('\u00a0')
  })
})
