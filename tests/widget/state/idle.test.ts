/** `runInSlices`: long work in background tasks, the page's own tasks running between them; `nextFrame` and `nextTask`. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextFrame, nextTask, runInSlices, SLICE_MS } from '../../../widget/state/idle.ts'

/** Keeps the thread busy for `ms`, as a step of real work does. */
function busy(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // spin
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

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

  it('resolves in a task of its own, so that what the caller does with the result is not added to the last slice', async () => {
    // The browser's scheduler, stubbed: its tasks run when the test says.
    const tasks: (() => void)[] = []
    vi.stubGlobal('scheduler', { postTask: (task: () => void) => (tasks.push(task), Promise.resolve()) })
    function* steps(): Generator<void, string> {
      yield
      return 'built'
    }
    let result = ''
    void runInSlices(steps()).then((value) => (result = value))
    tasks.shift()!()
    // The one slice ran every step; its microtasks too.
    await Promise.resolve()
    await Promise.resolve()
    expect(result).toBe('')
    expect(tasks).toHaveLength(1)
    tasks.shift()!()
    await Promise.resolve()
    expect(result).toBe('built')
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

describe('nextFrame', () => {
  it('resolves in the next animation frame', async () => {
    let frame: FrameRequestCallback | undefined
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => ((frame = callback), 1))
    let resolved = false
    void nextFrame().then(() => (resolved = true))
    await Promise.resolve()
    expect(resolved).toBe(false)
    frame!(0)
    await Promise.resolve()
    expect(resolved).toBe(true)
  })

  it('resolves after 100 ms where no frame comes (a hidden tab draws none)', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 1)
    vi.stubGlobal('cancelAnimationFrame', () => {})
    let resolved = false
    void nextFrame().then(() => (resolved = true))
    await vi.advanceTimersByTimeAsync(99)
    expect(resolved).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(resolved).toBe(true)
  })
})

describe('nextTask', () => {
  it('resolves in a task of its own, after everything the current task still has to do', async () => {
    const order: string[] = []
    const next = nextTask().then(() => order.push('next task'))
    queueMicrotask(() => order.push('this task'))
    await next
    expect(order).toEqual(['this task', 'next task'])
  })
})
