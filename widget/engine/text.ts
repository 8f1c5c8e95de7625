/**
 * The one text pipeline, used to index the knowledge base and to read visitors' messages, so that both sides
 * always agree: Unicode normalisation, case and diacritic folding, contractions, punctuation, stop words,
 * stemming and the knowledge base's synonyms.
 */
import { stemmer } from 'stemmer'
import type { KbSynonym } from './kb-format.ts'

/** Contractions expanded before splitting, so "can't" and "cannot" read alike. */
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bshan'?t\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\bi'm\b/g, 'i am'],
  // On phones apostrophes are often skipped: "wont stop", "cant breathe", "doesnt work".
  [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt\b/g, '$1 not'],
  [/\bwont\b/g, 'will not'],
  [/\bcant\b/g, 'can not'],
  [/\bim\b/g, 'i am'],
  [/\bive\b/g, 'i have'],
  [/\b(you|they|we)re\b/g, '$1 are'],
  // Question words typed without the apostrophe ("hows", "wheres") keep their meaning.
  [/\b(how|who|where|when|why)s\b/g, '$1'],
  // "it's", "what's", "doctor's": the 's adds nothing a search can use.
  [/\b(\w+)'s\b/g, '$1'],
]

/**
 * Folds a string for matching: NFKC (full-width letters, ligatures), lower case, diacritics removed, curly
 * apostrophes straightened, zero-width characters dropped, contractions expanded.
 */
export function fold(text: string): string {
  let out = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    // Zero-width characters are not separators in MiniSearch's default tokenizer (its issue #249); here they vanish.
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    // "hellooo", "sooo painful": no English word has a letter three times in a row.
    .replace(/(\p{L})\1{2,}/gu, '$1')
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement)
  return out
}

/** Splits folded text into words: runs of letters and digits. Everything else separates. */
export function words(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Stems already computed: words repeat (Zipf), and stemming is most of the pipeline's cost. */
const stems = new Map<string, string>()
const MAX_CACHED_STEMS = 50_000

/** Stems an English word; leaves words in other scripts and numbers as they are. */
export function stem(word: string): string {
  let stemmed = stems.get(word)
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) ? stemmer(word) : word
    if (stems.size >= MAX_CACHED_STEMS) stems.clear()
    stems.set(word, stemmed)
  }
  return stemmed
}

/** A function from text to index terms, with its steps exposed for typo correction. */
export interface Analyzer {
  (text: string): string[]
  /** The pipeline before synonyms: folded, split, ignored words and numbers dropped, stemmed. */
  base(text: string): string[]
  /** Applies the synonyms to base terms. */
  synonyms(terms: string[]): string[]
  /** True for a word the pipeline drops: an ignored word, or a bare number ("I'm 67", "for 2 years"). */
  isIgnored(word: string): boolean
  /** The ignored words. */
  readonly ignored: ReadonlySet<string>
  /** Every term that appears in a synonym variant: known words, though the index holds their canonical. */
  readonly variantTerms: ReadonlySet<string>
}

/** What decides how text becomes terms: the knowledge base's synonyms and ignored words. */
export interface TextOptions {
  synonyms: readonly KbSynonym[]
  ignored: readonly string[]
}

/** A compiled synonym table: variant term sequences mapped to canonical term sequences. */
interface SynonymTable {
  /** Variants keyed by their first term, longest first. */
  byFirst: Map<string, Array<{ variant: string[]; canonical: string[] }>>
}

/**
 * Compiles synonyms. Variants and canonicals go through the same base pipeline as text, so a variant matches
 * whatever the stemmer makes of it. A variant made only of ignored words can never match; the compiler reports it.
 */
function compileSynonyms(synonyms: readonly KbSynonym[], baseTerms: (text: string) => string[]): SynonymTable {
  const byFirst: SynonymTable['byFirst'] = new Map()
  for (const { canonical, variants } of synonyms) {
    const canonicalTerms = baseTerms(canonical)
    for (const variant of variants) {
      const variantTerms = baseTerms(variant)
      const first = variantTerms[0]
      if (first === undefined || canonicalTerms.length === 0) continue
      const list = byFirst.get(first) ?? []
      list.push({ variant: variantTerms, canonical: canonicalTerms })
      byFirst.set(first, list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length)
  return { byFirst }
}

/** Replaces every synonym variant in a term sequence with its canonical terms, longest variant first. */
function applySynonyms(terms: string[], table: SynonymTable): string[] {
  if (table.byFirst.size === 0) return terms
  const out: string[] = []
  for (let i = 0; i < terms.length; ) {
    const candidates = table.byFirst.get(terms[i]!)
    const hit = candidates?.find(({ variant }) => variant.every((term, k) => terms[i + k] === term))
    if (hit) {
      out.push(...hit.canonical)
      i += hit.variant.length
    } else {
      out.push(terms[i]!)
      i += 1
    }
  }
  return out
}

/** Creates the analyzer for a knowledge base's synonyms and ignored words. The same one must index and query. */
export function createAnalyzer({ synonyms, ignored }: TextOptions): Analyzer {
  const ignoredSet = new Set(ignored)
  const isIgnored = (word: string): boolean => ignoredSet.has(word) || /^\d+$/.test(word)
  const base = (text: string): string[] => {
    const out: string[] = []
    for (const word of words(fold(text))) if (!isIgnored(word)) out.push(stem(word))
    return out
  }
  const table = compileSynonyms(synonyms, base)
  const variantTerms = new Set([...table.byFirst.values()].flat().flatMap(({ variant }) => variant))
  const apply = (terms: string[]): string[] => applySynonyms(terms, table)
  return Object.assign((text: string) => apply(base(text)), { base, synonyms: apply, isIgnored, ignored: ignoredSet, variantTerms })
}
