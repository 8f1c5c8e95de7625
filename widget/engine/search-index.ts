/**
 * The search index: how the knowledge base is indexed, serialized into `kb.json` and loaded back. The only
 * module (with the vocabulary in `spelling.ts`) that imports minisearch, so index and query options cannot drift.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import type { KbHandoff, KbIndex, KbPair, KbSynonym } from './kb-format.ts'
import { type Analyzer, createAnalyzer } from './text.ts'
import { STOP_WORDS } from './stopwords.ts'

/** The indexed fields of a document: a pair or a handoff topic. */
export interface IndexedDoc {
  id: string
  question: string
  aliases: string
  answer: string
}

/** Field boosts: the ways a question is asked count most; the answer text helps find the pair, and less. */
export const FIELD_BOOSTS = { question: 2, aliases: 1.5 } as const

/** Bump when indexing changes in a way the hash below cannot see (the stemmer, the tokenizer's code). */
const INDEX_REVISION = 'frontdesk-index-1'

const FIELDS = Object.keys(FIELD_BOOSTS)

/** Terms arrive already analyzed; MiniSearch must take them as they are. */
const identity = (term: string): string => term
const splitTerms = (text: string): string[] => (text ? text.split(' ') : [])

function indexOptions(analyzer: Analyzer): Options<IndexedDoc> {
  return { fields: FIELDS, idField: 'id', tokenize: analyzer, processTerm: identity, storeFields: [] }
}

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
export function indexOptionsHash(synonyms: readonly KbSynonym[]): string {
  return hashString(JSON.stringify([INDEX_REVISION, FIELD_BOOSTS, [...STOP_WORDS], synonyms]))
}

function pairDoc(pair: KbPair): IndexedDoc {
  return { id: pair.id, question: pair.question, aliases: pair.aliases.join(' | '), answer: pair.answerText }
}

function handoffDoc(handoff: KbHandoff): IndexedDoc {
  // A handoff's reply is generic ("please ask the clinic"): only the ways it is asked identify it.
  return { id: handoff.id, question: handoff.topic, aliases: handoff.aliases.join(' | '), answer: '' }
}

/** Builds the serialized index for `kb.json`. */
export function buildIndex(
  pairs: readonly KbPair[],
  handoffs: readonly KbHandoff[],
  synonyms: readonly KbSynonym[],
): KbIndex {
  const analyzer = createAnalyzer(synonyms)
  const search = new MiniSearch<IndexedDoc>(indexOptions(analyzer))
  const docs = [...pairs.map(pairDoc), ...handoffs.map(handoffDoc)]
  search.addAll(docs)
  const df: Record<string, number> = {}
  for (const doc of docs) {
    for (const term of new Set(analyzer(`${doc.question} ${doc.aliases} ${doc.answer}`))) df[term] = (df[term] ?? 0) + 1
  }
  return { optionsHash: indexOptionsHash(synonyms), data: search.toJSON(), df }
}

/** A loaded index: search over pre-analyzed terms, plus document frequencies. */
export interface LoadedIndex {
  analyzer: Analyzer
  /** Documents (pairs and handoffs) containing each term. */
  df: ReadonlyMap<string, number>
  /** How many documents there are. */
  documentCount: number
  /** Searches for analyzed terms, OR-combined, ranked by BM25+ with field boosts. */
  search(terms: readonly string[], options?: { prefixLast?: boolean; fields?: readonly string[] }): SearchResult[]
}

/** Loads the index of a `kb.json`, refusing one built with other options (that would fail silently). */
export function loadIndex(index: KbIndex, synonyms: readonly KbSynonym[]): LoadedIndex {
  const expected = indexOptionsHash(synonyms)
  if (index.optionsHash !== expected) {
    throw new Error(
      `Frontdesk: the index in kb.json was built with other options (hash "${index.optionsHash}", expected "${expected}"); rebuild it with "frontdesk build"`,
    )
  }
  const analyzer = createAnalyzer(synonyms)
  const search = MiniSearch.loadJS<IndexedDoc>(index.data as never, indexOptions(analyzer))
  const df = new Map(Object.entries(index.df))
  return {
    analyzer,
    df,
    documentCount: search.documentCount,
    search(terms, options = {}) {
      if (terms.length === 0) return []
      const last = terms.length - 1
      return search.search(terms.join(' '), {
        fields: options.fields ? [...options.fields] : FIELDS,
        boost: FIELD_BOOSTS,
        combineWith: 'OR',
        tokenize: splitTerms,
        processTerm: identity,
        prefix: options.prefixLast ? (_term, i) => i === last : false,
        // Typos are corrected before searching (spelling.ts), so MiniSearch's own fuzzy search stays off here.
        fuzzy: false,
      })
    },
  }
}
