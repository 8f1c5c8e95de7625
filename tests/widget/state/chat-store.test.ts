/** `createChatStore`: the conversation's signals and actions, over the real engine and a stubbed fetch. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { serializeKb } from '../../../widget/engine/index.ts'
import { createChatStore, MAX_MESSAGES } from '../../../widget/state/chat-store.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'
import { WAIT } from '../../helpers/wait.ts'

const kb = compileKb(SMALL_KB)

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function store(response: () => Promise<Response> = async () => new Response(serializeKb(kb))) {
  vi.stubGlobal('fetch', vi.fn(response))
  return createChatStore({ kbUrl: () => 'https://clinic.example/kb.json', loader: { backoff: () => 0 } })
}

describe('createChatStore', () => {
  it('loads nothing until started; start() loads the engine', async () => {
    const chat = store()
    expect(fetch).not.toHaveBeenCalled()
    await chat.start()
    expect(chat.engine.value?.pairs).toHaveLength(2)
    expect(chat.messages.value).toEqual([])
  })

  it('preload() loads the engine quietly: no message, no typing indicator; start() then needs no second request', async () => {
    const chat = store()
    chat.preload()
    expect(chat.waiting.value).toBe(0)
    await vi.waitFor(() => expect(chat.engine.value).not.toBeNull(), WAIT)
    expect(fetch).toHaveBeenCalledTimes(1)
    await chat.start()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(chat.messages.value).toEqual([])
  })

  it('ask() adds the question and the reply, announces the reply, and reports it', async () => {
    const chat = store()
    const detail = await chat.ask('  does it hurt ')
    expect(detail).toMatchObject({ question: 'does it hurt', kind: 'answer', pairId: 'does-it-hurt' })
    expect(chat.messages.value.map((m) => m.from)).toEqual(['visitor', 'bot'])
    expect(chat.announcement.value).toBe(kb.pairs[1]!.answerText)
    expect(await chat.ask('   ')).toBeNull()
    expect(chat.messages.value).toHaveLength(2)
  })

  it('choose() answers a chip’s pair directly, or asks its text when it names none', async () => {
    const chat = store()
    expect(await chat.choose({ id: 'what-is-it', question: 'What is a trigger point injection?' })).toMatchObject({ kind: 'answer', pairId: 'what-is-it', confidence: 1 })
    expect(await chat.choose({ id: null, question: 'hello' })).toMatchObject({ kind: 'smalltalk' })
  })

  it('rate() records feedback once per answer and returns the pair', async () => {
    const chat = store()
    await chat.ask('does it hurt')
    const answer = chat.messages.value[1]!
    expect(chat.rate(answer.id, false)).toBe('does-it-hurt')
    expect(chat.rate(answer.id, true)).toBeNull()
    expect(chat.messages.value[1]).toMatchObject({ feedback: 'no' })
  })

  it('rate() announces nothing: focus moves to the thanks (or sorry), and a screen reader reads it once from there', async () => {
    const chat = store()
    await chat.ask('does it hurt')
    const announced = chat.announcement.value
    chat.rate(chat.messages.value[1]!.id, true)
    expect(chat.announcement.value).toBe(announced)
  })

  it('starters() are the first questions, or the given suggestions matched to pairs', async () => {
    const chat = store()
    expect(chat.starters([])).toEqual([])
    await chat.start()
    expect(chat.starters([]).map((c) => c.id)).toEqual(['what-is-it', 'does-it-hurt'])
    expect(chat.starters(['will the shot hurt', 'parking?'])).toEqual([
      { id: 'does-it-hurt', question: 'will the shot hurt' },
      { id: null, question: 'parking?' },
    ])
  })

  it('suggest() offers known questions once loaded', async () => {
    const chat = store()
    expect(chat.suggest('does it')).toEqual([])
    await chat.start()
    expect(chat.suggest('does it h').map((s) => s.id)).toContain('does-it-hurt')
  })

  it('configure() rebuilds the engine with new options', async () => {
    const chat = store()
    await chat.start()
    chat.configure({ threshold: 0.9, emergencyNumber: '112' })
    expect(chat.engine.value?.options).toMatchObject({ threshold: 0.9, emergencyNumber: '112' })
  })

  it('when kb.json fails, start() says answers are unavailable once, and questions get the same message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = store(async () => new Response('', { status: 404 }))
    await chat.start()
    await chat.start()
    expect(chat.messages.value.map((m) => (m.from === 'bot' ? m.kind : m.from))).toEqual(['error'])
    expect(await chat.ask('does it hurt')).toMatchObject({ kind: 'error', pairId: null })
  })

  it('a question asked while the first load fails gets the one unavailable message: start() adds none of its own', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = store(async () => new Response('', { status: 404 }))
    // What `ask()` on a closed widget does: open (start) and ask at once.
    await Promise.all([chat.start(), chat.ask('does it hurt')])
    expect(chat.messages.value.map((m) => (m.from === 'bot' ? m.kind : m.from))).toEqual(['visitor', 'error'])
    expect(chat.announcement.value).toMatch(/^Sorry, answers are unavailable/)
  })

  it('never offers booking in two replies in a row (the header always has it)', async () => {
    const chat = store()
    const offers = async (question: string): Promise<boolean> => {
      await chat.ask(question)
      const reply = chat.messages.value.at(-1)!
      return reply.from === 'bot' && reply.help
    }
    expect(await offers('blorf snizzle')).toBe(true)
    expect(await offers('wumpus quux')).toBe(false)
    expect(await offers('zorp glax')).toBe(true)
    expect(await offers('does it hurt')).toBe(false)
    expect(await offers('blorf snizzle')).toBe(true)
    // After a "No" to an answer (which offers booking under it), the next fallback does not offer it again.
    await chat.ask('does it hurt')
    chat.rate(chat.messages.value.at(-1)!.id, false)
    expect(await offers('wumpus quux')).toBe(false)
  })

  it(`keeps the latest ${MAX_MESSAGES} messages and counts the earlier ones; reset() forgets both`, async () => {
    const chat = store()
    for (let i = 0; i < MAX_MESSAGES / 2 + 5; i++) await chat.ask(`hello ${i}`)
    expect(chat.messages.value).toHaveLength(MAX_MESSAGES)
    expect(chat.earlier.value).toBe(10)
    expect(chat.messages.value.at(-1)).toMatchObject({ from: 'bot' })
    expect(chat.messages.value.at(-2)).toMatchObject({ from: 'visitor', text: `hello ${MAX_MESSAGES / 2 + 4}` })
    chat.reset()
    expect([chat.messages.value, chat.earlier.value]).toEqual([[], 0])
  })

  it('an engine that throws gets the visitor the unavailable reply, and nothing rejects', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const chat = store()
    await chat.start()
    vi.spyOn(chat.engine.value!, 'reply').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    expect(await chat.ask('does it hurt')).toMatchObject({ kind: 'error' })
    expect(error).toHaveBeenCalledWith('Frontdesk: could not answer', expect.any(RangeError))
  })

  it('reset() clears the conversation and the announcement', async () => {
    const chat = store()
    await chat.ask('hello')
    chat.reset()
    expect([chat.messages.value, chat.announcement.value]).toEqual([[], ''])
  })
})
