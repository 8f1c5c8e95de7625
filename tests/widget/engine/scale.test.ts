/**
 * The engine on large knowledge bases (the benchmark's synthetic ones): it finds pairs through their common words
 * too, as plain MiniSearch does, and still declines what no pair answers.
 */
import { describe, expect, it } from 'vitest'
import { outOfScopeFor, paraphrasesFor, syntheticKb } from '../../../build/bench/synthetic.ts'
import { createBaseline, createEngine } from '../../../widget/engine/index.ts'

const kb = syntheticKb(1000)
const engine = createEngine(kb)

describe('createEngine at 1,000 pairs', () => {
  it('ranks the right pair first on paraphrases at least as often as plain MiniSearch does', () => {
    const baseline = createBaseline(kb.pairs)
    const paraphrases = paraphrasesFor(kb, 400)
    const ours = paraphrases.filter((m) => engine.reply(m.text).top?.pair.id === m.id).length
    const theirs = paraphrases.filter((m) => baseline.best(m.text)?.id === m.id).length
    expect(ours).toBeGreaterThanOrEqual(theirs)
  })

  it('declines nearly every question no pair answers', () => {
    const questions = outOfScopeFor(kb, 200)
    const answered = questions.filter((m) => engine.reply(m.text).kind === 'answer')
    expect(answered.length).toBeLessThanOrEqual(questions.length * 0.02)
  })
})
