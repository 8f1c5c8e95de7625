// @vitest-environment happy-dom
/**
 * When kb.json cannot be had (404, network error, corrupt JSON, another format version) the panel still opens,
 * says politely that answers are unavailable, offers booking and the phone, and retries on the next question —
 * a bounded number of times. Nothing throws: vitest fails the run on any unhandled rejection.
 */
import { describe, expect, it, vi } from 'vitest'
import { KB_JSON, SETTINGS, all, ask, bots, mount, one, open, rendered } from '../harness.ts'

const text = (element: Element | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** A fetch stub that fails in the given way every time. */
function failing(mode: string): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(async () => {
    switch (mode) {
      case '404':
        return new Response('not found', { status: 404 })
      case 'network error':
        throw new TypeError('Failed to fetch')
      case 'corrupt JSON':
        return new Response('{"format": 1, "pairs": [', { status: 200 })
      default:
        return new Response(JSON.stringify({ ...JSON.parse(KB_JSON), format: 999 }), { status: 200 })
    }
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

describe('kb.json that cannot be used', () => {
  it.each(['404', 'network error', 'corrupt JSON', 'another format version'])(
    '%s: the panel opens and says answers are unavailable, offering booking and the phone',
    async (mode) => {
      failing(mode)
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      const chat = await mount()
      await open(chat)
      expect(chat.isOpen).toBe(true)
      const message = bots(chat).at(-1)!
      expect(message.dataset.kind).toBe('error')
      expect(text(message)).toMatch(/^Sorry, answers are unavailable right now\./)
      expect(text(message)).not.toMatch(/json|404|error|format|undefined/i)
      expect(message.querySelector('a[part~="booking-offer"]')?.getAttribute('href')).toBe(SETTINGS['booking-url'])
      expect(message.querySelector('a[part~="phone"]')?.getAttribute('href')).toBe('tel:+15550100')
      expect(all(chat, 'a[part~="booking"]')).toHaveLength(1)
      expect(error.mock.calls[0]![0]).toMatch(/^Frontdesk: could not load the knowledge base from https:\/\/clinic\.example\/kb\.json/)
    },
  )

  it('retries on each next question, past three attempts, one request at a time', async () => {
    const fetch = failing('404')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    // The shortest jittered backoff (200, 400, 800 ms), to keep the test short.
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const chat = await mount()
    await open(chat)
    expect(fetch).toHaveBeenCalledTimes(1)
    for (const [i, expected] of [2, 3, 4].entries()) {
      const message = await ask(chat, `does it hurt ${i}`)
      expect(message.dataset.kind).toBe('error')
      expect(fetch).toHaveBeenCalledTimes(expected)
    }
    expect(bots(chat).filter((m) => m.dataset.kind === 'error')).toHaveLength(4)
  })

  it('one ask() on a closed widget while kb.json fails: one unavailable message, one booking offer, one announcement', async () => {
    failing('404')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = await mount()
    const live = vi.fn()
    await chat.ask('does it hurt')
    await rendered(chat)
    new MutationObserver(live).observe(one(chat, '[part~="live"]'), { childList: true, characterData: true, subtree: true })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await rendered(chat)
    expect(bots(chat).map((m) => m.dataset.kind)).toEqual(['greeting', 'error'])
    expect(all(chat, 'a[part~="booking-offer"]')).toHaveLength(1)
    expect(text(one(chat, '[part~="live"]'))).toMatch(/^Sorry, answers are unavailable right now\./)
    expect(live, 'no second announcement after the reply').not.toHaveBeenCalled()
  })

  it('answers once kb.json is back', async () => {
    failing('network error')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = await mount()
    await open(chat)
    vi.stubGlobal('fetch', vi.fn(async () => new Response(KB_JSON)))
    expect((await ask(chat, 'does it hurt')).dataset.kind).toBe('answer')
  })

  it('reopening does not repeat the unavailable message', async () => {
    failing('404')
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = await mount()
    await open(chat)
    chat.close()
    await open(chat)
    expect(bots(chat).filter((m) => m.dataset.kind === 'error')).toHaveLength(1)
  })
})

describe('kb.json loading', () => {
  it('is fetched once, on first open, without credentials', async () => {
    const fetch = vi.fn(async () => new Response(KB_JSON))
    vi.stubGlobal('fetch', fetch)
    const chat = await mount()
    expect(fetch).not.toHaveBeenCalled()
    await open(chat)
    chat.close()
    await open(chat)
    await ask(chat, 'does it hurt')
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('https://clinic.example/kb.json', expect.objectContaining({ credentials: 'omit' }))
  })

  it('a question asked while it loads is answered when it arrives', async () => {
    let arrive: (response: Response) => void = () => {}
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (arrive = resolve))))
    const chat = await mount()
    await chat.open()
    const asked = chat.ask('does it hurt')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(all(chat, '.typing')).toHaveLength(1)
    arrive(new Response(KB_JSON))
    await asked
    expect(bots(chat).at(-1)?.dataset.kind).toBe('answer')
  })
})
