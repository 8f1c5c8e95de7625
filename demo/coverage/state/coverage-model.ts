/**
 * Coverage at a chosen threshold: every question's row and the summary, recomputed whenever the threshold, the
 * questions or the knowledge base change.
 */
import { computed, createModel, signal, type ReadonlySignal } from '@preact/signals'
import { defaultEngineOptions, type KbFile } from '../../../widget/engine/index.ts'
import { coverageRows, engineCache, summarize, type CoverageRow } from '../../../build/staff/coverage.ts'
import type { LogEntry } from '../../../build/staff/needs.ts'

/** The slider's step: thresholds are compared and cached at this precision. */
export const THRESHOLD_STEP = 0.01

/** Clamps a threshold to 0..1 and rounds it to {@link THRESHOLD_STEP}. */
export function normalizeThreshold(value: number): number {
  if (!Number.isFinite(value)) return defaultEngineOptions.threshold
  // Divided, not multiplied, by the step count: 57 * 0.01 is 0.5700000000000001, 57 / 100 is 0.57.
  const steps = Math.round(1 / THRESHOLD_STEP)
  return Math.round(Math.min(1, Math.max(0, value)) * steps) / steps
}

/**
 * The threshold (the engine's default until staff choose another), the engine set to it, and the rows and summary.
 * Each threshold gets its own engine: a reply's kind cannot be recomputed from stored confidences alone.
 */
export const CoverageModel = createModel((kb: ReadonlySignal<KbFile | null>, questions: ReadonlySignal<string[]>, counts?: ReadonlySignal<readonly LogEntry[]>) => {
  const chosen = signal<number | null>(null, { name: 'coverage.chosenThreshold' })
  const engines = computed(() => (kb.value ? engineCache(kb.value) : null), { name: 'coverage.engines' })
  // The engine's default is a constant: asking an engine for it would build one more engine at start-up.
  const defaultThreshold = computed(() => defaultEngineOptions.threshold, { name: 'coverage.defaultThreshold' })
  const threshold = computed(() => chosen.value ?? defaultThreshold.value, { name: 'coverage.threshold' })
  const engine = computed(() => engines.value?.(threshold.value) ?? null, { name: 'coverage.engine' })
  const rows = computed(
    () => {
      if (!engine.value) return []
      const rows = coverageRows(engine.value, questions.value)
      // A counted log: each row says how often it was asked and how many "No"s it got, for the need order.
      const entries = counts?.value
      return entries?.length === rows.length ? rows.map((row, i) => ({ ...row, asked: entries[i]!.asked, unhelpful: entries[i]!.unhelpful })) : rows
    },
    { name: 'coverage.rows' },
  )
  // Each question counts as often as it was asked, so the figures are those of the whole log, as `frontdesk coverage` gives.
  const summary = computed(() => summarize(rows.value.flatMap((row) => Array<CoverageRow>(row.asked ?? 1).fill(row)), kb.value?.pairs ?? [], threshold.value), {
    name: 'coverage.summary',
  })
  return {
    threshold,
    defaultThreshold,
    engine,
    rows,
    summary,
    /** Sets the threshold, clamped to 0..1 and rounded to the slider's step. */
    setThreshold(value: number): void {
      const next = normalizeThreshold(value)
      chosen.value = Math.abs(next - defaultThreshold.value) < THRESHOLD_STEP / 2 ? null : next
    },
    /** Goes back to the engine's default threshold. */
    resetThreshold(): void {
      chosen.value = null
    },
  }
})

/** An instance of {@link CoverageModel}. */
export type CoverageModel = InstanceType<typeof CoverageModel>
