/**
 * Staff's judgements of the replies, and what they would do: each judgement planned into phrasings (`corrections.ts`),
 * the knowledge base rebuilt in the page with all of them, and every loaded question asked again, before anything
 * is saved. The judgements leave the page only as the corrections file staff export.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals'
import { createEngine, type Engine, type KbFile } from '../../../widget/engine/index.ts'
import { coverageRows, type CoverageRow } from '../../../build/staff/coverage.ts'
import {
  outcomeOf,
  planCorrection,
  rowOutcome,
  sameOutcome,
  satisfies,
  withChanges,
  type Correction,
  type Judgement,
  type Outcome,
  type ReplyChange,
} from '../../../build/staff/corrections.ts'
import { correctionsFile } from '../../../build/staff/corrections-file.ts'

/** A correction with the reply its question gets once every correction is made. */
export interface CorrectionResult {
  correction: Correction
  after: Outcome
  /** The reply is the judged one. */
  fixed: boolean
}

/** The judgements, their corrections, the preview and the export. */
export const CorrectionsModel = createModel(
  (
    kb: ReadonlySignal<KbFile | null>,
    rows: ReadonlySignal<CoverageRow[]>,
    questions: ReadonlySignal<string[]>,
    threshold: ReadonlySignal<number>,
    engine: ReadonlySignal<Engine | null>,
  ) => {
    const judgements = signal<Judgement[]>([], { name: 'corrections.judgements' })
    // Planning asks the engine again, with an index rebuilt for a new phrasing: each judgement is planned once, and
    // the reply before any change comes from the engine the table was made with.
    const planned = new Map<string, Correction>()
    const plan = (base: KbFile, judgement: Judgement): Correction => {
      const key = JSON.stringify([base.hash, threshold.value, judgement.question, judgement.verdict, judgement.id ?? null])
      let correction = planned.get(key)
      // Untracked: the engine follows the knowledge base and the threshold, which this computation tracks already.
      if (!correction) planned.set(key, (correction = planCorrection(base, judgement, { threshold: threshold.value, engine: engine.peek() ?? undefined })))
      return correction
    }
    const corrections = computed(() => (kb.value ? judgements.value.map((judgement) => plan(kb.value!, judgement)) : []), { name: 'corrections.list' })
    const preview = computed(
      () => (kb.value && corrections.value.length > 0 ? createEngine(withChanges(kb.value, corrections.value), { threshold: threshold.value }) : null),
      { name: 'corrections.preview' },
    )
    const previewRows = computed(() => (preview.value ? coverageRows(preview.value, questions.value) : []), { name: 'corrections.previewRows' })
    const changed = computed<ReplyChange[]>(
      () =>
        previewRows.value.flatMap((after, i) => {
          const row = rows.value[i]
          if (!row || row.question !== after.question) return []
          const [was, now] = [rowOutcome(row), rowOutcome(after)]
          return sameOutcome(was, now) ? [] : [{ question: row.question, before: was, after: now }]
        }),
      { name: 'corrections.changed' },
    )
    const results = computed<CorrectionResult[]>(
      () =>
        corrections.value.map((correction) => {
          const after = outcomeOf(preview.value!.reply(correction.question))
          return { correction, after, fixed: satisfies(correction, after) }
        }),
      { name: 'corrections.results' },
    )
    return {
      judgements,
      corrections,
      previewRows,
      changed,
      results,
      /** The judgement of a question, if staff made one. */
      judgementOf(question: string): Judgement | undefined {
        return judgements.value.find((judgement) => judgement.question === question)
      },
      /** Records a judgement, replacing any earlier one of the same question. */
      judge(judgement: Judgement): void {
        judgements.value = [...judgements.value.filter((j) => j.question !== judgement.question), judgement]
      },
      /** Forgets the judgement of a question. */
      unjudge(question: string): void {
        judgements.value = judgements.value.filter((judgement) => judgement.question !== question)
      },
      /** Forgets every judgement. */
      clear(): void {
        judgements.value = []
      },
      /** The corrections file (`frontdesk apply` reads it), as text. */
      exportJson(): string {
        return `${JSON.stringify(correctionsFile(kb.value ?? { hash: '' }, threshold.value, corrections.value), null, 2)}\n`
      },
    }
  },
)

/** An instance of {@link CorrectionsModel}. */
export type CorrectionsModel = InstanceType<typeof CorrectionsModel>
