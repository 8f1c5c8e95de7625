import { signal } from '@preact/signals'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../../build/staff/csv.ts'
import type { CoverageRow } from '../../../../build/staff/coverage.ts'
import { SortKey, TableModel } from '../../../../demo/coverage/state/table-model.ts'
import { row, top } from '../../../build/staff/rows.ts'

const ROWS: CoverageRow[] = [
  row({ n: 1, question: 'hello', kind: 'smalltalk', confidence: 1 }),
  row({ n: 2, question: 'Does it hurt?', kind: 'answer', confidence: 0.9, top: top('does-it-hurt', 0.9) }),
  row({ n: 3, question: 'price', kind: 'fallback', confidence: 0.2, top: top('what-is-it', 0.2), handoff: 'prices' }),
  row({ n: 4, question: 'what is it', kind: 'answer', confidence: 0.6, top: top('what-is-it', 0.6) }),
  row({ n: 5, question: 'park', kind: 'fallback', confidence: 0.6, top: top('does-it-hurt', 0.6) }),
]
const ns = (model: TableModel) => model.visible.value.map((r) => r.n)
/** The rows shown, in log order: for the tests of filters, which do not care about the order. */
const shown = (model: TableModel) => ns(model).sort((a, b) => a - b)

describe('TableModel', () => {
  it('shows every row, what most needs a fix first: fallbacks, then doubtful answers, then the rest', () => {
    const model = new TableModel(signal(ROWS))
    expect(model.sort.value).toEqual({ key: 'need', direction: 'ascending' })
    expect(ns(model)).toEqual([5, 4, 3, 2, 1])
  })

  it('filters by kind', () => {
    const model = new TableModel(signal(ROWS))
    model.toggleKind('fallback')
    model.toggleKind('smalltalk')
    expect(shown(model)).toEqual([2, 4])
    model.toggleKind('fallback')
    expect(shown(model)).toEqual([2, 3, 4, 5])
  })

  it('filters by a confidence range, ends included, swapped when given the wrong way round', () => {
    const model = new TableModel(signal(ROWS))
    model.setConfidenceRange(0.6, 0.9)
    expect(shown(model)).toEqual([2, 4, 5])
    model.setConfidenceRange(0.7, 0.1)
    expect([model.minConfidence.value, model.maxConfidence.value]).toEqual([0.1, 0.7])
    expect(shown(model)).toEqual([3, 4, 5])
    model.setConfidenceRange(Number.NaN, 3)
    expect([model.minConfidence.value, model.maxConfidence.value]).toEqual([0, 1])
  })

  it('searches questions, pair ids and handoff topics, ignoring case', () => {
    const model = new TableModel(signal(ROWS))
    model.setSearch('HURT')
    expect(shown(model)).toEqual([2, 5])
    model.setSearch('prices')
    expect(shown(model)).toEqual([3])
    model.setSearch('  ')
    expect(shown(model)).toHaveLength(5)
  })

  it('sorts by a column, confidence highest first, reversing on a second choice, ties in log order', () => {
    const model = new TableModel(signal(ROWS))
    model.sortBy(SortKey.confidence)
    expect(model.sort.value).toEqual({ key: 'confidence', direction: 'descending' })
    expect(ns(model)).toEqual([1, 2, 4, 5, 3])
    model.sortBy(SortKey.confidence)
    expect(ns(model)).toEqual([3, 4, 5, 2, 1])
    model.sortBy(SortKey.kind)
    expect(ns(model)).toEqual([2, 4, 3, 5, 1])
    model.sortBy(SortKey.pair)
    expect(ns(model)).toEqual([1, 2, 5, 3, 4])
    model.sortBy(SortKey.question)
    expect(ns(model)).toEqual([2, 1, 5, 3, 4])
  })

  it('follows new rows', () => {
    const rows = signal(ROWS)
    const model = new TableModel(rows)
    model.toggleKind('answer')
    rows.value = ROWS.slice(0, 2)
    expect(ns(model)).toEqual([1])
  })

  it('resets every filter and the sort', () => {
    const model = new TableModel(signal(ROWS))
    model.toggleKind('answer')
    model.setSearch('x')
    model.setConfidenceRange(0.5, 0.6)
    model.sortBy(SortKey.confidence)
    model.reset()
    expect(ns(model)).toEqual([5, 4, 3, 2, 1])
  })

  it('exports the visible rows as CSV, in the order shown', () => {
    const model = new TableModel(signal(ROWS))
    model.toggleKind('smalltalk')
    model.sortBy(SortKey.confidence)
    const csv = parseCsv(model.exportCsv())
    expect(csv[0]).toEqual(['n', 'question', 'kind', 'confidence', 'pair', 'pair_question', 'matched_words', 'runners_up', 'reason', 'why'])
    expect(csv.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['2', 'does-it-hurt'],
      ['4', 'what-is-it'],
      ['5', 'does-it-hurt'],
      ['3', 'handoff: prices'],
    ])
  })
})
