/**
 * Reads the serialized MiniSearch index of `kb.json` at query time, with MiniSearch's own radix tree
 * (`minisearch/SearchableMap`) for prefixes and typos and MiniSearch's BM25+ scoring.
 *
 * Why not `MiniSearch.loadJS` and `search`: the full class is 5.9 KB gzipped of the widget's 25 KB budget, and
 * `loadJS` rebuilds a Map for every term of every field before the first question (243 ms at 10,000 pairs,
 * measured). This reader keeps the parsed postings as they are and looks terms up on demand; the parity test
 * (`tests/widget/engine/index-reader.test.ts`) checks its scores equal MiniSearch's on the same index.
 */
import SearchableMap from 'minisearch/SearchableMap'
import type { KbIndex } from './kb-format.ts'
import { FIELD_BOOSTS, indexOptionsHash, type SearchHit, type SerializedIndex } from './index-format.ts'
import { createAnalyzer, type Analyzer, type TextOptions } from './text.ts'

/** MiniSearch's BM25+ parameters and prefix weight (its defaults), so scores match `MiniSearch#search`. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const
const PREFIX_WEIGHT = 0.375

/** A loaded index: search over pre-analyzed terms, plus document frequencies. */
export interface LoadedIndex {
  analyzer: Analyzer
  /** Documents (pairs and handoffs) containing each term, in any field or the answer. */
  df: ReadonlyMap<string, number>
  /** How many documents there are. */
  documentCount: number
  /** Every known term, synonym variants included, in a radix tree built on first use (typos, prefixes). */
  vocabulary(): SearchableMap<number>
  /** Searches analyzed terms, OR-combined, ranked by BM25+ with field boosts, best first. */
  search(terms: readonly string[], options?: { prefixLast?: boolean; fields?: readonly string[] }): SearchHit[]
}

/** Loads the index of a `kb.json`, refusing one built with other options (that would fail silently). */
export function loadIndex(index: KbIndex, text: TextOptions): LoadedIndex {
  const expected = indexOptionsHash(text)
  if (index.optionsHash !== expected) {
    throw new Error(
      `Frontdesk: the index in kb.json was built with other options (hash "${index.optionsHash}", expected "${expected}"); rebuild it with "frontdesk build"`,
    )
  }
  const data = index.data as SerializedIndex
  if (data?.serializationVersion !== 2 || !Array.isArray(data.index)) {
    throw new Error(`Frontdesk: kb.json holds an index of an unknown kind (serializationVersion ${JSON.stringify(data?.serializationVersion)})`)
  }
  const postings = new Map(data.index)
  const df = new Map(Object.entries(index.df))
  const analyzer = createAnalyzer(text)
  let tree: SearchableMap<number> | null = null
  const vocabulary = (): SearchableMap<number> => {
    if (!tree) {
      tree = SearchableMap.from(df) as SearchableMap<number>
      // A variant the index holds only as its canonical is still a known word; it counts as rare.
      for (const variant of analyzer.variantTerms) if (!tree.has(variant)) tree.set(variant, 1)
    }
    return tree
  }
  /** The documents of each posting list, listed once: the same common terms come back message after message. */
  const docsOf = new WeakMap<Record<string, number>, string[]>()

  /** Adds one term's BM25+ contribution, per field, to the running results. */
  const score = (results: Map<string, SearchHit>, queryTerm: string, term: string, weight: number, fields: readonly string[]): void => {
    const byField = postings.get(term)
    if (!byField) return
    for (const field of fields) {
      const fieldId = data.fieldIds[field]
      const freqs = fieldId === undefined ? undefined : byField[fieldId]
      if (!freqs || fieldId === undefined) continue
      let docs = docsOf.get(freqs)
      if (!docs) docsOf.set(freqs, (docs = Object.keys(freqs)))
      const idf = Math.log(1 + (data.documentCount - docs.length + 0.5) / (docs.length + 0.5))
      const average = data.averageFieldLength[fieldId]!
      const boost = FIELD_BOOSTS[field as keyof typeof FIELD_BOOSTS] ?? 1
      for (const doc of docs) {
        const tf = freqs[doc]!
        const length = data.fieldLength[doc]![fieldId]!
        const bm25 = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)))
        const id = data.documentIds[doc]!
        const hit = results.get(id)
        if (hit) {
          hit.score += weight * boost * bm25
          if (!hit.queryTerms.includes(queryTerm)) hit.queryTerms.push(queryTerm)
        } else {
          results.set(id, { id, score: weight * boost * bm25, queryTerms: [queryTerm] })
        }
      }
    }
  }

  return {
    analyzer,
    df,
    documentCount: data.documentCount,
    vocabulary,
    search(terms, options = {}) {
      const fields = options.fields ?? Object.keys(FIELD_BOOSTS)
      const results = new Map<string, SearchHit>()
      terms.forEach((term, i) => {
        score(results, term, term, 1, fields)
        if (options.prefixLast && i === terms.length - 1) {
          for (const [longer] of vocabulary().atPrefix(term)) {
            // MiniSearch weighs a prefix match by how much of the word was typed.
            const distance = longer.length - term.length
            if (distance > 0) score(results, term, longer, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance), fields)
          }
        }
      })
      // As MiniSearch does: a document matching more of the query's terms ranks higher.
      for (const hit of results.values()) hit.score *= hit.queryTerms.length
      return [...results.values()].sort((a, b) => b.score - a.score)
    },
  }
}
