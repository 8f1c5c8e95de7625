/**
 * Calibration: turns how a candidate fits a message into the probability that it is the right answer, so that a
 * confidence of 0.8 means "right about four times in five" in any knowledge base.
 *
 * The raw confidence (`confidence.ts`) ranks candidates well but means different things in different places: a
 * 0.8 with a close runner-up, or with half the message's rare words left to another pair, is often wrong. A small
 * logistic model weighs those signals. Its weights are learned when the knowledge base is compiled
 * (`build/compiler/calibrate.ts`), from the knowledge base itself, and stored in `kb.json`.
 */
import type { KbCalibration } from './kb-format.ts'
import type { Fit } from './confidence.ts'

/** The signals the model weighs, in the order of {@link KbCalibration.weights}. */
export const CALIBRATION_FEATURES = ['confidence', 'coverage', 'fit', 'phrase', 'margin', 'unknown', 'leftover', 'length'] as const

/** What the signals of one candidate are computed from. */
export interface CalibrationSignals {
  fit: Fit
  /** Its raw confidence minus the best raw confidence among the other candidates (negative unless it leads). */
  margin: number
  /** The share of the message's weight in words the knowledge base does not know. */
  unknown: number
  /** The share of the message's weight it leaves unmatched while another leading candidate matches it. */
  leftover: number
  /** How many distinct terms the message has. */
  terms: number
}

/** The feature vector of {@link CALIBRATION_FEATURES}. */
export function calibrationFeatures(signals: CalibrationSignals): number[] {
  const { fit } = signals
  return [fit.confidence, fit.coverage, fit.fit, fit.phrase, signals.margin, signals.unknown, signals.leftover, Math.log1p(signals.terms)]
}

/** The probability a model gives a feature vector. */
export function probability(model: KbCalibration, features: readonly number[]): number {
  let z = model.bias
  features.forEach((x, i) => (z += x * (model.weights[i] ?? 0)))
  return 1 / (1 + Math.exp(-z))
}

/** True when a model was learned over the features this engine computes (older or newer ones are ignored). */
export function fitsThisEngine(model: KbCalibration | undefined): model is KbCalibration {
  return model !== undefined && model.features.length === CALIBRATION_FEATURES.length && model.features.every((name, i) => name === CALIBRATION_FEATURES[i])
}
