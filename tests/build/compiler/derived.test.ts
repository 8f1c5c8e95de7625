import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { withDerived } from '../../../build/compiler/derived.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb('kb')

describe('withDerived', () => {
  it('derives what a build derives: the same real words and calibration again', () => {
    const derived = withDerived(kb)
    expect(derived.language.realWords).toEqual(kb.language.realWords)
    expect(derived.calibration).toEqual(kb.calibration)
  })

  it('derives them from the knowledge base as edited: a word it no longer holds is no longer guarded against', () => {
    // Without the handoff that holds "bath", "both" is no longer a slip away from a word of the knowledge base.
    const edited = { ...kb, handoffs: kb.handoffs.filter((handoff) => !handoff.aliases.some((alias) => /\bbath/.test(alias))) }
    expect(edited.handoffs.length).toBeLessThan(kb.handoffs.length)
    expect(kb.language.realWords).toContain('both')
    expect(withDerived(edited).language.realWords).not.toContain('both')
  })

  it('learns no calibration for a knowledge base too small to teach it, and drops a stale one', () => {
    const small = compileKb(SMALL_KB)
    expect(withDerived({ ...small, calibration: kb.calibration }).calibration).toBeUndefined()
  })
})
