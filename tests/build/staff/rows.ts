/** Coverage rows made by hand, so summary arithmetic can be checked without the engine. */
import type { KbPair } from '../../../widget/engine/index.ts'
import type { CoverageRow } from '../../../build/staff/coverage.ts'

/** A row with defaults for whatever the test does not care about. */
export function row(fields: Partial<CoverageRow> & Pick<CoverageRow, 'kind'>): CoverageRow {
  return { n: 1, question: 'q', confidence: 0, top: null, alternatives: [], choices: [], matchedTerms: [], queryTerms: [], reason: '', handoff: null, leader: null, runnerUp: null, unmatchedWords: [], closestPhrasing: null, ...fields }
}

/** A match of pair `id`. */
export const top = (id: string, confidence: number) => ({ id, question: `${id}?`, confidence })

/** Pairs with just the fields the summary reads. */
export const pairs = (...ids: string[]): KbPair[] => ids.map((id) => ({ id, question: `${id}?` }) as KbPair)
