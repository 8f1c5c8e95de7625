import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { FIELD_BOOSTS } from '../../../widget/engine/index-format.ts'
import { loadIndex } from '../../../widget/engine/index-reader.ts'
import { indexOptions } from '../../../widget/engine/search-index.ts'
import { createAnalyzer } from '../../../widget/engine/text.ts'

const kb = compileKb('kb')
const text = { synonyms: kb.synonyms, ignored: kb.language.ignored }
const reader = loadIndex(kb.index, text)
const analyzer = createAnalyzer(text)
const miniSearch = MiniSearch.loadJS(kb.index.data as never, indexOptions(analyzer))

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

const QUESTIONS = ['does it hurt', 'how long does the soreness last after the shot', 'steroid fat dent', 'what is dry needling', 'insurance cost', 'fibromyalgia headache migraine neck']

describe('loadIndex', () => {
  it.each(QUESTIONS)('scores "%s" exactly as MiniSearch does on the same index', (question) => {
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

  it('ranks best first and says which query terms matched', () => {
    const [best, next] = reader.search(analyzer('will the needle hurt'))
    expect(best!.score).toBeGreaterThanOrEqual(next!.score)
    expect(best!.queryTerms.length).toBeGreaterThan(0)
  })

  it('refuses an index of an unknown kind', () => {
    expect(() => loadIndex({ ...kb.index, data: { serializationVersion: 9 } }, text)).toThrow(
      'Frontdesk: kb.json holds an index of an unknown kind (serializationVersion 9)',
    )
  })
})
