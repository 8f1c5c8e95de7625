/**
 * The synonym list (`kb/synonyms.md`): `- canonical: variant, variant` items, with `#` headings and paragraphs of
 * explanation between them. Any other line is a problem, so a mangled file never passes as an empty list.
 */
import { createAnalyzer, phraseParts, type KbSynonym } from '../../widget/engine/index.ts'
import type { Problems } from './errors.ts'

const ITEM = /^\s*[-*]\s+([^:]+):(.*)$/
/** A paragraph of explanation starts like a sentence and ends like one. */
const PROSE_START = /^["“'(]?[\p{Lu}\p{N}]/u
const PROSE_END = /[.!?:)"”']$/

const excerpt = (line: string): string => (line.trim().length > 80 ? `${line.trim().slice(0, 80)}…` : line.trim())

/**
 * The variants one written variant stands for: choices in brackets are each taken in turn, so "can i still (have|get)
 * (them|it)" is four variants; a phrase matches only where all its words stand, so a verb's object is spelled out
 * this way rather than left off.
 */
export function expandChoices(variant: string): string[] {
  const ways = phraseParts(variant).reduce<string[]>(
    (sofar, part) => sofar.flatMap((start) => ('options' in part ? part.options : [part.words]).map((next) => start + next)),
    [''],
  )
  return ways.map((way) => way.replace(/\s+/g, ' ').trim())
}

/**
 * Reads the synonym list, reporting malformed items, stray lines, variants that reduce to nothing, and clashes: a
 * variant given to two words, or one that reads as another item's word once stemmed ("injectate" reads as
 * "injection" does), which would turn every use of that word into this item's.
 */
export function parseSynonyms(file: string, text: string, ignored: readonly string[], problems: Problems): KbSynonym[] {
  const baseTerms = createAnalyzer({ synonyms: [], ignored }).base
  const synonyms: KbSynonym[] = []
  const owner = new Map<string, { canonical: string; line: number }>()
  const canonicals = new Map<string, { canonical: string; line: number }>()
  const variantLines: { variant: string; canonical: string; key: string; line: number }[] = []
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  /** A line of a paragraph: neither blank, nor a heading, nor a list item. */
  const prose = (line: string | undefined): boolean => line !== undefined && line.trim() !== '' && !/^#{1,6}\s|^\s*[-*]/.test(line)
  lines.forEach((line, i) => {
    if (!line.trim() || /^#{1,6}\s/.test(line)) return
    if (prose(line)) {
      // A paragraph is judged once, as a whole, at its first line.
      if (prose(lines[i - 1])) return
      let last = i
      while (prose(lines[last + 1])) last++
      if (!PROSE_START.test(line.trim()) || !PROSE_END.test(lines[last]!.trim())) {
        problems.add(file, i + 1, `expected "- word: variant, variant", a "# heading" or a sentence of explanation, got "${excerpt(line)}"`)
      }
      return
    }
    const item = ITEM.exec(line)
    if (!item) {
      problems.add(file, i + 1, `expected "- word: variant, variant", got "${excerpt(line)}"`)
      return
    }
    const canonical = item[1]!.trim()
    const variants = item[2]!.split(',').map((v) => v.trim()).filter(Boolean).flatMap(expandChoices)
    if (variants.length === 0) problems.add(file, i + 1, `"${canonical}" has no variants after the colon`)
    for (const phrase of [canonical, ...variants]) {
      if (baseTerms(phrase).length === 0) {
        problems.add(file, i + 1, `"${phrase}" is made only of words the search ignores, so it can never match`)
      }
    }
    for (const variant of variants) {
      const key = baseTerms(variant).join(' ')
      const previous = owner.get(key)
      if (previous && previous.canonical !== canonical) {
        problems.add(file, i + 1, `"${variant}" is already a synonym of "${previous.canonical}" (line ${previous.line})`)
      }
      owner.set(key, { canonical, line: i + 1 })
      variantLines.push({ variant, canonical, key, line: i + 1 })
    }
    canonicals.set(baseTerms(canonical).join(' '), { canonical, line: i + 1 })
    synonyms.push({ canonical, variants })
  })
  for (const { variant, canonical, key, line } of variantLines) {
    const other = canonicals.get(key)
    // A variant with filler words ("dose it") matches only where they stand too, so it takes no other word's every use.
    const bare = key.split(' ').length === variant.trim().split(/\s+/).length
    if (other && other.canonical !== canonical && bare) {
      problems.add(file, line, `"${variant}" reads as "${other.canonical}" does (line ${other.line}) once stemmed, so every "${other.canonical}" would become "${canonical}"`)
    }
  }
  return synonyms
}
