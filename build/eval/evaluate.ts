/** Scoring an engine on an evaluation set, with plain MiniSearch beside it as the baseline. */
import type { Baseline, Engine, Reply } from '../../widget/engine/index.ts'
import { satisfies, type EvalCase } from './cases.ts'

/** A count out of a total. */
export interface Ratio {
  hits: number
  total: number
}

/** The figures the issue asks for. */
export interface Metrics {
  /** In-scope cases answered (kind `answer`) with a right answer. */
  strict: Ratio
  /** The same, also counting a `clarify` that offers a right pair. */
  lenient: Ratio
  /** Out-of-scope cases that got the fallback. */
  fallback: Ratio
  /** Emergencies recognised. */
  emergency: Ratio
  /** Small talk recognised. */
  smalltalk: Ratio
}

/** A case the engine got wrong. */
export interface Miss {
  case: EvalCase
  kind: Reply['kind']
  confidence: number
  /** The pair it answered or would have answered with. */
  got: string | null
}

/** The targets of the matching issue; `frontdesk eval` and the tests check them. */
export const TARGETS = { strict: 0.92, fallback: 0.9, emergency: 1, smalltalk: 0.95 } as const

const empty = (): Metrics => ({
  strict: { hits: 0, total: 0 },
  lenient: { hits: 0, total: 0 },
  fallback: { hits: 0, total: 0 },
  emergency: { hits: 0, total: 0 },
  smalltalk: { hits: 0, total: 0 },
})

/** Share of a ratio, 0..1 (1 for an empty one: nothing was missed). */
export function share(ratio: Ratio): number {
  return ratio.total === 0 ? 1 : ratio.hits / ratio.total
}

/** Scores the engine; returns its metrics and each miss. */
export function evaluate(engine: Engine, cases: readonly EvalCase[]): { metrics: Metrics; misses: Miss[] } {
  const metrics = empty()
  const misses: Miss[] = []
  for (const c of cases) {
    const reply = engine.reply(c.q)
    let right: boolean
    if (c.expect === 'answer') {
      const all = c.all ?? []
      right = reply.kind === 'answer' && satisfies(reply.reply, all)
      const lenient = right || (reply.kind === 'clarify' && reply.choices.some((pair) => satisfies(pair.answerText, all)))
      metrics.strict.total++
      metrics.lenient.total++
      if (right) metrics.strict.hits++
      if (lenient) metrics.lenient.hits++
    } else {
      const ratio = metrics[c.expect]
      right = reply.kind === c.expect
      ratio.total++
      if (right) ratio.hits++
    }
    if (!right) misses.push({ case: c, kind: reply.kind, confidence: reply.confidence, got: reply.top?.pair.id ?? null })
  }
  return { metrics, misses }
}

/**
 * Scores plain MiniSearch: it answers with its top result when there is one and falls back otherwise; it knows
 * nothing of emergencies or small talk, so those count as whatever its top result makes them.
 */
export function evaluateBaseline(baseline: Baseline, cases: readonly EvalCase[]): Metrics {
  const metrics = empty()
  for (const c of cases) {
    const best = baseline.best(c.q)
    if (c.expect === 'answer') {
      const right = best !== null && satisfies(best.answerText, c.all ?? [])
      metrics.strict.total++
      metrics.lenient.total++
      if (right) {
        metrics.strict.hits++
        metrics.lenient.hits++
      }
    } else {
      const ratio = metrics[c.expect]
      ratio.total++
      if (c.expect === 'fallback' && best === null) ratio.hits++
    }
  }
  return metrics
}

/** Which targets a set of metrics misses, as readable lines (empty when all hold). */
export function missedTargets(metrics: Metrics): string[] {
  const out: string[] = []
  const check = (name: string, ratio: Ratio, target: number): void => {
    if (ratio.total > 0 && share(ratio) < target) out.push(`${name} ${(share(ratio) * 100).toFixed(1)}% < ${target * 100}%`)
  }
  check('in-scope strict', metrics.strict, TARGETS.strict)
  check('out-of-scope fallback', metrics.fallback, TARGETS.fallback)
  check('emergency recall', metrics.emergency, TARGETS.emergency)
  check('small talk', metrics.smalltalk, TARGETS.smalltalk)
  return out
}
