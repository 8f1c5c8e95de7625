import { describe, expect, it } from 'vitest'
import { readQuestions } from '../../../build/staff/questions.ts'

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
