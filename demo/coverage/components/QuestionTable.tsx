/**
 * Every question with its reply kind, matched pair, confidence, why and staff's judgement; with filters, search, sort
 * (what most needs a fix first, to start with) and export. Under 700 px each row is a card.
 */
import { useSignal } from '@preact/signals'
import type { KbFile } from '../../../widget/engine/index.ts'
import { KIND_LABEL, KIND_ORDER, pairLabel, type CoverageRow } from '../../../build/staff/coverage.ts'
import type { CorrectionsModel } from '../state/corrections-model.ts'
import { SortKey, type TableModel } from '../state/table-model.ts'
import { download } from './download.ts'
import { JudgeControl, PAIR_LIST_ID } from './JudgeControl.tsx'
import { Why } from './Why.tsx'

/** Props of {@link QuestionTable}. */
export interface QuestionTableProps {
  table: TableModel
  /** All rows, for the per-kind counts beside the filters. */
  rows: CoverageRow[]
  /** Shows a pair in the knowledge-base browser. */
  onShowPair(id: string): void
  /** The knowledge base, for the judgement's pickers; no judging without it. */
  kb: KbFile | null
  corrections: CorrectionsModel
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

/** The filter toolbar and the table. */
/** How often a question was asked and how many said its answer did not help, when the log says. */
function Asked({ row }: { row: CoverageRow }) {
  if ((row.asked ?? 1) <= 1 && !row.unhelpful) return null
  return (
    <div class="asked small">
      {(row.asked ?? 1) > 1 && <span>asked {row.asked} times</span>}
      {row.unhelpful ? <span class="said-no">{row.unhelpful} said “No”</span> : null}
    </div>
  )
}

export function QuestionTable({ table, rows, onShowPair, kb, corrections }: QuestionTableProps) {
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
          <button type="button" class="button button-secondary" onClick={() => download(table.exportCsv(), 'frontdesk-coverage.csv', 'text/csv;charset=utf-8')} disabled={visible.length === 0}>
            Export CSV
          </button>
        </div>
      </div>
      <p class="status" role="status">
        Showing {Math.min(visible.length, limit.value)} of {visible.length} matching ({rows.length} in all)
        {sort.key === SortKey.need ? ', fallbacks first, then doubtful replies (a clarify, low confidence, a “No”), the most asked first in each.' : '.'}
      </p>
      {kb && (
        <datalist id={PAIR_LIST_ID}>
          {kb.pairs.map((pair) => (
            <option key={pair.id} value={pair.id}>
              {pair.question}
            </option>
          ))}
        </datalist>
      )}
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
              <th scope="col">Judge</th>
            </tr>
          </thead>
          <tbody>
            {visible.slice(0, limit.value).map((row) => (
              <tr key={row.n}>
                <td class="num" data-label="#">
                  {row.n}
                </td>
                <td class="question">
                  {row.question}
                  <Asked row={row} />
                </td>
                <td data-label="Kind">
                  <span class={`badge k-${row.kind}`}>{KIND_LABEL[row.kind]}</span>
                </td>
                <td class="num" data-label="Confidence">
                  <span class="confidence">{row.confidence.toFixed(2)}</span>
                  <svg class="meter" viewBox="0 0 50 6" width="50" height="6" aria-hidden="true">
                    <rect class="meter-track" x="0" y="0" width="50" height="6" />
                    <rect class={`meter-bar k-${row.kind}`} x="0" y="0" width={Math.round(row.confidence * 50)} height="6" />
                  </svg>
                </td>
                <td data-label="Matched pair">
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
                <td data-label="Why">
                  <Why row={row} />
                </td>
                <td data-label="Judge">
                  {/* Emergencies and small talk are recognised before any matching: no phrasing changes them. */}
                  {kb && (row.kind === 'emergency' || row.kind === 'smalltalk' ? <span class="muted small">—</span> : <JudgeControl row={row} kb={kb} corrections={corrections} />)}
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
