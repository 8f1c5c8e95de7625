/** The judgements made so far, what they change in the knowledge base and in the replies, and the export. */
import { describeJudgement, describeOutcome, type KbChange } from '../../../build/staff/corrections.ts'
import type { CorrectionsModel } from '../state/corrections-model.ts'
import { download } from './download.ts'

/** Props of {@link CorrectionsPanel}. */
export interface CorrectionsPanelProps {
  corrections: CorrectionsModel
  /** How many questions are loaded, all of which the preview asks again. */
  total: number
}

/** The name the corrections file is saved under, and the command the panel tells staff to run. */
export const CORRECTIONS_FILE = 'frontdesk-corrections.json'

/** A change to the knowledge base in staff's words. */
function describeChange(change: KbChange): string {
  return change.field === 'asked' ? `as a phrasing of ${change.id}` : `under "not:" of ${change.id}`
}

/** The panel: nothing but a hint until a row is judged. */
export function CorrectionsPanel({ corrections, total }: CorrectionsPanelProps) {
  const results = corrections.results.value
  const changed = corrections.changed.value
  const fixed = results.filter((result) => result.fixed).length
  return (
    <section class="card corrections" aria-labelledby="corrections-title">
      <div class="card-head">
        <h2 id="corrections-title">Corrections</h2>
        <p class="status" role="status">
          {results.length === 0
            ? 'None yet.'
            : `${results.length} judged · ${fixed} get the judged reply · ${changed.length} of ${total} replies change`}
        </p>
      </div>
      {results.length === 0 ? (
        <p class="empty">
          Judge a row in the table below (last column): the knowledge base is rebuilt here with your corrections and every question is asked
          again, before anything is saved.
        </p>
      ) : (
        <>
          <ol class="correction-list">
            {results.map(({ correction, after, fixed: ok }) => (
              <li key={correction.question} class={ok ? 'fixed' : 'unfixed'}>
                <q>{correction.question}</q> {describeJudgement(correction)}.{' '}
                {correction.changes.length > 0 && <span class="muted">Adds it {correction.changes.map(describeChange).join(', and ')}. </span>}
                <span class="outcome">
                  <span aria-hidden="true">{ok ? '✓' : '✗'}</span> now {describeOutcome(after)}
                </span>{' '}
                <button type="button" class="button-quiet" onClick={() => corrections.unjudge(correction.question)}>
                  Undo<span class="visually-hidden"> the judgement of “{correction.question}”</span>
                </button>
              </li>
            ))}
          </ol>
          <h3>
            Replies that change ({changed.length} of {total})
          </h3>
          {changed.length === 0 ? (
            <p class="empty">No reply changes.</p>
          ) : (
            <ul class="changed-list">
              {changed.map((change) => (
                <li key={change.question}>
                  <q>{change.question}</q>: {describeOutcome(change.before)} → <strong>{describeOutcome(change.after)}</strong>
                </li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button type="button" class="button" onClick={() => download(corrections.exportJson(), CORRECTIONS_FILE, 'application/json')}>
              Export corrections
            </button>
            <button type="button" class="button button-quiet" onClick={() => corrections.clear()}>
              Clear all
            </button>
          </div>
          <p class="help">
            Then, in the project: <code>npx frontdesk apply {CORRECTIONS_FILE}</code> adds the phrasings to <code>kb/</code>, checks them and rebuilds
            (<code>--dry-run</code> shows the changes first). The rebuild also learns the confidence calibration again, so a few more replies that sit
            near the threshold may change: on average one or two in a thousand for each phrasing on this project's question sets, fewer on real questions.
          </p>
        </>
      )}
    </section>
  )
}
