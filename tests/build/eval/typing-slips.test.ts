import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { random } from '../../../build/bench/synthetic.ts'
import { SLIP_KINDS, slip, typingSlips } from '../../../build/eval/typing-slips.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

describe('slip', () => {
  const rand = random(1)
  const many = (word: string, kind: (typeof SLIP_KINDS)[number]): string[] => Array.from({ length: 40 }, () => slip(word, kind, rand)!)

  it('puts one vowel for another, or leaves one out, never the first letter', () => {
    for (const typed of many('sore', 'a vowel put for another')) expect(typed).toMatch(/^sor[aiou]$|^s[aeiu]re$/)
    for (const typed of many('sore', 'a vowel left out')) expect(['sre', 'sor']).toContain(typed)
  })

  it('doubles one letter after the first', () => {
    for (const typed of many('hurt', 'a letter doubled')) expect(['huurt', 'hurrt', 'hurtt']).toContain(typed)
  })

  it('types a consonant with a key next to it', () => {
    for (const typed of many('hurt', 'a key next to the right one')) expect(typed).toMatch(/^hu[etdf]t$|^hur[ryfg]$/)
  })

  it('gives null when the word has no place for the slip', () => {
    expect(slip('shh', 'a vowel left out', rand)).toBeNull()
  })
})

describe('typingSlips', () => {
  it('asks the phrasings once per kind of slip and counts what got their own pair and what got another', () => {
    const scores = typingSlips(compileKb(SMALL_KB))
    expect(scores.map((score) => score.kind)).toEqual([...SLIP_KINDS])
    for (const { right, wrong } of scores) {
      expect(right.total).toBeGreaterThan(0)
      expect(right.hits + wrong.hits).toBeLessThanOrEqual(right.total)
    }
  })
})
