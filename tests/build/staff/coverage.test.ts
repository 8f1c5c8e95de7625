import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine } from '../../../widget/engine/index.ts'
import {
  coverageCsvRows,
  coverageRows,
  engineCache,
  formatPercent,
  pairLabel,
  summarize,
  toCoverageRow,
} from '../../../build/staff/coverage.ts'
import { pairs, row, top } from './rows.ts'

const kb = compileKb('tests/fixtures/kb-small')

describe('toCoverageRow', () => {
  it('keeps what staff need from a reply, as plain data', () => {
    const reply = createEngine(kb).reply('will the shot hurt')
    const result = toCoverageRow(reply, 7)
    expect(result).toMatchObject({ n: 7, question: 'will the shot hurt', kind: reply.kind, confidence: reply.confidence, handoff: null })
    expect(result.top?.id).toBe('does-it-hurt')
    expect(result.matchedTerms).toEqual(reply.why.matchedTerms)
    expect(result.reason).toBe(reply.why.reason)
    expect(JSON.parse(JSON.stringify(result))).toEqual(result)
  })

  it('names the handoff topic of a handoff fallback', () => {
    const result = toCoverageRow(createEngine(kb).reply('how much does it cost'), 1)
    expect(result.kind).toBe('fallback')
    expect(result.handoff).toBe('prices')
  })
})

describe('coverageRows', () => {
  it('numbers the questions from 1 in log order', () => {
    const rows = coverageRows(createEngine(kb), ['hello', 'will the shot hurt', 'where do I park'])
    expect(rows.map((r) => [r.n, r.kind])).toEqual([
      [1, 'smalltalk'],
      [2, 'answer'],
      [3, 'fallback'],
    ])
  })
})

describe('engineCache', () => {
  it('gives one engine per threshold and the default one for undefined', () => {
    const engines = engineCache(kb)
    expect(engines(0.3)).toBe(engines(0.3))
    expect(engines(0.3).options.threshold).toBe(0.3)
    expect(engines(0.9).options.threshold).toBe(0.9)
    expect(engines().options.threshold).toBe(createEngine(kb).options.threshold)
  })

  it('decides kinds as an engine created at that threshold does', () => {
    const engines = engineCache(kb)
    const questions = ['will the shot hurt', 'does it sting a bit', 'what is it', 'price', 'tpi']
    for (const threshold of [0, 0.2, 0.45, 0.6, 0.8, 1]) {
      expect(coverageRows(engines(threshold), questions)).toEqual(coverageRows(createEngine(kb, { threshold }), questions))
    }
  })

  it('keeps only the most recently used engines', () => {
    const engines = engineCache(kb, 2)
    const first = engines(0.1)
    const second = engines(0.2)
    engines(0.1)
    engines(0.3)
    expect(engines(0.1)).toBe(first)
    expect(engines(0.2)).not.toBe(second)
  })
})

describe('summarize', () => {
  const rows = [
    row({ kind: 'answer', confidence: 0.95, top: top('a', 0.95) }),
    row({ kind: 'answer', confidence: 1, top: top('a', 1) }),
    row({ kind: 'answer', confidence: 0.61, top: top('b', 0.61) }),
    row({ kind: 'clarify', confidence: 0.55, top: top('a', 0.55), choices: ['a', 'c'] }),
    row({ kind: 'fallback', confidence: 0.3, top: top('b', 0.3) }),
    row({ kind: 'fallback', confidence: 0, top: null, handoff: 'prices' }),
    row({ kind: 'fallback', confidence: 0.05, top: top('c', 0.05), handoff: 'prices' }),
    row({ kind: 'emergency', confidence: 1, top: top('a', 0.2) }),
  ]
  const summary = summarize(rows, pairs('a', 'b', 'c', 'd'), 0.5)

  it('counts each kind and their shares of all questions', () => {
    expect(summary.total).toBe(8)
    expect(summary.counts).toEqual({ answer: 3, clarify: 1, fallback: 3, emergency: 1, smalltalk: 0 })
    expect(summary.shares).toEqual({ answer: 3 / 8, clarify: 1 / 8, fallback: 3 / 8, emergency: 1 / 8, smalltalk: 0 })
    expect(Object.values(summary.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(summary.answeredShare).toBe(0.375)
    expect(summary.threshold).toBe(0.5)
  })

  it('counts the fallbacks of each handoff topic', () => {
    expect(summary.handoffs).toEqual({ prices: 2 })
  })

  it('bins the confidence of answers, clarifies and fallbacks, with 1 in the last bin', () => {
    expect(summary.histogram).toHaveLength(10)
    expect(summary.histogram[0]).toEqual({ from: 0, to: 0.1, counts: { answer: 0, clarify: 0, fallback: 2 }, total: 2 })
    expect(summary.histogram[3]!.counts.fallback).toBe(1)
    expect(summary.histogram[5]!.counts.clarify).toBe(1)
    expect(summary.histogram[6]!.counts.answer).toBe(1)
    expect(summary.histogram[9]!.counts).toEqual({ answer: 2, clarify: 0, fallback: 0 })
    // Emergencies and small talk are decided before matching: the threshold cannot move them.
    expect(summary.histogram.reduce((sum, bin) => sum + bin.total, 0)).toBe(7)
  })

  it('counts answers and clarify offers per pair, in knowledge-base order, and lists the pairs never reached', () => {
    expect(summary.pairs).toEqual([
      { id: 'a', question: 'a?', answered: 2, offered: 1 },
      { id: 'b', question: 'b?', answered: 1, offered: 0 },
      { id: 'c', question: 'c?', answered: 0, offered: 1 },
      { id: 'd', question: 'd?', answered: 0, offered: 0 },
    ])
    expect(summary.unreached.map((pair) => pair.id)).toEqual(['d'])
  })

  it('gives zero shares, empty bins and every pair unreached for an empty log', () => {
    const empty = summarize([], pairs('a'), 0.5, { bins: 4 })
    expect(empty.shares).toEqual({ answer: 0, clarify: 0, fallback: 0, emergency: 0, smalltalk: 0 })
    expect(empty.histogram.map((bin) => [bin.from, bin.to, bin.total])).toEqual([
      [0, 0.25, 0],
      [0.25, 0.5, 0],
      [0.5, 0.75, 0],
      [0.75, 1, 0],
    ])
    expect(empty.unreached).toHaveLength(1)
  })
})

describe('pairLabel', () => {
  it('names the handoff topic, the best pair, or nothing for replies decided before matching', () => {
    expect(pairLabel(row({ kind: 'fallback', top: top('a', 0.2), handoff: 'prices' }))).toBe('handoff: prices')
    expect(pairLabel(row({ kind: 'fallback', top: top('a', 0.2) }))).toBe('a')
    expect(pairLabel(row({ kind: 'answer', top: top('b', 0.9) }))).toBe('b')
    expect(pairLabel(row({ kind: 'smalltalk', top: top('a', 0.3) }))).toBe('')
    expect(pairLabel(row({ kind: 'emergency', top: top('a', 0.3) }))).toBe('')
    expect(pairLabel(row({ kind: 'fallback' }))).toBe('')
  })
})

describe('formatPercent', () => {
  it('rounds to one decimal and drops a trailing .0', () => {
    expect(formatPercent(0.375)).toBe('37.5%')
    expect(formatPercent(2 / 3)).toBe('66.7%')
    expect(formatPercent(1)).toBe('100%')
    expect(formatPercent(0)).toBe('0%')
  })
})

describe('coverageCsvRows', () => {
  it('has a header and one row per question with pair, the visitor\'s matched words, runners-up and why', () => {
    const leader = { id: 'a', kind: 'pair' as const, question: 'a?', confidence: 0.9, matchedWords: ['hurt'] }
    const runnerUp = { id: 'b', kind: 'pair' as const, question: 'b?', confidence: 0.4, matchedWords: ['hurt', 'shot'] }
    const rows = coverageCsvRows([
      row({ n: 3, question: 'does it hurt', kind: 'answer', confidence: 0.9, top: top('a', 0.9), matchedTerms: ['pain'], alternatives: [top('b', 0.4)], reason: 'ok', leader, runnerUp, unmatchedWords: ['tomorrow'], closestPhrasing: 'will it hurt' }),
    ])
    expect(rows).toEqual([
      ['n', 'question', 'kind', 'confidence', 'pair', 'pair_question', 'matched_words', 'runners_up', 'reason', 'why'],
      [3, 'does it hurt', 'answer', 0.9, 'a', 'a?', 'hurt', 'b (0.4)', 'ok', '"hurt" matched a ("will it hurt"); not matched: "tomorrow"; runner-up b 0.40 (also matched "shot")'],
    ])
  })
})
