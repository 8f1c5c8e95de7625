import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCases, satisfies } from '../../../build/eval/cases.ts'
import { tempDir } from '../../helpers/kb-dir.ts'

const file = (lines: string[]): string => {
  const path = join(tempDir(), 'set.jsonl')
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

describe('readCases', () => {
  it('reads keyword cases and labelled cases (pair ids or "fallback", with the page they come from)', () => {
    const path = file([
      '{"q": "does it hurt", "expect": "answer", "topic": "pain", "all": [["sting"]]}',
      '{"q": "What is used?", "expect": ["what-is-in-the-injection"], "topic": "medication", "url": "https://a.example/faq"}',
      '{"q": "Does Medicare cover it?", "expect": "fallback", "url": "https://b.example/"}',
    ])
    expect(readCases(path)).toEqual([
      { q: 'does it hurt', expect: 'answer', topic: 'pain', all: [['sting']], url: undefined, origin: `${path}:1` },
      { q: 'What is used?', expect: 'answer', topic: 'medication', ids: ['what-is-in-the-injection'], url: 'https://a.example/faq', origin: `${path}:2` },
      { q: 'Does Medicare cover it?', expect: 'fallback', topic: undefined, all: undefined, url: 'https://b.example/', origin: `${path}:3` },
    ])
  })

  it('names file:line for a malformed case', () => {
    expect(() => readCases(file(['{"q": "x", "expect": []}']))).toThrow(/set\.jsonl:1: "expect" as a list must hold the ids/)
    expect(() => readCases(file(['{"q": "x", "expect": "maybe"}']))).toThrow(/set\.jsonl:1: "expect" must be a list of pair ids or one of answer, fallback, emergency, smalltalk, got "maybe"/)
    expect(() => readCases(file(['', '{"q": "x", "expect": "answer"}']))).toThrow(/set\.jsonl:2: an "answer" case needs "all"/)
    expect(() => readCases(file(['nope']))).toThrow(/set\.jsonl:1: not valid JSON/)
    expect(() => readCases(file(['{"q": "x", "expect": "fallback", "half": "C"}']))).toThrow(/set\.jsonl:1: "half" must be "A" or "B", got "C"/)
  })

  it('keeps the half a set names for a case', () => {
    const [named, unnamed] = readCases(file(['{"q": "x", "expect": "fallback", "half": "B"}', '{"q": "y", "expect": "fallback"}']))
    expect(named!.half).toBe('B')
    expect(unnamed).not.toHaveProperty('half')
  })
})

describe('satisfies', () => {
  it('needs one keyword of every group, ignoring case', () => {
    expect(satisfies('A brief Sting, then soreness', [['sting', 'pinch'], ['sore']])).toBe(true)
    expect(satisfies('A brief sting', [['sting'], ['sore']])).toBe(false)
  })
})
