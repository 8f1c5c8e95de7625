/** One row's judgement: is the reply right, and if not, what should the question get. */
import { useSignal } from '@preact/signals'
import type { KbFile } from '../../../widget/engine/index.ts'
import type { CoverageRow } from '../../../build/staff/coverage.ts'
import { describeOutcome, rowOutcome, Verdict } from '../../../build/staff/corrections.ts'
import type { CorrectionsModel } from '../state/corrections-model.ts'

/** The id of the `<datalist>` of every pair the "Right answer is…" field searches (rendered once by the table). */
export const PAIR_LIST_ID = 'kb-pairs'

/** Props of {@link JudgeControl}. */
export interface JudgeControlProps {
  row: CoverageRow
  kb: KbFile
  corrections: CorrectionsModel
}

/** The pair a row's reply gave, which "Not this pair" would refuse: the answered pair, or a clarify's first choice. */
function givenPair(row: CoverageRow): string | null {
  if (row.kind === 'answer') return row.top?.id ?? null
  return row.kind === 'clarify' ? (row.choices[0] ?? null) : null
}

/** The pair a text names: its id, or its question as written. */
function pairNamed(kb: KbFile, text: string): string | null {
  const value = text.trim().toLowerCase()
  return kb.pairs.find((pair) => pair.id === value || pair.question.toLowerCase() === value)?.id ?? null
}

/**
 * A select of the verdicts; "Right answer is…" adds a field that searches the pairs, "Should hand off to…" a select of
 * the handoff topics. Once judged, the row says what the question gets with every correction made.
 */
export function JudgeControl({ row, kb, corrections }: JudgeControlProps) {
  const judgement = corrections.judgementOf(row.question)
  // "Right answer is…" and "Should hand off to…" need a second choice before they are a judgement.
  const choosing = useSignal<Verdict | null>(null)
  const typed = useSignal('')
  const verdict = choosing.value ?? judgement?.verdict ?? ''
  const given = givenPair(row)
  const id = `judge-${row.n}`
  const judge = (next: Verdict, target?: string): void => {
    choosing.value = null
    corrections.judge({ question: row.question, verdict: next, ...(target ? { id: target } : {}) })
  }
  const onVerdict = (value: string): void => {
    typed.value = ''
    if (value === '') {
      choosing.value = null
      corrections.unjudge(row.question)
    } else if (value === Verdict.answer || value === Verdict.handoff) choosing.value = value
    else judge(value as Verdict, value === Verdict.notPair ? given! : undefined)
  }
  const result = corrections.results.value.find((r) => r.correction.question === row.question)
  const wrongPair = typed.value.trim() !== '' && pairNamed(kb, typed.value) === null
  return (
    <div class="judge">
      <label for={id} class="visually-hidden">
        Judge the reply to “{row.question}”
      </label>
      <select id={id} value={verdict} onChange={(event) => onVerdict(event.currentTarget.value)}>
        <option value="">Judge…</option>
        <option value={Verdict.correct}>Correct</option>
        <option value={Verdict.answer}>Right answer is…</option>
        <option value={Verdict.handoff}>Should hand off to…</option>
        <option value={Verdict.fallback}>Nothing answers this</option>
        {given && <option value={Verdict.notPair}>Not this pair ({given})</option>}
      </select>
      {verdict === Verdict.answer && (
        <div class="judge-pick">
          <label for={`${id}-pair`}>Pair (type to search)</label>
          <input
            id={`${id}-pair`}
            type="text"
            list={PAIR_LIST_ID}
            autocomplete="off"
            value={typed.value || (judgement?.verdict === Verdict.answer ? judgement.id : '')}
            aria-invalid={wrongPair}
            onInput={(event) => (typed.value = event.currentTarget.value)}
            onChange={(event) => {
              const pair = pairNamed(kb, event.currentTarget.value)
              if (pair) judge(Verdict.answer, pair)
            }}
          />
          {wrongPair && <p class="error small">No pair has that id or question: pick one from the list.</p>}
        </div>
      )}
      {verdict === Verdict.handoff && (
        <div class="judge-pick">
          <label for={`${id}-handoff`}>Handoff topic</label>
          <select
            id={`${id}-handoff`}
            value={judgement?.verdict === Verdict.handoff ? judgement.id : ''}
            onChange={(event) => event.currentTarget.value && judge(Verdict.handoff, event.currentTarget.value)}
          >
            <option value="">Choose…</option>
            {kb.handoffs.map((handoff) => (
              <option key={handoff.id} value={handoff.id}>
                {handoff.topic}
              </option>
            ))}
          </select>
        </div>
      )}
      {result && (
        <p class={`judged ${result.fixed ? 'fixed' : 'unfixed'}`}>
          <span aria-hidden="true">{result.fixed ? '✓ ' : '✗ '}</span>
          {result.fixed ? 'With the corrections: ' : 'Still, with the corrections: '}
          {describeOutcome(result.after)}
          {result.fixed && result.correction.verdict !== Verdict.correct && <span class="muted"> (was: {describeOutcome(rowOutcome(row))})</span>}
        </p>
      )}
    </div>
  )
}
