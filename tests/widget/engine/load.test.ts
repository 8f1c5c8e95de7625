import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { parseKb, serializeKb, toPlainText, type RichInline } from '../../../widget/engine/index.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)

describe('serializeKb', () => {
  it('leaves out what readers derive (plain-text answers) and what only compiling needs (off-topic questions)', () => {
    expect(kb.language.offTopic?.length).toBeGreaterThan(0)
    const json = JSON.parse(serializeKb(kb))
    expect(json.language.offTopic).toBeUndefined()
    expect(json.pairs[0].answerText).toBeUndefined()
  })
})

describe('parseKb', () => {
  it('derives the plain-text answers again', () => {
    const read = parseKb(JSON.parse(serializeKb(kb)))
    expect(read.pairs.map((pair) => pair.answerText)).toEqual(kb.pairs.map((pair) => pair.answerText))
  })
  it('refuses a file of another format, naming it', () => {
    expect(() => parseKb({ ...kb, format: 99 })).toThrow('Frontdesk: kb.json has format 99, expected 1; rebuild it with "frontdesk build"')
  })
})

describe('toPlainText', () => {
  it('reads a tree nested far deeper than the compiler allows without overflowing the stack', () => {
    let inline: RichInline = { type: 'text', text: 'deep' }
    for (let i = 0; i < 100_000; i++) inline = { type: 'strong', children: [inline] }
    expect(toPlainText([{ type: 'paragraph', children: [{ type: 'text', text: 'a ' }, inline, { type: 'text', text: ' b' }] }])).toBe('a deep b')
  })
})
