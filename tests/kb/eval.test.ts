import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../build/compiler/compile.ts'
import { readCases } from '../../build/eval/cases.ts'
import { evaluate, missedTargets, share, sureAnswers, type Targets } from '../../build/eval/evaluate.ts'
import { createEngine } from '../../widget/engine/index.ts'

const engine = createEngine(compileKb('kb'))
const fixture = (file: string): string => join(import.meta.dirname, '..', 'fixtures', 'eval', file)

/**
 * The targets, as floors and ceilings against regressions. On the keyword sets (ours, the blind holdouts and
 * the public dev set): strict 90 %, fallback 95 %, emergency and small talk 100 %; holdout-2 meets strict with no
 * question to spare (112 of 124). On real questions: strict 85 %, wrong answers 5 %, fallback 90 %, false answers
 * 10 %, precision 93 %, sure answers right 97 %. An unsure answer with a likely rival is offered as a choice rather
 * than guessed, which keeps wrong answers rare but counts as not strictly right (README, "Matching").
 */
const KEYWORD_FLOORS: Targets = {
  strict: { min: 0.9 },
  lenient: { min: 0.9 },
  wrong: { max: 0.02 },
  fallback: { min: 0.95 },
  emergency: { min: 1 },
  smalltalk: { min: 1 },
}
const REAL_FLOORS: Targets = {
  // The targets, met since the words for sedation and for what the injection is like (85.1 % strict, 90.1 %
  // answered or offered, the floor two questions under it): a lost right answer fails here, as the issue asks.
  strict: { min: 0.85 },
  lenient: { min: 0.88 },
  wrong: { max: 0.05 },
  falseAnswer: { max: 0.1 },
  precision: { min: 0.93 },
  fallback: { min: 0.9 },
}

describe('matching quality', () => {
  it('holds its figures on the project’s own evaluation set (kb/eval.jsonl, ≥ 150 cases)', () => {
    const cases = readCases('kb/eval.jsonl')
    expect(cases.length).toBeGreaterThanOrEqual(150)
    const { metrics, misses } = evaluate(engine, cases)
    expect(missedTargets(metrics, KEYWORD_FLOORS), misses.map((m) => `${m.kind} "${m.case.q}" (${m.case.origin})`).join('\n')).toEqual([])
  })

  it.each(['holdout-1.jsonl', 'holdout-2.jsonl', 'dev.jsonl'])('holds its figures on the held-out set %s', (file) => {
    const { metrics, misses } = evaluate(engine, readCases(fixture(file)))
    expect(missedTargets(metrics, KEYWORD_FLOORS), misses.map((m) => `${m.kind} "${m.case.q}"`).join('\n')).toEqual([])
  })

  it('holds its figures on questions real people published (real-dev.jsonl)', () => {
    const { metrics, outcomes, misses } = evaluate(engine, readCases(fixture('real-dev.jsonl')))
    expect(missedTargets(metrics, REAL_FLOORS), misses.map((m) => `${m.kind} "${m.case.q}" got ${m.got}`).join('\n')).toEqual([])
    // A sure answer is nearly always right: the target for answers at confidence 0.8 or more.
    expect(share(sureAnswers(outcomes))).toBeGreaterThanOrEqual(0.97)
  })
})
