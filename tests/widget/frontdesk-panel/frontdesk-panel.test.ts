// @vitest-environment happy-dom
/**
 * The chat panel as a visitor meets it: every kind of reply, the live region, type-ahead, feedback and Start over.
 * Questions go through the real engine over the small fixture knowledge base.
 */
import { describe, expect, it, vi } from 'vitest'
import { KB, SETTINGS, TWINS_KB, all, ask, bots, mount, one, open, press, rendered, serve, type } from '../harness.ts'

const text = (element: Element | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

describe('the panel', () => {
  it('is a labelled non-modal dialog with title, booking link, Start over, close, input, send and disclaimer', async () => {
    serve()
    const chat = await mount({ ...SETTINGS, title: 'Ask the clinic', 'booking-label': 'Book a visit' })
    await open(chat)
    const dialog = one(chat, '[part~="panel"][role="dialog"]')
    expect(dialog.getAttribute('aria-modal')).toBe('false')
    const title = one(chat, `#${dialog.getAttribute('aria-labelledby')}`)
    expect(title.getAttribute('part')).toBe('title')
    expect(text(title)).toBe('Ask the clinic')
    const booking = one<HTMLAnchorElement>(chat, 'a[part~="booking"]')
    expect(booking.getAttribute('href')).toBe('https://clinic.example/book')
    expect(text(booking)).toBe('Book a visit')
    expect(one(chat, 'button[part~="close"]').getAttribute('aria-label')).toBe('Close chat')
    expect(one(chat, 'button[part~="reset"]').getAttribute('aria-label')).toBe('Start over')
    const input = one<HTMLInputElement>(chat, 'input[part~="input"]')
    expect(input.getAttribute('aria-label')).toBe('Your question')
    expect(input.getAttribute('role')).toBe('combobox')
    expect(one(chat, 'button[part~="send"]').getAttribute('aria-label')).toBe('Send')
    expect(text(one(chat, '[part~="disclaimer"]'))).toBe('Answers are general information, not medical advice.')
    expect(all(chat, 'form')).toEqual([])
  })

  it('greets with the first questions of the knowledge base as starter chips', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const [greeting] = bots(chat)
    expect(greeting?.dataset.kind).toBe('greeting')
    const chips = [...greeting!.querySelectorAll('button[part~="chip"]')]
    expect(chips.map((chip) => chip.getAttribute('data-pair-id'))).toEqual(KB.pairs.slice(0, 3).map((pair) => pair.id))
  })

  it('offers the `suggestions` setting as starters, matched to the pairs they ask for', async () => {
    serve()
    const chat = await mount({ ...SETTINGS, suggestions: 'Does it hurt? | Where do I park?' })
    await open(chat)
    const chips = all(chat, '[data-kind="greeting"] button[part~="chip"]')
    expect(chips.map(text)).toEqual(['Does it hurt?', 'Where do I park?'])
    expect(chips.map((chip) => chip.getAttribute('data-pair-id'))).toEqual(['does-it-hurt', null])
  })
})

describe('replies', () => {
  it('answer: the rich text, "From: source", related chips, and "Did this answer your question?"', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'does it hurt')
    const pair = KB.pairs.find((p) => p.id === 'does-it-hurt')!
    expect(message.dataset.kind).toBe('answer')
    expect(message.getAttribute('dir')).toBe('auto')
    expect(text(message)).toContain('Most people feel a brief sting')
    const link = message.querySelector('a[href="https://clinic.example/tpi"]')!
    expect([link.getAttribute('target'), link.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer'])
    expect(text(message.querySelector('[part~="source"]')!)).toBe(`From: ${pair.source.label}`)
    expect([...message.querySelectorAll('button[part~="chip"]')].map((c) => c.getAttribute('data-pair-id'))).toEqual(pair.related)
    const feedback = message.querySelector('[part~="feedback"]')!
    expect(text(feedback)).toContain('Did this answer your question?')
    expect([...feedback.querySelectorAll('button')].map(text)).toEqual(['Yes', 'No'])
  })

  it('a chip answers its own pair, after showing its question as the visitor message', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    one(chat, '[data-kind="greeting"] button[data-pair-id="what-is-it"]').click()
    await rendered(chat)
    await rendered(chat)
    expect(text(all(chat, '[data-from="visitor"]').at(-1))).toBe('What is a trigger point injection?')
    expect(bots(chat).at(-1)?.dataset.kind).toBe('answer')
    expect(text(bots(chat).at(-1))).toContain('A small injection of numbing medicine')
  })

  it('clarify: the candidate questions as choice chips; picking one answers it', async () => {
    serve(TWINS_KB)
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'how long does a zebra sleep')
    expect(message.dataset.kind).toBe('clarify')
    const chips = [...message.querySelectorAll<HTMLElement>('button[part~="chip"]')]
    expect(chips.map((c) => c.dataset.pairId).sort()).toEqual(['zebra-day', 'zebra-night'])
    message.querySelector<HTMLElement>('[data-pair-id="zebra-day"]')!.click()
    await rendered(chat)
    await rendered(chat)
    expect(bots(chat).at(-1)?.dataset.kind).toBe('answer')
    expect(text(bots(chat).at(-1))).toContain('Zebras doze for short spells')
  })

  it('fallback: an honest message with the booking offer and the phone link', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'blorf snizzle wumpus')
    expect(message.dataset.kind).toBe('fallback')
    expect(text(message)).toContain("I'm sorry")
    expect(message.querySelector('a[part~="booking-offer"]')?.getAttribute('href')).toBe('https://clinic.example/book')
    const phone = message.querySelector('a[part~="phone"]')!
    expect(phone.getAttribute('href')).toBe('tel:+15550100')
    expect(text(phone)).toContain('+1 555 0100')
    expect(message.querySelector('[part~="feedback"]')).toBeNull()
  })

  it('fallback for a handed-off topic: its own rich text, then booking and phone', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'how much does it cost')
    expect(message.dataset.kind).toBe('fallback')
    expect(text(message)).toContain('Prices and insurance depend on your plan')
    expect(message.querySelector('a[part~="booking-offer"]')).not.toBeNull()
    expect(message.querySelector('a[part~="phone"]')).not.toBeNull()
  })

  it('small talk: a friendly reply with questions to try', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'hello')
    expect(message.dataset.kind).toBe('smalltalk')
    expect(message.querySelectorAll('button[part~="chip"]').length).toBeGreaterThan(0)
    expect(message.querySelector('[part~="feedback"]')).toBeNull()
  })

  it('emergency: a distinct message with a tel: link to the configured number and nothing else', async () => {
    serve()
    const chat = await mount({ ...SETTINGS, 'emergency-number': '112' })
    await open(chat)
    const message = await ask(chat, 'I have chest pain')
    expect(message.dataset.kind).toBe('emergency')
    expect(text(message)).toContain('112')
    expect(message.querySelector('a[part~="emergency-call"]')?.getAttribute('href')).toBe('tel:112')
    for (const part of ['source', 'chip', 'feedback', 'booking-offer']) expect(message.querySelector(`[part~="${part}"]`)).toBeNull()
    expect(bots(chat)).toHaveLength(2)
  })

  it('emergency about self-harm also offers the crisis line', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const message = await ask(chat, 'I want to kill myself')
    expect(message.dataset.kind).toBe('emergency')
    expect(message.querySelector('a[part~="emergency-call"]')?.getAttribute('href')).toBe('tel:911')
    expect(message.querySelector('a[part~="crisis-call"]')?.getAttribute('href')).toBe('tel:988')
  })

  it('without a booking URL the phone is still offered', async () => {
    serve()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = await mount({ phone: '+1 555 0100', kb: SETTINGS.kb })
    await open(chat)
    const message = await ask(chat, 'blorf snizzle wumpus')
    expect(all(chat, 'a[part~="booking"], a[part~="booking-offer"]')).toEqual([])
    expect(message.querySelector('a[part~="phone"]')?.getAttribute('href')).toBe('tel:+15550100')
    expect(error).toHaveBeenCalledWith(expect.stringContaining('booking-url'))
  })
})

describe('the live region', () => {
  it('is the one polite status region, announcing only the newest reply', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const live = all(chat, '[aria-live]')
    expect(live).toHaveLength(1)
    expect(live[0]!.getAttribute('part')).toBe('live')
    expect(live[0]!.getAttribute('role')).toBe('status')
    expect(live[0]!.getAttribute('aria-live')).toBe('polite')
    expect(one(chat, '[part~="log"]').getAttribute('aria-live')).toBeNull()
    await ask(chat, 'hello')
    await ask(chat, 'does it hurt')
    expect(text(live[0])).toContain('Most people feel a brief sting')
    expect(text(live[0])).not.toContain('Hello')
  })

  it('announces the same reply again when it repeats', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    await ask(chat, 'hello')
    const first = one(chat, '[part~="live"]').textContent
    await ask(chat, 'hello')
    expect(one(chat, '[part~="live"]').textContent).not.toBe(first)
  })
})

describe('feedback', () => {
  it('Yes thanks the visitor; No says sorry and offers booking and the phone', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const first = await ask(chat, 'does it hurt')
    ;[...first.querySelectorAll<HTMLElement>('[part~="feedback"] button')].find((b) => text(b) === 'Yes')!.click()
    await rendered(chat)
    expect(text(first.querySelector('[part~="feedback"]')!)).toBe('Thanks for letting us know!')
    const second = await ask(chat, 'what is a tpi')
    ;[...second.querySelectorAll<HTMLElement>('[part~="feedback"] button')].find((b) => text(b) === 'No')!.click()
    await rendered(chat)
    const feedback = second.querySelector('[part~="feedback"]')!
    expect(text(feedback)).toContain("Sorry that didn't help")
    expect(feedback.querySelector('a[part~="booking-offer"]')?.getAttribute('href')).toBe('https://clinic.example/book')
    expect(feedback.querySelector('a[part~="phone"]')).not.toBeNull()
  })
})

describe('Start over', () => {
  it('clears the conversation, keeps the greeting, and the widget keeps answering', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    await ask(chat, 'does it hurt')
    one(chat, 'button[part~="reset"]').click()
    await rendered(chat)
    expect(all(chat, '[part~="message"]').map((m) => m.dataset.kind ?? m.dataset.from)).toEqual(['greeting'])
    expect(text(one(chat, '[part~="live"]'))).toBe('')
    expect((await ask(chat, 'does it hurt')).dataset.kind).toBe('answer')
  })
})

describe('type-ahead', () => {
  it('lists known questions as options of a combobox while typing', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const input = await type(chat, 'does it h')
    const listbox = one(chat, '[part~="suggestions"][role="listbox"]')
    expect(input.getAttribute('aria-expanded')).toBe('true')
    expect(input.getAttribute('aria-controls')).toBe(listbox.id)
    expect(listbox.hidden).toBe(false)
    expect([...listbox.querySelectorAll('[role="option"]')].map(text)).toContain('Does it hurt?')
  })

  it('ArrowDown highlights an option (aria-activedescendant), Enter picks it and shows its answer', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const input = await type(chat, 'does it h')
    await press(chat, 'ArrowDown')
    const active = one(chat, `#${input.getAttribute('aria-activedescendant')}`)
    expect(active.getAttribute('aria-selected')).toBe('true')
    expect(text(active)).toBe('Does it hurt?')
    await press(chat, 'Enter')
    await rendered(chat)
    expect(text(all(chat, '[data-from="visitor"]').at(-1))).toBe('Does it hurt?')
    expect(bots(chat).at(-1)?.dataset.kind).toBe('answer')
    expect(input.value).toBe('')
  })

  it('ArrowUp wraps to the last option', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const input = await type(chat, 'inj')
    const options = all(chat, '[role="option"]')
    await press(chat, 'ArrowUp')
    expect(input.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id)
  })

  it('Escape closes the list and keeps the panel open; a second Escape closes the panel', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    const input = await type(chat, 'does it h')
    await press(chat, 'Escape')
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(one(chat, '[part~="suggestions"]').hidden).toBe(true)
    expect(chat.isOpen).toBe(true)
    await press(chat, 'Escape')
    expect(chat.isOpen).toBe(false)
  })

  it('Enter without a highlighted option sends what was typed', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    await type(chat, 'does it hurt')
    await press(chat, 'Enter')
    await rendered(chat)
    expect(text(all(chat, '[data-from="visitor"]').at(-1))).toBe('does it hurt')
  })

  it('the send button sends; blank text sends nothing', async () => {
    serve()
    const chat = await mount()
    await open(chat)
    await type(chat, '   ')
    one(chat, 'button[part~="send"]').click()
    await rendered(chat)
    expect(all(chat, '[data-from="visitor"]')).toEqual([])
    await type(chat, 'hello')
    one(chat, 'button[part~="send"]').click()
    await rendered(chat)
    await rendered(chat)
    expect(all(chat, '[data-from="visitor"]')).toHaveLength(1)
  })
})
