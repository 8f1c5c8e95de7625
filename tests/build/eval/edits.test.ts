import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { editChurn } from '../../../build/eval/edits.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

// The project's own knowledge base, for the calibration: the small one is too small to learn one.
const kb = compileKb('kb')
const questions = ['does it hurt', 'how long does relief last', 'can i drive home afterwards', 'what is in the injection', 'whats the weather like']
const small = compileKb(SMALL_KB)
/** Every phrasing of the small knowledge base that an edit may remove: of pairs that have more than one. */
const removable = small.pairs.filter((pair) => pair.aliases.length > 1).flatMap((pair) => pair.aliases)

describe('editChurn', () => {
  it('removes one phrasing of a pair per edit, never the same twice, never a pair\'s last', () => {
    const { effects } = editChurn(small, removable, { edits: removable.length })
    expect(effects.map((effect) => effect.phrasing).sort()).toEqual([...removable].sort())
    for (const effect of effects) expect(small.pairs.find((pair) => pair.id === effect.pair)?.aliases).toContain(effect.phrasing)
  })

  it('counts the replies each edit changed: asked its own phrasings, a knowledge base answers some differently without one', () => {
    const { questions: asked, effects } = editChurn(small, removable, { edits: removable.length })
    expect(asked).toBe(removable.length)
    expect(effects.reduce((sum, effect) => sum + effect.kept, 0)).toBeGreaterThan(0)
  })

  it('counts nothing as changed by learning again where nothing is learned (a knowledge base too small to learn from)', () => {
    for (const effect of editChurn(small, questions, { edits: 4 }).effects) expect(effect.relearned).toBe(effect.kept)
  })

  it('makes the same edits for the same seed, and others for another', () => {
    const phrasings = (seed: number): string[] => editChurn(kb, questions, { edits: 2, seed }).effects.map((effect) => effect.phrasing)
    expect(phrasings(7)).toEqual(phrasings(7))
    expect(phrasings(7)).not.toEqual(phrasings(8))
  })

  it('refuses more edits than there are phrasings to remove', () => {
    expect(() => editChurn(small, questions, { edits: removable.length + 1 })).toThrow(`but only ${removable.length} phrasings can be removed`)
  })

  it('refuses a knowledge base whose calibration cannot be learned again as its build learned it (kb.json lacks the off-topic questions)', () => {
    const { offTopic: _, ...language } = kb.language
    expect(() => editChurn({ ...kb, language }, questions, { edits: 1 })).toThrow(/cannot be learned again/)
  })
})
