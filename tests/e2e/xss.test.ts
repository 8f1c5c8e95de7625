/**
 * Bad input in a real browser: well-known XSS payloads typed by a visitor and written (as literal text) in a
 * knowledge base's answers stay text — no script, img, iframe, svg, embed or object element is created, no handler
 * attribute, no `javascript:` link, nothing runs. The compiler refuses unsafe links and raw HTML. And the built
 * widget bundles contain no `innerHTML`, `unsafeHTML`, `eval(` or `new Function`.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { KbPair, RichInline } from '../../widget/engine/index.ts'
import { runCli } from './global-setup.ts'
import { useHarness } from './support/harness.ts'
import { findKind, loadEngine } from './support/kb.ts'
import { DEFAULT_SETTINGS, embed, hostPage } from './support/pages.ts'
import { ARTIFACTS, FIXTURES, ROOT } from './support/paths.ts'
import { Widget, nextFrames, squash, widgetElements, type DeepElement } from './support/widget.ts'

const h = useHarness()

/** Typed by a visitor. */
const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  'javascript:alert(1)',
  '"><embed src=x>',
  "'><img src=x onerror=alert(document.domain)>",
  '<object data="javascript:alert(1)"></object>',
  '<a href="javascript:alert(1)">click me</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<body onload=alert(1)>',
  '<style>*{display:none!important}</style>',
  '<template><script>alert(1)</script></template>',
  '${alert(1)}{{constructor.constructor("alert(1)")()}}',
  '\u202e<img src=x onerror=alert(1)> \u{1F489}',
]

/** Elements no message may contain, whatever it says. */
const FORBIDDEN = ['script', 'img', 'iframe', 'embed', 'object', 'frame', 'frameset', 'style', 'link', 'meta', 'base', 'math', 'template', 'details', 'form', 'body']

/** Handler attributes, `javascript:` targets, links that are not https/mailto/tel, forbidden elements. */
function unsafeElements(elements: DeepElement[]): string[] {
  const out: string[] = []
  for (const element of elements) {
    const where = `<${element.tag}${element.message ? ` in message ${element.message}` : ''}>`
    if (FORBIDDEN.includes(element.tag)) out.push(`${where} element`)
    for (const [name, value] of Object.entries(element.attrs)) {
      if (/^on/i.test(name)) out.push(`${where} ${name}="${value}"`)
      if (/^\s*(javascript|vbscript|data):/i.test(value) && name !== 'data-kind') out.push(`${where} ${name}="${value}"`)
    }
    if (element.tag === 'a' && 'href' in element.attrs && !/^(https:|mailto:|tel:)/i.test(element.attrs.href ?? '')) {
      out.push(`${where} href="${element.attrs.href}"`)
    }
  }
  return out
}

/** svg elements inside messages (icons are fine, as many as a benign reply of the same kind has). */
const svgsIn = (elements: DeepElement[], message: string): number => elements.filter((e) => e.message === message && e.tag === 'svg').length

/** The `data-from#index` label `widgetElements` gives the last message from `from`. */
function lastMessage(elements: DeepElement[], from: 'visitor' | 'bot'): string {
  const labels = [...new Set(elements.map((e) => e.message).filter((m): m is string => m?.startsWith(`${from}#`) ?? false))]
  return labels[labels.length - 1] ?? ''
}

/** Elements of the light DOM that a payload could have created. */
const lightCounts = (page: Page) =>
  page.evaluate((tags) => tags.map((tag) => `${tag}:${document.querySelectorAll(tag).length}`), ['script', 'img', 'iframe', 'svg', 'embed', 'object', 'style'])

describe('XSS payloads typed by a visitor', () => {
  it('stay text: shown as typed, no element or handler created, nothing runs', async () => {
    const engine = loadEngine(join(h.siteDir, 'kb.json'))
    const { page, watch } = await h.session()
    await page.goto(h.server.url(h.server.page('xss.html', hostPage())))
    const widget = await new Widget(page).open()
    const light = await lightCounts(page)

    // A benign reply of the same kind, for the icons a reply may legitimately carry.
    const reference: Record<string, number> = {}
    const benign = findKind(engine, 'fallback', ['blorf snizzle wumpus', 'asdfgh qwerty zxcvb'])
    await widget.ask(benign.message)
    reference.fallback = svgsIn(await widgetElements(page), lastMessage(await widgetElements(page), 'bot'))

    const problems: string[] = []
    for (const payload of PAYLOADS) {
      // While typing (type-ahead renders), then once sent.
      await widget.input.fill(payload)
      await nextFrames(page)
      for (const issue of unsafeElements(await widgetElements(page))) problems.push(`typing ${JSON.stringify(payload)}: ${issue}`)
      await widget.input.press('Escape').catch(() => undefined)
      if (!(await widget.isOpen())) await widget.open()
      await widget.input.fill(payload)
      const before = await widget.bots.count()
      await widget.input.press('Enter')
      const reply = await widget.nextBot(before)
      const kind = (await widget.kind(reply)) ?? '?'

      const elements = await widgetElements(page)
      for (const issue of unsafeElements(elements)) problems.push(`${JSON.stringify(payload)}: ${issue}`)
      const shown = squash(await widget.visitors.last().textContent())
      if (!shown.includes(squash(payload))) problems.push(`${JSON.stringify(payload)}: the visitor message reads ${JSON.stringify(shown)}`)
      const visitor = lastMessage(elements, 'visitor')
      if (svgsIn(elements, visitor) > 0) problems.push(`${JSON.stringify(payload)}: svg inside the visitor message`)
      const bot = lastMessage(elements, 'bot')
      if (reference[kind] === undefined) reference[kind] = svgsIn(elements, bot)
      if (svgsIn(elements, bot) > reference[kind]!) problems.push(`${JSON.stringify(payload)}: more svg in the ${kind} reply than a benign one has`)
    }
    expect(problems).toEqual([])
    expect(await lightCounts(page), 'elements created in the host page').toEqual(light)
    expect(watch.dialogs, 'dialogs').toEqual([])
  })
})

describe('XSS payloads written as text in answers (fixture knowledge base)', () => {
  const inlineTexts = (nodes: RichInline[]): string[] => nodes.flatMap((n) => (n.type === 'text' ? [n.text] : inlineTexts(n.children)))
  const texts = (pair: KbPair): string[] =>
    pair.answer.flatMap((block) => (block.type === 'paragraph' ? inlineTexts(block.children) : block.items.flatMap(inlineTexts)))

  it('are shown literally; no element, handler or unsafe link is created; nothing runs', async () => {
    const engine = loadEngine(join(h.kbDir, 'hostile/kb.json'))
    const { page, watch } = await h.session()
    await page.goto(h.server.url(h.server.page('xss-kb.html', hostPage({ body: embed({ ...DEFAULT_SETTINGS, kb: '/kbs/hostile/kb.json' }) }))))
    const widget = await new Widget(page).open()
    const light = await lightCounts(page)

    const benign = engine.pair('zebra-sleep-night')!
    await widget.ask(benign.question)
    const reference = svgsIn(await widgetElements(page), lastMessage(await widgetElements(page), 'bot'))

    const problems: string[] = []
    for (const id of ['flamingo', 'pelican', 'penguin', 'octopus', 'walrus', 'giraffe']) {
      const pair = engine.pair(id)!
      const reply = await widget.ask(pair.question)
      expect(await widget.kind(reply), `"${pair.question}" is answered`).toBe('answer')
      const shown = squash(await reply.textContent())
      for (const text of texts(pair)) if (!shown.includes(squash(text))) problems.push(`${id}: ${JSON.stringify(text)} is not shown as text (shown: ${JSON.stringify(shown)})`)
      const elements = await widgetElements(page)
      for (const issue of unsafeElements(elements)) problems.push(`${id}: ${issue}`)
      if (svgsIn(elements, lastMessage(elements, 'bot')) > reference) problems.push(`${id}: more svg in the answer than a benign one has`)
    }

    // The link with an attacking query string: one https link, safe rel, no handler.
    const walrus = await widget.ask(engine.pair('walrus')!.question)
    const anchor = walrus.locator('a', { hasText: 'walrus page' })
    expect(await anchor.count()).toBe(1)
    expect(await anchor.getAttribute('href')).toMatch(/^https:\/\/clinic\.example\/walrus\?q=/)
    expect((await anchor.getAttribute('rel'))?.split(/\s+/).sort()).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
    await anchor.hover()
    expect(problems).toEqual([])
    expect(await lightCounts(page), 'elements created in the host page').toEqual(light)
    expect(watch.dialogs, 'dialogs').toEqual([])
  })

  it('the compiler refuses javascript:, data:, vbscript: and http: links and raw HTML, naming file:line, and writes nothing', async () => {
    const kb = join(FIXTURES, 'kb-bad')
    const source = readFileSync(join(kb, 'qa/bad.md'), 'utf8').split('\n')
    const out = mkdtempSync(join(ARTIFACTS, 'kb-bad-'))
    const run = await runCli(['build', '--kb', relative(ROOT, kb), '--out', relative(ROOT, out)])
    const written = existsSync(join(out, 'kb.json'))
    rmSync(out, { recursive: true, force: true })
    expect(run.code, run.stderr).toBe(1)
    expect(written, 'no kb.json is written').toBe(false)
    for (const marker of ['](javascript:', '](JaVaScRiPt:', '<javascript:', '](data:', '](vbscript:', '](http:', '<img src=x', '<script>']) {
      const line = source.findIndex((l) => l.includes(marker)) + 1
      expect(line, marker).toBeGreaterThan(0)
      expect(run.stderr, `a problem reported at bad.md:${line} (${marker})`).toMatch(new RegExp(`kb-bad/qa/bad\\.md:${line}: `))
    }
  })
})

describe('built widget bundles', () => {
  const FORBIDDEN_CODE: [string, RegExp][] = [
    ['innerHTML', /innerHTML/g],
    ['unsafeHTML', /unsafeHTML/g],
    ['eval(', /(?<![\w$])eval\s*\(/g],
    ['new Function', /new\s+Function\b/g],
  ]

  /** Every .js file of the widget's output: the site's code outside the staff console. */
  const widgetFiles = (dir: string): string[] => {
    const out: string[] = []
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name)
        if (statSync(path).isDirectory()) {
          if (relative(dir, path) !== 'coverage') walk(path)
        } else if (/\.m?js$/.test(name)) out.push(path)
      }
    }
    walk(dir)
    return out
  }

  /** Occurrences of each forbidden pattern, with some context. */
  const scan = (files: string[], dir: string, attribute?: (file: string, index: number) => string): string[] => {
    const found: string[] = []
    for (const file of files) {
      const code = readFileSync(file, 'utf8')
      for (const [name, pattern] of FORBIDDEN_CODE) {
        for (const match of code.matchAll(pattern)) {
          const at = match.index ?? 0
          const from = attribute ? ` (from ${attribute(file, at)})` : ''
          found.push(`${relative(dir, file)}: ${name}${from}: …${code.slice(Math.max(0, at - 50), at + 40).replace(/\s+/g, ' ')}…`)
        }
      }
    }
    return found
  }

  /** Unminified build (`frontdesk site --dev`): esbuild marks each module with a `// path` comment. */
  let devDir: string
  let devBuild: { code: number | null; stderr: string }
  beforeAll(async () => {
    devDir = join(ARTIFACTS, 'site-dev')
    devBuild = await runCli(['site', '--dev', '--out', relative(ROOT, devDir)])
  })

  /** Built: exit 0, or exit 1 for a size budget only (unminified code is bigger; the files are written). */
  const devBuilt = (): boolean => devBuild.code === 0 || (devBuild.code === 1 && /over budget/i.test(devBuild.stderr))

  const moduleAt = (file: string, index: number): string => {
    const before = readFileSync(file, 'utf8').slice(0, index)
    const markers = [...before.matchAll(/^\s*\/\/ ((?:node_modules|widget|build|demo)\/[^\s]+)$/gm)]
    return markers[markers.length - 1]?.[1] ?? 'unknown module'
  }

  /**
   * The one exception: lit-html prepares each of the widget's own template literals by assigning the literal's
   * static HTML to a `<template>` element's innerHTML. Those strings are written in our source; visitor text
   * and knowledge-base text only ever reach the page as text nodes and attributes (see the tests above).
   */
  const isLitTemplatePreparation = (context: string): boolean => /createElement\(["']template["']\)/.test(context)

  it('the production bundles contain no innerHTML, unsafeHTML, eval( or new Function, but for lit-html preparing our own templates', () => {
    const files = widgetFiles(h.siteDir)
    expect(files.map((f) => relative(h.siteDir, f))).toContain('frontdesk.js')
    const found = scan(files, h.siteDir)
    const unexplained = found.filter((line) => !(line.includes(': innerHTML: ') && isLitTemplatePreparation(line)))
    expect(unexplained).toEqual([])
    expect(devBuilt(), `frontdesk site --dev failed (exit ${devBuild.code}): ${devBuild.stderr}`).toBe(true)
    // Every occurrence of the unminified build comes from lit-html, and there are no more in production.
    const origins = scan(widgetFiles(devDir), devDir, moduleAt)
    expect(origins.filter((line) => !line.includes('(from node_modules/lit-html/'))).toEqual([])
    expect(found.length).toBeLessThanOrEqual(origins.length)
  })

  it('the first-party widget code (not node_modules) contains none of them either', () => {
    expect(devBuilt(), `frontdesk site --dev failed (exit ${devBuild.code}): ${devBuild.stderr}`).toBe(true)
    const files = widgetFiles(devDir)
    expect(files.map((f) => relative(devDir, f)), 'the unminified build has the widget').toContain('frontdesk.js')
    const firstParty = scan(files, devDir, moduleAt).filter((line) => !line.includes('(from node_modules/'))
    expect(firstParty).toEqual([])
  })
})
