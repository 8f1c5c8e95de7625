import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine, defaultEngineOptions, type KbFile } from '../../../widget/engine/index.ts'
import { SMALL_KB, kbWith } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)
const engine = createEngine(kb)

describe('createEngine', () => {
  it('fills in the default options', () => {
    expect(engine.options).toEqual(defaultEngineOptions)
    expect(createEngine(kb, { threshold: 0.7, emergencyNumber: '112' }).options).toMatchObject({ threshold: 0.7, emergencyNumber: '112' })
  })

  it('refuses an index built with other options, which would otherwise fail silently', () => {
    const stale: KbFile = { ...kb, index: { ...kb.index, optionsHash: 'other' } }
    expect(() => createEngine(stale)).toThrow(/^Frontdesk: the index in kb\.json was built with other options \(hash "other", expected "\w+"\)/)
  })

  it('lists the pairs and finds one by id', () => {
    expect(engine.pairs.map((p) => p.id)).toEqual(['what-is-it', 'does-it-hurt'])
    expect(engine.pair('does-it-hurt')?.question).toBe('Does it hurt?')
    expect(engine.pair('nope')).toBeUndefined()
  })
})

describe('Engine#reply', () => {
  it('answers when one pair clearly fits, with the rich answer and related follow-ups', () => {
    const reply = engine.reply('will the jab hurt much?')
    expect(reply.kind).toBe('answer')
    expect(reply.top?.pair.id).toBe('does-it-hurt')
    expect(reply.reply).toBe(kb.pairs[1]!.answerText)
    expect(reply.rich).toBe(kb.pairs[1]!.answer)
    expect(reply.followUps.map((p) => p.id)).toEqual(['what-is-it'])
    expect(reply.confidence).toBeGreaterThanOrEqual(engine.options.threshold)
    expect(reply.why.matchedTerms).toContain('pain')
  })

  it('tolerates typos', () => expect(engine.reply('will the injecton hurt').top?.pair.id).toBe('does-it-hurt'))

  it('falls back honestly when nothing fits, offering booking', () => {
    const reply = engine.reply('where do I park my car')
    expect(reply.kind).toBe('fallback')
    expect(reply.reply).toMatch(/book an appointment/)
    expect(reply.why.reason).toMatch(/below the threshold|no known words/)
  })

  it('falls back with the handoff text for a topic handed to the clinic', () => {
    const reply = engine.reply('do you take insurance?')
    expect(reply.kind).toBe('fallback')
    expect(reply.why.handoff).toBe('prices')
    expect(reply.reply).toBe("Prices and insurance depend on your plan; the clinic's team can tell you. You can book an appointment or call the clinic.")
    expect(reply.rich).toEqual(kb.handoffs[0]!.answer)
  })

  it('puts red flags first, naming the configured number, with nothing else mixed in', () => {
    const reply = createEngine(kb, { emergencyNumber: '112' }).reply('the shot hurts and my throat is swelling')
    expect(reply.kind).toBe('emergency')
    expect(reply.reply).toContain('call 112 now')
    expect(reply.rich).toBeNull()
    expect(reply.followUps).toEqual([])
  })

  it('names the crisis line for thoughts of self-harm', () => {
    const reply = engine.reply('i want to end my life')
    expect(reply.kind).toBe('emergency')
    expect(reply.reply).toContain('988')
  })

  it('answers small talk with a friendly invitation, never the fallback', () => {
    for (const message of ['hello', 'thanks!', 'bye', 'are you a robot?']) {
      const reply = engine.reply(message)
      expect(reply.kind, message).toBe('smalltalk')
      expect(reply.reply, message).not.toMatch(/don't have a good answer/)
    }
  })

  it('prompts for a question when the message is empty', () => {
    const reply = engine.reply('   ')
    expect(reply.kind).toBe('smalltalk')
    expect(reply.reply).toMatch(/^Please type a question/)
  })

  it('asks which was meant when two pairs fit about equally', () => {
    const dir = kbWith({
      'qa/twins.md': `# Twins

## How long does numbness last?
id: numbness-lasts
asked:
- how long will i be numb
source: about#how-it-feels
related: does-it-hurt

A few hours.

## How long does numbness stay?
id: numb-feeling-stays
asked:
- how long will i be numb
source: about#how-it-feels
related: does-it-hurt

An hour or two.
`,
    })
    const reply = createEngine(compileKb(dir)).reply('how long numb')
    expect(reply.kind).toBe('clarify')
    expect(reply.choices.map((p) => p.id).sort()).toEqual(['numb-feeling-stays', 'numbness-lasts'])
    expect(reply.reply).toMatch(/^Did you mean one of these\?\n- /)
  })

  it('cuts messages to the input bound', () => {
    expect(engine.reply('x'.repeat(2000)).question).toHaveLength(500)
  })

  it('reports the best pair and up to three alternatives whatever the kind', () => {
    const reply = engine.reply('my chest hurts')
    expect(reply.kind).toBe('emergency')
    expect(reply.top?.pair.id).toBe('does-it-hurt')
    expect(reply.alternatives.length).toBeLessThanOrEqual(3)
  })

  it('gives a handoff its own confidence, and the pair it beat as top', () => {
    const reply = engine.reply('do you take insurance?')
    expect(reply.why.leader).toMatchObject({ id: 'prices', kind: 'handoff' })
    expect(reply.confidence).toBe(reply.why.leader!.confidence)
    expect(reply.top?.pair.id).toBeDefined()
  })

  it('explains in the visitor\'s words, never stems: what matched, what did not, the closest phrasing, the runner-up', () => {
    const reply = engine.reply('will the jab hurt tomorrow')
    expect(reply.why.leader).toMatchObject({ id: 'does-it-hurt', kind: 'pair' })
    expect(reply.why.leader!.matchedWords).toEqual(expect.arrayContaining(['jab', 'hurt']))
    expect(reply.why.unmatchedWords).toEqual(['tomorrow'])
    expect(kb.pairs[1]!.aliases.concat(kb.pairs[1]!.question)).toContain(reply.why.closestPhrasing)
    expect(reply.why.runnerUp?.id).not.toBe('does-it-hurt')
  })

  it('says it answers only in the knowledge base\'s language, with booking, for a message in another one', () => {
    for (const message of ['¿duele la inyección?', 'Tut die Spritze weh?', '注射は痛いですか']) {
      const reply = engine.reply(message)
      expect(reply.kind, message).toBe('fallback')
      expect(reply.reply, message).toBe(kb.language.replies.otherLanguage)
      expect(reply.why.reason, message).toBe('written in another language')
    }
    expect(engine.reply('does the jab hurt').kind).toBe('answer')
  })

  it('falls back, never answers everything, with a damaged calibration in kb.json', () => {
    const damaged = { ...kb, calibration: { features: ['confidence', 'margin', 'leftover'], weights: [1, 1, 1] } } as unknown as KbFile
    const reply = createEngine(damaged).reply('what is the weather in paris')
    expect(reply.kind).toBe('fallback')
    expect(Number.isFinite(reply.confidence)).toBe(true)
  })

  it('lets a higher threshold turn an answer into the fallback', () => {
    const message = 'injection sting'
    const confidence = engine.reply(message).confidence
    expect(createEngine(kb, { threshold: Math.min(1, confidence + 0.01) }).reply(message).kind).toBe('fallback')
  })
})

describe('Engine#suggest', () => {
  it('offers known questions for a partial message, the word being typed as a prefix', () => {
    expect(engine.suggest('does it hu')).toEqual([{ id: 'does-it-hurt', question: 'Does it hurt?' }])
    expect(engine.suggest('what is a tp').map((s) => s.id)).toContain('what-is-it')
  })
  it('offers nothing for under two characters', () => expect(engine.suggest('d')).toEqual([]))
  it('never offers a handoff topic', () => expect(engine.suggest('price').every((s) => s.id !== 'prices')).toBe(true))
  it('respects the limit', () => expect(engine.suggest('the', 1).length).toBeLessThanOrEqual(1))
})

describe('Engine#suggest with synonyms', () => {
  it('finds a question through a word that synonyms map away, while it is being typed', () => {
    // "hurt" is indexed as "pain" (kb-small/synonyms.md): the prefix "hur" still reaches it.
    expect(engine.suggest('does it hur')[0]).toEqual({ id: 'does-it-hurt', question: 'Does it hurt?' })
  })
})
