/** Every question with its reply kind, matched pair, confidence and why; with filters, search, sort and export. */
import { useSignal } from '@preact/signals'
import { KIND_LABEL, KIND_ORDER, pairLabel, type CoverageRow } from '../../../build/staff/coverage.ts'
import { SortKey, type TableModel } from '../state/table-model.ts'

/** Props of {@link QuestionTable}. */
export interface QuestionTableProps {
  table: TableModel
  /** All rows, for the per-kind counts beside the filters. */
  rows: CoverageRow[]
  /** Shows a pair in the knowledge-base browser. */
  onShowPair(id: string): void
}

/** Rows drawn before "Show all": enough for any screen, few enough to stay quick with a long log. */
const PAGE = 200

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string; className?: string }> = [
  { key: SortKey.n, label: '#', className: 'num' },
  { key: SortKey.question, label: 'Question' },
  { key: SortKey.kind, label: 'Kind' },
  { key: SortKey.confidence, label: 'Confidence', className: 'num' },
  { key: SortKey.pair, label: 'Matched pair' },
]

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}

/** Props of {@link Why}. */
interface WhyProps {
  row: CoverageRow
}

/** Why a row got its reply: the engine's reason, the terms matched, the runners-up. */
function Why({ row }: WhyProps) {
  return (
    <div class="why">
      <p>{row.reason}</p>
      {row.matchedTerms.length > 0 && (
        <p>
          <span class="muted">matched </span>
          {row.matchedTerms.map((term) => (
            <span key={term} class="term">
              {term}
            </span>
          ))}
        </p>
      )}
      {row.alternatives.length > 0 && (
        <p class="muted">runners-up: {row.alternatives.map((alt) => `${alt.id} ${alt.confidence.toFixed(2)}`).join(' · ')}</p>
      )}
    </div>
  )
}

/** The filter toolbar and the table. */
export function QuestionTable({ table, rows, onShowPair }: QuestionTableProps) {
  const limit = useSignal(PAGE)
  const visible = table.visible.value
  const sort = table.sort.value
  const counts = Object.fromEntries(KIND_ORDER.map((kind) => [kind, rows.filter((row) => row.kind === kind).length]))
  return (
    <div class="table-view">
      <div class="toolbar">
        <fieldset class="kinds">
          <legend>Kinds</legend>
          {KIND_ORDER.map((kind) => (
            <label key={kind} class={`check k-${kind}`}>
              <input type="checkbox" checked={table.kinds.value.has(kind)} onChange={() => table.toggleKind(kind)} />
              {KIND_LABEL[kind]} <span class="count">{counts[kind]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="range">
          <legend>Confidence</legend>
          <label>
            from{' '}
            <input type="number" min={0} max={1} step={0.05} value={table.minConfidence.value}
              onChange={(event) => table.setConfidenceRange(Number(event.currentTarget.value), table.maxConfidence.value)} />
          </label>
          <label>
            to{' '}
            <input type="number" min={0} max={1} step={0.05} value={table.maxConfidence.value}
              onChange={(event) => table.setConfidenceRange(table.minConfidence.value, Number(event.currentTarget.value))} />
          </label>
        </fieldset>
        <div class="search">
          <label for="table-search">Search</label>
          <input id="table-search" type="search" placeholder="question or pair" value={table.search.value} onInput={(event) => table.setSearch(event.currentTarget.value)} />
        </div>
        <div class="toolbar-actions">
          <button type="button" class="button button-quiet" onClick={() => table.reset()}>
            Reset filters
          </button>
          <button type="button" class="button button-secondary" onClick={() => download(table.exportCsv(), 'frontdesk-coverage.csv')} disabled={visible.length === 0}>
            Export CSV
          </button>
        </div>
      </div>
      <p class="status" role="status">
        Showing {Math.min(visible.length, limit.value)} of {visible.length} matching ({rows.length} in all).
      </p>
      <div class="table-scroll">
        <table class="questions">
          <caption class="visually-hidden">Questions and the replies they get; column headers sort.</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" class={column.className} aria-sort={sort.key === column.key ? sort.direction : undefined}>
                  <button type="button" class="sort" onClick={() => table.sortBy(column.key)}>
                    {column.label}
                    <span class="sort-mark" aria-hidden="true">
                      {sort.key === column.key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, limit.value).map((row) => (
              <tr key={row.n}>
                <td class="num">{row.n}</td>
                <td class="question">{row.question}</td>
                <td>
                  <span class={`badge k-${row.kind}`}>{KIND_LABEL[row.kind]}</span>
                </td>
                <td class="num">
                  <span class="confidence">{row.confidence.toFixed(2)}</span>
                  <svg class="meter" viewBox="0 0 50 6" width="50" height="6" aria-hidden="true">
                    <rect class="meter-track" x="0" y="0" width="50" height="6" />
                    <rect class={`meter-bar k-${row.kind}`} x="0" y="0" width={Math.round(row.confidence * 50)} height="6" />
                  </svg>
                </td>
                <td>
                  {row.top && pairLabel(row) === row.top.id ? (
                    <>
                      <a href={`#pair-${row.top.id}`} onClick={(event) => (event.preventDefault(), onShowPair(row.top!.id))}>
                        <code>{row.top.id}</code>
                      </a>
                      <div class="muted small">{row.top.question}</div>
                    </>
                  ) : pairLabel(row) ? (
                    <code>{pairLabel(row)}</code>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td>
                  <Why row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length > limit.value && (
        <button type="button" class="button button-secondary show-all" onClick={() => (limit.value = visible.length)}>
          Show all {visible.length}
        </button>
      )}
    </div>
  )
}
