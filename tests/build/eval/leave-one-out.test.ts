import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { leaveOneOut } from '../../../build/eval/leave-one-out.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

describe('leaveOneOut', () => {
  it('asks every phrasing with it held out of its pair, and counts right and wrong answers', () => {
    const kb = compileKb(SMALL_KB)
    const phrasings = kb.pairs.reduce((n, pair) => n + pair.aliases.length, 0)
    const result = leaveOneOut(kb)
    expect(result.right.total).toBe(phrasings)
    expect(result.right.hits + result.wrong.hits + result.misses.filter((m) => m.kind !== 'answer').length).toBe(phrasings)
    expect(result.misses.length).toBe(phrasings - result.right.hits)
    expect(result.right.hits).toBeGreaterThan(0)
    // Each miss names the phrasing, its pair, and what the engine did instead.
    for (const miss of result.misses) expect(kb.pairs.find((pair) => pair.id === miss.pair)?.aliases).toContain(miss.phrasing)
  })
})
