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

  it('holds a phrasing out together with its twin, a phrasing of the same pair that reads the same way', () => {
    const kb = compileKb(SMALL_KB)
    const [first, ...rest] = kb.pairs
    // Words no other phrasing has: the pair can only be found through the twin, so a twin left in would answer it.
    const twins = ['zebra crossing lessons', 'Zebra crossings lesson?']
    const withTwins = { ...kb, pairs: [{ ...first!, aliases: [...first!.aliases, ...twins] }, ...rest] }
    const result = leaveOneOut(withTwins)
    expect(result.twins).toBe(2)
    expect(result.misses.map((miss) => miss.phrasing)).toEqual(expect.arrayContaining(twins))
    expect(leaveOneOut(kb).twins).toBe(0)
  })

  it("holds out the pair's question too when a phrasing reads the same, in any order", () => {
    const kb = compileKb(SMALL_KB)
    const [first, ...rest] = kb.pairs
    const withTwin = { ...kb, pairs: [{ ...first!, question: 'Zebra crossing lessons?', aliases: [...first!.aliases, 'lessons, zebra crossings'] }, ...rest] }
    const result = leaveOneOut(withTwin)
    expect(result.twins).toBe(1)
    expect(result.misses.map((miss) => miss.phrasing)).toContain('lessons, zebra crossings')
  })
})
