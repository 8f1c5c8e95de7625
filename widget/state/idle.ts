/**
 * Long work in short slices: the engine is built from `kb.json` while the visitor may be scrolling or typing, so
 * it runs as background tasks, a few milliseconds each, and never holds the main thread for long.
 */

/** The longest slice of work: a fifth of the 50 ms after which a task counts as long, so a 4× slower phone stays under it. */
export const SLICE_MS = 10

interface Scheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<void>
}

/**
 * Runs `callback` in a task of its own, after whatever the page has to do first: a background task where the
 * browser has a scheduler (`scheduler.postTask`), else the next message of a channel (no timer clamping, and, unlike
 * idle callbacks, no wait for the next frame).
 */
export function background(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (scheduler?.postTask) {
    void scheduler.postTask(callback, { priority: 'background' })
    return
  }
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    channel.port1.close()
    callback()
  }
  channel.port2.postMessage(null)
}

/**
 * Runs a generator's steps in background tasks of at most about {@link SLICE_MS} each, and resolves to what it
 * returns; rejects with what a step throws.
 */
export function runInSlices<T>(steps: Iterator<unknown, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = (): void => {
      const end = performance.now() + SLICE_MS
      try {
        do {
          const step = steps.next()
          if (step.done) return resolve(step.value)
        } while (performance.now() < end)
      } catch (error) {
        return reject(error)
      }
      background(slice)
    }
    background(slice)
  })
}
