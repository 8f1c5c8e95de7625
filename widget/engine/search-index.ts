/**
 * Building the search index at compile time with MiniSearch: the serialized form goes into `kb.json`, and the
 * engine reads it back with `index-reader.ts`. The widget bundle never includes this module.
 */
import MiniSearch, { type Options } from 'minisearch'
import type { KbHandoff, KbIndex, KbPair } from './kb-format.ts'
import { FIELD_BOOSTS, indexOptionsHash } from './index-format.ts'
import { type Analyzer, type TextOptions, createAnalyzer } from './text.ts'

/** The indexed fields of a document: a pair or a handoff topic. */
interface IndexedDoc {
  id: string
  question: string
  aliases: string
}

/** The MiniSearch options of the index: terms are analyzed by our pipeline and taken as they are. */
export function indexOptions(analyzer: Analyzer): Options<IndexedDoc> {
  return { fields: Object.keys(FIELD_BOOSTS), idField: 'id', tokenize: analyzer, processTerm: (term) => term, storeFields: [] }
}

/** Builds the serialized index for `kb.json`, with each term's document frequency over phrasings and answers. */
export function buildIndex(pairs: readonly KbPair[], handoffs: readonly KbHandoff[], text: TextOptions): KbIndex {
  const analyzer = createAnalyzer(text)
  const search = new MiniSearch<IndexedDoc>(indexOptions(analyzer))
  const docs = [
    ...pairs.map((pair) => ({ id: pair.id, question: pair.question, aliases: pair.aliases.join(' | '), answer: pair.answerText })),
    // A handoff's reply is generic ("please ask the clinic"): only the ways it is asked identify it.
    ...handoffs.map((handoff) => ({ id: handoff.id, question: handoff.topic, aliases: handoff.aliases.join(' | '), answer: '' })),
  ]
  search.addAll(docs)
  const df: Record<string, number> = {}
  for (const doc of docs) {
    for (const term of new Set(analyzer(`${doc.question} ${doc.aliases} ${doc.answer}`))) df[term] = (df[term] ?? 0) + 1
  }
  return { optionsHash: indexOptionsHash(text), data: search.toJSON(), df }
}
