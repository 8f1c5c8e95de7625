/** The threshold slider: moving it recomputes every reply, the summary and the charts. */
import { useSignal } from '@preact/signals'
import type { CoverageModel } from '../state/coverage-model.ts'

/** Props of {@link ThresholdSlider}. */
export interface ThresholdSliderProps {
  coverage: CoverageModel
  /**
   * Recompute while the slider moves. When a long log or the phrasing checks make each recomputation slow, the
   * value shown follows the pointer and everything is recomputed once it is let go (keys apply at once either way).
   */
  live: boolean
}

/** A labelled range input with its value, and a reset to the engine's default. */
export function ThresholdSlider({ coverage, live }: ThresholdSliderProps) {
  const dragged = useSignal<number | null>(null)
  const threshold = coverage.threshold.value
  const shown = dragged.value ?? threshold
  const fallback = coverage.defaultThreshold.value
  const commit = (value: number): void => {
    dragged.value = null
    coverage.setThreshold(value)
  }
  return (
    <div class="threshold">
      <label for="threshold">Threshold</label>
      <input
        id="threshold"
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={shown}
        aria-describedby="threshold-help"
        aria-valuetext={shown.toFixed(2)}
        onInput={(event) => {
          const value = Number(event.currentTarget.value)
          if (live) commit(value)
          else dragged.value = value
        }}
        onChange={(event) => commit(Number(event.currentTarget.value))}
      />
      <output for="threshold" class="threshold-value">
        {shown.toFixed(2)}
      </output>
      <button type="button" class="button-quiet" onClick={() => commit(fallback)} disabled={threshold === fallback && dragged.value === null}>
        Reset to {fallback.toFixed(2)}
      </button>
      <p id="threshold-help" class="help">
        The minimum confidence for an answer. Below it, visitors get the booking offer.
      </p>
    </div>
  )
}
