/** The text report of `frontdesk eval`: figures beside plain MiniSearch, halves, reliability, misses. */
import type { Engine } from '../../widget/engine/index.ts'
import { satisfies, type EvalCase } from './cases.ts'
import { METRIC_LABELS, SURE_CONFIDENCE, SURE_PRECISION, halfOf, metricsOf, reliabilityOf, share, sureAnswers, type Metrics, type Outcome, type Ratio } from './evaluate.ts'

/** The figures in the order a report shows them: precision first. */
export const REPORT_ROWS: ReadonlyArray<keyof Metrics> = ['strict', 'wrong', 'fallback', 'falseAnswer', 'precision', 'lenient', 'emergency', 'smalltalk']

/** A ratio as "66.1% (80/121)". */
export function cell(ratio: Ratio): string {
  return `${(share(ratio) * 100).toFixed(1).padStart(5)}% (${ratio.hits}/${ratio.total})`
}

/** The table of figures, with plain MiniSearch's beside them when given; rows without cases are left out. */
export function metricsTable(metrics: Metrics, baseline?: Metrics): string[] {
  const out = [`${''.padEnd(28)}${'Frontdesk'.padEnd(22)}${baseline ? 'MiniSearch defaults' : ''}`]
  for (const key of REPORT_ROWS) {
    if (metrics[key].total === 0) continue
    out.push(`${METRIC_LABELS[key].padEnd(28)}${cell(metrics[key]).padEnd(22)}${baseline ? cell(baseline[key]) : ''}`)
  }
  return out
}

/** The figures of each half of a set split by page (only for sets whose cases carry a `url`). */
export function halvesTable(outcomes: readonly Outcome[]): string[] {
  if (!outcomes.every((o) => o.case.url)) return []
  const keys: Array<keyof Metrics> = ['strict', 'wrong', 'fallback', 'falseAnswer', 'precision']
  const out = ['By half, split by page (A: the half worked from; B: the half kept untouched):', `  ${''.padEnd(24)}${keys.map((k) => METRIC_LABELS[k].replace(/^(in-scope|out-of-scope|answer) /, '').padEnd(20)).join('')}`]
  for (const half of ['A', 'B'] as const) {
    const mine = outcomes.filter((o) => halfOf(o.case) === half)
    const pages = new Set(mine.map((o) => o.case.url)).size
    const metrics = metricsOf(mine)
    out.push(`  ${`half ${half} (${pages} pages, ${mine.length})`.padEnd(24)}${keys.map((k) => cell(metrics[k]).padEnd(20)).join('')}`)
  }
  return out
}

/** The reliability table: answers given per confidence bin, and the share of them that was right. */
export function reliabilityTable(outcomes: readonly Outcome[], threshold: number): string[] {
  const bins = reliabilityOf(outcomes, threshold)
  const out = ['Reliability (answers given, by confidence):', `  ${'confidence'.padEnd(14)}${'answers'.padEnd(10)}right`]
  for (const bin of bins) {
    if (bin.answers === 0) continue
    out.push(`  ${`${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`.padEnd(14)}${String(bin.answers).padEnd(10)}${cell({ hits: bin.right, total: bin.answers })}`)
  }
  const sure = sureAnswers(outcomes)
  out.push(`  ${`≥ ${SURE_CONFIDENCE}`.padEnd(14)}${String(sure.total).padEnd(10)}${cell(sure)}   (target ≥ ${SURE_PRECISION * 100}%)`)
  return out
}

/** The pair ids a case counts as right: its labels, or the pairs whose answers hold its keywords. */
export function expectedIds(c: EvalCase, engine: Engine): string[] {
  if (c.ids) return c.ids
  return c.all ? engine.pairs.filter((pair) => satisfies(pair.answerText, c.all!)).map((pair) => pair.id) : []
}

/** One line per miss: what came back, what was expected, and the runner-up. */
export function missLines(misses: readonly Outcome[], engine: Engine, paint: (colour: 'yellow', text: string) => string): string[] {
  return misses.map((miss) => {
    const c = miss.case
    const expected = c.expect === 'answer' ? `answer ${expectedIds(c, engine).join(' or ') || `about ${c.topic ?? '?'}`}` : c.expect
    return `  ${paint('yellow', miss.kind.padEnd(9))} ${miss.confidence.toFixed(2)}  "${c.q}"  expected ${expected}; got ${miss.got ?? 'none'}, runner-up ${miss.runnerUp ?? 'none'}  (${c.origin})`
  })
}
