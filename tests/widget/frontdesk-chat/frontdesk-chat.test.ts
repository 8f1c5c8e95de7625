// @vitest-environment happy-dom
/**
 * `<frontdesk-chat>`: the launcher, the keyboard flow, the public methods and events, configuration mistakes, and
 * the element's life on a page (removed and added back, two on a page).
 */
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import {
  FrontdeskBookingEvent,
  FrontdeskCloseEvent,
  FrontdeskFeedbackEvent,
  FrontdeskOpenEvent,
  FrontdeskReplyEvent,
} from '../../../widget/frontdesk.ts'
import { SETTINGS, all, ask, bots, focused, mount, one, open, panelOf, press, rendered, serve } from '../harness.ts'
import { watchListeners } from '../../helpers/listeners.ts'
import { WAIT } from '../../helpers/wait.ts'

const launcherOf = (chat: HTMLElement): HTMLButtonElement => chat.shadowRoot!.querySelector('button[part~="launcher"]')!

/** Records the widget's events as seen by the page. */
function record(): Event[] {
  const events: Event[] = []
  for (const type of ['frontdesk-open', 'frontdesk-close', 'frontdesk-reply', 'frontdesk-booking', 'frontdesk-feedback']) {
    document.addEventListener(type, (event) => events.push(event))
  }
  return events
}

describe('the launcher', () => {
  it('is one labelled button, closed, and nothing else loads until it is used', async () => {
    const fetch = serve()
    const chat = await mount()
    const launcher = launcherOf(chat)
    expect(all(chat, 'button[part~="launcher"]')).toHaveLength(1)
    expect(launcher.getAttribute('aria-label')).toMatch(/^Open chat: /)
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(panelOf(chat)).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fetch).not.toHaveBeenCalled()
  })

  it.each(['pointerenter', 'focus', 'touchstart'])('on intent (%s) loads the chat and kb.json and readies the panel, closed, so the click finds it ready', async (type) => {
    const fetch = serve()
    const events = record()
    const chat = await mount()
    launcherOf(chat).dispatchEvent(new Event(type))
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), WAIT)
    expect(fetch).toHaveBeenCalledWith('https://clinic.example/kb.json', expect.objectContaining({ credentials: 'omit' }))
    await vi.waitFor(() => expect(all(chat, 'button[part~="chip"]').length).toBeGreaterThan(0), WAIT)
    expect(panelOf(chat)!.element.hidden).toBe(true)
    expect(chat.isOpen).toBe(false)
    expect(launcherOf(chat).getAttribute('aria-expanded')).toBe('false')
    expect(events).toEqual([])
    // Opening uses what was loaded: no second request.
    await ask(chat, 'does it hurt')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('on a click without intent first, renders the panel, then styles it and lays it out while it is still hidden, and only then shows it', async () => {
    serve()
    const chat = await mount()
    const steps: string[] = []
    const state = (element: HTMLElement): string =>
      `${panelOf(chat)!.renderRoot.querySelector('[part~="panel"]') ? 'rendered' : 'empty'}, ${element.hidden ? 'hidden' : 'shown'}`
    const { getComputedStyle } = window
    const { getBoundingClientRect } = Element.prototype
    const styled = vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
      if (element === panelOf(chat)?.element) steps.push(`styled: ${state(element as HTMLElement)}`)
      return getComputedStyle.call(window, element, pseudo)
    })
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      if (this === panelOf(chat)?.element) steps.push(`laid out: ${state(this as HTMLElement)}`)
      return getBoundingClientRect.call(this)
    })
    try {
      launcherOf(chat).click()
      await vi.waitFor(() => expect(chat.isOpen).toBe(true), WAIT)
      expect(steps).toEqual(['styled: rendered, hidden', 'laid out: rendered, hidden'])
    } finally {
      styled.mockRestore()
      measured.mockRestore()
    }
  })

  it('requests kb.json on intent and on a click at once, beside the chat\'s chunk rather than after it', async () => {
    for (const act of [(launcher: HTMLButtonElement) => launcher.dispatchEvent(new Event('pointerenter')), (launcher: HTMLButtonElement) => launcher.click()]) {
      const fetch = serve()
      const chat = await mount()
      act(launcherOf(chat))
      // In the same task: on a slow network the two requests then share one round trip.
      expect(fetch).toHaveBeenCalledTimes(1)
      expect(fetch).toHaveBeenCalledWith('https://clinic.example/kb.json', expect.objectContaining({ credentials: 'omit' }))
      await ask(chat, 'does it hurt')
      expect(fetch).toHaveBeenCalledTimes(1)
      chat.remove()
    }
  })

  it('loads nothing on intent when the browser asks to save data (Save-Data), and everything on the click', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { connection: { saveData: true } }))
    const fetch = serve()
    const chat = await mount()
    for (const type of ['pointerenter', 'focus', 'touchstart']) launcherOf(chat).dispatchEvent(new Event(type))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(panelOf(chat)).toBeNull()
    expect(fetch).not.toHaveBeenCalled()
    expect(await ask(chat, 'does it hurt')).toBeDefined()
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('with preload="idle", loads the chat and kb.json once the page is idle, without intent (but not when saving data)', async () => {
    const fetch = serve()
    const chat = await mount({ ...SETTINGS, preload: 'idle' })
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), WAIT)
    expect(chat.isOpen).toBe(false)
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { connection: { saveData: true } }))
    const saving = serve()
    await mount({ ...SETTINGS, preload: 'idle' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(saving).not.toHaveBeenCalled()
  })

  it('holds the closed launcher only until the chat is in: the cross and the look while open come with the chat', async () => {
    serve()
    const chat = await mount()
    const rules = (): string => chat.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n')
    expect(launcherOf(chat).querySelectorAll('span')).toHaveLength(2)
    expect(rules()).not.toContain('aria-expanded')
    await open(chat)
    expect(launcherOf(chat).querySelector('.x')?.getAttribute('aria-hidden')).toBe('true')
    expect(rules()).toContain('aria-expanded')
  })

  it('names the title in its label', async () => {
    serve()
    const chat = await mount({ ...SETTINGS, title: 'Ask the clinic' })
    expect(launcherOf(chat).getAttribute('aria-label')).toBe('Open chat: Ask the clinic')
  })
})

describe('keyboard', () => {
  it('activating the launcher opens the panel with focus in the input; Escape closes it and focus returns to the launcher', async () => {
    serve()
    const chat = await mount()
    const launcher = launcherOf(chat)
    launcher.focus()
    launcher.click()
    await vi.waitFor(() => expect(focused()?.getAttribute('part')).toBe('input'), WAIT)
    expect(launcher.getAttribute('aria-expanded')).toBe('true')
    await press(chat, 'Escape')
    expect(chat.isOpen).toBe(false)
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(panelOf(chat)!.element.hidden).toBe(true)
    expect(focused()).toBe(launcher)
  })

  it('the close button closes and returns focus to the launcher', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    one(chat, 'button[part~="close"]').click()
    expect(chat.isOpen).toBe(false)
    expect(focused()).toBe(launcherOf(chat))
  })
})

describe('methods', () => {
  it('open(), close() and toggle() open and close, each firing its event once', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await open(chat)
    expect(chat.isOpen).toBe(true)
    await chat.open()
    chat.close()
    chat.close()
    await chat.toggle()
    await chat.toggle()
    expect(events.map((e) => e.type)).toEqual(['frontdesk-open', 'frontdesk-close', 'frontdesk-open', 'frontdesk-close'])
    expect(chat.isOpen).toBe(false)
  })

  it('ask(text) opens the panel and answers', async () => {
    serve()
    const chat = await mount()
    const message = await ask(chat, 'does it hurt')
    expect(chat.isOpen).toBe(true)
    expect(message.dataset.kind).toBe('answer')
  })

  it('reset() clears the conversation', async () => {
    serve()
    const chat = await mount()
    await ask(chat, 'does it hurt')
    await chat.reset()
    await rendered(chat)
    expect(all(chat, '[part~="message"]')).toHaveLength(1)
  })

  it('the `open` attribute opens at start, without taking focus from the page', async () => {
    serve()
    const chat = await mount({ ...SETTINGS, open: '' })
    await vi.waitFor(() => expect(chat.isOpen).toBe(true), WAIT)
    expect(focused()).not.toBe(one(chat, 'input[part~="input"]'))
  })
})

describe('events', () => {
  it('are typed CustomEvent subclasses that bubble out of the shadow root from <frontdesk-chat>', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await open(chat)
    chat.close()
    expect(events[0]).toBeInstanceOf(FrontdeskOpenEvent)
    expect(events[1]).toBeInstanceOf(FrontdeskCloseEvent)
    for (const event of events) {
      expect(event).toBeInstanceOf(CustomEvent)
      expect([event.bubbles, event.composed, event.target, (event as CustomEvent).detail]).toEqual([true, true, chat, null])
    }
  })

  it('each has a class of its own, exported from frontdesk.js, that names the event in `type`', async () => {
    serve()
    const events = record()
    const chat = await mount()
    const message = await ask(chat, 'does it hurt')
    message.querySelector<HTMLElement>('[part~="feedback"] button')!.click()
    const offer = (await ask(chat, 'blorf snizzle')).querySelector<HTMLAnchorElement>('a[part~="booking-offer"]')!
    offer.addEventListener('click', (event) => event.preventDefault())
    offer.click()
    chat.close()
    const classes = [FrontdeskOpenEvent, FrontdeskCloseEvent, FrontdeskReplyEvent, FrontdeskBookingEvent, FrontdeskFeedbackEvent]
    expect(classes.map((Class) => Class.type)).toEqual(['frontdesk-open', 'frontdesk-close', 'frontdesk-reply', 'frontdesk-booking', 'frontdesk-feedback'])
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(classes.map((Class) => Class.type)))
    for (const event of events) {
      expect(classes.filter((Class) => event instanceof Class).map((Class) => Class.type), event.type).toEqual([event.type])
    }
  })

  it('carry their data in detail, so a listener written the usual way reads it', async () => {
    serve()
    const kinds: unknown[] = []
    const listening = new AbortController()
    document.addEventListener('frontdesk-reply', (event) => kinds.push((event as CustomEvent<{ kind: string }>).detail.kind), { signal: listening.signal })
    const chat = await mount()
    await ask(chat, 'does it hurt')
    listening.abort()
    expect(kinds).toEqual(['answer'])
  })

  it('frontdesk-reply tells the question, the kind, the pair and the confidence', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await ask(chat, 'does it hurt')
    await ask(chat, 'blorf snizzle')
    const replies = events.filter((e): e is FrontdeskReplyEvent => e instanceof FrontdeskReplyEvent)
    expect(replies.map(({ detail: { question, kind } }) => ({ question, kind }))).toEqual([
      { question: 'does it hurt', kind: 'answer' },
      { question: 'blorf snizzle', kind: 'fallback' },
    ])
    expect(Object.keys(replies[0]!.detail).sort()).toEqual(['confidence', 'kind', 'pairId', 'question'])
    expect(replies[0]!.detail.pairId).toBe('does-it-hurt')
    expect(replies[0]!.detail.confidence).toBeGreaterThan(0.5)
    expect(replies[1]!.detail.confidence).toBeLessThan(0.5)
  })

  it('frontdesk-reply also fires for a chip, with the pair it answered', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await open(chat)
    one(chat, 'button[part~="chip"][data-pair-id="what-is-it"]').click()
    await vi.waitFor(() => expect(events.some((e) => e instanceof FrontdeskReplyEvent)).toBe(true), WAIT)
    const reply = events.find((e): e is FrontdeskReplyEvent => e instanceof FrontdeskReplyEvent)!
    expect(reply.detail).toEqual({ question: expect.any(String), kind: 'answer', pairId: 'what-is-it', confidence: 1 })
  })

  it('frontdesk-booking tells where the booking link was clicked', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await open(chat)
    const header = one<HTMLAnchorElement>(chat, 'a[part~="booking"]')
    header.addEventListener('click', (event) => event.preventDefault())
    header.click()
    const message = await ask(chat, 'blorf snizzle')
    const offer = message.querySelector<HTMLAnchorElement>('a[part~="booking-offer"]')!
    offer.addEventListener('click', (event) => event.preventDefault())
    offer.click()
    const bookings = events.filter((e): e is FrontdeskBookingEvent => e instanceof FrontdeskBookingEvent)
    expect(bookings.map(({ detail }) => detail)).toEqual([
      { from: 'header', href: 'https://clinic.example/book' },
      { from: 'fallback', href: 'https://clinic.example/book' },
    ])
  })

  it('frontdesk-feedback tells the pair and whether the answer helped, once per answer', async () => {
    serve()
    const events = record()
    const chat = await mount()
    const message = await ask(chat, 'does it hurt')
    const no = [...message.querySelectorAll<HTMLElement>('[part~="feedback"] button')].find((b) => b.textContent === 'No')!
    no.click()
    no.click()
    const feedback = events.filter((e): e is FrontdeskFeedbackEvent => e instanceof FrontdeskFeedbackEvent)
    expect(feedback.map(({ detail }) => detail)).toEqual([{ pairId: 'does-it-hurt', helpful: false }])
  })
})

describe('configuration mistakes', () => {
  it('a missing booking-url is a console error naming the setting', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await mount({ phone: '+1 555 0100' })
    await Promise.resolve()
    expect(error).toHaveBeenCalledTimes(1)
    expect(error.mock.calls[0]![0]).toMatch(/^Frontdesk: .*booking-url/)
  })

  it('a booking-url set as a property right after insertion counts', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await import('../../../widget/frontdesk.ts')
    const chat = document.body.appendChild(document.createElement('frontdesk-chat'))
    chat.bookingUrl = 'https://clinic.example/book'
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(error).not.toHaveBeenCalled()
    expect(chat.bookingUrl).toBe('https://clinic.example/book')
  })

  it('a booking-url that is not an http(s) link is refused loudly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = await mount({ 'booking-url': 'javascript:alert(1)' })
    expect(error.mock.calls[0]![0]).toContain('"javascript:alert(1)"')
    expect(chat.bookingUrl).toBeNull()
  })

  it.each([
    ['accent', 'notacolour', 'is not a literal CSS colour'],
    ['accent', 'red;}body{display:none', 'is not a literal CSS colour'],
    ['accent', 'var(--nope, url(//evil.example/b.png))', 'is not a literal CSS colour'],
    ['threshold', '2', 'must be a number from 0 to 1'],
    ['threshold', 'high', 'must be a number from 0 to 1'],
    ['position', 'middle', 'must be "right" or "left"'],
    ['persist', 'forever', 'must be "session"'],
    ['emergency-number', 'call someone', 'is not a phone number'],
    ['phone', 'ring us', 'has no digits'],
  ])('%s="%s" is warned about, quoting the value, and the default is used', async (name, value, problem) => {
    // happy-dom's CSS.supports accepts anything; a browser would refuse "notacolour".
    vi.stubGlobal('CSS', { supports: (_property: string, v?: string) => v !== 'notacolour' })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await mount({ ...SETTINGS, [name]: value })
    expect(warn).toHaveBeenCalledWith(`Frontdesk: ${name} ${JSON.stringify(value)} ${problem}; using the default.`)
  })

  it('a valid accent sets --frontdesk-accent', async () => {
    const chat = await mount({ ...SETTINGS, accent: 'rebeccapurple' })
    expect(chat.accent).toBe('rebeccapurple')
    const rules = chat.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
    expect(rules.join('\n')).toMatch(/--frontdesk-accent:\s*rebeccapurple/)
  })

  it('every setting is also a property, and properties and attributes agree', async () => {
    const chat = await mount(SETTINGS)
    chat.setAttribute('position', 'left')
    chat.threshold = 0.7
    chat.suggestions = ['Does it hurt?']
    chat.title = 'Ask us'
    expect([chat.position, chat.threshold, chat.suggestions, chat.title]).toEqual(['left', 0.7, ['Does it hurt?'], 'Ask us'])
    expect(chat.phone).toBe('+1 555 0100')
    expect(chat.emergencyNumber).toBe('911')
    expect(chat.kb).toBe('https://clinic.example/kb.json')
    expect(launcherOf(chat).classList.contains('left')).toBe(true)
  })

  it('a setting changed while open updates the panel', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    chat.setAttribute('booking-label', 'Book a visit')
    await rendered(chat)
    expect(one(chat, 'a[part~="booking"]').textContent).toBe('Book a visit')
  })
})

describe('life on a page', () => {
  it('removed and added back: one launcher, one event per action, one reply per question', async () => {
    serve()
    const events = record()
    const chat = await mount()
    await ask(chat, 'does it hurt')
    chat.remove()
    document.body.append(chat)
    chat.close()
    await open(chat)
    const before = bots(chat).length
    await ask(chat, 'hello')
    expect(bots(chat)).toHaveLength(before + 1)
    expect(all(chat, 'button[part~="launcher"]')).toHaveLength(1)
    expect(all(chat, '[part~="panel"]')).toHaveLength(1)
    expect(events.map((e) => e.type)).toEqual(['frontdesk-open', 'frontdesk-reply', 'frontdesk-close', 'frontdesk-open', 'frontdesk-reply'])
  })

  it('two elements on a page each keep their own conversation', async () => {
    serve()
    const first = await mount()
    const second = await mount({ ...SETTINGS, position: 'left' })
    await ask(first, 'does it hurt')
    await open(second)
    expect(all(second, '[data-from="visitor"]')).toEqual([])
    await ask(second, 'hello')
    expect(all(first, '[data-from="visitor"]')).toHaveLength(1)
  })

  it('taken out of the page while it opens, it stays closed there; added back, the next click opens it', async () => {
    serve()
    const events = record()
    const chat = await mount()
    const opening = chat.open()
    chat.remove()
    await opening
    expect(chat.isOpen).toBe(false)
    document.body.append(chat)
    launcherOf(chat).click()
    await vi.waitFor(() => expect(chat.isOpen).toBe(true), WAIT)
    expect(events.map((e) => e.type)).toEqual(['frontdesk-open'])
  })

  it('properties set before the element was upgraded are kept', async () => {
    serve()
    // What a framework does with an element it created before the script loaded.
    const element = document.createElement('frontdesk-chat-later') as HTMLElement & Record<string, unknown>
    element.bookingUrl = 'https://clinic.example/late'
    const { FrontdeskChat } = await import('../../../widget/frontdesk-chat/frontdesk-chat.ts')
    customElements.define('frontdesk-chat-later', class extends FrontdeskChat {})
    customElements.upgrade(element)
    document.body.append(element)
    expect(element.bookingUrl).toBe('https://clinic.example/late')
  })
})

/**
 * Watches the listeners added to `window`, `document` and the visible area (a stand-in `visualViewport`, as happy-dom
 * has none) from now on, until the test ends; returns those still there, as "target type".
 */
function listenersLeft(): () => string[] {
  const viewport = Object.assign(new EventTarget(), { offsetTop: 0, height: 700 })
  Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true })
  const watch = watchListeners()
  onTestFinished(() => {
    watch.stop()
    Reflect.deleteProperty(window, 'visualViewport')
  })
  return watch.left
}

describe('destroy()', () => {
  it('closes the open panel (frontdesk-close fires), takes the element out of the page and leaves no listener behind', async () => {
    serve()
    const left = listenersLeft()
    const events = record()
    const chat = await mount()
    await ask(chat, 'does it hurt')
    expect(left(), 'while open, the panel follows the visible area').not.toEqual([])
    chat.destroy()
    expect(events.map((e) => e.type)).toEqual(['frontdesk-open', 'frontdesk-reply', 'frontdesk-close'])
    expect(chat.isConnected).toBe(false)
    expect(document.querySelector('frontdesk-chat')).toBeNull()
    expect(left()).toEqual([])
  })

  it('with an open() and an ask() still loading the chat: once it is in, nothing opens, answers, tells or throws', async () => {
    serve()
    const error = vi.spyOn(console, 'error')
    const chat = await mount()
    const heard: string[] = []
    for (const type of ['frontdesk-open', 'frontdesk-close', 'frontdesk-reply']) chat.addEventListener(type, (event) => heard.push(event.type))
    const pending = [chat.open(), chat.ask('does it hurt')]
    chat.destroy()
    await Promise.all(pending)
    await rendered(chat)
    expect(chat.isOpen).toBe(false)
    expect(panelOf(chat)!.store.messages.value.filter((message) => message.from === 'visitor')).toEqual([])
    expect(heard).toEqual([])
    expect(chat.shadowRoot!.contains(panelOf(chat)!.element), 'the panel is not put into the removed element').toBe(false)
    expect(document.querySelector('frontdesk-chat')).toBeNull()
    expect(error).not.toHaveBeenCalled()
  })

  it('with preload="idle" before the page has loaded: destroy() takes back its wait for the load event', async () => {
    serve()
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true })
    onTestFinished(() => void Reflect.deleteProperty(document, 'readyState'))
    const left = listenersLeft()
    const chat = await mount({ ...SETTINGS, preload: 'idle' })
    expect(left(), 'it waits for the page to load').toContain('window load')
    chat.destroy()
    expect(left()).toEqual([])
  })

  it('with a preload to come (preload="idle", or intent while the chat loads): nothing loads or readies once it is gone', async () => {
    const idle = serve()
    ;(await mount({ ...SETTINGS, preload: 'idle' })).destroy()
    const chat = await mount()
    launcherOf(chat).dispatchEvent(new Event('pointerenter'))
    chat.destroy()
    // The chat's code is in, and the idle time it waits for has come and gone.
    await vi.waitFor(() => expect(panelOf(chat)).not.toBeNull(), WAIT)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(idle, 'kb.json requested once, on intent, and not by the idle preload').toHaveBeenCalledTimes(1)
    expect(chat.shadowRoot!.contains(panelOf(chat)!.element), 'the panel is not built').toBe(false)
    expect(panelOf(chat)!.store.engine.value).toBeNull()
  })
})
