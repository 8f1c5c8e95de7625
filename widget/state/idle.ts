/**
 * Long work in short slices: the engine is built from `kb.json` while the visitor may be scrolling or typing, so
 * it runs in tasks of a few milliseconds each and never holds the main thread for long.
 */

/** The longest slice of work: a fifth of the 50 ms after which a task counts as long, so a 4× slower phone stays under it. */
export const SLICE_MS = 10

/** How soon a slice runs: after everything else (`background`), or as soon as the page's own work allows. */
export type Priority = 'background' | 'user-visible'

interface Scheduler {
  postTask(callback: () => void, options: { priority: Priority }): Promise<void>
}

/**
 * Runs `callback` in a task of its own: a task of that priority where the browser has a scheduler
 * (`scheduler.postTask`), else the next message of a channel (no timer clamping, and, unlike idle callbacks, no
 * wait for the next frame).
 */
export function later(callback: () => void, priority: Priority = 'background'): void {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
  if (scheduler?.postTask) {
    void scheduler.postTask(callback, { priority })
    return
  }
  const channel = new MessageChannel()
  channel.port1.onmessage = () => {
    channel.port1.close()
    callback()
  }
  channel.port2.postMessage(null)
}

/** Resolves in a task of its own ({@link later}): what follows runs after the page's pending work. */
export function nextTask(priority: Priority = 'background'): Promise<void> {
  return new Promise((resolve) => later(resolve, priority))
}

/**
 * Runs a generator's steps in tasks of at most about {@link SLICE_MS} each, and resolves to what it returns;
 * rejects with what a step throws. `priority` is asked before each slice: background work while the visitor is
 * only near the chat, more pressing once they wait for it.
 */
export function runInSlices<T>(steps: Iterator<unknown, T>, priority: () => Priority = () => 'background'): Promise<T> {
  return new Promise((resolve, reject) => {
    const slice = (): void => {
      const end = performance.now() + SLICE_MS
      try {
        do {
          const step = steps.next()
          // In a task of its own: what the caller does with the result (a first reply rendered) is work too.
          if (step.done) return later(() => resolve(step.value), priority())
        } while (performance.now() < end)
      } catch (error) {
        return reject(error)
      }
      later(slice, priority())
    }
    later(slice, priority())
  })
}

/**
 * Resolves in the next frame, before its layout: DOM read or focused there shares the layout the frame does anyway,
 * rather than forcing one in the task that changed the DOM. After 100 ms at the latest, as a hidden tab draws no
 * frames.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      cancelAnimationFrame(frame)
      resolve()
    }, 100)
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
