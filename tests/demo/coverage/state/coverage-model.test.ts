import { signal } from '@preact/signals'
import { describe, expect, it } from 'vitest'
import { coverageRows, summarize } from '../../../../build/staff/coverage.ts'
import { CoverageModel, normalizeThreshold } from '../../../../demo/coverage/state/coverage-model.ts'
import { createEngine, defaultEngineOptions, type KbFile } from '../../../../widget/engine/index.ts'
import { SMALL } from './fixtures.ts'

const QUESTIONS = ['hello', 'will the shot hurt', 'does it sting a bit', 'how much does it cost', 'where do I park']
const kinds = (model: CoverageModel) => model.rows.value.map((row) => row.kind)

function setup(questions = QUESTIONS) {
  const kb = signal<KbFile | null>(SMALL)
  const log = signal(questions)
  return { kb, log, model: new CoverageModel(kb, log) }
}

describe('normalizeThreshold', () => {
  it('clamps to 0..1 and rounds to the slider step without float noise', () => {
    expect(normalizeThreshold(0.57)).toBe(0.57)
    expect(normalizeThreshold(0.573)).toBe(0.57)
    expect(normalizeThreshold(-1)).toBe(0)
    expect(normalizeThreshold(7)).toBe(1)
    expect(normalizeThreshold(Number.NaN)).toBe(defaultEngineOptions.threshold)
  })
})

describe('CoverageModel', () => {
  it('has no rows until the knowledge base is there, and the default threshold', () => {
    const { kb, model } = setup()
    kb.value = null
    expect(model.rows.value).toEqual([])
    expect(model.summary.value.total).toBe(0)
    expect(model.threshold.value).toBe(defaultEngineOptions.threshold)
  })

  it('runs every question at the engine default threshold', () => {
    const { model } = setup()
    expect(model.defaultThreshold.value).toBe(createEngine(SMALL).options.threshold)
    expect(model.rows.value).toEqual(coverageRows(createEngine(SMALL), QUESTIONS))
    expect(model.summary.value).toEqual(summarize(model.rows.value, SMALL.pairs, model.threshold.value))
  })

  it('recomputes rows and summary when the threshold moves, as an engine at that threshold would reply', () => {
    const { model } = setup()
    expect(kinds(model)).toEqual(['smalltalk', 'answer', 'answer', 'fallback', 'fallback'])
    // Just above the third question's confidence (and below the second's): that answer becomes a fallback.
    const [, second, third] = model.rows.value
    expect(second!.confidence).toBeGreaterThan(third!.confidence)
    // The slider moves in steps of 0.01.
    const threshold = Math.floor(third!.confidence * 100 + 1) / 100
    expect(second!.confidence).toBeGreaterThanOrEqual(threshold)
    model.setThreshold(threshold)
    expect(kinds(model)).toEqual(['smalltalk', 'answer', 'fallback', 'fallback', 'fallback'])
    expect(model.summary.value.threshold).toBe(threshold)
    expect(model.summary.value.counts.answer).toBe(1)
    model.setThreshold(0.2)
    expect(model.rows.value).toEqual(coverageRows(createEngine(SMALL, { threshold: 0.2 }), QUESTIONS))
    expect(model.engine.value?.options.threshold).toBe(0.2)
  })

  it('keeps a handoff a handoff at a threshold below its best pair: stored confidences alone would say "answer"', () => {
    const { model } = setup(['how much does it cost'])
    const pairConfidence = model.rows.value[0]!.confidence
    model.setThreshold(pairConfidence - 0.05)
    expect(model.rows.value[0]).toMatchObject({ kind: 'fallback', handoff: 'prices' })
  })

  it('follows changes to the questions and the knowledge base', () => {
    const { kb, log, model } = setup()
    log.value = ['what is a tpi']
    expect(model.rows.value.map((row) => row.top?.id)).toEqual(['what-is-it'])
    kb.value = { ...SMALL, pairs: SMALL.pairs.slice(0, 1) }
    expect(model.summary.value.pairs.map((pair) => pair.id)).toEqual(['what-is-it'])
  })

  it('with a counted log, gives each row its counts and counts each question as often as it was asked', () => {
    const counts = signal(QUESTIONS.map((question, i) => ({ question, asked: i + 1, unhelpful: i === 1 ? 2 : 0 })))
    const model = new CoverageModel(signal<KbFile | null>(SMALL), signal(QUESTIONS), counts)
    expect(model.rows.value.map((row) => [row.asked, row.unhelpful])).toEqual([[1, 0], [2, 2], [3, 0], [4, 0], [5, 0]])
    expect(model.summary.value.total).toBe(15)
    expect(model.summary.value.counts).toMatchObject({ smalltalk: 1, answer: 5, fallback: 9 })
  })

  it('clamps and rounds the threshold, and forgets a choice equal to the default', () => {
    const { model } = setup()
    model.setThreshold(1.4)
    expect(model.threshold.value).toBe(1)
    model.setThreshold(0.333)
    expect(model.threshold.value).toBe(0.33)
    model.setThreshold(model.defaultThreshold.value)
    model.setThreshold(0.42)
    model.resetThreshold()
    expect(model.threshold.value).toBe(model.defaultThreshold.value)
  })
})
