/** The conversation as data: messages from engine replies, and stored conversations read back safely. */
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine } from '../../../widget/engine/index.ts'
import { fromPair, fromReply, replyDetail, restoreMessages, unavailable, type ChatMessage } from '../../../widget/state/messages.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)
const engine = createEngine(kb)

describe('fromReply', () => {
  it('an answer keeps its rich text, source, follow-ups, and asks for feedback', () => {
    const message = fromReply(1, engine.reply('does it hurt'))
    expect(message).toMatchObject({ id: 1, from: 'bot', kind: 'answer', pairId: 'does-it-hurt', source: 'About the treatment › How it feels', feedback: 'ask', help: false })
    expect(message.rich).toBe(kb.pairs[1]!.answer)
    expect(message.chips).toEqual([{ id: 'what-is-it', question: 'What is a trigger point injection?' }])
  })

  it('a fallback offers help and asks no feedback', () => {
    expect(fromReply(2, engine.reply('blorf snizzle'))).toMatchObject({ kind: 'fallback', help: true, feedback: null, source: null })
  })

  it('an emergency carries nothing but its text', () => {
    const message = fromReply(3, engine.reply('I have chest pain'))
    expect(message).toMatchObject({ kind: 'emergency', chips: [], help: false, feedback: null, source: null, rich: null, crisis: false })
    expect(fromReply(4, engine.reply('I want to kill myself')).crisis).toBe(true)
  })

  it('clarify shows its question and offers the choices as chips', () => {
    const reply = { ...engine.reply('does it hurt'), kind: 'clarify' as const, reply: 'Did you mean one of these?\n- A\n- B', choices: kb.pairs }
    const message = fromReply(5, reply)
    expect(message.text).toBe('Did you mean one of these?')
    expect(message.chips.map((c) => c.id)).toEqual(['what-is-it', 'does-it-hurt'])
  })
})

describe('fromPair', () => {
  it('answers a picked pair with full confidence', () => {
    expect(fromPair(6, kb.pairs[0]!, [kb.pairs[1]!])).toMatchObject({ kind: 'answer', pairId: 'what-is-it', confidence: 1, chips: [{ id: 'does-it-hurt' }] })
  })
})

describe('replyDetail', () => {
  it('reports the pair for answers and none for emergencies or small talk', () => {
    expect(replyDetail('q', fromReply(1, engine.reply('does it hurt')))).toMatchObject({ question: 'q', kind: 'answer', pairId: 'does-it-hurt' })
    expect(replyDetail('q', fromReply(1, engine.reply('chest pain'))).pairId).toBeNull()
    expect(replyDetail('q', unavailable(1))).toEqual({ question: 'q', kind: 'error', pairId: null, confidence: 0 })
  })
})

describe('restoreMessages', () => {
  it('reads back what was stored', () => {
    const messages: ChatMessage[] = [{ id: 1, from: 'visitor', text: 'does it hurt' }, fromReply(2, engine.reply('does it hurt'))]
    expect(restoreMessages(JSON.parse(JSON.stringify(messages)))).toEqual(JSON.parse(JSON.stringify(messages)))
  })

  it('drops anything malformed and coerces odd fields', () => {
    const restored = restoreMessages([
      null,
      'text',
      { id: 'x', from: 'visitor', text: 'no id' },
      { id: 1, from: 'bot', kind: 'script', text: 'unknown kind' },
      { id: 2, from: 'bot', kind: 'answer', text: 'ok', source: { evil: 1 }, chips: [{ question: 'Q', id: 5 }, 'junk'], feedback: 'maybe', help: 'yes' },
    ])
    expect(restored).toEqual([
      { id: 2, from: 'bot', kind: 'answer', text: 'ok', rich: null, source: null, pairId: null, confidence: 0, chips: [{ id: null, question: 'Q' }], help: false, feedback: null, crisis: false },
    ])
    expect(restoreMessages({ not: 'a list' })).toEqual([])
  })
})
