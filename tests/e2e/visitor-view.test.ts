/**
 * The widget as a visitor sees it (issue 11) and hears it: booking offered once per reply in one row and never twice
 * in a row, a one-line header, a round launcher on phones, the clinic's own colour, events whose data is in
 * `detail`, and feedback read once.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Engine } from '../../widget/engine/index.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { useHarness } from './support/harness.ts'
import { findKind, loadEngine, pickAnswered } from './support/kb.ts'
import { DEFAULT_SETTINGS, embed, hostPage } from './support/pages.ts'
import { CONFIG } from './support/paths.ts'
import { PART, Widget, deepFocus, settle, squash } from './support/widget.ts'

const h = useHarness()
let engine: Engine
let fallback: string
let answered: string

const PHONE = { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
  fallback = findKind(engine, 'fallback', ['blorf snizzle wumpus', 'asdfgh qwerty zxcvb']).message
  answered = pickAnswered(engine).pair.question
})

async function phonePage(page: Page, url = h.server.url(h.server.page('host.html', hostPage()))): Promise<Widget> {
  await page.goto(url)
  const widget = await new Widget(page).ready()
  await widget.launcher.tap()
  await widget.panel.waitFor({ state: 'visible' })
  await widget.input.waitFor({ state: 'visible' })
  return widget
}

const launcherColour = (widget: Widget): Promise<string> => widget.launcher.evaluate((launcher) => getComputedStyle(launcher).backgroundColor)

describe('booking in the conversation', () => {
  it('on a phone, three fallbacks in a row: booking and phone in one row, offered under the first and third only', async () => {
    const { page } = await h.session(PHONE)
    const widget = await phonePage(page)
    const offered: boolean[] = []
    for (let i = 0; i < 3; i++) {
      const reply = await widget.ask(fallback)
      expect(await widget.kind(reply)).toBe('fallback')
      const links = reply.locator(`${PART.bookingOffer}, ${PART.phone}`)
      offered.push((await links.count()) > 0)
      if ((await links.count()) === 0) continue
      // Both boxes in one frame: the log scrolls smoothly to the new reply, so two separate reads taken while it
      // moves (a busy machine) would see the links at different heights.
      const boxes = await links.evaluateAll((found) => found.map((link) => link.getBoundingClientRect().toJSON() as DOMRect))
      expect(boxes, 'booking and phone').toHaveLength(2)
      const tops = boxes.map((box) => Math.round(box.y))
      expect(Math.max(...tops) - Math.min(...tops), `one row (tops ${tops})`).toBeLessThanOrEqual(1)
      for (const box of boxes) expect(box.x + box.width, 'within the screen').toBeLessThanOrEqual(PHONE.viewport.width)
    }
    expect(offered, 'never in two replies in a row').toEqual([true, false, true])
    expect(await widget.part(PART.booking).isVisible(), 'the header always has booking').toBe(true)
  })
})

describe('the header', () => {
  it('on a phone is one line: the title truncated, booking, Start over and close beside it', async () => {
    const { page } = await h.session(PHONE)
    const widget = await phonePage(page)
    await settle(page)
    const header = (await widget.part('[part~="header"]').boundingBox())!
    expect(header.height / PHONE.viewport.height, `header height ${header.height} px`).toBeLessThanOrEqual(0.1)
    const title = widget.part(PART.title)
    const lines = await title.evaluate((element) => element.getClientRects().length === 1 && element.scrollHeight <= parseFloat(getComputedStyle(element).lineHeight) + 1)
    expect(lines, 'the title is on one line').toBe(true)
    const centre = header.y + header.height / 2
    for (const part of [PART.title, PART.booking, PART.reset, PART.close]) {
      const box = (await widget.part(part).boundingBox())!
      expect(Math.abs(box.y + box.height / 2 - centre), `${part} sits in the header's one row`).toBeLessThanOrEqual(2)
    }
    expect(await widget.part(PART.reset).getAttribute('aria-label')).toBe('Start over')
  })
})

describe('the launcher', () => {
  it('is a round icon button on a phone, and the "Questions?" pill on a wide screen', async () => {
    const { page } = await h.session(PHONE)
    await page.goto(h.server.url(h.server.page('host.html', hostPage())))
    const round = (await (await new Widget(page).ready()).launcher.boundingBox())!
    expect(Math.abs(round.width - round.height), `${round.width} × ${round.height}`).toBeLessThanOrEqual(1)
    expect(round.width).toBeLessThanOrEqual(60)
    expect(await new Widget(page).launcher.getByText('Questions?').isVisible()).toBe(false)

    const { page: wide } = await h.session()
    await wide.goto(h.server.url(h.server.page('host.html', hostPage())))
    const pill = new Widget(wide)
    await pill.ready()
    expect(await pill.launcher.getByText('Questions?').isVisible()).toBe(true)
    const box = (await pill.launcher.boundingBox())!
    expect(box.width).toBeGreaterThan(box.height * 1.5)
  })
})

describe('the accent', () => {
  it("the demo page uses its own teal, not the default blue", async () => {
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    expect(await launcherColour(await new Widget(page).ready())).toBe('rgb(15, 92, 91)')
  })

  it('"auto" takes the page\'s <meta name="theme-color">, and without one quietly keeps the default', async () => {
    const { page, watch } = await h.session()
    const body = embed({ ...DEFAULT_SETTINGS, accent: 'auto' })
    await page.goto(h.server.url(h.server.page('theme.html', hostPage({ head: '<meta name="theme-color" content="#7a1f5c">', body }))))
    expect(await launcherColour(await new Widget(page).ready())).toBe('rgb(122, 31, 92)')
    await page.goto(h.server.url(h.server.page('no-theme.html', hostPage({ body }))))
    expect(await launcherColour(await new Widget(page).ready())).toBe('rgb(26, 95, 180)')
    expect(watch.console.filter((line) => line.includes('Frontdesk:'))).toEqual([])
  })
})

describe('events', () => {
  it('are CustomEvents whose detail has exactly the documented fields', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('host.html', hostPage())))
    await page.evaluate(() => {
      const seen: unknown[] = []
      ;(window as unknown as { seen: unknown[] }).seen = seen
      for (const type of ['frontdesk-open', 'frontdesk-close', 'frontdesk-reply', 'frontdesk-booking', 'frontdesk-feedback']) {
        // The usual way to write a listener: read `event.detail`.
        document.addEventListener(type, (event) => seen.push({ type, custom: event instanceof CustomEvent, detail: (event as CustomEvent).detail }))
      }
      // Stay on the page when a booking link is clicked.
      document.addEventListener('click', (event) => event.preventDefault())
    })
    const widget = await new Widget(page).open()
    const reply = await widget.ask(answered)
    await reply.locator(`${PART.feedback} button`, { hasText: 'Yes' }).click()
    await widget.part(PART.booking).click()
    await widget.part(PART.close).click()
    const seen = await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)
    const top = engine.reply(answered)
    expect(seen).toEqual([
      { type: 'frontdesk-open', custom: true, detail: null },
      { type: 'frontdesk-reply', custom: true, detail: { question: answered, kind: 'answer', pairId: top.top!.pair.id, confidence: expect.any(Number) } },
      { type: 'frontdesk-feedback', custom: true, detail: { pairId: top.top!.pair.id, helpful: true } },
      { type: 'frontdesk-booking', custom: true, detail: { from: 'header', href: CONFIG.bookingUrl } },
      { type: 'frontdesk-close', custom: true, detail: null },
    ])
  })
})

describe('feedback', () => {
  it('after "Yes" the thanks is focused and not announced (read once); axe finds nothing, landmarks included', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    const reply = await widget.ask(answered)
    const announced = squash(await widget.part(PART.live).textContent())
    await reply.locator(`${PART.feedback} button`, { hasText: 'Yes' }).click()
    await expect.poll(async () => (await deepFocus(page))?.part).toBe('feedback')
    expect(squash(await widget.part(PART.live).textContent()), 'the live region still holds the answer').toBe(announced)
    await settle(page)
    await expectNoAxeViolations(page, 'after Yes')

    const next = await widget.ask(answered)
    await next.locator(`${PART.feedback} button`, { hasText: 'No' }).click()
    await expect.poll(async () => (await deepFocus(page))?.part).toBe('feedback')
    expect(squash(await widget.part(PART.live).textContent())).not.toMatch(/didn't help/)
    await settle(page)
    await expectNoAxeViolations(page, 'after No')
  })
})
