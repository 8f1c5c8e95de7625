/**
 * The coverage charts as plain geometry: bars, lines and labels in SVG user units, coloured by class names. The
 * HTML report turns a chart into an SVG string (`chartToSvg`), the console into Preact elements, so both draw the
 * same charts. Only SVG attributes are used, never inline styles, so the console stays within a strict CSP.
 */
import type { ReplyKind } from '../../widget/engine/index.ts'
import { formatPercent, KIND_LABEL, KIND_ORDER, type CoverageSummary } from './coverage.ts'

/** A rectangle: a bar or part of a stacked bar. */
export interface ChartRect {
  x: number
  y: number
  width: number
  height: number
  /** CSS classes, such as `k-answer`. */
  className: string
  /** The tooltip and accessible text of the bar. */
  title: string
}

/** A label. */
export interface ChartText {
  x: number
  y: number
  text: string
  anchor: 'start' | 'middle' | 'end'
  className: string
}

/** A straight line: an axis or the threshold marker. */
export interface ChartLine {
  x1: number
  y1: number
  x2: number
  y2: number
  className: string
}

/** One chart, ready to draw. */
export interface Chart {
  /** The `viewBox` size. */
  width: number
  height: number
  /** A one-sentence description for assistive technology. */
  description: string
  rects: ChartRect[]
  lines: ChartLine[]
  texts: ChartText[]
}

/** The CSS class that colours a kind. */
export const kindClass = (kind: ReplyKind): string => `k-${kind}`

/** Adds a legend row: a swatch and a label per kind, left to right from `x`. */
function legend(chart: Chart, x: number, y: number, items: ReadonlyArray<readonly [className: string, label: string]>): void {
  let at = x
  for (const [className, label] of items) {
    chart.rects.push({ x: at, y: y - 9, width: 10, height: 10, className: `bar ${className}`, title: label })
    chart.texts.push({ x: at + 14, y, text: label, anchor: 'start', className: 'chart-label' })
    at += 28 + label.length * 7
  }
}

const ROW = 26
const LABEL = 96

/** Shares of each reply kind, one horizontal bar per kind. */
export function kindSharesChart(summary: CoverageSummary, width = 460): Chart {
  const plot = width - LABEL - 110
  const chart: Chart = { width, height: KIND_ORDER.length * ROW + 4, description: '', rects: [], lines: [], texts: [] }
  KIND_ORDER.forEach((kind, i) => {
    const y = i * ROW + 4
    const share = summary.shares[kind]
    const barWidth = Math.max(share > 0 ? 2 : 0, share * plot)
    const value = `${summary.counts[kind]} · ${formatPercent(share)}`
    chart.texts.push({ x: LABEL - 8, y: y + 14, text: KIND_LABEL[kind], anchor: 'end', className: 'chart-label' })
    chart.rects.push({ x: LABEL, y, width: barWidth, height: ROW - 8, className: `bar ${kindClass(kind)}`, title: `${KIND_LABEL[kind]}: ${value}` })
    chart.texts.push({ x: LABEL + barWidth + 6, y: y + 14, text: value, anchor: 'start', className: 'chart-value' })
  })
  chart.description = `Reply kinds of ${summary.total} questions: ${KIND_ORDER.map((kind) => `${KIND_LABEL[kind]} ${formatPercent(summary.shares[kind])}`).join(', ')}.`
  return chart
}

/** The confidence histogram, bars stacked by kind, with the threshold marked. */
export function histogramChart(summary: CoverageSummary, width = 460, height = 240): Chart {
  const left = 34
  const right = 10
  const top = 22
  const bottom = 50
  const plotW = width - left - right
  const plotH = height - top - bottom
  const max = Math.max(1, ...summary.histogram.map((bin) => bin.total))
  const x = (value: number): number => left + value * plotW
  const chart: Chart = { width, height, description: '', rects: [], lines: [], texts: [] }
  for (const bin of summary.histogram) {
    let y = top + plotH
    for (const kind of ['answer', 'clarify', 'fallback'] as const) {
      const count = bin.counts[kind]
      if (count === 0) continue
      const h = (count / max) * plotH
      y -= h
      const range = `${bin.from.toFixed(1)}–${bin.to.toFixed(1)}`
      chart.rects.push({ x: x(bin.from) + 1, y, width: plotW / summary.histogram.length - 2, height: h, className: `bar ${kindClass(kind)}`, title: `${range}: ${count} ${KIND_LABEL[kind]}` })
    }
    if (bin.total > 0) chart.texts.push({ x: x((bin.from + bin.to) / 2), y: y - 4, text: String(bin.total), anchor: 'middle', className: 'chart-value' })
  }
  chart.lines.push({ x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, className: 'axis' })
  chart.lines.push({ x1: left, y1: top, x2: left, y2: top + plotH, className: 'axis' })
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    chart.texts.push({ x: x(tick), y: top + plotH + 16, text: String(tick), anchor: 'middle', className: 'chart-label' })
  }
  legend(chart, left, height - 6, (['answer', 'clarify', 'fallback'] as const).map((kind) => [kindClass(kind), KIND_LABEL[kind]]))
  chart.texts.push({ x: left - 6, y: top + 4, text: String(max), anchor: 'end', className: 'chart-label' })
  chart.texts.push({ x: left - 6, y: top + plotH, text: '0', anchor: 'end', className: 'chart-label' })
  const t = x(summary.threshold)
  chart.lines.push({ x1: t, y1: top - 6, x2: t, y2: top + plotH, className: 'threshold' })
  const flip = summary.threshold > 0.7
  chart.texts.push({ x: flip ? t - 4 : t + 4, y: top - 8, text: `threshold ${summary.threshold.toFixed(2)}`, anchor: flip ? 'end' : 'start', className: 'chart-threshold' })
  const matched = summary.histogram.reduce((sum, bin) => sum + bin.total, 0)
  const above = summary.histogram.filter((bin) => bin.from >= summary.threshold).reduce((sum, bin) => sum + bin.total, 0)
  chart.description = `Confidence of ${matched} matched questions in bins of ${(1 / summary.histogram.length).toFixed(2)}; threshold ${summary.threshold.toFixed(2)}; ${above} in bins at or above it.`
  return chart
}

/** Hits per pair: one row per pair reached, answers and clarify offers stacked, most reached first. */
export function pairHitsChart(summary: CoverageSummary, width = 460): Chart {
  const label = 230
  const plot = width - label - 40
  const reached = summary.pairs.filter((pair) => pair.answered + pair.offered > 0).sort((a, b) => b.answered + b.offered - (a.answered + a.offered))
  const max = Math.max(1, ...reached.map((pair) => pair.answered + pair.offered))
  const row = 18
  const head = 22
  const chart: Chart = { width, height: head + Math.max(row, reached.length * row) + 4, description: '', rects: [], lines: [], texts: [] }
  legend(chart, label, 12, [[kindClass('answer'), 'answered'], [kindClass('clarify'), 'offered in clarify']])
  reached.forEach((pair, i) => {
    const y = head + i * row + 2
    const name = pair.id.length > 34 ? `${pair.id.slice(0, 33)}…` : pair.id
    chart.texts.push({ x: label - 6, y: y + 11, text: name, anchor: 'end', className: 'chart-label' })
    const answered = (pair.answered / max) * plot
    const offered = (pair.offered / max) * plot
    if (pair.answered) chart.rects.push({ x: label, y, width: answered, height: row - 5, className: `bar ${kindClass('answer')}`, title: `${pair.id}: answered ${pair.answered}` })
    if (pair.offered) chart.rects.push({ x: label + answered, y, width: offered, height: row - 5, className: `bar ${kindClass('clarify')}`, title: `${pair.id}: offered in clarify ${pair.offered}` })
    chart.texts.push({ x: label + answered + offered + 5, y: y + 11, text: String(pair.answered + pair.offered), anchor: 'start', className: 'chart-value' })
  })
  if (reached.length === 0) chart.texts.push({ x: 0, y: head + 13, text: 'No question reached any pair.', anchor: 'start', className: 'chart-label' })
  chart.description = `${reached.length} of ${summary.pairs.length} pairs reached; ${summary.unreached.length} not reached by any question.`
  return chart
}

/** Escapes text for HTML and SVG markup, attributes included. */
export const escapeMarkup = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
const n = (value: number): string => String(Math.round(value * 10) / 10)

/** Draws a chart as an SVG string with an accessible name (`title`) and description. */
export function chartToSvg(chart: Chart, title: string): string {
  const parts = [
    `<svg class="chart" viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" height="${chart.height}" role="img" aria-label="${escapeMarkup(title)}">`,
    `<title>${escapeMarkup(title)}</title><desc>${escapeMarkup(chart.description)}</desc>`,
    ...chart.lines.map((l) => `<line class="${l.className}" x1="${n(l.x1)}" y1="${n(l.y1)}" x2="${n(l.x2)}" y2="${n(l.y2)}"/>`),
    ...chart.rects.map((r) => `<rect class="${r.className}" x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}"><title>${escapeMarkup(r.title)}</title></rect>`),
    ...chart.texts.map((t) => `<text class="${t.className}" x="${n(t.x)}" y="${n(t.y)}" text-anchor="${t.anchor}">${escapeMarkup(t.text)}</text>`),
    '</svg>',
  ]
  return parts.join('')
}

/**
 * The charts' colours and strokes: inlined by the HTML report, written to `coverage/charts.css` for the console.
 * Kind colours keep 4.5:1 contrast on white, so value labels in them stay readable too.
 */
export const CHART_CSS = `
.chart { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
.chart .bar { stroke: none; }
.chart .k-answer { fill: #1f7a3f; }
.chart .k-clarify { fill: #a35200; }
.chart .k-fallback { fill: #6b3fa0; }
.chart .k-emergency { fill: #b3261e; }
.chart .k-smalltalk { fill: #1c5fa8; }
.chart .axis { stroke: #6b6b6b; stroke-width: 1; }
.chart .threshold { stroke: #111; stroke-width: 2; stroke-dasharray: 5 3; }
.chart .chart-label { fill: #333; }
.chart .chart-value { fill: #333; font-variant-numeric: tabular-nums; }
.chart .chart-threshold { fill: #111; font-weight: 600; }
`
