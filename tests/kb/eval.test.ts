import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../build/compiler/compile.ts'
import { readCases } from '../../build/eval/cases.ts'
import { TARGETS, evaluate, missedTargets } from '../../build/eval/evaluate.ts'
import { createEngine } from '../../widget/engine/index.ts'

const engine = createEngine(compileKb('kb'))
const fixture = (file: string): string => join(import.meta.dirname, '..', 'fixtures', 'eval', file)

describe('matching quality', () => {
  it('meets the targets on the project’s own evaluation set (kb/eval.jsonl, ≥ 150 cases)', () => {
    const cases = readCases('kb/eval.jsonl')
    expect(cases.length).toBeGreaterThanOrEqual(150)
    const { metrics, misses } = evaluate(engine, cases)
    expect(missedTargets(metrics, TARGETS), misses.map((m) => `${m.kind} "${m.case.q}" (${m.case.origin})`).join('\n')).toEqual([])
  })

  it.each(['holdout-1.jsonl', 'holdout-2.jsonl', 'dev.jsonl'])('meets the targets on the held-out set %s', (file) => {
    const { metrics, misses } = evaluate(engine, readCases(fixture(file)))
    expect(missedTargets(metrics, TARGETS), misses.map((m) => `${m.kind} "${m.case.q}"`).join('\n')).toEqual([])
  })
})
