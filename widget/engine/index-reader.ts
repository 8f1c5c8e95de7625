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
import { runSteps } from './steps.ts'
import { analyzerSteps, textOptionsOf, type Analyzer } from './text.ts'

/** Terms added to the radix tree of known words per step of {@link LoadedIndex.vocabularySteps}. */
const TERMS_PER_STEP = 250
/** MiniSearch's BM25+ parameters and prefix weight (its defaults), so scores match `MiniSearch#search`. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const
const PREFIX_WEIGHT = 0.375
/** The indexed fields, in MiniSearch's field-id order. */
const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[]

/** A loaded index: search over pre-analyzed terms, plus document frequencies. */
export interface LoadedIndex {
  analyzer: Analyzer
  /** Documents (pairs and handoffs) containing each term, in any field or the answer. */
  df: ReadonlyMap<string, number>
  /** How many documents there are. */
  documentCount: number
  /** Every known term, synonym variants included, in a radix tree built on first use (typos, prefixes). */
  vocabulary(): SearchableMap<number>
  /** Builds {@link LoadedIndex.vocabulary} in steps, so that a caller can spread the work over idle time. */
  vocabularySteps(): Generator<void, SearchableMap<number>, void>
  /** A document's text as terms, analyzed once when the index was built: its ways of asking, in order, and its answer. */
  analyzed(id: string): AnalyzedDoc | undefined
  /** Searches analyzed terms, OR-combined, ranked by BM25+ with field boosts, best first; the `limit` best, or all. */
  search(terms: readonly string[], options?: { prefixLast?: boolean; fields?: readonly string[]; limit?: number }): SearchHit[]
}

/** A document's text as terms (see {@link LoadedIndex.analyzed}). */
export interface AnalyzedDoc {
  /** Its question (or topic), then each `asked` phrasing. */
  phrasings: string[][]
  answer: string[]
}

/** One term's postings in one field: the documents holding it, ascending, and how often each does. */
interface Postings {
  docs: number[]
  tfs: number[]
  /** Each document's BM25+ factor for the term, less its rarity (known once every field length is): on first use. */
  factors?: Float64Array
}

/**
 * Builds the index of a knowledge base step by step: each step indexes one document, so a caller can run the
 * steps in idle time and keep the page responsive; the generator returns the index. Throws (on the first step)
 * for a `kb.json` whose options hash is not this engine's: a mismatch would fail silently.
 */
export function* indexSteps(kb: KbFile): Generator<void, LoadedIndex, void> {
  const text = textOptionsOf(kb)
  const expected = indexOptionsHash(text)
  if (kb.index?.optionsHash !== expected) {
    throw new Error(
      `Frontdesk: the index in kb.json was built with other options (hash "${kb.index?.optionsHash}", expected "${expected}"); rebuild it with "frontdesk build"`,
    )
  }
  yield
  const analyzer = yield* analyzerSteps(text)
  yield
  const docs = [
    ...kb.pairs.map((pair) => [pair.id, pair.question, pair, pair.answerText] as const),
    // A handoff's reply is generic ("please ask the clinic"): only the ways it is asked identify it.
    ...kb.handoffs.map((handoff) => [handoff.id, handoff.topic, handoff, ''] as const),
  ]
  // Terms are numbered as first met; per term: its postings by field, the documents holding it, and the last
  // document and field it was counted in (cheaper than a set per document).
  const ids = new Map<string, number>()
  const terms: string[] = []
  const postings: Postings[][] = []
  const df: number[] = []
  const counted: number[] = []
  const idOf = (term: string): number => {
    let id = ids.get(term)
    if (id === undefined) {
      ids.set(term, (id = terms.length))
      terms.push(term)
      postings.push([])
      df.push(0)
      counted.push(-1)
    }
    return id
  }
  const fieldLength: number[][] = []
  const averageFieldLength = FIELDS.map(() => 0)
  const analyzed = new Map<string, AnalyzedDoc>()
  for (let doc = 0; doc < docs.length; doc++) {
    const [docId, question, entry, answer] = docs[doc]!
    // Each way of asking is read once, on its own (for confidences), and as part of a field of the index: the
    // question, and the phrasings joined (as MiniSearch's fields, which read as the phrasings' terms in a row).
    // `kb.json` stores the phrasings read already.
    const asked = [analyzer(question), ...(entry.asked?.terms ?? entry.aliases.map(analyzer))]
    const answerTerms = analyzer(answer)
    const fields = [asked[0]!, asked.slice(1).flat()]
    // Document frequencies count the answer too: a word only answers hold is still a known, weighable word.
    for (const term of fields[0]!.concat(fields[1]!, answerTerms)) {
      const id = idOf(term)
      if (counted[id] !== doc) (counted[id] = doc), df[id]!++
    }
    const lengths: number[] = []
    for (let field = 0; field < fields.length; field++) {
      // MiniSearch's field length is the count of distinct terms, its average a running one.
      let length = 0
      for (const term of fields[field]!) {
        const list = (postings[idOf(term)]![field] ??= { docs: [], tfs: [] })
        const last = list.docs.length - 1
        if (list.docs[last] === doc) list.tfs[last]!++
        else length++, list.docs.push(doc), list.tfs.push(1)
      }
      lengths.push(length)
      averageFieldLength[field] = (averageFieldLength[field]! * doc + length) / (doc + 1)
    }
    fieldLength.push(lengths)
    analyzed.set(docId, { phrasings: asked, answer: answerTerms })
    // A step per document: a document of the clinic's knowledge base takes about a millisecond on a slow phone.
    yield
  }
  // In the order the compiler once wrote them, which the radix tree of known words follows (bare numbers, the
  // keys a plain object would have put first, are never terms).
  const frequencies = new Map<string, number>()
  terms.forEach((term, id) => df[id]! > 0 && frequencies.set(term, df[id]!))
  const byTerm = new Map(terms.map((term, id) => [term, postings[id]!]))
  return searchable(analyzer, docs.map(([id]) => id), byTerm, fieldLength, averageFieldLength, frequencies, analyzed)
}

/** Builds the index of a knowledge base in one go (see {@link indexSteps}). */
export function loadIndex(kb: KbFile): LoadedIndex {
  return runSteps(indexSteps(kb))
}

/** The search over built postings. */
function searchable(
  analyzer: Analyzer,
  ids: readonly string[],
  postings: ReadonlyMap<string, Postings[]>,
  fieldLength: readonly number[][],
  averageFieldLength: readonly number[],
  df: ReadonlyMap<string, number>,
  analyzed: ReadonlyMap<string, AnalyzedDoc>,
): LoadedIndex {
  const documentCount = ids.length
  let tree: SearchableMap<number> | null = null
  function* vocabularySteps(): Generator<void, SearchableMap<number>, void> {
    if (tree) return tree
    const building = new SearchableMap<number>()
    let n = 0
    for (const [term, count] of df) {
      building.set(term, count)
      if (++n % TERMS_PER_STEP === 0) yield
    }
    // A variant the index holds only as its canonical is still a known word; it counts as rare.
    for (const variant of analyzer.variantTerms) if (!building.has(variant)) building.set(variant, 1)
    return (tree ??= building)
  }
  const vocabulary = (): SearchableMap<number> => runSteps(vocabularySteps())

  // The running search, by document: its score, the query terms it matched (as bits of two words: a query has at
  // most 32 terms, and type-ahead a few more) and the documents met, in the order met (ties keep that order, as
  // they did in MiniSearch's results). Kept between searches and cleared after each: a search costs what its
  // terms' postings hold, not what the knowledge base holds.
  const scores = new Float64Array(documentCount)
  const matchedLow = new Int32Array(documentCount)
  const matchedHigh = new Int32Array(documentCount)
  // A typed array and a count, not an array emptied after each search: emptied, an array gives its storage back,
  // and every search at 10,000 pairs then grew it again (most of a reply's garbage there).
  const met = new Int32Array(documentCount)
  let metCount = 0

  const bm25Factors = ({ docs, tfs }: Postings, fieldId: number): Float64Array => {
    const average = averageFieldLength[fieldId]!
    return Float64Array.from(docs, (doc, i) => BM25.d + (tfs[i]! * (BM25.k + 1)) / (tfs[i]! + BM25.k * (1 - BM25.b + (BM25.b * fieldLength[doc]![fieldId]!) / average)))
  }

  /** Adds one term's BM25+ contribution, per field, to the running search; `bit` is its query term's number. */
  const score = (bit: number, term: string, weight: number, fields: readonly string[]): void => {
    const byField = postings.get(term)
    if (!byField) return
    for (const field of fields) {
      const fieldId = FIELDS.indexOf(field as keyof typeof FIELD_BOOSTS)
      const list = byField[fieldId]
      if (!list) continue
      const { docs } = list
      const idf = Math.log(1 + (documentCount - docs.length + 0.5) / (docs.length + 0.5))
      const factors = (list.factors ??= bm25Factors(list, fieldId))
      const scale = weight * FIELD_BOOSTS[field as keyof typeof FIELD_BOOSTS]
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!
        // Every contribution is positive: a score of 0 is a document not met yet.
        if (scores[doc] === 0) met[metCount++] = doc
        scores[doc]! += scale * (idf * factors[i]!)
        if (bit < 32) matchedLow[doc]! |= 1 << bit
        else matchedHigh[doc]! |= 1 << (bit - 32)
      }
    }
  }

  return {
    analyzer,
    df,
    documentCount,
    vocabulary,
    vocabularySteps,
    analyzed: (id) => analyzed.get(id),
    search(terms, options = {}) {
      const fields = options.fields ?? FIELDS
      // A query term given twice counts once, as MiniSearch counts terms matched.
      const first = new Map<string, number>()
      terms.forEach((term, i) => {
        if (!first.has(term)) first.set(term, first.size)
        const bit = first.get(term)!
        score(bit, term, 1, fields)
        if (options.prefixLast && i === terms.length - 1) {
          for (const [longer] of vocabulary().atPrefix(term)) {
            // MiniSearch weighs a prefix match by how much of the word was typed.
            const distance = longer.length - term.length
            if (distance > 0) score(bit, longer, (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance), fields)
          }
        }
      })
      const distinct = [...first.keys()]
      // As MiniSearch does: a document matching more of the query's terms ranks higher.
      const found = met.subarray(0, metCount)
      // Index loops: iterating a typed array makes an object per step.
      for (let i = 0; i < found.length; i++) {
        const doc = found[i]!
        scores[doc]! *= bits(matchedLow[doc]!) + bits(matchedHigh[doc]!)
      }
      const hits = top(found, scores, options.limit ?? metCount).map((doc): SearchHit => ({
        id: ids[doc]!,
        score: scores[doc]!,
        queryTerms: distinct.filter((_, bit) => ((bit < 32 ? matchedLow[doc]! >>> bit : matchedHigh[doc]! >>> (bit - 32)) & 1) === 1),
      }))
      for (let i = 0; i < found.length; i++) scores[found[i]!] = matchedLow[found[i]!] = matchedHigh[found[i]!] = 0
      metCount = 0
      return hits
    },
  }
}

/** The number of bits set in a 32-bit word. */
function bits(word: number): number {
  let count = 0
  for (let w = word >>> 0; w !== 0; w &= w - 1) count++
  return count
}

/** The `limit` best of the documents `met`, best first: by score, then in the order met. */
function top(met: Int32Array, scores: Float64Array, limit: number): number[] {
  if (limit >= met.length / 4) {
    // Positions in the order met, sorted: a tie keeps that order. (Not `met.keys()`, for the reason given in `search`.)
    const order = Array.from({ length: met.length }, (_, i) => i).sort((a, b) => scores[met[b]!]! - scores[met[a]!]! || a - b)
    return order.slice(0, limit).map((i) => met[i]!)
  }
  // Few of many: keep the best so far, in order, without sorting them all. Met later, a tie never goes first.
  const kept: number[] = []
  for (let i = 0; i < met.length; i++) {
    const doc = met[i]!
    if (kept.length === limit && scores[doc]! <= scores[kept[limit - 1]!]!) continue
    let at = kept.length
    while (at > 0 && scores[doc]! > scores[kept[at - 1]!]!) at--
    kept.splice(at, 0, doc)
    if (kept.length > limit) kept.pop()
  }
  return kept
}
