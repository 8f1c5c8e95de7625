import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../build/compiler/compile.ts'
import { readCases } from '../../build/eval/cases.ts'
import { TARGETS, evaluate, missedTargets, share } from '../../build/eval/evaluate.ts'
import { createEngine } from '../../widget/engine/index.ts'

const engine = createEngine(compileKb('kb'))
const DEV = join(import.meta.dirname, '..', '..', '..', 'shared', 'eval', 'dev.jsonl')

describe('matching quality', () => {
  it('meets the targets on the project’s own evaluation set (kb/eval.jsonl, ≥ 150 cases)', () => {
    const cases = readCases('kb/eval.jsonl')
    expect(cases.length).toBeGreaterThanOrEqual(150)
    const { metrics, misses } = evaluate(engine, cases)
    expect(missedTargets(metrics), misses.map((m) => `${m.kind} "${m.case.q}" (${m.case.origin})`).join('\n')).toEqual([])
    expect(share(metrics.strict)).toBeGreaterThanOrEqual(TARGETS.strict)
  })

  it.each(['holdout-1.jsonl', 'holdout-2.jsonl'])('meets the targets on the blind held-out set %s', (file) => {
    const { metrics, misses } = evaluate(engine, readCases(join(import.meta.dirname, '..', 'fixtures', 'eval', file)))
    expect(missedTargets(metrics), misses.map((m) => `${m.kind} "${m.case.q}"`).join('\n')).toEqual([])
  })

  it.runIf(existsSync(DEV))('meets the targets on the public development set', () => {
    const { metrics } = evaluate(engine, readCases(DEV))
    expect(missedTargets(metrics)).toEqual([])
  })
})
