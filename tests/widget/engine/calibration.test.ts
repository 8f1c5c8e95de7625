import { describe, expect, it } from 'vitest'
import { CALIBRATION_FEATURES, DEFAULT_CALIBRATION, calibrationFeatures, calibrationOf, probability } from '../../../widget/engine/calibration.ts'
import type { Fit } from '../../../widget/engine/confidence.ts'

const fit = (confidence: number): Fit => ({ confidence, coverage: confidence, fit: confidence, phrase: confidence, closest: 0, matched: [] })

describe('calibrationFeatures', () => {
  it('lists the signals in the order of CALIBRATION_FEATURES', () => {
    expect(calibrationFeatures({ fit: fit(0.8), margin: 0.3, leftover: 0.1 })).toEqual([0.8, 0.3, 0.1])
    expect(CALIBRATION_FEATURES).toEqual(['confidence', 'margin', 'leftover'])
  })
})

describe('probability', () => {
  it('is the logistic of the weighted signals', () => {
    const model = { features: [...CALIBRATION_FEATURES], weights: [2, 1, -1], bias: -1, examples: 10 }
    expect(probability(model, [0.5, 0, 0])).toBeCloseTo(0.5)
    expect(probability(model, [1, 1, 0])).toBeCloseTo(1 / (1 + Math.exp(-2)))
  })
  it('grows with the raw confidence and the margin over the runner-up, and falls with what is left to a rival (default model)', () => {
    const p = (confidence: number, margin: number, leftover: number) => probability(DEFAULT_CALIBRATION, calibrationFeatures({ fit: fit(confidence), margin, leftover }))
    expect(p(0.9, 0.3, 0)).toBeGreaterThan(p(0.7, 0.3, 0))
    expect(p(0.9, 0.3, 0)).toBeGreaterThan(p(0.9, 0.01, 0))
    expect(p(0.9, 0.3, 0)).toBeGreaterThan(p(0.9, 0.3, 0.4))
  })
})

describe('calibrationOf', () => {
  it("uses a knowledge base's own model when it was learned over this engine's signals", () => {
    const own = { features: [...CALIBRATION_FEATURES], weights: [1, 1, 1], bias: 0, examples: 500 }
    expect(calibrationOf(own)).toBe(own)
  })
  it('falls back to the default model for a kb.json without one, or with one over other signals', () => {
    expect(calibrationOf(undefined)).toBe(DEFAULT_CALIBRATION)
    expect(calibrationOf({ features: ['confidence'], weights: [1], bias: 0, examples: 500 })).toBe(DEFAULT_CALIBRATION)
  })
})

describe('calibrationOf, on a damaged kb.json', () => {
  it('falls back to the default model when a number is missing or not finite, never giving NaN confidences', () => {
    const noBias = { features: [...CALIBRATION_FEATURES], weights: [1, 1, 1] } as unknown as Parameters<typeof calibrationOf>[0]
    expect(calibrationOf(noBias)).toBe(DEFAULT_CALIBRATION)
    expect(calibrationOf({ features: [...CALIBRATION_FEATURES], weights: [1, Number.NaN, 1], bias: 0, examples: 1 })).toBe(DEFAULT_CALIBRATION)
    expect(calibrationOf({ features: [...CALIBRATION_FEATURES], weights: [1, 1], bias: 0, examples: 1 })).toBe(DEFAULT_CALIBRATION)
  })
})
