/**
 * What a visitor does, in a real browser: the one-line embed on the demo page, opening by mouse and keyboard,
 * asking, follow-ups, type-ahead, clarify, fallback with booking and phone, emergency, feedback, Start over and
 * `persist="session"`. Questions are chosen with the same engine over the same `kb.json`, so the tests follow the
 * knowledge base when staff edit it; assertions use the DOM contract (parts and data attributes), not prose.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Engine, KbPair } from '../../widget/engine/index.ts'
import { watchListeners } from '../helpers/listeners.ts'
import { WAIT_TIMEOUT, useHarness } from './support/harness.ts'
import { answerStart, findClarify, findKind, loadEngine, pickAnswered, pickTypeahead } from './support/kb.ts'
import { DEFAULT_SETTINGS, embed, hostPage } from './support/pages.ts'
import { CONFIG } from './support/paths.ts'
import { PART, REPLY_TIMEOUT, Widget, deepFocus, focusIs, nextFrames, squash, tabTo } from './support/widget.ts'

const h = useHarness()
let engine: Engine
/** The attributes of the demo page's embed script. */
let demoEmbed: Record<string, string>

/** The attributes of one tag's source text (`src="…" data-x='…' defer`). */
function attributes(source: string): Record<string, string> {
  const pairs = [...source.matchAll(/([\w:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)]
  return Object.fromEntries(pairs.map((a) => [a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '']))
}

/** The `<script … frontdesk.js …>` tags of an HTML file, with their attributes. */
function embedTags(html: string): Record<string, string>[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((match) => attributes(match[1] ?? ''))
    .filter((attrs) => /frontdesk\.js(\?|$)/.test(attrs.src ?? ''))
}

/** A pair that `engine` answers with itself when asked its own question (so a chip for it must show its answer). */
function selfAnswering(pairs: readonly KbPair[]): KbPair | undefined {
  return pairs.find((pair) => {
    const reply = engine.reply(pair.question)
    return reply.kind === 'answer' && reply.top?.pair.id === pair.id
  })
}

const telDigits = (href: string | null): string => (href ?? '').replace(/^tel:/i, '').replace(/[^+\d]/g, '')

/** Clicks a booking link and checks the browser goes to `url` (same tab or a new one). */
async function expectBookingOpens(page: Page, link: ReturnType<Widget['part']>, url: string): Promise<void> {
  expect(await link.getAttribute('href')).toBe(url)
  const request = page.context().waitForEvent('request', { predicate: (r) => r.url() === url })
  await link.click()
  await request
}

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
  const tags = embedTags(readFileSync(join(h.siteDir, 'index.html'), 'utf8'))
  demoEmbed = tags[0] ?? {}
})

describe('the demo page', () => {
  it('embeds the widget with one script tag and gets exactly one working <frontdesk-chat>', async () => {
    const html = readFileSync(join(h.siteDir, 'index.html'), 'utf8')
    const tags = embedTags(html)
    expect(tags, 'index.html must have exactly one <script src=".../frontdesk.js"> tag').toHaveLength(1)
    expect(tags[0]?.type).toBe('module')
    expect(tags[0]?.['data-booking-url'], 'the demo embed sets data-booking-url').toMatch(/^https:\/\//)
    expect(html, 'the demo page places no <frontdesk-chat> itself: the script adds it').not.toMatch(/<frontdesk-chat/i)

    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).ready()
    expect(await page.locator('frontdesk-chat').count()).toBe(1)
    const name = squash((await widget.launcher.getAttribute('aria-label')) ?? (await widget.launcher.textContent()))
    expect(name, 'the launcher has an accessible name').not.toBe('')
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false')
    expect(await widget.panel.isVisible().catch(() => false), 'the panel starts closed').toBe(false)
  })

  it('opens with the mouse: a dialog with title, booking, close, greeting, starter chips and the disclaimer; closes with ×', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('true')
    expect(squash(await widget.part(PART.title).textContent())).not.toBe('')
    expect(await widget.part(PART.booking).getAttribute('href')).toBe(demoEmbed['data-booking-url'])
    expect(await widget.part(PART.booking).isVisible()).toBe(true)
    expect(await widget.part(PART.disclaimer).isVisible()).toBe(true)
    expect(squash(await widget.part(PART.disclaimer).textContent())).not.toBe('')
    await widget.part(`${PART.bot}[data-kind="greeting"]`).first().waitFor({ state: 'visible' })
    // Starter questions are offered as chips once the knowledge base is in.
    await widget.part(PART.chip).first().waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    expect(await widget.events('frontdesk-open')).toHaveLength(1)

    await widget.part(PART.close).click()
    await widget.panel.waitFor({ state: 'hidden' })
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false')
    expect(await widget.events('frontdesk-close')).toHaveLength(1)
  })

  it('opens by keyboard: Tab reaches the launcher, Enter opens with focus in the input, Escape closes and focus returns to the launcher', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).ready()
    await tabTo(page, 'launcher')
    await page.keyboard.press('Enter')
    await widget.panel.waitFor({ state: 'visible' })
    await expect.poll(() => focusIs(page, 'input'), { timeout: WAIT_TIMEOUT, message: 'focus is in the input after Enter' }).toBe(true)
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('true')

    await page.keyboard.press('Escape')
    await widget.panel.waitFor({ state: 'hidden' })
    await expect.poll(async () => (await deepFocus(page))?.part ?? '', { timeout: WAIT_TIMEOUT, message: 'focus is back on the launcher' }).toMatch(/\blauncher\b/)
    expect(await widget.launcher.getAttribute('aria-expanded')).toBe('false')
  })

  it('answers a known question with its answer, its source and its follow-up chips, and announces the reply', async () => {
    const { pair, reply } = pickAnswered(engine, ['does-it-hurt'])
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    const message = await widget.ask(pair.question)

    expect(await widget.kind(message)).toBe('answer')
    expect(squash(await message.textContent())).toContain(answerStart(pair))
    expect(squash(await message.locator(PART.source).textContent()), 'the answer names its source').toContain(pair.source.label)
    const visitor = widget.visitors.last()
    expect(squash(await visitor.textContent())).toContain(pair.question)
    for (const followUp of reply.followUps) {
      const chip = widget.part(`${PART.chip}[data-pair-id="${followUp.id}"]`)
      expect(await chip.count(), `a follow-up chip for "${followUp.id}"`).toBeGreaterThan(0)
      expect(await chip.last().isVisible()).toBe(true)
    }
    await expect.poll(async () => squash(await widget.part(PART.live).textContent()), { message: 'the live region announces the reply' }).not.toBe('')
    const [event] = await widget.events('frontdesk-reply')
    expect(event?.detail.kind).toBe('answer')
    expect(Object.values(event?.detail ?? {}), 'frontdesk-reply names the pair').toContain(pair.id)
  })

  it('a follow-up chip asks its question and shows that answer', async () => {
    const { pair, reply } = pickAnswered(engine, ['does-it-hurt'])
    const next = selfAnswering(reply.followUps)
    expect(next, `a follow-up of "${pair.id}" that the engine answers with itself`).toBeDefined()
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    await widget.ask(pair.question)
    const before = await widget.bots.count()
    await widget.part(`${PART.chip}[data-pair-id="${next!.id}"]`).last().click()
    const message = await widget.nextBot(before)
    expect(await widget.kind(message)).toBe('answer')
    expect(squash(await message.textContent())).toContain(answerStart(next!))
    expect(squash(await widget.visitors.last().textContent())).toContain(next!.question)
  })

  it('type-ahead: typing shows known questions; Escape hides them; ArrowDown and Enter pick one and show its answer', async () => {
    const { prefix, first } = pickTypeahead(engine)
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    const listbox = widget.part(PART.suggestions)
    const options = widget.part(PART.option)

    await widget.input.pressSequentially(prefix, { delay: 20 })
    await listbox.waitFor({ state: 'visible' })
    expect(squash(await options.first().textContent())).toContain(first.question)
    await widget.input.press('Escape')
    await listbox.waitFor({ state: 'hidden' })
    expect(await widget.isOpen(), 'Escape in the suggestions closes them, not the panel').toBe(true)

    await widget.input.fill('')
    await widget.input.pressSequentially(prefix, { delay: 20 })
    await listbox.waitFor({ state: 'visible' })
    const before = await widget.bots.count()
    await widget.input.press('ArrowDown')
    await expect.poll(() => options.first().getAttribute('aria-selected'), { message: 'ArrowDown highlights the first suggestion' }).toBe('true')
    await widget.input.press('Enter')
    const message = await widget.nextBot(before)
    expect(squash(await widget.visitors.last().textContent())).toContain(first.question)
    expect(await widget.kind(message)).toBe('answer')
    expect(squash(await message.textContent())).toContain(answerStart(first))
  })

  it('clarify: an ambiguous message offers the candidate questions as chips; picking one shows its answer', async () => {
    // The real knowledge base first; a fixture with two near-identical pairs when it has nothing ambiguous.
    let found = findClarify(engine, ['pain', 'knot', 'needle', 'injection', 'shot', 'sore', 'trigger point'])
    let url = '/index.html'
    let clarifyEngine = engine
    if (!found) {
      clarifyEngine = loadEngine(join(h.kbDir, 'hostile/kb.json'))
      found = findClarify(clarifyEngine, ['zebra', 'zebra sleep'])
      url = h.server.page('clarify.html', hostPage({ body: embed({ ...DEFAULT_SETTINGS, kb: '/kbs/hostile/kb.json' }) }))
    }
    expect(found, 'a message that gets a clarify reply').not.toBeNull()
    const { message: ambiguous, reply } = found!
    const { page } = await h.session()
    await page.goto(h.server.url(url))
    const widget = await new Widget(page).open()
    const message = await widget.ask(ambiguous)
    expect(await widget.kind(message)).toBe('clarify')
    const ids = await message.locator(PART.chip).evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-pair-id')))
    expect(ids).toEqual(reply.choices.map((choice) => choice.id))

    const pick = [...reply.choices].reverse().find((choice) => {
      const r = clarifyEngine.reply(choice.question)
      return r.kind === 'answer' && r.top?.pair.id === choice.id
    })
    expect(pick, 'a choice the engine answers with itself').toBeDefined()
    const before = await widget.bots.count()
    await message.locator(`${PART.chip}[data-pair-id="${pick!.id}"]`).click()
    const answer = await widget.nextBot(before)
    expect(await widget.kind(answer)).toBe('answer')
    expect(squash(await answer.textContent())).toContain(answerStart(pick!))
  })
})

describe('a clinic page configured through the script tag', () => {
  const settings = { ...DEFAULT_SETTINGS, 'booking-label': CONFIG.bookingLabel, 'emergency-number': CONFIG.emergencyNumber, title: CONFIG.title }
  const configured = (): string => h.server.page('configured.html', hostPage({ body: embed(settings) }))

  it('shows the configured title and booking label, and the header booking link goes to the booking URL', async () => {
    const { page, watch } = await h.session()
    await page.goto(h.server.url(configured()))
    const widget = await new Widget(page).open()
    expect(squash(await widget.part(PART.title).textContent())).toContain(CONFIG.title)
    const booking = widget.part(PART.booking)
    expect(squash(await booking.textContent())).toContain(CONFIG.bookingLabel)
    await expectBookingOpens(page, booking, CONFIG.bookingUrl)
    expect(watch.events.filter((e) => e.type === 'frontdesk-booking')).toHaveLength(1)
  })

  it('fallback: an honest message with the booking link to the configured URL and the phone link', async () => {
    const { message: nonsense } = findKind(engine, 'fallback', ['blorf snizzle wumpus', 'asdfgh qwerty zxcvb', 'xylophone quantum carburettor'])
    const { page, watch } = await h.session()
    await page.goto(h.server.url(configured()))
    const widget = await new Widget(page).open()
    const message = await widget.ask(nonsense)
    expect(await widget.kind(message)).toBe('fallback')
    const phone = message.locator(PART.phone)
    expect(await phone.count(), 'the fallback offers the phone').toBeGreaterThan(0)
    expect(telDigits(await phone.first().getAttribute('href'))).toBe(CONFIG.phoneDigits)
    expect(await phone.first().getAttribute('href')).toMatch(/^tel:/)
    const offer = message.locator(PART.bookingOffer)
    expect(await offer.count(), 'the fallback offers booking').toBeGreaterThan(0)
    const [event] = await widget.events('frontdesk-reply')
    expect(event?.detail.kind).toBe('fallback')
    await expectBookingOpens(page, offer.first(), CONFIG.bookingUrl)
    expect(watch.events.filter((e) => e.type === 'frontdesk-booking')).toHaveLength(1)
  })

  it('emergency: a distinct message with a tel: link to the configured number, never mixed with an answer', async () => {
    const { message: urgent } = findKind(engine, 'emergency', ['I have chest pain', 'chest pain', 'I cannot breathe', 'heart attack'])
    const { page } = await h.session()
    await page.goto(h.server.url(configured()))
    const widget = await new Widget(page).open()
    const message = await widget.ask(urgent)
    expect(await widget.kind(message)).toBe('emergency')
    const call = message.locator(PART.emergencyCall)
    expect(await call.count()).toBe(1)
    expect(await call.getAttribute('href')).toBe(`tel:${CONFIG.emergencyNumber}`)
    expect(await call.isVisible()).toBe(true)
    expect(await message.locator(PART.source).count(), 'no answer source inside an emergency message').toBe(0)
    expect(await message.locator(PART.feedback).count(), 'no answer feedback inside an emergency message').toBe(0)
    expect(await widget.bots.count(), 'the emergency reply comes alone, with no answer after it').toBe(
      (await widget.part(`${PART.bot}[data-kind="greeting"]`).count()) + 1,
    )
  })

  it('feedback: an answer asks "Did this answer your question?"; No offers booking', async () => {
    const { pair } = pickAnswered(engine)
    const { page } = await h.session()
    await page.goto(h.server.url(configured()))
    const widget = await new Widget(page).open()
    const message = await widget.ask(pair.question)
    const feedback = message.locator(PART.feedback)
    await feedback.waitFor({ state: 'visible' })
    expect(await feedback.getByRole('button', { name: /^yes$/i }).count()).toBe(1)
    await feedback.getByRole('button', { name: /^no$/i }).click()
    const offers = widget.part(PART.bookingOffer)
    await offers.last().waitFor({ state: 'visible', timeout: REPLY_TIMEOUT })
    expect(await offers.last().getAttribute('href')).toBe(CONFIG.bookingUrl)
    expect(await widget.events('frontdesk-feedback')).toHaveLength(1)
    await expectBookingOpens(page, offers.last(), CONFIG.bookingUrl)
  })

  it('Start over clears the conversation and the widget keeps answering', async () => {
    const { pair } = pickAnswered(engine)
    const { page } = await h.session()
    await page.goto(h.server.url(configured()))
    const widget = await new Widget(page).open()
    await widget.ask(pair.question)
    await widget.ask('hello')
    expect(await widget.visitors.count()).toBe(2)
    await widget.part(PART.reset).click()
    await expect.poll(() => widget.visitors.count(), { message: 'no visitor message is left' }).toBe(0)
    expect(await widget.part(`${PART.bot}:not([data-kind="greeting"])`).count(), 'only the greeting may remain').toBe(0)
    const message = await widget.ask(pair.question)
    expect(await widget.kind(message)).toBe('answer')
    expect(await widget.visitors.count()).toBe(1)
  })
})

describe('persist', () => {
  /** Everything a page can keep about the visitor, besides memory. */
  const storage = (page: Page) =>
    page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      cookie: document.cookie,
      databases: ((await indexedDB.databases?.()) ?? []).map((db) => db.name ?? ''),
      caches: 'caches' in window ? await caches.keys() : [],
    }))

  it('is off by default: no storage, no cookies, and a reload starts a new conversation', async () => {
    const { pair } = pickAnswered(engine)
    const { page, context } = await h.session()
    await page.goto(h.server.url(h.server.page('default.html', hostPage())))
    const widget = await new Widget(page).open()
    await widget.ask(pair.question)
    expect(await storage(page)).toEqual({ local: [], session: [], cookie: '', databases: [], caches: [] })
    expect(await context.cookies()).toEqual([])
    await page.reload()
    await widget.open()
    expect(await widget.visitors.count()).toBe(0)
  })

  it('persist="session" keeps the conversation across a reload, in sessionStorage only', async () => {
    const { pair } = pickAnswered(engine)
    const { page, context } = await h.session()
    await page.goto(h.server.url(h.server.page('persist.html', hostPage({ body: embed({ ...DEFAULT_SETTINGS, persist: 'session' }) }))))
    const widget = await new Widget(page).open()
    await widget.ask(pair.question)
    const kept = await storage(page)
    expect(kept.session.length, 'the conversation is in sessionStorage').toBeGreaterThan(0)
    expect({ ...kept, session: [] }).toEqual({ local: [], session: [], cookie: '', databases: [], caches: [] })
    expect(await context.cookies()).toEqual([])

    await page.reload()
    await widget.ready()
    if (!(await widget.isOpen())) await widget.open()
    await widget.visitors.first().waitFor({ state: 'visible' })
    expect(squash(await widget.visitors.first().textContent())).toContain(pair.question)
    expect(squash(await widget.part(`${PART.bot}[data-kind="answer"]`).first().textContent())).toContain(answerStart(pair))
  })
})

describe('destroy()', () => {
  it('closes the open chat (frontdesk-close), takes the widget out of the page and leaves no listener on the page', async () => {
    const { pair } = pickAnswered(engine)
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('destroy.html', hostPage())))
    await new Widget(page).ready()
    // From here on, every listener added to the window, the document or the visible area, and still there.
    await page.evaluate(`void (${watchListeners.toString()})()`)
    const listeners = (): Promise<string[]> => page.evaluate(() => (window as unknown as { __listenersLeft(): string[] }).__listenersLeft())
    const widget = await new Widget(page).open()
    expect(await widget.kind(await widget.ask(pair.question))).toBe('answer')
    expect(await listeners(), 'while open, the panel follows the visible area').not.toEqual([])
    await page.evaluate(() => document.querySelector('frontdesk-chat')!.destroy())
    expect(await page.locator('frontdesk-chat').count()).toBe(0)
    expect((await widget.events()).map((event) => event.type)).toEqual(['frontdesk-open', 'frontdesk-reply', 'frontdesk-close'])
    expect(await listeners()).toEqual([])
    // What the chat had scheduled for the next frames has run too; the harness fails the test on any error it caused.
    await nextFrames(page)
  })

  it('with an open() and an ask() still loading the chat: once it is in, nothing opens, answers or errs', async () => {
    const { pair } = pickAnswered(engine)
    const { page, watch } = await h.session()
    await page.goto(h.server.url(h.server.page('destroy-early.html', hostPage())))
    await new Widget(page).ready()
    const seen = await page.evaluate(async (question) => {
      const chat = document.querySelector('frontdesk-chat')!
      // Heard on the element itself: out of the page, its events no longer reach the document.
      const heard: string[] = []
      for (const type of ['frontdesk-open', 'frontdesk-close', 'frontdesk-reply']) chat.addEventListener(type, (event) => heard.push(event.type))
      const pending = [chat.open(), chat.ask(question)]
      chat.destroy()
      await Promise.all(pending)
      return { heard, open: chat.isOpen, connected: chat.isConnected }
    }, pair.question)
    // What the chat schedules for the next frames has run too; the harness fails the test on any error it caused.
    await nextFrames(page)
    expect(watch.requests.some((request) => /\/chunks\//.test(request.url)), 'the chat was loading').toBe(true)
    expect(seen).toEqual({ heard: [], open: false, connected: false })
    expect(await page.locator('frontdesk-chat').count()).toBe(0)
  })
})
