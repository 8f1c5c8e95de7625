import { describe, expect, it } from 'vitest'
import { compileKb } from '../../build/compiler/compile.ts'

const kb = compileKb('kb')

describe('the shipped knowledge base', () => {
  it('has at least 45 pairs', () => expect(kb.pairs.length).toBeGreaterThanOrEqual(45))

  it.each(kb.pairs.map((pair) => [pair.id, pair] as const))('%s has ≥ 4 phrasings, a source, related pairs and a short answer', (_id, pair) => {
    expect(pair.aliases.length).toBeGreaterThanOrEqual(4)
    expect(pair.source.label).toContain('›')
    expect(pair.related.length).toBeGreaterThan(0)
    expect(pair.answerText.split(/\s+/).length).toBeLessThanOrEqual(80)
  })

  it('notes the documents’ disagreement about the anaesthetic beside the pair that answers it', () => {
    expect(kb.pairs.some((pair) => /general an(a)?esthetic/i.test(pair.note ?? ''))).toBe(true)
  })

  it('cites every source page', () => {
    const cited = new Set(kb.pairs.map((pair) => pair.source.page))
    expect(kb.pages.map((page) => page.id).filter((id) => !cited.has(id))).toEqual([])
  })
})
