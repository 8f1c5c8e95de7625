import { describe, expect, it } from 'vitest'
import { chartToSvg, escapeMarkup, histogramChart, kindClass, kindSharesChart, pairHitsChart, type Chart } from '../../../build/staff/charts.ts'
import { summarize } from '../../../build/staff/coverage.ts'
import { pairs, row, top } from './rows.ts'

const summary = summarize(
  [
    row({ kind: 'answer', confidence: 0.9, top: top('a', 0.9) }),
    row({ kind: 'answer', confidence: 0.8, top: top('a', 0.8) }),
    row({ kind: 'clarify', confidence: 0.6, top: top('a', 0.6), choices: ['a', 'b'] }),
    row({ kind: 'fallback', confidence: 0.2, top: top('b', 0.2) }),
  ],
  pairs('a', 'b', 'c'),
  0.5,
)

const rectsOf = (chart: Chart, className: string) => chart.rects.filter((rect) => rect.className.split(' ').includes(className))

describe('kindClass', () => {
  it('is the k- class of a kind', () => {
    expect(kindClass('smalltalk')).toBe('k-smalltalk')
  })
})

describe('kindSharesChart', () => {
  it('draws one bar per kind, longer for larger shares, and labels count and share', () => {
    const chart = kindSharesChart(summary)
    const answer = rectsOf(chart, 'k-answer')[0]!
    const fallback = rectsOf(chart, 'k-fallback')[0]!
    expect(answer.width).toBeCloseTo(fallback.width * 2)
    expect(rectsOf(chart, 'k-emergency')[0]!.width).toBe(0)
    expect(chart.texts.map((t) => t.text)).toContain('2 · 50%')
    expect(chart.description).toBe('Reply kinds of 4 questions: answered 50%, clarify 25%, fallback 25%, emergency 0%, small talk 0%.')
  })
})

describe('histogramChart', () => {
  it('marks the threshold with a line at its place on the axis', () => {
    const chart = histogramChart(summary, 460, 240)
    const axis = chart.lines.find((line) => line.className === 'axis' && line.y1 === line.y2)!
    const threshold = chart.lines.find((line) => line.className === 'threshold')!
    expect(threshold.x1).toBeCloseTo(axis.x1 + 0.5 * (axis.x2 - axis.x1))
    expect(chart.texts.map((t) => t.text)).toContain('threshold 0.50')
  })

  it('stacks each bin by kind, the tallest bin filling the plot', () => {
    const chart = histogramChart(summary)
    const bars = [...rectsOf(chart, 'k-answer'), ...rectsOf(chart, 'k-clarify'), ...rectsOf(chart, 'k-fallback')].filter((r) => r.title.includes('–'))
    expect(bars.map((bar) => bar.title)).toEqual(['0.8–0.9: 1 answered', '0.9–1.0: 1 answered', '0.6–0.7: 1 clarify', '0.2–0.3: 1 fallback'])
    expect(new Set(bars.map((bar) => Math.round(bar.height))).size).toBe(1)
    expect(chart.description).toBe('Confidence of 4 matched questions in bins of 0.10; threshold 0.50; 3 in bins at or above it.')
  })
})

describe('pairHitsChart', () => {
  it('draws the reached pairs, most reached first, answers and offers stacked', () => {
    const chart = pairHitsChart(summary)
    const labels = chart.texts.filter((t) => t.className === 'chart-label' && t.anchor === 'end').map((t) => t.text)
    expect(labels).toEqual(['a', 'b'])
    expect(rectsOf(chart, 'k-answer').filter((r) => r.title.startsWith('a:')).map((r) => r.title)).toEqual(['a: answered 2'])
    expect(rectsOf(chart, 'k-clarify').filter((r) => r.title.includes(':')).map((r) => r.title)).toEqual(['a: offered in clarify 1', 'b: offered in clarify 1'])
    expect(chart.description).toBe('2 of 3 pairs reached; 1 not reached by any question.')
  })
})

describe('chartToSvg', () => {
  it('writes an SVG with an accessible name, escaped text and no inline styles', () => {
    const svg = chartToSvg(
      { width: 10, height: 10, description: 'a < b', rects: [{ x: 0, y: 0, width: 1.234, height: 2, className: 'bar', title: '"x" & y' }], lines: [], texts: [{ x: 1, y: 2, text: '<b>', anchor: 'start', className: 'chart-label' }] },
      'Title & more',
    )
    expect(svg).toContain('role="img" aria-label="Title &#38; more"')
    expect(svg).toContain('<desc>a &#60; b</desc>')
    expect(svg).toContain('width="1.2"')
    expect(svg).toContain('<title>&#34;x&#34; &#38; y</title>')
    expect(svg).toContain('>&#60;b&#62;</text>')
    expect(svg).not.toContain('style')
  })
})

describe('escapeMarkup', () => {
  it('escapes the five characters markup gives meaning to', () => {
    expect(escapeMarkup(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;')
  })
})
