/** `createChatStore`: the conversation's signals and actions, over the real engine and a stubbed fetch. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createChatStore } from '../../../widget/state/chat-store.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function store(response: () => Promise<Response> = async () => new Response(JSON.stringify(kb))) {
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
    expect(chat.announcement.value).toMatch(/^Sorry that didn't help/)
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

  it('reset() clears the conversation and the announcement', async () => {
    const chat = store()
    await chat.ask('hello')
    chat.reset()
    expect([chat.messages.value, chat.announcement.value]).toEqual([[], ''])
  })
})
