import { describe, expect, it } from 'vitest'
import { summarize } from '../../../build/staff/coverage.ts'
import { renderCoverageReport } from '../../../build/staff/report-html.ts'
import { pairs, row, top } from './rows.ts'

const rows = [
  row({ n: 1, question: 'does it <hurt>?', kind: 'answer', confidence: 0.91, top: top('a', 0.91), matchedTerms: ['pain'], alternatives: [top('b', 0.4)], reason: 'confidence 0.91 ≥ threshold 0.5' }),
  row({ n: 2, question: 'how much is it', kind: 'fallback', confidence: 0.1, top: top('b', 0.1), handoff: 'prices', reason: 'handoff topic: Prices' }),
  row({ n: 3, question: 'hello', kind: 'smalltalk', confidence: 1, reason: 'small talk: greeting' }),
]
const summary = summarize(rows, pairs('a', 'b', 'c'), 0.5)
const html = renderCoverageReport(rows, summary, { source: 'log & more.txt', kbHash: 'abc123', generated: '2025-01-01T00:00:00.000Z' })

describe('renderCoverageReport', () => {
  it('is one standalone HTML document: inline CSS, inline SVG, nothing fetched', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('<style>')
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/)
    expect(html).not.toMatch(/\b(src|href)=/)
    expect(html.match(/<svg class="chart"/g)).toHaveLength(3)
  })

  it('says what was measured, with the share answered and every count', () => {
    expect(html).toContain('<title>Frontdesk coverage report: log &#38; more.txt</title>')
    expect(html).toContain('log &#38; more.txt · 3 questions · threshold 0.50 · knowledge base abc123 · 2025-01-01T00:00:00.000Z')
    expect(html).toContain('<div><dt>share answered</dt><dd>33.3%</dd></div>')
    expect(html).toContain('<div><dt>fallback</dt><dd>1</dd></div>')
    expect(html).toContain('<div><dt>pairs not reached</dt><dd>2</dd></div>')
  })

  it('lists the pairs no question reached', () => {
    expect(html).toContain('<p>2 pairs no question reached:</p><ul class="unreached"><li><code>b</code> b?</li><li><code>c</code> c?</li></ul>')
  })

  it('has a row per question with kind, confidence, pair or handoff, and why, escaped', () => {
    expect(html).toContain('<td>does it &#60;hurt&#62;?</td><td class="kind k-answer">answered</td><td class="num">0.91</td><td>a</td><td class="why">confidence 0.91 ≥ threshold 0.5 · matched: pain · runners-up: b 0.40</td>')
    expect(html).toContain('<td>handoff: prices</td>')
    expect(html).toContain('<td class="kind k-smalltalk">small talk</td><td class="num">1.00</td><td>—</td>')
  })
})
