/** Where questions come from: pasted text, a dropped or chosen file (text, CSV or JSON Lines), or the sample log. */
import { useSignal } from '@preact/signals'
import type { QuestionsModel } from '../state/questions-model.ts'

/** Props of {@link InputPanel}. */
export interface InputPanelProps {
  questions: QuestionsModel
}

/** The paste box, the drop zone with its file chooser, and the sample and clear buttons. */
export function InputPanel({ questions }: InputPanelProps) {
  const dragging = useSignal(false)
  const count = questions.questions.value.length
  const asked = questions.asked.value
  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    dragging.value = false
    const file = event.dataTransfer?.files[0]
    if (file) void questions.loadFile(file)
  }
  return (
    <section class="card input-panel" aria-labelledby="input-title">
      <div class="card-head">
        <h2 id="input-title">Questions to test</h2>
        <p class="status" role="status">
          {count > 0 ? (
            <>
              <strong>{count}</strong> question{count === 1 ? '' : 's'}
              {asked > count ? ` (asked ${asked} times in all)` : ''} from the {questions.source.value}
            </>
          ) : (
            'No questions yet.'
          )}
        </p>
      </div>
      <div class="input-grid">
        <div class="paste">
          <label for="paste">Paste questions, one per line (or CSV with a “question” column, or JSON Lines)</label>
          <textarea
            id="paste"
            rows={4}
            spellcheck={false}
            placeholder={'does it hurt\nhow long does the numbness last'}
            value={questions.draft.value}
            onInput={(event) => questions.setDraft(event.currentTarget.value)}
          />
          <button type="button" class="button" onClick={() => questions.runDraft()} disabled={!questions.draft.value.trim()}>
            Run pasted questions
          </button>
        </div>
        <div
          class={`dropzone${dragging.value ? ' dragging' : ''}`}
          onDragOver={(event) => {
            event.preventDefault()
            dragging.value = true
          }}
          onDragLeave={() => (dragging.value = false)}
          onDrop={onDrop}
        >
          <p>Drop a question log here (.txt, .csv, or .jsonl from your own frontdesk-reply log), or:</p>
          <div class="actions">
            <input
              id="file"
              class="file-input"
              type="file"
              accept=".txt,.csv,.jsonl,.ndjson,.json,text/plain,text/csv,application/json"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0]
                if (file) void questions.loadFile(file)
                event.currentTarget.value = ''
              }}
            />
            <label for="file" class="button button-secondary">
              Choose a file…
            </label>
            <button type="button" class="button button-secondary" onClick={() => void questions.loadSample()}>
              Load the sample log
            </button>
            <button type="button" class="button button-quiet" onClick={() => questions.clear()} disabled={count === 0}>
              Clear
            </button>
          </div>
        </div>
      </div>
      {questions.error.value && (
        <p class="error" role="alert">
          {questions.error.value}
        </p>
      )}
    </section>
  )
}
