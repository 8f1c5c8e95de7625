/**
 * Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA rules) finds no violation in any state of the
 * widget on the demo page, nor on the coverage console; sizes a finger and an iPhone need; and the screenshots the
 * README shows, taken at desktop and 375 px mobile widths.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Engine } from '../../widget/engine/index.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { useHarness } from './support/harness.ts'
import { findKind, loadEngine, pickAnswered } from './support/kb.ts'
import { SCREENSHOTS } from './support/paths.ts'
import { PART, Widget, settle } from './support/widget.ts'

const h = useHarness()
let engine: Engine

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
})

async function demo(): Promise<{ page: Page; widget: Widget }> {
  const { page } = await h.session()
  await page.goto(h.server.url('/index.html'))
  return { page, widget: await new Widget(page).ready() }
}

describe('axe-core finds no WCAG 2.2 A/AA violation', () => {
  it('on the demo page with the widget closed', async () => {
    const { page } = await demo()
    await settle(page)
    await expectNoAxeViolations(page, 'closed')
  })

  it('with the panel open', async () => {
    const { page, widget } = await demo()
    await widget.open()
    await settle(page)
    await expectNoAxeViolations(page, 'open')
  })

  it('after an answer', async () => {
    const { page, widget } = await demo()
    await widget.open()
    expect(await widget.kind(await widget.ask(pickAnswered(engine).pair.question))).toBe('answer')
    await settle(page)
    await expectNoAxeViolations(page, 'answered')
  })

  it('after a fallback', async () => {
    const { page, widget } = await demo()
    await widget.open()
    const { message } = findKind(engine, 'fallback', ['blorf snizzle wumpus', 'asdfgh qwerty zxcvb'])
    expect(await widget.kind(await widget.ask(message))).toBe('fallback')
    await settle(page)
    await expectNoAxeViolations(page, 'fallback')
  })

  it('after an emergency reply', async () => {
    const { page, widget } = await demo()
    await widget.open()
    const { message } = findKind(engine, 'emergency', ['I have chest pain', 'chest pain'])
    expect(await widget.kind(await widget.ask(message))).toBe('emergency')
    await settle(page)
    await expectNoAxeViolations(page, 'emergency')
  })

  it('when kb.json fails (500)', async () => {
    const { page } = await h.session({ allowConsoleErrors: true })
    h.server.kb = { mode: 'status', status: 500 }
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).open()
    await widget.ask(pickAnswered(engine).pair.question)
    await widget.part(`${PART.bot}[data-kind="error"]`).first().waitFor({ state: 'visible' })
    await settle(page)
    await expectNoAxeViolations(page, 'error')
  })

  it('on the coverage console, before and after loading the sample questions', async () => {
    const { page, networkIdle } = await h.session()
    await page.goto(h.server.url('/coverage/index.html'))
    await page.waitForLoadState('networkidle')
    await page.locator('main, [role="main"], h1').first().waitFor({ state: 'visible' })
    await settle(page)
    await expectNoAxeViolations(page, 'coverage console')
    const sample = page.getByRole('button', { name: /sample/i })
    if ((await sample.count()) > 0) {
      await sample.first().click()
      await networkIdle()
      await page.locator('table.questions tbody tr').first().waitFor({ state: 'visible' })
      await settle(page)
      await expectNoAxeViolations(page, 'coverage console with the sample questions')
    }
  })
})

describe('sizes', () => {
  it('touch targets are at least 24 × 24 px and the input text is at least 16 px (no zoom on iOS)', async () => {
    const { widget } = await demo()
    await widget.open()
    await widget.ask(pickAnswered(engine).pair.question)
    const targets = [PART.launcher, PART.close, PART.reset, PART.send, PART.booking, PART.chip, `${PART.feedback} button`]
    const small: string[] = []
    for (const selector of targets) {
      for (const target of await widget.part(selector).all()) {
        if (!(await target.isVisible())) continue
        const box = await target.boundingBox()
        if (box && (box.width < 24 || box.height < 24)) small.push(`${selector}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`)
      }
    }
    expect(small, 'targets under 24 px').toEqual([])
    const fontSize = await widget.input.evaluate((input) => parseFloat(getComputedStyle(input).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(16)
  })
})

// Written under tests/e2e/.artifacts/screenshots; `npm run screenshots` runs these to refresh the README's copies.
describe('screenshots for the README', () => {
  beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }))

  it('desktop (1280 × 800): the open widget with an answer', async () => {
    const { page, widget } = await demo()
    await widget.open()
    await widget.ask(pickAnswered(engine, ['does-it-hurt']).pair.question)
    await settle(page)
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop.png') })
  })

  it('mobile (375 px): the open widget fills the screen, with an answer', async () => {
    const viewport = { width: 375, height: 740 }
    const { page } = await h.session({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).ready()
    await widget.launcher.tap()
    await widget.panel.waitFor({ state: 'visible' })
    await widget.ask(pickAnswered(engine, ['does-it-hurt']).pair.question)
    await settle(page)
    await page.screenshot({ path: join(SCREENSHOTS, 'mobile.png') })
    const box = await widget.panel.boundingBox()
    expect(box, 'the panel is laid out').not.toBeNull()
    expect(Math.abs(box!.x)).toBeLessThanOrEqual(1)
    expect(Math.abs(box!.width - viewport.width), 'under 480 px the panel is full-width').toBeLessThanOrEqual(1)
    expect(box!.height, 'under 480 px the panel is full-height').toBeGreaterThanOrEqual(viewport.height * 0.9)
  })

  it('fallback (375 px): a question the knowledge base cannot answer gets booking and phone in one row', async () => {
    const { page } = await h.session({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await page.goto(h.server.url('/index.html'))
    const widget = await new Widget(page).ready()
    await widget.launcher.tap()
    await widget.panel.waitFor({ state: 'visible' })
    await widget.ask('Can I bring my dog to the appointment?')
    await settle(page)
    expect(engine.reply('Can I bring my dog to the appointment?').kind).toBe('fallback')
    await page.screenshot({ path: join(SCREENSHOTS, 'fallback.png') })
  })
})
