/**
 * Pages that get in the widget's way: element names the page already uses, an accent colour that smuggles in a URL,
 * and a Content-Security-Policy requiring Trusted Types. The widget says what is wrong on the console, by name, and
 * never throws into the page.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { withCsp } from './support/faults.ts'
import { useHarness } from './support/harness.ts'
import { answerStart, loadEngine, pickAnswered } from './support/kb.ts'
import { DEFAULT_SETTINGS, embed, hostPage } from './support/pages.ts'
import { STRICT_CSP } from './support/server.ts'
import { Widget, cspViolations, squash } from './support/widget.ts'

const h = useHarness()
let question: string
let expected: string

beforeAll(() => {
  const { pair } = pickAnswered(loadEngine(join(h.siteDir, 'kb.json')))
  question = pair.question
  expected = answerStart(pair)
})

/** A host page whose own classic script (in `<head>`, so it runs before the widget) defines the element `name`. */
function pageDefining(name: string): string {
  const script = h.server.page(`define-${name}.js`, `customElements.define(${JSON.stringify(name)}, class extends HTMLElement {})\n`)
  return h.server.url(h.server.page(`defines-${name}.html`, hostPage({ head: `<script src="${script}"></script>` })))
}

describe('element names the page already uses', () => {
  it('<frontdesk-chat> defined by the page: a console error says so, nothing throws, no widget', async () => {
    const { page, watch } = await h.session({ allowConsoleErrors: true })
    await page.goto(pageDefining('frontdesk-chat'))
    await expect.poll(() => watch.consoleErrors.join('\n')).toContain('Frontdesk: the page defines its own <frontdesk-chat>')
    expect(await page.locator('frontdesk-chat').count(), 'the script adds no element the page would not render').toBe(0)
    expect(watch.pageErrors).toEqual([])
  })

  it('frontdesk-panel defined by the page, before or after the widget: the chat opens and answers', async () => {
    const { page, watch } = await h.session()
    await page.goto(pageDefining('frontdesk-panel'))
    const widget = await new Widget(page).open()
    const message = await widget.ask(question)
    expect(squash(await message.textContent())).toContain(expected)
    // The widget holds no other name in the page's registry: the page may define any name later.
    const defined = await page.evaluate(() => {
      customElements.define('frontdesk-chat-panel', class extends HTMLElement {})
      return ['frontdesk-panel', 'frontdesk-chat', 'frontdesk-chat-panel'].filter((name) => customElements.get(name))
    })
    expect(defined).toEqual(['frontdesk-panel', 'frontdesk-chat', 'frontdesk-chat-panel'])
    expect(watch.pageErrors).toEqual([])
  })
})

describe('an accent that is not a literal colour', () => {
  it('var() with a url() fallback: refused by name on the console, no request leaves for another host', async () => {
    const accent = 'var(--nope, url(//evil.example/b.png))'
    const { page, watch } = await h.session({ allowConsoleErrors: true })
    await page.goto(h.server.url(h.server.page('accent.html', hostPage({ body: embed({ ...DEFAULT_SETTINGS, accent }) }))))
    const widget = await new Widget(page).open()
    await widget.ask(question)
    await page.waitForTimeout(300)
    expect(watch.console.some((line) => line.includes(`Frontdesk: accent ${JSON.stringify(accent)} is not a literal CSS colour`))).toBe(true)
    expect(watch.requests.filter((request) => !request.url.startsWith(h.server.origin)).map((r) => r.url)).toEqual([])
    expect(await widget.launcher.evaluate((launcher) => getComputedStyle(launcher).backgroundColor), 'the default accent').toBe('rgb(26, 95, 180)')
  })
})

describe('a Content-Security-Policy requiring Trusted Types', () => {
  it("with no policy allowed, the console names Trusted Types and the policy lit-html, not a missing chunks/ folder", async () => {
    const { page, context, watch } = await h.session({ allowConsoleErrors: true })
    const url = h.server.url(h.server.page('tt-none.html', hostPage()))
    await withCsp(context, url, `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`)
    await page.goto(url)
    const widget = await new Widget(page).ready()
    await widget.launcher.click()
    await expect.poll(() => watch.consoleErrors.find((line) => line.includes('Frontdesk: could not load the chat')) ?? '').toMatch(/Trusted Types.*"lit-html"/)
    expect(watch.consoleErrors.join('\n')).not.toMatch(/chunks\/ folder/)
    expect(watch.pageErrors).toEqual([])
  })

  it('allowing the policy lit-html, the widget works with no violation', async () => {
    const { page, context } = await h.session()
    const url = h.server.url(h.server.page('tt-lit.html', hostPage()))
    await withCsp(context, url, `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types lit-html`)
    const response = await page.goto(url)
    expect(response?.headers()['content-security-policy']).toContain('trusted-types lit-html')
    const widget = await new Widget(page).open()
    expect(squash(await (await widget.ask(question)).textContent())).toContain(expected)
    expect(await cspViolations(page)).toEqual([])
  })
})
