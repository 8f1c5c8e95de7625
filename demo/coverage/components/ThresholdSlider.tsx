/** The threshold slider: moving it recomputes every reply, the summary and the charts at once. */
import type { CoverageModel } from '../state/coverage-model.ts'

/** Props of {@link ThresholdSlider}. */
export interface ThresholdSliderProps {
  coverage: CoverageModel
}

/** A labelled range input with its value, and a reset to the engine's default. */
export function ThresholdSlider({ coverage }: ThresholdSliderProps) {
  const threshold = coverage.threshold.value
  const fallback = coverage.defaultThreshold.value
  return (
    <div class="threshold">
      <label for="threshold">Threshold</label>
      <input
        id="threshold"
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={threshold}
        aria-describedby="threshold-help"
        aria-valuetext={threshold.toFixed(2)}
        onInput={(event) => coverage.setThreshold(Number(event.currentTarget.value))}
      />
      <output for="threshold" class="threshold-value">
        {threshold.toFixed(2)}
      </output>
      <button type="button" class="button-quiet" onClick={() => coverage.resetThreshold()} disabled={threshold === fallback}>
        Reset to {fallback.toFixed(2)}
      </button>
      <p id="threshold-help" class="help">
        The minimum confidence for an answer. Below it, visitors get the booking offer.
      </p>
    </div>
  )
}
