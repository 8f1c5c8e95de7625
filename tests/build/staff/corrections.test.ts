import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import {
  askedThisWay,
  asPhrasing,
  changedReplies,
  describeJudgement,
  describeOutcome,
  outcomeOf,
  planCorrection,
  satisfies,
  Verdict,
  withChanges,
  type Judgement,
} from '../../../build/staff/corrections.ts'
import { correctionsFile, parseCorrections } from '../../../build/staff/corrections-file.ts'
import { createEngine, type KbFile } from '../../../widget/engine/index.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)
const engine = createEngine(kb)
const replyWith = (base: KbFile, question: string) => outcomeOf(createEngine(base).reply(question))

/** Plans a judgement, applies it, and returns the plan with the reply it now gets. */
function carryOut(judgement: Judgement) {
  const correction = planCorrection(kb, judgement)
  return { correction, after: replyWith(withChanges(kb, [correction]), judgement.question) }
}

describe('outcomeOf', () => {
  it('names the pair answered, the handoff that took the question, or the pairs a clarify offers', () => {
    expect(outcomeOf(engine.reply('will the shot hurt'))).toEqual({ kind: 'answer', id: 'does-it-hurt' })
    expect(outcomeOf(engine.reply('how much does it cost'))).toEqual({ kind: 'fallback', id: 'prices' })
    expect(outcomeOf(engine.reply('hello'))).toEqual({ kind: 'smalltalk', id: null })
    expect(describeOutcome({ kind: 'clarify', id: null, choices: ['a', 'b'] })).toBe('asked which of a, b')
    expect(describeOutcome({ kind: 'fallback', id: null })).toBe('fell back')
  })
})

describe('planCorrection', () => {
  it('"right answer is": the question becomes a phrasing of that pair, which then answers it', () => {
    const { correction, after } = carryOut({ question: '  is the needle   long ', verdict: Verdict.answer, id: 'what-is-it' })
    expect(correction).toEqual({
      question: 'is the needle long',
      verdict: 'answer',
      id: 'what-is-it',
      before: { kind: 'fallback', id: null },
      changes: [{ field: 'asked', id: 'what-is-it' }],
    })
    expect(after).toEqual({ kind: 'answer', id: 'what-is-it' })
  })

  it('"right answer is": a pair still in the way refuses the question too', () => {
    const { correction, after } = carryOut({ question: 'will the shot hurt a lot', verdict: Verdict.answer, id: 'what-is-it' })
    expect(correction.changes).toEqual([
      { field: 'asked', id: 'what-is-it' },
      { field: 'not', id: 'does-it-hurt' },
    ])
    expect(after).toEqual({ kind: 'answer', id: 'what-is-it' })
  })

  it('never has a pair refuse one of its own ways of asking, which would not compile', () => {
    const { correction } = carryOut({ question: 'Does it hurt', verdict: Verdict.answer, id: 'what-is-it' })
    expect(correction.changes).toEqual([{ field: 'asked', id: 'what-is-it' }])
    expect(askedThisWay(kb, 'does-it-hurt', 'does it hurt?')).toBe(true)
  })

  it('"should hand off to": the question becomes a phrasing of that handoff topic', () => {
    const { correction, after } = carryOut({ question: 'can I pay by card', verdict: Verdict.handoff, id: 'prices' })
    expect(correction.changes).toEqual([{ field: 'asked', id: 'prices' }])
    expect(after).toEqual({ kind: 'fallback', id: 'prices' })
  })

  it('"not this pair": the pair refuses the question, and the next candidate gets it', () => {
    const { correction, after } = carryOut({ question: 'explain the injection that stings', verdict: Verdict.notPair, id: 'what-is-it' })
    expect(correction.before).toEqual({ kind: 'answer', id: 'what-is-it' })
    expect(correction.changes).toEqual([{ field: 'not', id: 'what-is-it' }])
    expect(after).toEqual({ kind: 'answer', id: 'does-it-hurt' })
  })

  it('"nothing answers this": every pair that would answer refuses it, round after round, until it falls back', () => {
    const { correction, after } = carryOut({ question: 'explain the injection that stings', verdict: Verdict.fallback })
    expect(correction.changes).toEqual([
      { field: 'not', id: 'what-is-it' },
      { field: 'not', id: 'does-it-hurt' },
    ])
    expect(after).toEqual({ kind: 'fallback', id: null })
  })

  it('asks the question before any change with an engine it is given, when built over this knowledge base with its options', () => {
    const judgement: Judgement = { question: 'will the shot hurt a lot', verdict: Verdict.answer, id: 'what-is-it' }
    const asked: string[] = []
    const spy = (threshold: number) => {
      const inner = createEngine(kb, { threshold })
      return { ...inner, options: inner.options, reply: (message: string) => (asked.push(message), inner.reply(message)) }
    }
    expect(planCorrection(kb, judgement, { engine: spy(0.4) })).toEqual(planCorrection(kb, judgement))
    expect(asked).toEqual(['will the shot hurt a lot'])
    // Another threshold: the engine's replies would not be the ones judged, so it is not asked.
    asked.length = 0
    expect(planCorrection(kb, judgement, { threshold: 0.6, engine: spy(0.4) })).toEqual(planCorrection(kb, judgement, { threshold: 0.6 }))
    // Another knowledge base, or another option: the same.
    expect(planCorrection({ ...kb, pairs: [...kb.pairs] }, judgement, { engine: spy(0.4) })).toEqual(planCorrection(kb, judgement))
    const otherMargin = createEngine(kb, { clarifyMargin: 0.2 })
    planCorrection(kb, judgement, { engine: { ...otherMargin, reply: (message: string) => (asked.push(message), otherMargin.reply(message)) } })
    expect(asked).toEqual([])
  })

  it('"correct": changes nothing, and is satisfied while the reply stays the same', () => {
    const { correction } = carryOut({ question: 'will the shot hurt', verdict: Verdict.correct })
    expect(correction.changes).toEqual([])
    expect(satisfies(correction, { kind: 'answer', id: 'does-it-hurt' })).toBe(true)
    expect(satisfies(correction, { kind: 'answer', id: 'what-is-it' })).toBe(false)
  })
})

describe('satisfies', () => {
  it('holds each verdict to the reply it asks for', () => {
    const answer = { kind: 'answer', id: 'x' } as const
    expect(satisfies({ question: 'q', verdict: Verdict.answer, id: 'x' }, answer)).toBe(true)
    expect(satisfies({ question: 'q', verdict: Verdict.notPair, id: 'x' }, answer)).toBe(false)
    expect(satisfies({ question: 'q', verdict: Verdict.notPair, id: 'x' }, { kind: 'clarify', id: null, choices: ['y', 'x'] })).toBe(false)
    expect(satisfies({ question: 'q', verdict: Verdict.fallback }, { kind: 'fallback', id: 'prices' })).toBe(true)
    expect(satisfies({ question: 'q', verdict: Verdict.handoff, id: 'prices' }, { kind: 'fallback', id: null })).toBe(false)
    expect(describeJudgement({ question: 'q', verdict: Verdict.notPair, id: 'x' })).toBe('should not get x')
  })
})

describe('withChanges', () => {
  it('adds phrasings at the end of their lists, once whatever the case, leaving the knowledge base it was given alone', () => {
    const changed = withChanges(kb, [
      { question: 'is the needle long', changes: [{ field: 'asked', id: 'what-is-it' }] },
      { question: 'Is the needle long?', changes: [{ field: 'asked', id: 'what-is-it' }] },
      { question: 'can i pay by card', changes: [{ field: 'not', id: 'prices' }] },
    ])
    expect(changed.pairs[0]!.aliases.slice(-2)).toEqual(['what do you inject', 'is the needle long'])
    expect(changed.handoffs[0]!.not).toEqual(['can i pay by card'])
    expect(kb.pairs[0]!.aliases).not.toContain('is the needle long')
    expect(kb.handoffs[0]!.not).toBeUndefined()
  })

  it('adds an asked phrasing where the engine, which indexes phrasings when it loads, finds it', () => {
    const changed = withChanges(kb, [{ question: 'needle length', changes: [{ field: 'asked', id: 'prices' }] }])
    expect(changed.index).toBe(kb.index)
    expect(createEngine(changed).reply('needle length').why.leader?.id).toBe('prices')
  })

  it('throws for an id the knowledge base does not have', () => {
    expect(() => withChanges(kb, [{ question: 'q', changes: [{ field: 'asked', id: 'gone' }] }])).toThrow('the knowledge base has no pair or handoff topic "gone"')
  })
})

describe('changedReplies', () => {
  it('lists only the questions whose reply changes', () => {
    const after = createEngine(withChanges(kb, [{ question: 'explain the injection that stings', changes: [{ field: 'not', id: 'what-is-it' }] }]))
    expect(changedReplies(engine, after, ['will the shot hurt', 'explain the injection that stings', 'hello'])).toEqual([
      { question: 'explain the injection that stings', before: { kind: 'answer', id: 'what-is-it' }, after: { kind: 'answer', id: 'does-it-hurt' } },
    ])
  })
})

describe('asPhrasing', () => {
  it('makes a question one line', () => expect(asPhrasing(' is it\r\n safe \t?')).toBe('is it safe ?'))
})

describe('parseCorrections', () => {
  const file = correctionsFile(kb, 0.4, [planCorrection(kb, { question: 'is the needle long', verdict: Verdict.answer, id: 'what-is-it' })])

  it('reads what correctionsFile writes', () => {
    expect(parseCorrections(JSON.stringify(file), 'c.json')).toEqual(file)
    expect(file).toMatchObject({ frontdesk: 'corrections', version: 1, kb: kb.hash, threshold: 0.4 })
  })

  it('names the file, and each bad correction by number and question', () => {
    expect(() => parseCorrections('{', 'c.json')).toThrow(/^c\.json is not valid JSON/)
    expect(() => parseCorrections('{"a": 1}', 'c.json')).toThrow('c.json is not a Frontdesk corrections file (it has no "frontdesk": "corrections")')
    expect(() => parseCorrections(JSON.stringify({ ...file, version: 2 }), 'c.json')).toThrow('c.json has version 2; this Frontdesk reads version 1')
    const bad = { ...file, corrections: [file.corrections[0], { question: 'why', verdict: 'answer', before: { kind: 'answer', id: 'x' }, changes: [{ field: 'note', id: 'x' }] }, 7] }
    expect(() => parseCorrections(JSON.stringify(bad), 'c.json')).toThrow(
      [
        'c.json: correction 2 ("why") needs the "id" of the pair it names',
        'c.json: correction 2 ("why") has "changes" that are not a list of {"field": "asked" | "not", "id"}',
        'c.json: correction 3 is not an object',
      ].join('\n'),
    )
  })
})
