/** `runSteps`: work written as steps, run in one go. */
import { describe, expect, it } from 'vitest'
import { runSteps } from '../../../widget/engine/steps.ts'

describe('runSteps', () => {
  it('runs every step and returns what the steps return', () => {
    const ran: number[] = []
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        ran.push(i)
        yield
      }
      return 'built'
    }
    expect(runSteps(steps())).toBe('built')
    expect(ran).toEqual([0, 1, 2])
  })
})
