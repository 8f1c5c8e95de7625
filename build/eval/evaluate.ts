/** Scoring an engine on an evaluation set, with plain MiniSearch beside it as the baseline. */
import { hashString, type Baseline, type Engine, type Reply } from '../../widget/engine/index.ts'
import { satisfies, type EvalCase } from './cases.ts'

/** A count out of a total. */
export interface Ratio {
  hits: number
  total: number
}

/** The figures of an evaluation set, precision first. */
export interface Metrics {
  /** In-scope cases answered (kind `answer`) with a right answer. */
  strict: Ratio
  /** The same, also counting a `clarify` that offers a right pair. */
  lenient: Ratio
  /** In-scope cases answered with a wrong answer (another pair). */
  wrong: Ratio
  /** Out-of-scope cases that got the fallback or a handoff. */
  fallback: Ratio
  /** Out-of-scope cases that got an answer where none exists. */
  falseAnswer: Ratio
  /** Emergencies recognised. */
  emergency: Ratio
  /** Small talk recognised. */
  smalltalk: Ratio
  /** Right answers out of all answers given, whatever the case expected. */
  precision: Ratio
}

/** How the engine replied to one case, and whether that was right. */
export interface Outcome {
  case: EvalCase
  kind: Reply['kind']
  confidence: number
  /** The pair it answered or would have answered with. */
  got: string | null
  /** The runner-up pair. */
  runnerUp: string | null
  /** The reply was what the case expects. */
  right: boolean
  /** Right, or a clarify that offers a right pair (in-scope cases). */
  lenient: boolean
}

/** A case the engine got wrong. */
export type Miss = Outcome

/** One confidence bin of the reliability table: answers given at a confidence in `[from, to)`. */
export interface ReliabilityBin {
  from: number
  to: number
  answers: number
  right: number
}

/** A floor (`min`) or ceiling (`max`) on one figure, as a share 0..1. */
export type Targets = Partial<Record<keyof Metrics, { min?: number; max?: number }>>

/** Targets for the keyword sets: the project's own and the blind held-out ones. */
export const TARGETS: Targets = {
  strict: { min: 0.9 },
  fallback: { min: 0.95 },
  emergency: { min: 1 },
  smalltalk: { min: 1 },
}

/** Targets for questions real people published (`real-dev.jsonl`). */
export const REAL_TARGETS: Targets = {
  strict: { min: 0.85 },
  wrong: { max: 0.05 },
  fallback: { min: 0.9 },
  falseAnswer: { max: 0.1 },
  precision: { min: 0.93 },
}

/** Answers at or above this confidence should be right at least {@link SURE_PRECISION} of the time. */
export const SURE_CONFIDENCE = 0.8
/** See {@link SURE_CONFIDENCE}. */
export const SURE_PRECISION = 0.97

const ratio = (): Ratio => ({ hits: 0, total: 0 })
const empty = (): Metrics => ({
  strict: ratio(),
  lenient: ratio(),
  wrong: ratio(),
  fallback: ratio(),
  falseAnswer: ratio(),
  emergency: ratio(),
  smalltalk: ratio(),
  precision: ratio(),
})

/** Share of a ratio, 0..1 (1 for an empty one: nothing was missed). */
export function share(ratio: Ratio): number {
  return ratio.total === 0 ? 1 : ratio.hits / ratio.total
}

/** True when an answer's pair is right for an in-scope case. */
function rightPair(c: EvalCase, id: string, answerText: string): boolean {
  return c.ids ? c.ids.includes(id) : satisfies(answerText, c.all ?? [])
}

/** Asks the engine one case and judges the reply. */
export function judge(engine: Engine, c: EvalCase): Outcome {
  const reply = engine.reply(c.q)
  const answeredRightly = reply.kind === 'answer' && reply.top !== null && rightPair(c, reply.top.pair.id, reply.reply)
  const right = c.expect === 'answer' ? answeredRightly : reply.kind === c.expect
  const offered = reply.kind === 'clarify' && c.expect === 'answer' && reply.choices.some((pair) => rightPair(c, pair.id, pair.answerText))
  return {
    case: c,
    kind: reply.kind,
    confidence: reply.confidence,
    got: reply.top?.pair.id ?? null,
    runnerUp: reply.alternatives[0]?.pair.id ?? null,
    right,
    lenient: right || offered,
  }
}

/** The figures of a list of outcomes. */
export function metricsOf(outcomes: readonly Outcome[]): Metrics {
  const metrics = empty()
  const count = (r: Ratio, hit: boolean): void => {
    r.total++
    if (hit) r.hits++
  }
  for (const o of outcomes) {
    const c = o.case
    const answered = o.kind === 'answer'
    if (answered) count(metrics.precision, o.right)
    if (c.expect === 'answer') {
      count(metrics.strict, o.right)
      count(metrics.wrong, answered && !o.right)
      count(metrics.lenient, o.lenient)
    } else if (c.expect === 'fallback') {
      count(metrics.fallback, o.kind === 'fallback')
      count(metrics.falseAnswer, answered)
    } else {
      count(metrics[c.expect], o.right)
    }
  }
  return metrics
}

/** Scores the engine on a set; returns its figures, each outcome and each miss. */
export function evaluate(engine: Engine, cases: readonly EvalCase[]): { metrics: Metrics; outcomes: Outcome[]; misses: Miss[] } {
  const outcomes = cases.map((c) => judge(engine, c))
  return { metrics: metricsOf(outcomes), outcomes, misses: outcomes.filter((o) => !o.right) }
}

/** Answers given, by confidence in bins of 0.1 from `floor` up, with how many of them were right. */
export function reliabilityOf(outcomes: readonly Outcome[], floor = 0.5): ReliabilityBin[] {
  const bins: ReliabilityBin[] = []
  for (let from = Math.floor(floor * 10) / 10; from < 1 - 1e-9; from = Math.round((from + 0.1) * 10) / 10) {
    bins.push({ from, to: Math.round((from + 0.1) * 10) / 10, answers: 0, right: 0 })
  }
  for (const o of outcomes) {
    if (o.kind !== 'answer') continue
    const bin = bins.find((b) => o.confidence >= b.from && (o.confidence < b.to || b.to >= 1)) ?? bins[0]
    if (!bin) continue
    bin.answers++
    if (o.right) bin.right++
  }
  return bins
}

/** The share right among answers given at `SURE_CONFIDENCE` or more. */
export function sureAnswers(outcomes: readonly Outcome[]): Ratio {
  const sure = outcomes.filter((o) => o.kind === 'answer' && o.confidence >= SURE_CONFIDENCE)
  return { hits: sure.filter((o) => o.right).length, total: sure.length }
}

/**
 * Which half of a set a case belongs to: the half the set names (`"half"`), or else by the page it was published on,
 * since questions from one page often share a style and a split by page keeps them together. Half A is the one to
 * work from; half B is reported untouched.
 */
export function halfOf(c: EvalCase): 'A' | 'B' {
  return c.half ?? (parseInt(hashString(c.url ?? c.q), 36) % 2 === 0 ? 'A' : 'B')
}

/**
 * Scores plain MiniSearch: it answers with its top result when there is one and falls back otherwise; it knows
 * nothing of emergencies or small talk, so those count as whatever its top result makes them.
 */
export function evaluateBaseline(baseline: Baseline, cases: readonly EvalCase[]): Metrics {
  const metrics = empty()
  const count = (r: Ratio, hit: boolean): void => {
    r.total++
    if (hit) r.hits++
  }
  for (const c of cases) {
    const best = baseline.best(c.q)
    if (best) count(metrics.precision, c.expect === 'answer' && rightPair(c, best.id, best.answerText))
    if (c.expect === 'answer') {
      const right = best !== null && rightPair(c, best.id, best.answerText)
      count(metrics.strict, right)
      count(metrics.lenient, right)
      count(metrics.wrong, best !== null && !right)
    } else if (c.expect === 'fallback') {
      count(metrics.fallback, best === null)
      count(metrics.falseAnswer, best !== null)
    } else {
      count(metrics[c.expect], false)
    }
  }
  return metrics
}

/** Which targets a set of figures misses, as readable lines (empty when all hold). */
export function missedTargets(metrics: Metrics, targets: Targets = TARGETS): string[] {
  const out: string[] = []
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  for (const [name, target] of Object.entries(targets) as Array<[keyof Metrics, { min?: number; max?: number }]>) {
    const r = metrics[name]
    if (r.total === 0) continue
    const value = share(r)
    if (target.min !== undefined && value < target.min) out.push(`${METRIC_LABELS[name]} ${pct(value)} < ${pct(target.min)}`)
    if (target.max !== undefined && value > target.max) out.push(`${METRIC_LABELS[name]} ${pct(value)} > ${pct(target.max)}`)
  }
  return out
}

/** How each figure is named in reports. */
export const METRIC_LABELS: Record<keyof Metrics, string> = {
  strict: 'in-scope strict',
  lenient: 'in-scope lenient',
  wrong: 'in-scope wrong answer',
  fallback: 'out-of-scope fallback',
  falseAnswer: 'out-of-scope false answer',
  emergency: 'emergency recall',
  smalltalk: 'small talk',
  precision: 'answer precision',
}
