import { describe, expect, it } from 'vitest'
import type { EvalCase } from '../../../build/eval/cases.ts'
import { REAL_TARGETS, evaluate, halfOf, metricsOf, missedTargets, reliabilityOf, sureAnswers, type Outcome } from '../../../build/eval/evaluate.ts'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine } from '../../../widget/engine/index.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const engine = createEngine(compileKb(SMALL_KB))
const labelled = (q: string, expect: EvalCase['expect'], ids?: string[]): EvalCase => ({ q, expect, ids, url: 'https://x.example/', origin: 't:1' })
const outcome = (c: EvalCase, kind: Outcome['kind'], right: boolean, confidence = 0.9): Outcome => ({ case: c, kind, confidence, got: null, runnerUp: null, right, lenient: right })

describe('evaluate', () => {
  it('judges labelled cases by pair id and keyword cases by the answer text', () => {
    const { outcomes } = evaluate(engine, [
      labelled('will the shot hurt', 'answer', ['does-it-hurt']),
      labelled('will the shot hurt', 'answer', ['what-is-it']),
      { q: 'will the shot hurt', expect: 'answer', all: [['sting']], origin: 't:3' },
    ])
    expect(outcomes.map((o) => o.right)).toEqual([true, false, true])
    expect(outcomes[1]).toMatchObject({ kind: 'answer', got: 'does-it-hurt' })
  })
})

describe('metricsOf', () => {
  it('counts, precision first: right and wrong answers, fallbacks and false answers, and the share of answers that were right', () => {
    const inKb = labelled('q', 'answer', ['a'])
    const outKb = labelled('q', 'fallback')
    const metrics = metricsOf([
      outcome(inKb, 'answer', true),
      outcome(inKb, 'answer', false),
      outcome(inKb, 'fallback', false),
      outcome(outKb, 'fallback', true),
      outcome(outKb, 'answer', false),
    ])
    expect(metrics.strict).toEqual({ hits: 1, total: 3 })
    expect(metrics.wrong).toEqual({ hits: 1, total: 3 })
    expect(metrics.fallback).toEqual({ hits: 1, total: 2 })
    expect(metrics.falseAnswer).toEqual({ hits: 1, total: 2 })
    expect(metrics.precision).toEqual({ hits: 1, total: 3 })
  })
})

describe('missedTargets', () => {
  it('reports floors and ceilings that do not hold', () => {
    const c = labelled('q', 'answer', ['a'])
    const metrics = metricsOf([outcome(c, 'answer', true), outcome(c, 'answer', false)])
    expect(missedTargets(metrics, REAL_TARGETS)).toEqual(['in-scope strict 50.0% < 85.0%', 'in-scope wrong answer 50.0% > 5.0%', 'answer precision 50.0% < 93.0%'])
  })
})

describe('reliabilityOf', () => {
  it('bins the answers given by confidence, from the threshold up, with how many were right', () => {
    const c = labelled('q', 'answer', ['a'])
    const bins = reliabilityOf([outcome(c, 'answer', true, 0.95), outcome(c, 'answer', false, 0.92), outcome(c, 'answer', true, 0.55), outcome(c, 'fallback', false, 0.3), outcome(c, 'answer', true, 1)], 0.5)
    expect(bins.map((b) => [b.from, b.answers, b.right])).toEqual([
      [0.5, 1, 1],
      [0.6, 0, 0],
      [0.7, 0, 0],
      [0.8, 0, 0],
      [0.9, 3, 2],
    ])
  })
})

describe('sureAnswers', () => {
  it('is the share right among answers at confidence 0.8 or more', () => {
    const c = labelled('q', 'answer', ['a'])
    expect(sureAnswers([outcome(c, 'answer', true, 0.85), outcome(c, 'answer', false, 0.8), outcome(c, 'answer', false, 0.79)])).toEqual({ hits: 1, total: 2 })
  })
})

describe('halfOf', () => {
  it('splits by page, so every question of a page lands in the same half, the same way every run', () => {
    const a = { ...labelled('one', 'fallback'), url: 'https://clinic.example/faq' }
    const b = { ...labelled('two', 'fallback'), url: 'https://clinic.example/faq' }
    expect(halfOf(a)).toBe(halfOf(b))
    const halves = new Set(Array.from({ length: 40 }, (_, i) => halfOf({ ...a, url: `https://site${i}.example/` })))
    expect(halves).toEqual(new Set(['A', 'B']))
  })

  it('follows the half a set names, whatever the page', () => {
    const a = { ...labelled('one', 'fallback'), url: 'https://clinic.example/faq' }
    for (const half of ['A', 'B'] as const) expect(halfOf({ ...a, half })).toBe(half)
  })
})
