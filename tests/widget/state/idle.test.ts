/** `runInSlices`: long work in background tasks, the page's own tasks running between them. */
import { describe, expect, it } from 'vitest'
import { runInSlices, SLICE_MS } from '../../../widget/state/idle.ts'

/** Keeps the thread busy for `ms`, as a step of real work does. */
function busy(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // spin
  }
}

describe('runInSlices', () => {
  it('runs nothing at once, then every step, and resolves to what the steps return', async () => {
    const ran: number[] = []
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 5; i++) {
        ran.push(i)
        yield
      }
      return 'done'
    }
    const result = runInSlices(steps())
    expect(ran).toEqual([])
    expect(await result).toBe('done')
    expect(ran).toEqual([0, 1, 2, 3, 4])
  })

  it('spreads long work over several tasks, so the page’s own can run between them', async () => {
    // A microtask runs when the task that queued it ends: counting them counts the tasks the steps ran in.
    let tasks = 0
    let inTask = false
    function* steps(): Generator<void, void> {
      // Each step takes half a slice: the work cannot fit in one task.
      for (let i = 0; i < 12; i++) {
        if (!inTask) {
          inTask = true
          tasks++
          queueMicrotask(() => (inTask = false))
        }
        busy(SLICE_MS / 2)
        yield
      }
    }
    await runInSlices(steps())
    expect(tasks).toBeGreaterThanOrEqual(4)
  })

  it('rejects with what a step throws, and runs no step after it', async () => {
    const ran: number[] = []
    function* steps(): Generator<void, void> {
      for (let i = 0; i < 4; i++) {
        if (i === 2) throw new Error('Frontdesk: kb.json was built with other options')
        ran.push(i)
        yield
      }
    }
    await expect(runInSlices(steps())).rejects.toThrow('Frontdesk: kb.json was built with other options')
    expect(ran).toEqual([0, 1])
  })
})
