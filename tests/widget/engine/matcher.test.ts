/**
 * `createMatcher`: what it ranks and the signals calibration weighs (the scoring itself is specified through the
 * engine's tests and `tests/kb/`).
 */
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { loadIndex } from '../../../widget/engine/index.ts'
import { createMatcher } from '../../../widget/engine/matcher.ts'

const kb = compileKb('kb')
const matcher = createMatcher(kb, loadIndex(kb))

describe('createMatcher', () => {
  it("gives the leader its margin over the runner-up, in raw confidence", () => {
    const [leader, runnerUp] = matcher.read('does the injection hurt').ranked
    expect(leader!.signals.margin).toBeCloseTo(leader!.fit.confidence - runnerUp!.fit.confidence, 10)
  })

  it('measures a candidate alone against a rival half as sure: that nothing else matched is some evidence, not proof', () => {
    // Only "travel" is known here, from the pair on referred pain.
    const { ranked } = matcher.read('What are the Travell and Simons criteria?')
    expect(ranked).toHaveLength(1)
    expect(ranked[0]!.signals.margin).toBeCloseTo(ranked[0]!.fit.confidence / 2, 10)
  })

  it('keeps a real word it does not know as it is, where a typo of the same shape is corrected', () => {
    // "bath" is a word of the knowledge base (a handoff on activities afterwards); "both" and "left" are English words.
    expect(matcher.terms('knots in both shoulders').terms).toContain('both')
    expect(matcher.terms('knots in both shoulders').terms).not.toContain('bath')
    expect(matcher.terms('my left arm').terms).toContain('left')
    expect(matcher.terms('can i take a bsth').terms).toContain('bath')
  })

  it('keeps a real word that looks like a misspelt filler ("staff" is not "stuff"), and spends no correction on real words', () => {
    expect(matcher.terms('are your staff trained').terms).toContain('staff')
    // Three real words first: the typo after them is still corrected.
    expect(matcher.terms('both knees left fine: how do i book an apointment').terms).toContain('appoint')
  })
})
