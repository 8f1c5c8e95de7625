/**
 * Type-ahead for the question field, as signals: the text typed, the known questions it suggests, and which
 * one the arrow keys highlight. The panel binds these to a combobox and its listbox.
 */
import { computed, signal } from '@preact/signals-core'
import type { Suggestion } from '../engine/index.ts'

/** Type-ahead state and actions. */
export type Typeahead = ReturnType<typeof createTypeahead>

/** Creates type-ahead state over `suggest` (called inside a computed, so signals it reads are tracked). */
export function createTypeahead(suggest: (text: string) => Suggestion[]) {
  /** The field's text. */
  const text = signal('')
  /** Escape (or leaving the field) hid the list until the visitor types again. */
  const dismissed = signal(false)
  /** The highlighted option, -1 for none. */
  const active = signal(-1)
  /** The suggestions for the current text. */
  const options = computed(() => suggest(text.value))
  /** The list is showing. */
  const expanded = computed(() => !dismissed.value && options.value.length > 0)

  return {
    text,
    active,
    options,
    expanded,
    /** The visitor typed. */
    input(value: string): void {
      text.value = value
      dismissed.value = false
      active.value = -1
    },
    /** Arrow keys: moves the highlight by `step`, wrapping, and shows the list again if hidden. */
    move(step: number): void {
      const count = options.value.length
      if (count === 0) return
      if (dismissed.value) {
        dismissed.value = false
        active.value = step > 0 ? 0 : count - 1
        return
      }
      active.value = active.value < 0 ? (step > 0 ? 0 : count - 1) : (active.value + step + count) % count
    },
    /** The highlighted suggestion, if the list is showing. */
    current(): Suggestion | null {
      return expanded.value ? (options.value[active.value] ?? null) : null
    },
    /** Hides the list; returns whether it was showing (Escape then closes only the list). */
    dismiss(): boolean {
      const was = expanded.value
      dismissed.value = true
      active.value = -1
      return was
    },
    /** Empties the field after sending. */
    clear(): void {
      text.value = ''
      active.value = -1
    },
  }
}
