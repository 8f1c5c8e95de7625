/**
 * Confidence: how well a pair fits a message, in 0..1, with the same meaning at any knowledge-base size.
 *
 * Raw BM25 scores grow with the message's length and drift as the knowledge base grows (minisearch notes), so
 * the confidence is built from rarity-weighted overlaps instead:
 * - coverage: the share of the message's weight that the pair matches (answer-only matches count for less);
 * - fit: the best share of one of the pair's phrasings that the message covers, so a short, exact question
 *   ("will it hurt") is as sure as a long one.
 * Their weighted geometric mean is the confidence. Weights are inverse document frequencies, so "trigger point"
 * (in every pair) counts for little and "ultrasound" for much; a word the knowledge base does not know counts
 * fully against coverage, because it usually names what the message is really about ("insurance", "parking").
 */

/** Tuning constants, measured on `kb/eval.jsonl` and the public dev set (see README, "Matching"). */
export const CONFIDENCE_TUNING: {
  readonly answerOnlyCredit: number
  readonly coverageWeight: number
  readonly unknownWeight: number
  readonly meanFitShare: number
} = {
  /** Credit for a term found only in the answer text, not in any way the question is asked. */
  answerOnlyCredit: 0.5,
  /** How much of the confidence comes from coverage (the rest from fit). */
  coverageWeight: 0.5,
  /** An unknown word weighs this share of the rarest known word's weight. */
  unknownWeight: 1,
  /**
   * The share of fit that comes from the pair's phrasings on average rather than its best phrasing: a pair
   * many of whose phrasings match is likelier than one with a single lucky phrasing.
   */
  meanFitShare: 0.2,
}

/** Inverse document frequency (BM25's), for `df` documents containing the term out of `n`. */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5))
}

/** What the confidence of one pair is made of, for staff. */
export interface Fit {
  confidence: number
  coverage: number
  fit: number
  /**
   * How closely one phrasing and the message match both ways (the best F1 of a phrasing's share covered and the
   * message's share it covers): breaks ties between pairs, so "how do they work" goes to the pair that has that
   * phrasing rather than to "do they work".
   */
  phrase: number
  /** The position of that closest phrasing among the candidate's phrasings (its question or topic is 0). */
  closest: number
  matched: string[]
}

/** One phrasing of a pair, analyzed once: its distinct terms, their weights and the weights' sum. */
export interface WeightedPhrasing {
  terms: readonly string[]
  weights: readonly number[]
  total: number
}

/** A candidate's analyzed text: its phrasings, and all terms of its phrasings and of its answer. */
export interface CandidateTerms {
  phrasings: readonly WeightedPhrasing[]
  asked: ReadonlySet<string>
  /** The telling question words its phrasings begin with ("who", "where", "how long"…; see `questionForm`). */
  forms: ReadonlySet<string>
  answer: ReadonlySet<string>
}

/**
 * How closely one phrasing and a message match both ways: the F1 of the share of the phrasing the message covers
 * and the share of the message the phrasing covers, by rarity weight (`hit` is the weight they share).
 */
export function overlapF1(hit: number, phrasingTotal: number, messageTotal: number): number {
  return hit > 0 ? (2 * hit) / (phrasingTotal + messageTotal) : 0
}

/** Analyzes a phrasing's terms once, so scoring a message only sums the weights of the terms it shares. */
export function weighPhrasing(terms: readonly string[], weight: (term: string) => number): WeightedPhrasing {
  const distinct = [...new Set(terms)]
  const weights = distinct.map(weight)
  return { terms: distinct, weights, total: weights.reduce((sum, w) => sum + w, 0) }
}

/**
 * Scores one candidate.
 * @param query - the message's distinct terms, with their weights
 * @param candidate - the pair's analyzed text
 */
export function scoreCandidate(query: ReadonlyMap<string, number>, candidate: CandidateTerms): Fit {
  const { phrasings } = candidate
  let total = 0
  let covered = 0
  const matched: string[] = []
  // `forEach`, not `for…of`: it makes no [term, weight] array per term.
  query.forEach((w, term) => {
    total += w
    const asked = candidate.asked.has(term)
    if (!asked && !candidate.answer.has(term)) return
    matched.push(term)
    covered += w * (asked ? 1 : CONFIDENCE_TUNING.answerOnlyCredit)
  })
  const coverage = total > 0 ? covered / total : 0

  let best = 0
  let sum = 0
  let phrase = 0
  let closest = 0
  // Plain loops: this runs for every candidate of every message, and closures here were most of a reply's garbage.
  for (let index = 0; index < phrasings.length; index++) {
    const { terms, weights, total: all } = phrasings[index]!
    let hit = 0
    for (let i = 0; i < terms.length; i++) if (query.has(terms[i]!)) hit += weights[i]!
    const share = all > 0 ? hit / all : 0
    best = Math.max(best, share)
    sum += share
    const f1 = overlapF1(hit, all, total)
    if (f1 > phrase) {
      phrase = f1
      closest = index
    }
  }
  const mean = phrasings.length > 0 ? sum / phrasings.length : 0
  const fit = (1 - CONFIDENCE_TUNING.meanFitShare) * best + CONFIDENCE_TUNING.meanFitShare * mean

  const a = CONFIDENCE_TUNING.coverageWeight
  const confidence = coverage > 0 && fit > 0 ? Math.pow(coverage, a) * Math.pow(fit, 1 - a) : 0
  return { confidence, coverage, fit, phrase, closest, matched }
}
