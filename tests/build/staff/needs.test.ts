import { describe, expect, it } from 'vitest'
import { compareNeed, countQuestions, Need, needOf } from '../../../build/staff/needs.ts'
import { row, top } from './rows.ts'

describe('countQuestions', () => {
  it('counts each question once whatever its case and punctuation, with its "No"s, in order of first appearance', () => {
    expect(
      countQuestions([
        { question: 'Do you take Amex?' },
        { question: 'is it safe' },
        { question: 'do you take amex' },
        { question: 'is it safe', helpful: false },
        { question: 'is it safe', helpful: true },
        { question: 'why me', helpful: false },
      ]),
    ).toEqual([
      { question: 'Do you take Amex?', asked: 2, unhelpful: 0 },
      { question: 'is it safe', asked: 1, unhelpful: 1 },
      { question: 'why me', asked: 1, unhelpful: 1 },
    ])
  })
})

describe('needOf and compareNeed', () => {
  const rows = [
    row({ n: 1, question: 'sure answer', kind: 'answer', confidence: 0.95, top: top('a', 0.95), asked: 9 }),
    row({ n: 2, question: 'rare fallback', kind: 'fallback', confidence: 0.1, asked: 1 }),
    row({ n: 3, question: 'handoff', kind: 'fallback', confidence: 0.9, handoff: 'prices', asked: 30 }),
    row({ n: 4, question: 'frequent fallback', kind: 'fallback', confidence: 0.3, asked: 12 }),
    row({ n: 5, question: 'weak answer', kind: 'answer', confidence: 0.5, top: top('a', 0.5), asked: 2 }),
    row({ n: 6, question: 'clarify', kind: 'clarify', confidence: 0.7, asked: 2 }),
    row({ n: 7, question: 'said no', kind: 'answer', confidence: 0.95, top: top('a', 0.95), asked: 2, unhelpful: 2 }),
    row({ n: 8, question: 'hello', kind: 'smalltalk', confidence: 1 }),
  ]

  it('puts fallbacks first, then wrong-looking replies (a clarify, low confidence, a "No"), then the rest', () => {
    expect(rows.map(needOf)).toEqual([Need.fine, Need.unanswered, Need.fine, Need.unanswered, Need.doubtful, Need.doubtful, Need.doubtful, Need.fine])
  })

  it('orders each group by how often it was asked, then the "No"s, then the lowest confidence', () => {
    expect([...rows].sort(compareNeed).map((r) => r.question)).toEqual([
      'frequent fallback',
      'rare fallback',
      'said no',
      'weak answer',
      'clarify',
      'handoff',
      'sure answer',
      'hello',
    ])
  })
})
