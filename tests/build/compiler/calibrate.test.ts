import { describe, expect, it } from 'vitest'
import { fitLogistic, learnCalibration } from '../../../build/compiler/calibrate.ts'
import { compileKb } from '../../../build/compiler/compile.ts'
import { CALIBRATION_FEATURES } from '../../../widget/engine/calibration.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

// Compiled once: calibration is learned as part of every compile.
const kb = compileKb('kb')

describe('learnCalibration', () => {
  it("learns a model from the knowledge base's own held-out phrasings and the off-topic questions", () => {
    const model = learnCalibration(kb)!
    expect(model.features).toEqual([...CALIBRATION_FEATURES])
    expect(model.examples).toBeGreaterThan(500)
    // A surer leader, and a wider margin over the runner-up, make a right answer likelier.
    expect(model.weights[0]).toBeGreaterThan(0)
    expect(model.weights[1]).toBeGreaterThan(0)
    // compileKb stores it in kb.json.
    expect(kb.calibration).toEqual(model)
  })

  it('learns nothing from a knowledge base too small to teach it (the engine then uses the default model)', () => {
    const kb = compileKb(SMALL_KB)
    expect(learnCalibration(kb)).toBeUndefined()
    expect(kb.calibration).toBeUndefined()
  })

  it('is deterministic: the same knowledge base gives the same model', () => {
    expect(learnCalibration(kb)).toEqual(kb.calibration)
  })
})

describe('fitLogistic', () => {
  it('recovers the weights that generated the labels', () => {
    // Labels drawn from p = σ(3x − 1), on a fixed grid so the test is deterministic.
    const examples: Array<{ x: number[]; y: 0 | 1 }> = []
    for (let i = 0; i < 400; i++) {
      const x = (i % 40) / 40
      const p = 1 / (1 + Math.exp(-(3 * x - 1)))
      examples.push({ x: [x], y: (i * 0.6180339887) % 1 < p ? 1 : 0 })
    }
    const { weights, bias } = fitLogistic(examples)
    expect(weights[0]).toBeGreaterThan(2)
    expect(weights[0]).toBeLessThan(4)
    expect(bias).toBeGreaterThan(-1.6)
    expect(bias).toBeLessThan(-0.4)
  })
})
