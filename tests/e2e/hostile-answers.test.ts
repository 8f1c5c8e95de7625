/**
 * A hand-made `kb.json` whose answer is nested far deeper than the compiler allows (what 2,500 `*` around a word used
 * to build): asking it shows the answer's text and nothing throws; the widget keeps answering, after `reset()` too;
 * and with `persist="session"` the page works after a reload.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine, KbPair } from '../../widget/engine/index.ts'
import { deepInline, kbWithAnswer, serveKb } from './support/faults.ts'
import { useHarness } from './support/harness.ts'
import { answerStart, loadEngine, pickAnswered } from './support/kb.ts'
import { DEFAULT_SETTINGS, embed, hostPage } from './support/pages.ts'
import { Widget, squash } from './support/widget.ts'

const h = useHarness()
/** Deep enough to exhaust the stack of a recursive renderer, shallow enough for the engine to load. */
const DEPTH = 1_200
const WORD = 'Deeply-nested-answer'
let engine: Engine
let deep: KbPair
let other: KbPair
let kb: Record<string, unknown>

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
  deep = pickAnswered(engine).pair
  other = pickAnswered(engine, engine.pairs.filter((pair) => pair.id !== deep.id).map((pair) => pair.id)).pair
  kb = kbWithAnswer(join(h.siteDir, 'kb.json'), deep.id, [{ type: 'paragraph', children: [deepInline(DEPTH, WORD)] }])
})

async function expectAnswer(widget: Widget, pair: KbPair): Promise<void> {
  const message = await widget.ask(pair.question)
  expect(await widget.kind(message)).toBe('answer')
  expect(squash(await message.textContent())).toContain(answerStart(pair))
}

describe('an answer nested far too deep', () => {
  it('is shown as its text without an error; the widget keeps answering, after reset() too', async () => {
    const { page, context, watch } = await h.session()
    await serveKb(context, kb)
    await page.goto(h.server.url(h.server.page('deep.html', hostPage())))
    const widget = await new Widget(page).open()
    const message = await widget.ask(deep.question)
    expect(squash(await message.textContent())).toContain(WORD)
    await expectAnswer(widget, other)
    await page.evaluate(() => (document.querySelector('frontdesk-chat') as HTMLElement & { reset(): Promise<void> }).reset())
    await expectAnswer(widget, other)
    expect(watch.pageErrors).toEqual([])
  })

  it('with persist="session", the page still works after a reload', async () => {
    const { page, context, watch } = await h.session()
    await serveKb(context, kb)
    const url = h.server.url(h.server.page('deep-persist.html', hostPage({ body: embed({ ...DEFAULT_SETTINGS, persist: 'session' }) })))
    await page.goto(url)
    const widget = await new Widget(page).open()
    await expectAnswer(widget, other)
    expect(squash(await (await widget.ask(deep.question)).textContent())).toContain(WORD)
    await page.reload()
    await widget.open()
    expect(await widget.visitors.count(), 'the conversation is restored').toBeGreaterThan(0)
    await expectAnswer(widget, other)
    expect(watch.pageErrors).toEqual([])
  })
})
