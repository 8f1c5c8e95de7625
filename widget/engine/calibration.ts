/**
 * Calibration: turns how a candidate fits a message into the probability that it is the right answer, so that a
 * confidence means the same in any knowledge base.
 *
 * The raw confidence (`confidence.ts`) ranks candidates well but means different things in different places: a
 * 0.8 with a close runner-up, or with a rare word of the message left to another pair, is often wrong. A small
 * logistic model weighs those signals. Its weights are learned when the knowledge base is compiled
 * (`build/compiler/calibrate.ts`), from the knowledge base itself, and stored in `kb.json`. The examples it learns
 * from (phrasings held out of their pair) are harder than real questions, so its probabilities err low.
 */
import type { KbCalibration } from './kb-format.ts'
import type { Fit } from './confidence.ts'

/** The signals the model weighs, in the order of {@link KbCalibration.weights}. */
export const CALIBRATION_FEATURES = ['confidence', 'margin', 'leftover'] as const

/**
 * What the signals of one candidate are computed from. (Signals tried and left out because they made the model
 * fit held-out phrasings better but real questions worse: coverage, fit and phrase apart, the share of unknown
 * words, the message's length.)
 */
export interface CalibrationSignals {
  fit: Fit
  /**
   * Its raw confidence minus that of the candidate ranked next to it (the first other one in rank order, which also
   * weighs the closest phrasing): for the leader, its margin over the runner-up. A candidate alone is measured
   * against a rival half as sure (`LONE_RIVAL` in `matcher.ts`).
   */
  margin: number
  /** The share of the message's weight it leaves unmatched while another leading candidate matches it. */
  leftover: number
}

/** The feature vector of {@link CALIBRATION_FEATURES}. */
export function calibrationFeatures(signals: CalibrationSignals): number[] {
  return [signals.fit.confidence, signals.margin, signals.leftover]
}

/**
 * The model a knowledge base too small to learn from uses (and a `kb.json` built before calibration existed):
 * the one learned from the project's own clinic knowledge base (61 pairs, 1,212 examples).
 */
export const DEFAULT_CALIBRATION: KbCalibration = {
  features: [...CALIBRATION_FEATURES],
  weights: [5.0965, 3.9383, -1.1879],
  bias: -3.4688,
  examples: 0,
}

/** The probability a model gives a feature vector. */
export function probability(model: KbCalibration, features: readonly number[]): number {
  let z = model.bias
  features.forEach((x, i) => (z += x * (model.weights[i] ?? 0)))
  return 1 / (1 + Math.exp(-z))
}

/**
 * The knowledge base's model when it was learned over the features this engine computes and holds a finite number
 * for each, else the default: a damaged model must never make every confidence NaN.
 */
export function calibrationOf(model: KbCalibration | undefined): KbCalibration {
  const fits =
    model !== undefined &&
    Array.isArray(model.features) &&
    Array.isArray(model.weights) &&
    model.features.length === CALIBRATION_FEATURES.length &&
    model.features.every((name, i) => name === CALIBRATION_FEATURES[i]) &&
    model.weights.length === CALIBRATION_FEATURES.length &&
    [...model.weights, model.bias].every((x) => typeof x === 'number' && Number.isFinite(x))
  return fits ? model : DEFAULT_CALIBRATION
}
