/**
 * Plain MiniSearch with default options over the same pairs: the yardstick that `frontdesk eval` and
 * `npm run bench` print beside the engine, so the gain is measured, not claimed. Never bundled into the widget.
 */
import MiniSearch from 'minisearch'
import type { KbPair } from './kb-format.ts'

/** A baseline search: the best pair for a message, or null when nothing matches. */
export interface Baseline {
  best(message: string): KbPair | null
}

const FIELDS = ['question', 'aliases', 'answer']

/** MiniSearch with its defaults (its tokenizer, lower-casing, no fuzzy or prefix) over question, phrasings and answer. */
function defaultIndex(pairs: readonly KbPair[], storeFields: string[] = []): MiniSearch {
  const search = new MiniSearch({ fields: FIELDS, storeFields })
  search.addAll(pairs.map((pair) => ({ id: pair.id, question: pair.question, aliases: pair.aliases.join(' '), answer: pair.answerText })))
  return search
}

/** The baseline over `pairs`: it answers with its top result, whatever its score. */
export function createBaseline(pairs: readonly KbPair[]): Baseline {
  const search = defaultIndex(pairs)
  const byId = new Map(pairs.map((pair) => [pair.id, pair]))
  return {
    best(message) {
      const top = search.search(message)[0]
      return top ? (byId.get(String(top.id)) ?? null) : null
    },
  }
}

/** The default index of `pairs` as JSON, for size and load-time comparisons. */
export function baselineIndexJson(pairs: readonly KbPair[]): string {
  return JSON.stringify(defaultIndex(pairs))
}

/**
 * The default index of `pairs` with each pair's answer stored, and its fields, as JSON: what a page using plain
 * MiniSearch would load (the browser benchmark's yardstick).
 */
export function baselineStoreJson(pairs: readonly KbPair[]): string {
  return JSON.stringify({ fields: FIELDS, index: JSON.stringify(defaultIndex(pairs, ['answer'])) })
}

/** Loads JSON made by {@link baselineIndexJson}. */
export function loadBaselineIndex(json: string): { search(message: string): unknown[] } {
  return MiniSearch.loadJSON(json, { fields: FIELDS })
}
