import { describe, expect, it } from 'vitest'
import { readLogRecords, readQuestions } from '../../../build/staff/questions.ts'

describe('readQuestions', () => {
  it('reads one question per line, trimmed, skipping blank lines', () => {
    expect(readQuestions('does it hurt\n\n  is it safe  \r\nhow long\n')).toEqual({ questions: ['does it hurt', 'is it safe', 'how long'], format: 'lines' })
  })

  it('reads CSV when the header has a question column, in any case and position', () => {
    const csv = '\uFEFFdate,Question,page\r\n2024-01-01,"hi, does it hurt?",/tpi\r\n2024-01-02,,/\r\n2024-01-03,is it safe,/\r\n'
    expect(readQuestions(csv)).toEqual({ questions: ['hi, does it hurt?', 'is it safe'], format: 'csv' })
  })

  it('reads a question spanning lines inside quotes as one', () => {
    expect(readQuestions('question\n"my neck\nhurts, would this help"\n').questions).toEqual(['my neck\nhurts, would this help'])
  })

  it('reads a first line with commas but no question column as a question', () => {
    expect(readQuestions('hi, does it hurt?\nis it safe').questions).toEqual(['hi, does it hurt?', 'is it safe'])
  })

  it('refuses a .csv file without a question column, naming its columns', () => {
    expect(() => readQuestions('text,date\nhello,1\n', { name: 'log.csv' })).toThrow('log.csv has no "question" column (columns: "text", "date")')
  })
})

describe('readLogRecords', () => {
  it('reads JSON Lines, such as the clinic\'s own frontdesk-reply log, with "No" feedback', () => {
    const log = [
      '{"question": "do you take amex", "kind": "fallback", "pairId": null, "confidence": 0.1}',
      '',
      '{"question": "is it safe", "kind": "answer", "pairId": "safety", "confidence": 0.52}',
      '{"question": "is it safe", "pairId": "safety", "helpful": false}',
    ].join('\n')
    expect(readLogRecords(log)).toEqual({
      records: [{ question: 'do you take amex' }, { question: 'is it safe' }, { question: 'is it safe', helpful: false }],
      format: 'jsonl',
    })
    expect(readQuestions(log).questions).toEqual(['do you take amex', 'is it safe'])
  })

  it('names the line of JSON Lines it cannot read', () => {
    expect(() => readLogRecords('{"question": "a"}\n{oops\n', { name: 'log.jsonl' })).toThrow('log.jsonl:2: not a JSON object: {oops')
    expect(() => readLogRecords('{"q": "a"}\n', { name: 'log.jsonl' })).toThrow('log.jsonl:1: has no "question" text')
    expect(() => readLogRecords('hello\n', { name: 'log.jsonl' })).toThrow('log.jsonl:1: not a JSON object: hello')
  })

  it('reads feedback from a CSV "helpful" column', () => {
    expect(readLogRecords('question,helpful\nis it safe,no\nis it safe,\ndoes it hurt,TRUE\n').records).toEqual([
      { question: 'is it safe', helpful: false },
      { question: 'is it safe' },
      { question: 'does it hurt', helpful: true },
    ])
  })
})
