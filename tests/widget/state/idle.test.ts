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

  it('lets the page’s own tasks run between slices of long work', async () => {
    const order: string[] = []
    function* steps(): Generator<void, void> {
      // Each step takes half a slice: the work cannot fit in one task.
      for (let i = 0; i < 12; i++) {
        busy(SLICE_MS / 2)
        order.push('step')
        yield
      }
    }
    const work = runInSlices(steps())
    setTimeout(() => order.push('page'))
    await work
    const page = order.indexOf('page')
    expect(page).toBeGreaterThan(0)
    expect(page).toBeLessThan(order.length - 1)
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
