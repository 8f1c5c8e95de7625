/**
 * Learning the engine's calibration (`widget/engine/calibration.ts`) when a knowledge base is compiled, from the
 * knowledge base itself, so that it fits any clinic's:
 * - positives and negatives: each `asked` phrasing is held out of its pair and asked; the leading pair is right
 *   when it is that pair, wrong otherwise (handoff phrasings held out the same way: any pair leading is wrong);
 * - negatives: the language file's off-topic questions, which no pair answers.
 * The model is a logistic regression over the leader's signals, fitted by Newton's method with a small ridge
 * penalty: a dozen numbers, deterministic, learned in well under a second for a clinic's knowledge base.
 */
import { loadIndex, type LoadedIndex } from '../../widget/engine/index-reader.ts'
import { createMatcher, type HeldOut } from '../../widget/engine/matcher.ts'
import { CALIBRATION_FEATURES, calibrationFeatures } from '../../widget/engine/calibration.ts'
import type { KbCalibration, KbFile } from '../../widget/engine/kb-format.ts'

/** Held-out phrasings asked at most: enough to learn a dozen weights, few enough to keep large builds quick. */
const MAX_HELD_OUT = 2000
/**
 * Fewer right or wrong examples than this teach the model noise: a knowledge base that small keeps the default
 * model (`DEFAULT_CALIBRATION`), learned from the project's own clinic knowledge base.
 */
const MIN_EACH = 50
/** The ridge penalty, against weights that only fit the examples' noise. */
const RIDGE = 1
const NEWTON_STEPS = 30

/** One example: the leader's features, and whether it was right. */
interface Example {
  x: number[]
  y: 0 | 1
}

/**
 * Learns the calibration of a compiled knowledge base; `undefined` when it has too little to learn from. `index` is the
 * knowledge base's index when it was built already (it does not depend on the calibration).
 */
export function learnCalibration(kb: KbFile, index?: LoadedIndex): KbCalibration | undefined {
  // A knowledge base this small cannot have enough examples: skip the asking.
  if (kb.pairs.reduce((n, pair) => n + pair.aliases.length, 0) < MIN_EACH) return undefined
  const matcher = createMatcher(kb, index ?? loadIndex(kb))
  const examples: Example[] = []
  const ask = (text: string, rightId: string | null, heldOut?: HeldOut): void => {
    const leader = matcher.read(text, heldOut).ranked[0]
    // Only a leading pair becomes an answer; a leading handoff or nothing is a fallback either way.
    if (!leader?.pair) return
    examples.push({ x: calibrationFeatures(leader.signals), y: leader.id === rightId ? 1 : 0 })
  }
  const heldOut = [...kb.pairs, ...kb.handoffs].flatMap((entry) => entry.aliases.map((text, alias) => ({ text, id: entry.id, alias, pair: 'question' in entry })))
  const stride = Math.max(1, Math.ceil(heldOut.length / MAX_HELD_OUT))
  for (let i = 0; i < heldOut.length; i += stride) {
    const { text, id, alias, pair } = heldOut[i]!
    ask(text, pair ? id : null, { id, alias })
  }
  for (const text of kb.language.offTopic ?? []) ask(text, null)

  const positives = examples.filter((e) => e.y === 1).length
  if (positives < MIN_EACH || examples.length - positives < MIN_EACH) return undefined
  const { weights, bias } = fitLogistic(examples)
  return { features: [...CALIBRATION_FEATURES], weights: weights.map(round), bias: round(bias), examples: examples.length }
}

/** Logistic regression by Newton's method (iteratively reweighted least squares), ridge on the weights only. */
export function fitLogistic(examples: readonly Example[]): { weights: number[]; bias: number } {
  const d = examples[0]!.x.length + 1
  const w = new Array<number>(d).fill(0)
  const row = (e: Example): number[] => [...e.x, 1]
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = new Array<number>(d).fill(0)
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0))
    for (const e of examples) {
      const x = row(e)
      const p = 1 / (1 + Math.exp(-x.reduce((z, v, i) => z + v * w[i]!, 0)))
      const s = p * (1 - p)
      for (let i = 0; i < d; i++) {
        gradient[i]! += (e.y - p) * x[i]!
        for (let j = 0; j < d; j++) hessian[i]![j]! += s * x[i]! * x[j]!
      }
    }
    for (let i = 0; i < d - 1; i++) {
      gradient[i]! -= RIDGE * w[i]!
      hessian[i]![i]! += RIDGE
    }
    const delta = solve(hessian, gradient)
    let change = 0
    for (let i = 0; i < d; i++) {
      w[i]! += delta[i]!
      change = Math.max(change, Math.abs(delta[i]!))
    }
    if (change < 1e-9) break
  }
  return { weights: w.slice(0, d - 1), bias: w[d - 1]! }
}

/** Solves `a · x = b` by Gaussian elimination with partial pivoting (a is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((r, i) => [...r, b[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    const p = m[col]![col]!
    if (Math.abs(p) < 1e-12) continue
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const f = m[r]![col]! / p
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!
    }
  }
  return m.map((r, i) => (Math.abs(r[i]!) < 1e-12 ? 0 : r[n]! / r[i]!))
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4
}
