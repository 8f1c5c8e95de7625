import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { editChurn } from '../../../build/eval/edits.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

// The project's own knowledge base: the small one is too small to learn a calibration, so learning again changes nothing.
const kb = compileKb('kb')
const questions = ['does it hurt', 'how long does relief last', 'can i drive home afterwards', 'what is in the injection', 'whats the weather like']

describe('editChurn', () => {
  it('removes one phrasing per edit and counts the replies that changed, with the calibration learned again and kept', () => {
    const churn = editChurn(kb, questions, { edits: 3 })
    expect(churn.questions).toBe(questions.length)
    expect(churn.effects).toHaveLength(3)
    for (const effect of churn.effects) {
      expect(kb.pairs.find((pair) => pair.id === effect.pair)?.aliases).toContain(effect.phrasing)
      for (const count of [effect.relearned, effect.kept]) expect(count).toBeGreaterThanOrEqual(0)
      for (const count of [effect.relearned, effect.kept]) expect(count).toBeLessThanOrEqual(questions.length)
    }
  })

  it('makes the same edits for the same seed, and others for another', () => {
    const phrasings = (seed: number): string[] => editChurn(kb, questions, { edits: 2, seed }).effects.map((effect) => effect.phrasing)
    expect(phrasings(7)).toEqual(phrasings(7))
    expect(phrasings(7)).not.toEqual(phrasings(8))
  })

  it('counts nothing as changed by learning again where nothing is learned (a knowledge base too small to learn from)', () => {
    const small = compileKb(SMALL_KB)
    for (const effect of editChurn(small, questions, { edits: 4 }).effects) expect(effect.relearned).toBe(effect.kept)
  })

  it("refuses a knowledge base whose calibration cannot be learned again as its build learned it (kb.json lacks the off-topic questions)", () => {
    const { offTopic: _, ...language } = kb.language
    expect(() => editChurn({ ...kb, language }, questions, { edits: 1 })).toThrow(/cannot be learned again/)
  })
})
