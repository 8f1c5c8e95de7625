/**
 * Host pages the widget does not control: a strict Content-Security-Policy header, CSS that attacks everything, the
 * script included twice, two widgets, the element moved around, a page that places its own element. In each, one
 * working widget, no uncaught error, and nothing leaks between the widget and the page.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Engine } from '../../widget/engine/index.ts'
import { useHarness } from './support/harness.ts'
import { answerStart, loadEngine, pickAnswered } from './support/kb.ts'
import { DEFAULT_SETTINGS, element, embed, hostPage } from './support/pages.ts'
import { CONFIG } from './support/paths.ts'
import { PART, Widget, cspViolations, nextFrames, settle, squash } from './support/widget.ts'

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

/** Computed styles compared between hosts: what a visitor would see change. */
const STYLES = [
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'padding-top',
  'padding-left',
  'box-sizing',
  'width',
  'height',
  'display',
  'position',
  'visibility',
  'opacity',
  'text-transform',
  'letter-spacing',
] as const

interface Look {
  box: { x: number; y: number; width: number; height: number } | null
  styles: Record<string, string>
}

async function look(widget: Widget, selector: string): Promise<Look> {
  const target = widget.part(selector).first()
  return {
    box: await target.boundingBox(),
    styles: await target.evaluate((el, names) => {
      const computed = getComputedStyle(el)
      return Object.fromEntries(names.map((name) => [name, computed.getPropertyValue(name)]))
    }, STYLES as unknown as string[]),
  }
}

/** The launcher closed, then the panel's parts open. */
async function measure(page: Page): Promise<Record<string, Look>> {
  const widget = await new Widget(page).ready()
  const looks: Record<string, Look> = { 'launcher (closed)': await look(widget, PART.launcher) }
  await widget.open()
  await settle(page)
  for (const [name, selector] of Object.entries({ panel: PART.panel, title: PART.title, input: PART.input, send: PART.send, close: PART.close })) {
    looks[name] = await look(widget, selector)
  }
  return looks
}

/** Differences between two looks, numbers compared within 1 px. */
function differences(clean: Record<string, Look>, other: Record<string, Look>): string[] {
  const out: string[] = []
  const near = (a: string, b: string): boolean => {
    const [x, y] = [parseFloat(a), parseFloat(b)]
    if (/^-?[\d.]+px$/.test(a) && /^-?[\d.]+px$/.test(b)) return Math.abs(x - y) <= 1
    return a === b
  }
  for (const [name, base] of Object.entries(clean)) {
    const seen = other[name]
    if (!seen) {
      out.push(`${name}: missing`)
      continue
    }
    for (const key of ['x', 'y', 'width', 'height'] as const) {
      const [a, b] = [base.box?.[key], seen.box?.[key]]
      if (a === undefined || b === undefined || Math.abs(a - b) > 1) out.push(`${name} box.${key}: ${a} on a clean host, ${b} here`)
    }
    for (const [style, value] of Object.entries(base.styles)) {
      if (!near(value, seen.styles[style] ?? '')) out.push(`${name} ${style}: "${value}" on a clean host, "${seen.styles[style]}" here`)
    }
  }
  return out
}

async function expectAnswers(widget: Widget): Promise<void> {
  if (!(await widget.isOpen())) await widget.open()
  const message = await widget.ask(question)
  expect(await widget.kind(message)).toBe('answer')
  expect(squash(await message.textContent())).toContain(expected)
}

let cleanLook: Record<string, Look> | undefined
async function cleanHost(): Promise<Record<string, Look>> {
  if (!cleanLook) {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('clean.html', hostPage())))
    cleanLook = await measure(page)
    await page.close()
  }
  return cleanLook
}

describe('a strict Content-Security-Policy header', () => {
  it('raises no securitypolicyviolation; the widget is styled as on a clean host and answers', async () => {
    const clean = await cleanHost()
    h.server.csp = true
    const { page } = await h.session()
    const response = await page.goto(h.server.url(h.server.page('csp.html', hostPage())))
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    const looks = await measure(page)
    const widget = new Widget(page)
    await expectAnswers(widget)
    expect(await cspViolations(page), 'securitypolicyviolation events').toEqual([])

    // Styled: the launcher does not look like the browser's default button, and looks as on a clean host.
    const plain = await page.evaluate(() => {
      const button = document.createElement('button')
      document.body.append(button)
      const style = getComputedStyle(button)
      const result = { background: style.backgroundColor, radius: style.borderTopLeftRadius }
      button.remove()
      return result
    })
    const launcher = looks['launcher (closed)']!.styles
    expect([launcher['background-color'], launcher['border-top-left-radius']], 'the launcher is styled').not.toEqual([plain.background, plain.radius])
    expect(differences(clean, looks), 'differences from a clean host under the strict CSP').toEqual([])
  })
})

describe('host CSS that attacks', () => {
  const ATTACK = `html{font-size:62.5%}
*{color:red!important;line-height:3!important;box-sizing:content-box!important}
button,input{all:unset}
frontdesk-chat{letter-spacing:4px!important;text-transform:uppercase!important}
`
  it('leaves the widget with the size and look it has on a clean host', async () => {
    const clean = await cleanHost()
    h.server.page('attack.css', ATTACK)
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('attack.html', hostPage({ head: '<link rel="stylesheet" href="/fx/attack.css">' }))))
    // The attack applies to the page itself.
    expect(await page.locator('main p').first().evaluate((p) => getComputedStyle(p).color)).toBe('rgb(255, 0, 0)')
    const looks = await measure(page)
    expect(differences(clean, looks), 'differences from a clean host').toEqual([])
    await expectAnswers(new Widget(page))
  })
})

describe('unusual embeddings: one working widget each time, no uncaught error', () => {
  /** Opens, asks once, and checks exactly one reply (no doubled listeners). */
  async function expectOneWorkingWidget(page: Page, widget: Widget): Promise<void> {
    if (!(await widget.isOpen())) await widget.open()
    const replies = (await widget.events('frontdesk-reply')).length
    const bots = await widget.bots.count()
    await expectAnswers(widget)
    // A doubled listener would have answered twice by the time the page drew its next frames.
    await nextFrames(page)
    expect(await widget.bots.count(), 'one reply per question').toBe(bots + 1)
    expect((await widget.events('frontdesk-reply')).length, 'one frontdesk-reply per question').toBe(replies + 1)
    expect(await widget.part(PART.launcher).count(), 'one launcher per element').toBe(1)
  }

  it('the script included twice: one <frontdesk-chat>', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('twice.html', hostPage({ body: embed() + embed() }))))
    await new Widget(page).ready()
    // page.goto waited for the load event, so both scripts have run; a couple of frames more for what they started.
    await nextFrames(page)
    expect(await page.locator('frontdesk-chat').count()).toBe(1)
    await expectOneWorkingWidget(page, new Widget(page))
    expect(await new Widget(page).events('frontdesk-open'), 'one frontdesk-open per opening').toHaveLength(1)
  })

  it('the script included twice under two URLs (a cache-busting query): one <frontdesk-chat>', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('twice-urls.html', hostPage({ body: embed() + embed(DEFAULT_SETTINGS, '/frontdesk.js?v=2') }))))
    await new Widget(page).ready()
    await nextFrames(page)
    expect(await page.locator('frontdesk-chat').count()).toBe(1)
    await expectOneWorkingWidget(page, new Widget(page))
  })

  it('two <frontdesk-chat> elements on a page: each works on its own', async () => {
    const { page } = await h.session()
    const body = element({ 'booking-url': CONFIG.bookingUrl }) + element({ 'booking-url': CONFIG.bookingUrl, position: 'left' }) + embed()
    await page.goto(h.server.url(h.server.page('two.html', hostPage({ body }))))
    const first = await new Widget(page, page.locator('frontdesk-chat').nth(0)).ready()
    const second = await new Widget(page, page.locator('frontdesk-chat').nth(1)).ready()
    await nextFrames(page)
    expect(await page.locator('frontdesk-chat').count(), 'the script adds none when the page has its own').toBe(2)
    await expectOneWorkingWidget(page, first)
    await first.part(PART.close).click()
    await first.panel.waitFor({ state: 'hidden' })
    const bots = await first.bots.count()
    await second.open()
    const message = await second.ask(question)
    expect(await second.kind(message)).toBe('answer')
    expect(await first.bots.count(), "the second widget's reply does not appear in the first").toBe(bots)
  })

  it('the element removed and added back: still one working widget, no doubled listeners', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('moved.html', hostPage())))
    const widget = await new Widget(page).ready()
    await expectOneWorkingWidget(page, widget)
    await page.evaluate(() => {
      const chat = document.querySelector('frontdesk-chat')!
      chat.remove()
      document.body.append(chat)
    })
    await widget.ready()
    expect(await page.locator('frontdesk-chat').count()).toBe(1)
    await expectOneWorkingWidget(page, widget)
    // Closing and opening again fires each event once.
    await widget.part(PART.close).click()
    await widget.panel.waitFor({ state: 'hidden' })
    const opens = (await widget.events('frontdesk-open')).length
    await widget.open()
    expect(await widget.events('frontdesk-open')).toHaveLength(opens + 1)
  })

  it("the host's own <frontdesk-chat> already on the page: the script adds none and it works with its attributes", async () => {
    const { page } = await h.session()
    const body = element({ 'booking-url': CONFIG.bookingUrl, title: CONFIG.title }) + embed({ 'booking-url': 'https://clinic.example/other' })
    await page.goto(h.server.url(h.server.page('own.html', hostPage({ body }))))
    const widget = await new Widget(page).ready()
    await nextFrames(page)
    expect(await page.locator('frontdesk-chat').count()).toBe(1)
    await expectOneWorkingWidget(page, widget)
    expect(squash(await widget.part(PART.title).textContent())).toContain(CONFIG.title)
  })
})

describe('nothing leaks', () => {
  const CONSTRUCTORS = ['Array', 'Object', 'Element', 'HTMLElement', 'Function', 'String', 'Node', 'EventTarget', 'Promise', 'Map'] as const

  it('at most one namespaced global, no prototype changed, no style added to the page, host elements look the same', async () => {
    const { page } = await h.session()
    const body = '<p><button type="button" id="host-button">A host button</button> <input id="host-input" aria-label="Host input"></p>'
    await page.goto(h.server.url(h.server.page('leaks.html', hostPage({ body }))))
    const snapshot = () =>
      page.evaluate((names) => {
        const record = (window as unknown as { __e2e: Record<string, unknown> }).__e2e
        const protos: Record<string, Map<string, unknown[]>> = {}
        for (const name of names) {
          const proto = (window as unknown as Record<string, { prototype: object }>)[name]!.prototype
          protos[name] = new Map(
            Object.getOwnPropertyNames(proto).map((key) => {
              const d = Object.getOwnPropertyDescriptor(proto, key)!
              return [key, [d.value, d.get, d.set]]
            }),
          )
        }
        const hostStyles = ['body', 'main p', '#host-button', '#host-input', 'a'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector)!)
          return `${selector}: ${[...style].map((p) => `${p}=${style.getPropertyValue(p)}`).join(';')}`
        })
        const state = {
          keys: Object.keys(window),
          protos,
          sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
          styleElements: document.querySelectorAll('style, link[rel~="stylesheet"]').length,
          hostStyles,
        }
        if (!record.before) record.before = state
        else record.after = state
        return state.keys.length
      }, CONSTRUCTORS as unknown as string[])

    await snapshot()
    await page.evaluate((settings) => {
      const script = document.createElement('script')
      script.type = 'module'
      script.src = '/frontdesk.js'
      for (const [name, value] of Object.entries(settings)) script.setAttribute(`data-${name}`, value)
      document.body.append(script)
    }, DEFAULT_SETTINGS)
    const widget = await new Widget(page).ready()
    await expectAnswers(widget) // loads the chat code and kb.json too
    await snapshot()

    const report = await page.evaluate((names) => {
      type State = { keys: string[]; protos: Record<string, Map<string, unknown[]>>; sheets: number; styleElements: number; hostStyles: string[] }
      const record = (window as unknown as { __e2e: { before: State; after: State } }).__e2e
      const { before, after } = record
      const newGlobals = after.keys.filter((key) => !before.keys.includes(key))
      const protoChanges: string[] = []
      for (const name of names) {
        const [a, b] = [before.protos[name]!, after.protos[name]!]
        for (const key of b.keys()) if (!a.has(key)) protoChanges.push(`${name}.prototype.${key} added`)
        for (const [key, value] of a) {
          const now = b.get(key)
          if (!now) protoChanges.push(`${name}.prototype.${key} removed`)
          else if (value.some((v, i) => v !== now[i])) protoChanges.push(`${name}.prototype.${key} replaced`)
        }
      }
      const styleChanges = after.hostStyles.filter((line, i) => line !== before.hostStyles[i]).map((line) => line.split(':')[0])
      return { newGlobals, protoChanges, sheets: [before.sheets, after.sheets], styleElements: [before.styleElements, after.styleElements], styleChanges }
    }, CONSTRUCTORS as unknown as string[])

    expect(report.newGlobals.length, `new globals: ${JSON.stringify(report.newGlobals)}`).toBeLessThanOrEqual(1)
    expect(report.newGlobals.filter((name) => !/frontdesk/i.test(name)), 'new globals that are not namespaced "frontdesk…"').toEqual([])
    expect(report.protoChanges, 'changed built-in prototypes').toEqual([])
    expect(report.sheets[1], 'style sheets added to the host document').toBe(report.sheets[0])
    expect(report.styleElements[1], '<style> or stylesheet <link> elements added to the host page').toBe(report.styleElements[0])
    expect(report.styleChanges, "host elements whose computed style changed").toEqual([])
  })
})
