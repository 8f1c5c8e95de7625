import { describe, expect, it } from 'vitest'
import SearchableMap from 'minisearch/SearchableMap'
import { allowedDistance, createSpeller } from '../../../widget/engine/spelling.ts'

/** A speller over a few known terms, as the index would give them (term → document frequency). */
function spellerOver(terms: Record<string, number>, variants: string[] = []) {
  const df = new Map(Object.entries(terms))
  return createSpeller({
    df,
    analyzer: { variantTerms: new Set(variants) },
    vocabulary: () => SearchableMap.from([...df]) as SearchableMap<number>,
  })
}

describe('allowedDistance', () => {
  it('allows no edit on a word of three letters, one up to eight, two beyond', () => {
    expect(allowedDistance('arm')).toBe(0)
    expect(allowedDistance('neck')).toBe(1)
    expect(allowedDistance('injecton')).toBe(1)
    expect(allowedDistance('corticosteriod')).toBe(2)
  })
})

describe('createSpeller', () => {
  const speller = spellerOver({ inject: 40, right: 3, heal: 2, sore: 5, follow: 2, corticosteroid: 1, exact: 1, hurt: 6, needl: 9 })

  it('returns a known term or synonym variant as it is', () => {
    expect(speller.correct('inject')).toBe('inject')
    expect(spellerOver({}, ['tpi']).correct('tpi')).toBe('tpi')
  })

  it('mends a typo in a longer word', () => {
    expect(speller.correct('injecton')).toBe('inject')
    expect(speller.correct('exactley')).toBe('exact')
    expect(speller.correct('corticosteriod')).toBe('corticosteroid')
  })

  it('corrects a short stem only across a doubled letter, since real words lie one edit from the known ones ("night", "real", "solely")', () => {
    expect(speller.correct('night')).toBeNull()
    expect(speller.correct('real')).toBeNull()
    expect(speller.correct('sole')).toBeNull()
    expect(speller.correct('hurtt')).toBe('hurt')
    expect(speller.correct('nedl')).toBe('needl')
  })

  it('never changes the first letter ("hollow" is not "follow")', () => {
    expect(speller.correct('hollow')).toBeNull()
  })

  it('falls back to a known stem the word begins with, when a typo near its end defeats the stemmer', () => {
    expect(spellerOver({ complic: 4 }).correct('complicaton')).toBe('complic')
  })
})
