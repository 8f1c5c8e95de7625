/**
 * Work written as steps (a generator that yields between them) so that the widget can spread it over idle time
 * (`widget/state/idle.ts`), while the CLI, tests and staff tools run it in one go.
 */

/** Runs every step at once and returns what the steps return. */
export function runSteps<T>(steps: Iterator<unknown, T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
