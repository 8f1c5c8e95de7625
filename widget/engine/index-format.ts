/**
 * What the index holds and how it is configured: shared by the compiler, which records the options hash in
 * `kb.json`, and the engine, which builds the index at load (`index-reader.ts`) and checks the hash.
 */
import type { KbIndex } from './kb-format.ts'
import type { TextOptions } from './text.ts'

/** Field boosts: the question counts most, then the other ways it is asked. Answers are not indexed (see engine). */
export const FIELD_BOOSTS = { question: 2, aliases: 1.5 } as const

/** Bump when indexing changes in a way the hash below cannot see (the stemmer, the tokenizer's code). */
const INDEX_REVISION = 'frontdesk-index-4'

/** A short, stable, DOM-free hash (cyrb53) of a string, in base 36. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** The hash of everything that decides what the index holds; `kb.json` carries it and loading checks it. */
export function indexOptionsHash({ synonyms, ignored, ignoredPhrases = [] }: TextOptions): string {
  // Without ignored phrases, the hash a `kb.json` built before they existed carries.
  return hashString(JSON.stringify([INDEX_REVISION, FIELD_BOOSTS, ignored, synonyms, ...(ignoredPhrases.length > 0 ? [ignoredPhrases] : [])]))
}

/** The `index` section of `kb.json` for a knowledge base's text options ({@link TextOptions}). */
export function kbIndex(text: TextOptions): KbIndex {
  return { optionsHash: indexOptionsHash(text) }
}

/** One document a search found. */
export interface SearchHit {
  /** The pair's or handoff's id. */
  id: string
  /** BM25+ with field boosts, times the number of query terms matched (as MiniSearch scores). */
  score: number
  /** The query terms that matched it. */
  queryTerms: string[]
}
