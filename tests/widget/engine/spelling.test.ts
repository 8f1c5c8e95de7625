import { describe, expect, it } from 'vitest'
import SearchableMap from 'minisearch/SearchableMap'
import { allowedDistance, createSpeller, isFarSubstitution, isTypingSlip } from '../../../widget/engine/spelling.ts'

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

describe('isTypingSlip', () => {
  it('takes a vowel put for another, added or left out', () => {
    expect(isTypingSlip('meni', 'mani')).toBe(true)
    expect(isTypingSlip('damg', 'damag')).toBe(true)
    expect(isTypingSlip('wher', 'where')).toBe(true)
  })

  it('takes a letter doubled or not, and a key next to the right one', () => {
    expect(isTypingSlip('shott', 'shot')).toBe(true)
    expect(isTypingSlip('comon', 'common')).toBe(true)
    expect(isTypingSlip('hurr', 'hurt')).toBe(true)
  })

  it('refuses what real words differ by: a far key, a consonant added or left out', () => {
    expect(isTypingSlip('sole', 'sore')).toBe(false)
    expect(isTypingSlip('mate', 'make')).toBe(false)
    expect(isTypingSlip('heart', 'heat')).toBe(false)
    expect(isTypingSlip('took', 'too')).toBe(false)
  })
})

describe('isFarSubstitution', () => {
  it('is a letter put for one far from it on the keyboard, not a vowel for a vowel', () => {
    expect(isFarSubstitution('consent', 'content')).toBe(true)
    expect(isFarSubstitution('infecton', 'injecton')).toBe(true)
  })

  it('is not a slip of typing, letters swapped, or a letter added or left out', () => {
    expect(isFarSubstitution('pregnent', 'pregnant')).toBe(false)
    expect(isFarSubstitution('injecyion', 'injection')).toBe(false)
    expect(isFarSubstitution('corticosteriod', 'corticosteroid')).toBe(false)
    expect(isFarSubstitution('excercis', 'exercis')).toBe(false)
  })
})

describe('createSpeller', () => {
  const speller = spellerOver({ inject: 40, right: 3, heal: 2, sore: 5, follow: 2, corticosteroid: 1, exact: 1, hurt: 6, needl: 9, mani: 4 })

  it('returns a known term or synonym variant as it is', () => {
    expect(speller.correct('inject')).toBe('inject')
    expect(spellerOver({}, ['tpi']).correct('tpi')).toBe('tpi')
  })

  it('mends a typo in a longer word', () => {
    expect(speller.correct('injecton')).toBe('inject')
    expect(speller.correct('exactley')).toBe('exact')
    expect(speller.correct('corticosteriod')).toBe('corticosteroid')
  })

  it('corrects a short stem only across a slip of typing, since real words lie one edit from the known ones ("night", "real", "solely")', () => {
    expect(speller.correct('night')).toBeNull()
    expect(speller.correct('sole')).toBeNull()
    expect(speller.correct('hurtt')).toBe('hurt')
    expect(speller.correct('nedl')).toBe('needl')
    expect(speller.correct('hurr')).toBe('hurt')
    expect(speller.correct('meni')).toBe('mani')
  })

  it('prefers a doubled letter to a commoner word one edit away ("shott" is "shot", not "short")', () => {
    expect(spellerOver({ shot: 1, short: 9 }).correct('shott')).toBe('shot')
  })

  it('corrects a longer stem across any one edit but a far key: "consent" is another word, not "content"', () => {
    const long = spellerOver({ content: 3, infect: 2, injecton: 9, pregnant: 2, exercis: 4 })
    expect(long.correct('consent')).toBeNull()
    expect(long.correct('infecton')).toBe('infect')
    expect(long.correct('pregnent')).toBe('pregnant')
    expect(long.correct('excercis')).toBe('exercis')
  })

  it('never changes the first letter ("hollow" is not "follow")', () => {
    expect(speller.correct('hollow')).toBeNull()
  })

  it('falls back to a known stem the word begins with, when a typo near its end defeats the stemmer', () => {
    expect(spellerOver({ complic: 4 }).correct('complicaton')).toBe('complic')
  })

  it('never takes a real word for a slip ("both" is not "bath"), but reads its comparison or adverb as its stem', () => {
    const real = spellerOver({ bath: 2, after: 5, health: 3, common: 4, close: 2 })
    expect(real.correct('both')).toBe('bath')
    expect(real.correct('both', false)).toBeNull()
    expect(real.correct('afternoon', false)).toBeNull()
    expect(real.correct('healthi', false)).toBe('health')
    expect(real.correct('commonli', false)).toBe('common')
    expect(real.correct('closer', false)).toBe('close')
  })
})
