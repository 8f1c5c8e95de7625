import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { syntheticKb } from '../../../build/bench/synthetic.ts'
import { FIELD_BOOSTS, indexOptionsHash } from '../../../widget/engine/index-format.ts'
import { indexSteps, loadIndex } from '../../../widget/engine/index-reader.ts'
import { createAnalyzer, textOptionsOf } from '../../../widget/engine/text.ts'
import type { KbFile } from '../../../widget/engine/kb-format.ts'

const kb = compileKb('kb')
const analyzer = createAnalyzer(textOptionsOf(kb))
const reader = loadIndex(kb)

/**
 * MiniSearch's own index of a knowledge base, built as the compiler built the one it used to ship, except that each
 * phrasing is read on its own (a synonym phrase never spans two phrasings), as `kb.json` now stores them.
 */
function miniSearchOf(file: KbFile): MiniSearch {
  const tokenize = (text: string): string[] => text.split(' | ').flatMap(analyzer)
  const search = new MiniSearch({ fields: Object.keys(FIELD_BOOSTS), tokenize, processTerm: (term) => term })
  search.addAll([
    ...file.pairs.map((pair) => ({ id: pair.id, question: pair.question, aliases: pair.aliases.join(' | ') })),
    ...file.handoffs.map((handoff) => ({ id: handoff.id, question: handoff.topic, aliases: handoff.aliases.join(' | ') })),
  ])
  return search
}
const miniSearch = miniSearchOf(kb)

/** What MiniSearch itself finds for the same analyzed terms: id → score. */
function miniSearchScores(terms: string[], prefixLast = false): Map<string, number> {
  const results = miniSearch.search(terms.join(' '), {
    boost: FIELD_BOOSTS,
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    prefix: (_term, i) => prefixLast && i === terms.length - 1,
  })
  return new Map(results.map((result) => [String(result.id), result.score]))
}

/** Document frequencies as the compiler used to count them: over each document's phrasings and answer together, each read on its own. */
function compilerDf(file: KbFile): Map<string, number> {
  const df: Record<string, number> = Object.create(null)
  for (const [question, aliases, answer] of [
    ...file.pairs.map((pair) => [pair.question, pair.aliases, pair.answerText] as const),
    ...file.handoffs.map((handoff) => [handoff.topic, handoff.aliases, ''] as const),
  ]) {
    for (const term of new Set([question, ...aliases, answer].flatMap(analyzer))) df[term] = (df[term] ?? 0) + 1
  }
  return new Map(Object.entries(df))
}

const QUESTIONS = ['does it hurt', 'how long does the soreness last after the shot', 'steroid fat dent', 'what is dry needling', 'insurance cost', 'fibromyalgia headache migraine neck']

describe('loadIndex', () => {
  it.each(QUESTIONS)('scores "%s" exactly as MiniSearch does over the same phrasings', (question) => {
    const terms = analyzer(question)
    const ours = new Map(reader.search(terms).map((hit) => [hit.id, hit.score]))
    const theirs = miniSearchScores(terms)
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort())
    for (const [id, score] of theirs) expect(ours.get(id)).toBeCloseTo(score, 9)
  })

  it('scores a prefix of the last word exactly as MiniSearch does', () => {
    const terms = ['how', 'long', 'sor']
    const ours = new Map(reader.search(terms, { prefixLast: true }).map((hit) => [hit.id, hit.score]))
    const theirs = miniSearchScores(terms, true)
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort())
    for (const [id, score] of theirs) expect(ours.get(id)).toBeCloseTo(score, 9)
  })

  it('counts document frequencies over phrasings and answers, in the order the compiler wrote them', () => {
    expect([...reader.df]).toEqual([...compilerDf(kb)])
    expect(reader.documentCount).toBe(kb.pairs.length + kb.handoffs.length)
  })

  it('ranks best first and says which query terms matched', () => {
    const [best, next] = reader.search(analyzer('will the needle hurt'))
    expect(best!.score).toBeGreaterThanOrEqual(next!.score)
    expect(best!.queryTerms.length).toBeGreaterThan(0)
  })

  it('refuses a kb.json compiled for other index options', () => {
    expect(() => loadIndex({ ...kb, index: { optionsHash: 'other' } })).toThrow(/^Frontdesk: the index in kb\.json was built with other options \(hash "other"/)
  })
})

describe('indexOptionsHash', () => {
  it('is the hash of a kb.json built before ignored phrases existed when there are none, and another with them', () => {
    const before = indexOptionsHash({ synonyms: [], ignored: ['the'] })
    expect(indexOptionsHash({ synonyms: [], ignored: ['the'], ignoredPhrases: [] })).toBe(before)
    expect(indexOptionsHash({ synonyms: [], ignored: ['the'], ignoredPhrases: ['has anyone'] })).not.toBe(before)
  })
})

describe('indexSteps', () => {
  it('builds the same index in steps of a few documents, yielding between them', () => {
    const synthetic = syntheticKb(200)
    const steps = indexSteps(synthetic)
    let yields = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(10)
    const built = step.value
    const whole = loadIndex(synthetic)
    expect([...built.df]).toEqual([...whole.df])
    const terms = built.analyzer(synthetic.pairs[17]!.question)
    expect(built.search(terms)).toEqual(whole.search(terms))
    expect(built.search(terms)[0]!.id).toBe('pair-17')
  })
})

describe('LoadedIndex#vocabularySteps', () => {
  it('builds the radix tree of known words in steps, the same as vocabulary() builds at once', () => {
    const synthetic = syntheticKb(200)
    const stepped = loadIndex(synthetic)
    const steps = stepped.vocabularySteps()
    let yields = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(2)
    expect([...step.value.entries()]).toEqual([...loadIndex(synthetic).vocabulary().entries()])
    // Built once: the tree the steps made is the one the index uses.
    expect(stepped.vocabulary()).toBe(step.value)
  })
})
