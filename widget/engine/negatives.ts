/**
 * Negative examples: the `not:` phrasings staff give a pair or handoff for questions it wrongly took. A message
 * closer to one of them than to any way the candidate is asked, by the same rarity-weighted overlap that picks a
 * candidate's closest phrasing (`Fit#phrase`), never gets that candidate: the question itself, and paraphrases of
 * it nearer the refused question than the pair's own phrasings, go to the next candidate or the fallback.
 * A knowledge base without `not:` pays nothing; one with them pays a map lookup per candidate, and a few sums for
 * the few candidates that have any.
 */
import type { KbFile } from './kb-format.ts'
import { overlapF1, weighPhrasing, type WeightedPhrasing } from './confidence.ts'

/**
 * A `not:` phrasing rules a candidate out only when it is at least this close to the message: a word or two in
 * common with a refused question is no reason to refuse a message.
 */
const MIN_CLOSENESS = 0.5

/** How closely one phrasing and a message match both ways (`overlapF1`, as `Fit#phrase` measures it). */
function closeness(query: ReadonlyMap<string, number>, total: number, phrasing: WeightedPhrasing): number {
  let hit = 0
  phrasing.terms.forEach((term, i) => {
    if (query.has(term)) hit += phrasing.weights[i]!
  })
  return overlapF1(hit, phrasing.total, total)
}

/** The best {@link closeness} of any phrasing, 0 for none. */
const closest = (query: ReadonlyMap<string, number>, total: number, phrasings: readonly WeightedPhrasing[]): number =>
  phrasings.reduce((best, phrasing) => Math.max(best, closeness(query, total, phrasing)), 0)

/** What {@link negatives} reads phrasings and messages with: the matcher's own pipeline and weights. */
export interface NegativesReader {
  /** A `not:` phrasing's terms, read as a visitor's message is (typos corrected, synonyms applied). */
  read(text: string): string[]
  /** A term's rarity weight. */
  weight(term: string): number
}

/** A candidate's own ways of asking, weighted (without a phrasing held out, when one is). */
export type OwnPhrasings = (id: string) => readonly WeightedPhrasing[]

/**
 * Tells which candidates a message rules out: given a message's terms, a test of each candidate id. Null when the
 * knowledge base has no `not:` phrasing, so that the matcher skips the test altogether.
 */
export function negatives(kb: Pick<KbFile, 'pairs' | 'handoffs'>, reader: NegativesReader): ((terms: readonly string[], own: OwnPhrasings) => (id: string) => boolean) | null {
  const texts = new Map<string, readonly string[]>()
  for (const entry of [...kb.pairs, ...kb.handoffs]) if (entry.not?.length) texts.set(entry.id, entry.not)
  if (texts.size === 0) return null
  const analyzed = new Map<string, WeightedPhrasing[]>()
  return (terms, own) => {
    const query = new Map(terms.map((term) => [term, reader.weight(term)]))
    let total = 0
    for (const w of query.values()) total += w
    return (id) => {
      const refused = texts.get(id)
      if (!refused) return false
      let phrasings = analyzed.get(id)
      if (!phrasings) analyzed.set(id, (phrasings = refused.map((text) => weighPhrasing(reader.read(text), reader.weight))))
      const against = closest(query, total, phrasings)
      // A tie goes to the refusal: staff wrote it for this very kind of message.
      return against >= MIN_CLOSENESS && against >= closest(query, total, own(id))
    }
  }
}
