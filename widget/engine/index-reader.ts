/**
 * The search index, built when a knowledge base is loaded from the ways each question is asked, and searched with
 * MiniSearch's radix tree (`minisearch/SearchableMap`) for prefixes and typos and MiniSearch's BM25+ scoring.
 *
 * Why built at load rather than shipped in `kb.json`: the phrasings it is built from are in `kb.json` anyway, so
 * a serialized index only doubled them (39 % of the file gzipped for the clinic's knowledge base), and building it
 * costs about what parsing it did. Why not MiniSearch itself: the full class is 5.9 KB gzipped of the widget's
 * budget, and its `addAll` or `loadJS` runs in one piece. This builder indexes exactly as MiniSearch's `addAll`
 * does with the engine's options (same terms, field lengths and averages, document order), in steps a caller may
 * spread over idle time; the parity test (`tests/widget/engine/index-reader.test.ts`) checks its scores equal
 * MiniSearch's.
 */
import SearchableMap from 'minisearch/SearchableMap'
import type { KbFile } from './kb-format.ts'
import { FIELD_BOOSTS, indexOptionsHash, type SearchHit } from './index-format.ts'
import { createAnalyzer, type Analyzer } from './text.ts'

/** MiniSearch's BM25+ parameters and prefix weight (its defaults), so scores match `MiniSearch#search`. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const
const PREFIX_WEIGHT = 0.375
/** The indexed fields, in MiniSearch's field-id order. */
const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[]
/** Documents indexed per step of {@link indexSteps}: about a millisecond of work on a phone. */
const DOCS_PER_STEP = 16

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

/** One term's postings in one field: the documents holding it, ascending, and how often each does. */
interface Postings {
  docs: number[]
  tfs: number[]
}

/**
 * Builds the index of a knowledge base step by step: each step indexes a few documents, so a caller can run the
 * steps in idle time and keep the page responsive; the generator returns the index. Throws (on the first step)
 * for a `kb.json` whose options hash is not this engine's: a mismatch would fail silently.
 */
export function* indexSteps(kb: KbFile): Generator<void, LoadedIndex, void> {
  const text = { synonyms: kb.synonyms, ignored: kb.language.ignored }
  const expected = indexOptionsHash(text)
  if (kb.index?.optionsHash !== expected) {
    throw new Error(
      `Frontdesk: the index in kb.json was built with other options (hash "${kb.index?.optionsHash}", expected "${expected}"); rebuild it with "frontdesk build"`,
    )
  }
  const analyzer = createAnalyzer(text)
  const docs = [
    ...kb.pairs.map((pair) => [pair.id, pair.question, pair.aliases, pair.answerText] as const),
    // A handoff's reply is generic ("please ask the clinic"): only the ways it is asked identify it.
    ...kb.handoffs.map((handoff) => [handoff.id, handoff.topic, handoff.aliases, ''] as const),
  ]
  const postings = new Map<string, Postings[]>()
  const fieldLength: number[][] = []
  const averageFieldLength = FIELDS.map(() => 0)
  const df = new Map<string, number>()
  for (let doc = 0; doc < docs.length; doc++) {
    const [, question, aliases, answer] = docs[doc]!
    const tokens = [analyzer.tokens(question), analyzer.tokens(aliases.join(' | '))]
    const lengths: number[] = []
    for (let fieldId = 0; fieldId < tokens.length; fieldId++) {
      const terms = analyzer.finish(tokens[fieldId]!)
      // MiniSearch's field length is the count of distinct terms, its average a running one.
      const length = new Set(terms).size
      lengths.push(length)
      averageFieldLength[fieldId] = (averageFieldLength[fieldId]! * doc + length) / (doc + 1)
      for (const term of terms) {
        let byField = postings.get(term)
        if (!byField) postings.set(term, (byField = []))
        const list = (byField[fieldId] ??= { docs: [], tfs: [] })
        if (list.docs[list.docs.length - 1] === doc) list.tfs[list.tfs.length - 1]!++
        else list.docs.push(doc), list.tfs.push(1)
      }
    }
    fieldLength.push(lengths)
    // Document frequencies count the answer too: a word only answers hold is still a known, weighable word. (In
    // the order the compiler once wrote them, which the radix tree of known words follows: bare numbers, the keys
    // a plain object would have put first, are never terms.)
    for (const term of new Set(analyzer.finish(tokens[0]!.concat(tokens[1]!, analyzer.tokens(answer))))) df.set(term, (df.get(term) ?? 0) + 1)
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield
  }
  return searchable(analyzer, docs.map(([id]) => id), postings, fieldLength, averageFieldLength, df)
}

/** Builds the index of a knowledge base in one go (see {@link indexSteps}). */
export function loadIndex(kb: KbFile): LoadedIndex {
  const steps = indexSteps(kb)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** The search over built postings. */
function searchable(
  analyzer: Analyzer,
  ids: readonly string[],
  postings: ReadonlyMap<string, Postings[]>,
  fieldLength: readonly number[][],
  averageFieldLength: readonly number[],
  df: ReadonlyMap<string, number>,
): LoadedIndex {
  const documentCount = ids.length
  let tree: SearchableMap<number> | null = null
  const vocabulary = (): SearchableMap<number> => {
    if (!tree) {
      tree = SearchableMap.from(df) as SearchableMap<number>
      // A variant the index holds only as its canonical is still a known word; it counts as rare.
      for (const variant of analyzer.variantTerms) if (!tree.has(variant)) tree.set(variant, 1)
    }
    return tree
  }

  /** Adds one term's BM25+ contribution, per field, to the running results. */
  const score = (results: Map<string, SearchHit>, queryTerm: string, term: string, weight: number, fields: readonly string[]): void => {
    const byField = postings.get(term)
    if (!byField) return
    for (const field of fields) {
      const fieldId = FIELDS.indexOf(field as keyof typeof FIELD_BOOSTS)
      const list = byField[fieldId]
      if (!list) continue
      const { docs, tfs } = list
      const idf = Math.log(1 + (documentCount - docs.length + 0.5) / (docs.length + 0.5))
      const average = averageFieldLength[fieldId]!
      const boost = FIELD_BOOSTS[field as keyof typeof FIELD_BOOSTS]
      for (let i = 0; i < docs.length; i++) {
        const tf = tfs[i]!
        const length = fieldLength[docs[i]!]![fieldId]!
        const bm25 = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / average)))
        const id = ids[docs[i]!]!
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
    documentCount,
    vocabulary,
    search(terms, options = {}) {
      const fields = options.fields ?? FIELDS
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
