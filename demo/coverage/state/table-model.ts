/** The question table's view: filters by kind and confidence, search, sorting, and the CSV export. */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals'
import type { ReplyKind } from '../../../widget/engine/index.ts'
import { coverageCsvRows, KIND_ORDER, pairLabel, type CoverageRow } from '../../../build/staff/coverage.ts'
import { toCsv } from '../../../build/staff/csv.ts'
import { compareNeed } from '../../../build/staff/needs.ts'

/** What the table sorts by: a column, or `need` (what most needs a fix first, `needs.ts`), the order it starts in. */
export const SortKey = { need: 'need', n: 'n', question: 'question', kind: 'kind', confidence: 'confidence', pair: 'pair' } as const
/** One of {@link SortKey}'s values. */
export type SortKey = (typeof SortKey)[keyof typeof SortKey]

/** A sort order; the direction words are `aria-sort`'s. */
export interface TableSort {
  key: SortKey
  direction: 'ascending' | 'descending'
}

const compare: Record<SortKey, (a: CoverageRow, b: CoverageRow) => number> = {
  need: compareNeed,
  n: (a, b) => a.n - b.n,
  question: (a, b) => a.question.localeCompare(b.question),
  kind: (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  confidence: (a, b) => a.confidence - b.confidence,
  pair: (a, b) => pairLabel(a).localeCompare(pairLabel(b)),
}

/** Direction a column sorts in when first chosen: numbers that matter most when high, descending. */
const FIRST_DIRECTION: Record<SortKey, TableSort['direction']> = {
  need: 'ascending',
  n: 'ascending',
  question: 'ascending',
  kind: 'ascending',
  confidence: 'descending',
  pair: 'ascending',
}

/** The order the table starts in: what most needs a fix first. */
const NEED_ORDER: TableSort = { key: SortKey.need, direction: 'ascending' }

/** Filters, search and sort over coverage rows, with the rows they leave visible. */
export const TableModel = createModel((rows: ReadonlySignal<CoverageRow[]>) => {
  const kinds = signal<ReadonlySet<ReplyKind>>(new Set(KIND_ORDER), { name: 'table.kinds' })
  const minConfidence = signal(0, { name: 'table.minConfidence' })
  const maxConfidence = signal(1, { name: 'table.maxConfidence' })
  const search = signal('', { name: 'table.search' })
  const sort = signal<TableSort>(NEED_ORDER, { name: 'table.sort' })

  const visible = computed(
    () => {
      const needle = search.value.trim().toLowerCase()
      const { key, direction } = sort.value
      const sign = direction === 'ascending' ? 1 : -1
      return rows.value
        .filter((row) => kinds.value.has(row.kind))
        .filter((row) => row.confidence >= minConfidence.value && row.confidence <= maxConfidence.value)
        .filter((row) => !needle || `${row.question}\n${pairLabel(row)}\n${row.top?.question ?? ''}`.toLowerCase().includes(needle))
        // Ties keep log order, so a sort never shuffles equal rows.
        .sort((a, b) => sign * compare[key](a, b) || a.n - b.n)
    },
    { name: 'table.visible' },
  )

  return {
    kinds,
    minConfidence,
    maxConfidence,
    search,
    sort,
    visible,
    /** Shows or hides one kind. */
    toggleKind(kind: ReplyKind): void {
      const next = new Set(kinds.value)
      if (next.has(kind)) next.delete(kind)
      else next.add(kind)
      kinds.value = next
    },
    /** Sets the confidence range, each end clamped to 0..1; the ends swap when given the wrong way round. */
    setConfidenceRange(min: number, max: number): void {
      const clamp = (value: number, fallback: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback)
      const low = clamp(min, 0)
      const high = clamp(max, 1)
      minConfidence.value = Math.min(low, high)
      maxConfidence.value = Math.max(low, high)
    },
    /** Sets the search text (question, pair id or pair question). */
    setSearch(text: string): void {
      search.value = text
    },
    /** Sorts by a column; choosing the current column again reverses it. */
    sortBy(key: SortKey): void {
      const current = sort.value
      if (current.key === key) sort.value = { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
      else sort.value = { key, direction: FIRST_DIRECTION[key] }
    },
    /** Clears every filter and the search, and sorts by need again. */
    reset(): void {
      kinds.value = new Set(KIND_ORDER)
      minConfidence.value = 0
      maxConfidence.value = 1
      search.value = ''
      sort.value = NEED_ORDER
    },
    /** The visible rows as CSV, in the order shown. */
    exportCsv(): string {
      return toCsv(coverageCsvRows(visible.value))
    },
  }
})

/** An instance of {@link TableModel}. */
export type TableModel = InstanceType<typeof TableModel>
