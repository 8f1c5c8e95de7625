/**
 * What the widget asks the network for, and what it keeps: before the visitor shows intent only the launcher script
 * (with `preload="idle"`, the chat and `kb.json` once the page is idle; with Save-Data, nothing before the click);
 * after it only same-origin code and `kb.json`; no third-party host, no cookies, no storage unless `persist` is set;
 * and what a visitor types never leaves the page.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../widget/engine/index.ts'
import { useHarness, type Watch } from './support/harness.ts'
import { loadEngine, pickAnswered } from './support/kb.ts'
import { embed } from './support/pages.ts'
import { CONFIG } from './support/paths.ts'
import { PART, Widget } from './support/widget.ts'

const h = useHarness()
let engine: Engine

beforeAll(() => {
  engine = loadEngine(join(h.siteDir, 'kb.json'))
})

/** A page with nothing but the one-line embed, so every request is the widget's. */
const minimal = (): string =>
  h.server.page(
    'minimal.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minimal</title><link rel="icon" href="data:,"></head><body><main><h1>Minimal host</h1></main>${embed()}</body></html>`,
  )

/** The widget's requests: everything but the page itself. */
const widgetRequests = (watch: Watch, pageUrl: string) => watch.requests.filter((r) => r.url !== pageUrl && !r.url.startsWith('data:'))

describe('requests', () => {
  it('before the first interaction, only the launcher script loads', async () => {
    const { page, watch, networkIdle } = await h.session()
    const url = h.server.url(minimal())
    await page.goto(url)
    await new Widget(page).ready()
    await networkIdle()
    expect(widgetRequests(watch, url).map((r) => r.url)).toEqual([h.server.url('/frontdesk.js')])
  })

  it('hovering the launcher starts loading the chat code and kb.json, and nothing else', async () => {
    const { page, watch, networkIdle } = await h.session()
    const url = h.server.url(minimal())
    await page.goto(url)
    const widget = await new Widget(page).ready()
    await widget.launcher.hover()
    await expect.poll(() => h.server.kbRequests().length, { timeout: 10_000 }).toBe(1)
    await networkIdle()
    const paths = widgetRequests(watch, url).map((r) => new URL(r.url).pathname)
    expect(paths.filter((path) => !path.endsWith('.js') && path !== '/kb.json'), 'anything but code and kb.json').toEqual([])
    expect(paths.filter((path) => path.startsWith('/chunks/')).length, 'the chat chunk').toBeGreaterThan(0)
    expect(await widget.isOpen()).toBe(false)
  })

  it('when the browser asks to save data, hovering and focusing load nothing; the click loads the chat', async () => {
    const { page, context, watch, networkIdle } = await h.session()
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }))
    const url = h.server.url(minimal())
    await page.goto(url)
    const widget = await new Widget(page).ready()
    await widget.launcher.hover()
    await widget.launcher.focus()
    await networkIdle()
    expect(widgetRequests(watch, url).map((r) => r.url)).toEqual([h.server.url('/frontdesk.js')])
    await widget.open()
    await expect.poll(() => h.server.kbRequests().length, { timeout: 10_000 }).toBe(1)
  })

  it('preload="idle" loads the chat code and kb.json once the page is idle, without intent', async () => {
    const { page } = await h.session()
    await page.goto(h.server.url(h.server.page('idle.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Idle</title><link rel="icon" href="data:,"></head><body><main><h1>Idle</h1></main>${embed({ 'booking-url': CONFIG.bookingUrl, preload: 'idle' })}</body></html>`)))
    await new Widget(page).ready()
    await expect.poll(() => h.server.kbRequests().length, { timeout: 10_000 }).toBe(1)
  })

  it('after opening and using the widget: only same-origin code chunks and one kb.json; no third party, no socket, no cookie, no storage', async () => {
    const { pair, reply } = pickAnswered(engine)
    const { page, context, watch, networkIdle } = await h.session()
    const url = h.server.url(minimal())
    await page.goto(url)
    const widget = await new Widget(page).open()
    await widget.ask(pair.question)
    await widget.input.pressSequentially(pair.question.slice(0, 12), { delay: 20 })
    await widget.input.fill('')
    const followUp = reply.followUps[0]
    if (followUp) {
      const before = await widget.bots.count()
      await widget.part(`${PART.chip}[data-pair-id="${followUp.id}"]`).last().click()
      await widget.nextBot(before)
    }
    await widget.part(PART.feedback).last().getByRole('button', { name: /^yes$/i }).click()
    await widget.part(PART.close).click()
    await widget.open()
    await networkIdle()

    const requests = widgetRequests(watch, url)
    const foreign = requests.filter((r) => new URL(r.url).origin !== h.server.origin)
    expect(foreign.map((r) => r.url), 'requests to another host').toEqual([])
    const kinds = requests.map((r) => new URL(r.url).pathname).filter((path) => !path.endsWith('.js') && path !== '/kb.json')
    expect(kinds, 'same-origin requests that are neither code nor kb.json').toEqual([])
    expect(requests.filter((r) => new URL(r.url).pathname === '/kb.json'), 'kb.json is fetched once').toHaveLength(1)
    expect(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`), 'non-GET requests').toEqual([])
    expect(watch.websockets, 'WebSockets').toEqual([])
    expect(requests.filter((r) => 'cookie' in r.headers).map((r) => r.url), 'requests carrying cookies').toEqual([])
    expect(await context.cookies()).toEqual([])
    const kept = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: ((await indexedDB.databases?.()) ?? []).length,
      caches: 'caches' in window ? (await caches.keys()).length : 0,
      workers: 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    }))
    expect(kept).toEqual({ local: 0, session: 0, cookie: '', databases: 0, caches: 0, workers: 0 })
  })

  it('a canary typed in the input appears in no request, not even the booking link', async () => {
    const CANARY = 'CANARY7f3e9zq'
    const { page, watch, networkIdle } = await h.session()
    const url = h.server.url(minimal())
    await page.goto(url)
    const widget = await new Widget(page).open()
    const before = await widget.bots.count()
    await widget.input.pressSequentially(`my ${CANARY} neck hurts`, { delay: 10 })
    await widget.input.press('Enter')
    await widget.nextBot(before)
    await widget.ask(`${CANARY} how much does it cost`)
    const { pair } = pickAnswered(engine)
    await widget.ask(`${pair.question} ${CANARY}`)
    const no = widget.part(PART.feedback).last().getByRole('button', { name: /^no$/i })
    if ((await no.count()) > 0) await no.click()
    const offer = widget.part(`${PART.bookingOffer}, ${PART.booking}`).last()
    const booking = page.context().waitForEvent('request', { predicate: (r) => r.url().startsWith(CONFIG.bookingUrl) })
    await offer.click()
    await booking
    await networkIdle()

    const leaks = watch.requests.filter((r) =>
      [r.url, decodeURIComponent(r.url), r.postData ?? '', JSON.stringify(r.headers)].some((text) => text.includes(CANARY)),
    )
    expect(leaks.map((r) => `${r.method} ${r.url}`), 'requests carrying what the visitor typed').toEqual([])
    expect(h.server.log.filter((entry) => entry.url.includes(CANARY) || entry.body.includes(CANARY)).map((e) => e.url)).toEqual([])
  })
})
