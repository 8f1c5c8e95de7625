import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { parseKb, serializeKb, toPlainText, type RichInline } from '../../../widget/engine/index.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)

describe('serializeKb', () => {
  it('leaves out what readers derive: plain-text answers, sources’ labels, the index, the off-topic questions', () => {
    const json = JSON.parse(serializeKb(kb))
    expect(json.pairs[1].answerText).toBeUndefined()
    expect(json.pairs[1].source).toEqual({ page: 'about', section: 'how-it-feels' })
    expect(json.index).toEqual({ optionsHash: kb.index.optionsHash })
    expect(json.language.offTopic).toBeUndefined()
    // Red flags keep their labels: only a source's is derived.
    expect(json.language.redFlags[0].label).toBe(kb.language.redFlags[0]!.label)
  })
})

describe('parseKb', () => {
  it('derives them again, so a parsed kb.json equals the compiled knowledge base', () => {
    const { offTopic: _, ...language } = kb.language
    expect(parseKb(JSON.parse(serializeKb(kb)))).toEqual({ ...kb, language })
  })
})

describe('toPlainText', () => {
  it('reads a tree nested far deeper than the compiler allows without overflowing the stack', () => {
    let inline: RichInline = { type: 'text', text: 'deep' }
    for (let i = 0; i < 100_000; i++) inline = { type: 'strong', children: [inline] }
    expect(toPlainText([{ type: 'paragraph', children: [{ type: 'text', text: 'a ' }, inline, { type: 'text', text: ' b' }] }])).toBe('a deep b')
  })
})
