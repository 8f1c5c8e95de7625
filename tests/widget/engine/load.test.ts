import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import {
  KB_FORMAT_VERSION,
  KbLoadError,
  createAnalyzer,
  createEngine,
  packRichText,
  parseKb,
  serializeKb,
  serializeKbStaff,
  textOptionsOf,
  toPlainText,
  unpackRichText,
  withStaff,
  type Engine,
  type KbFile,
  type RichInline,
  type RichText,
} from '../../../widget/engine/index.ts'
import { questionForms } from '../../../widget/engine/question-form.ts'
import { SMALL_KB } from '../../helpers/kb-dir.ts'

const kb = compileKb(SMALL_KB)
const analyzer = createAnalyzer(textOptionsOf(kb))
const formOf = questionForms(kb.language.questionWords)
const { offTopic: _, commonWords: __, ...language } = kb.language
/** The compiled knowledge base less what `kb.json` never holds: the off-topic questions and common words only the compiler reads. */
const shipped: KbFile = { ...kb, language }

describe('serializeKb', () => {
  const json = JSON.parse(serializeKb(kb))

  it('writes pairs and handoffs as tuples, phrasings as the engine reads them, related pairs by number, answers packed', () => {
    const pair = kb.pairs[1]!
    const asked = pair.aliases.map((text) => analyzer(text).join(' '))
    const forms = [...new Set([pair.question, ...pair.aliases].map(formOf).filter((form) => form !== null))]
    expect(json.pairs[1]).toEqual([pair.id, pair.question, asked, forms, packRichText(pair.answer), pair.source.label, pair.related.map((id) => kb.pairs.findIndex((p) => p.id === id))])
    const handoff = kb.handoffs[0]!
    expect(json.handoffs[0]).toEqual([handoff.id, handoff.topic, handoff.aliases.map((text) => analyzer(text).join(' ')), expect.any(Array), packRichText(handoff.answer)])
    expect(json.synonyms[0]).toEqual([kb.synonyms[0]!.canonical, ...kb.synonyms[0]!.variants])
  })

  it('stores the phrasings\' terms, not their wording, which only staff read', () => {
    const text = serializeKb(kb)
    for (const pair of kb.pairs) for (const alias of pair.aliases) if (alias !== analyzer(alias).join(' ')) expect(text).not.toContain(JSON.stringify(alias))
  })

  it('leaves out what readers derive (plain-text answers, the index) and what only staff or the compiler read', () => {
    expect(Object.keys(json)).toEqual(['format', 'hash', 'pairs', 'handoffs', 'synonyms', 'language', 'index', 'calibration'].filter((key) => key in kb))
    expect(json.index).toEqual({ optionsHash: kb.index.optionsHash })
    expect(json.language.offTopic).toBeUndefined()
    // Of the language's common words, only the stems a slip away from the knowledge base's words.
    expect(json.language).not.toHaveProperty('commonWords')
    expect(json.language.realWords!.length).toBeGreaterThan(0)
    expect(json.language.realWords!.length).toBeLessThan(kb.language.commonWords!.length / 10)
    const text = serializeKb(kb)
    for (const pair of kb.pairs) {
      expect(text).not.toContain(pair.origin)
      expect(text).not.toContain(`"${pair.source.page}"`)
      if (pair.note) expect(text).not.toContain(pair.note)
    }
  })

  it('writes the staff data beside it, in kb-staff.json, for the same build', () => {
    const staff = JSON.parse(serializeKbStaff(kb))
    expect(staff).toMatchObject({ format: KB_FORMAT_VERSION, hash: kb.hash, pages: kb.pages })
    const pair = kb.pairs[0]!
    expect(staff.pairs[0]).toEqual({ id: pair.id, aliases: pair.aliases, source: { page: pair.source.page, section: pair.source.section }, topic: pair.topic, ...(pair.note ? { note: pair.note } : {}), origin: pair.origin })
    expect(staff.handoffs[0]).toEqual({ id: kb.handoffs[0]!.id, aliases: kb.handoffs[0]!.aliases, origin: kb.handoffs[0]!.origin })
  })
})

describe('parseKb', () => {
  it('reads back what the widget needs: the knowledge base less its staff data, phrasings as terms', () => {
    const parsed = parseKb(JSON.parse(serializeKb(kb)))
    const { pages: _pages, ...rest } = shipped
    const asked = (question: string, aliases: string[]) => ({
      terms: aliases.map(analyzer),
      forms: [...new Set([question, ...aliases].map(formOf).filter((form) => form !== null))],
    })
    expect(parsed).toEqual({
      ...rest,
      pairs: kb.pairs.map(({ topic: _t, note: _n, origin: _o, source, ...pair }) => ({ ...pair, aliases: [], asked: asked(pair.question, pair.aliases), source: { label: source.label } })),
      handoffs: kb.handoffs.map(({ origin: _o, ...handoff }) => ({ ...handoff, aliases: [], asked: asked(handoff.topic, handoff.aliases) })),
    })
    expect(parsed.pages).toBeUndefined()
  })

  it('gives an engine that replies exactly as one over the compiled knowledge base (the clinic\'s, asked its own phrasings)', () => {
    const clinic = compileKb('kb')
    const compiled = createEngine(clinic)
    const shippedEngine = createEngine(parseKb(JSON.parse(serializeKb(clinic))))
    const questions = [...clinic.pairs.flatMap((pair) => pair.aliases), ...clinic.handoffs.flatMap((handoff) => handoff.aliases), 'where is it done', 'how long does it hurt after', 'parking']
    const replyOf = (engine: Engine, question: string) => {
      const { kind, confidence, top, choices } = engine.reply(question)
      return [kind, confidence, top?.pair.id, choices.map((pair) => pair.id)]
    }
    for (const question of questions) expect(replyOf(shippedEngine, question), question).toEqual(replyOf(compiled, question))
  })

  it('refuses another format version, saying which', () => {
    expect(() => parseKb({ ...JSON.parse(serializeKb(kb)), format: 2 })).toThrow(new KbLoadError(`Frontdesk: kb.json has format 2, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"`))
  })
})

describe('withStaff', () => {
  const parsed = parseKb(JSON.parse(serializeKb(kb)))

  it('with its kb-staff.json, the parsed file equals the compiled knowledge base', () => {
    expect(withStaff(parsed, JSON.parse(serializeKbStaff(kb)))).toEqual(shipped)
  })

  it('refuses a staff file of another build', () => {
    const other = { ...JSON.parse(serializeKbStaff(kb)), hash: 'another' }
    expect(() => withStaff(parsed, other)).toThrow(/kb-staff\.json belongs to another build than kb\.json \(hash "another"/)
  })
})

describe('packed rich text', () => {
  const text: RichText = [
    { type: 'paragraph', children: [{ type: 'text', text: 'Call ' }, { type: 'link', href: 'tel:+15550100', children: [{ type: 'strong', children: [{ type: 'text', text: 'us' }] }] }] },
    { type: 'list', ordered: true, items: [[{ type: 'em', children: [{ type: 'text', text: 'one' }] }], [{ type: 'text', text: 'two' }]] },
    { type: 'list', ordered: false, items: [[{ type: 'text', text: '["b", "not markup"]' }]] },
  ]

  it('is read back into the same tree; text stays text', () => {
    const packed = packRichText(text)
    expect(packed).toEqual([['Call ', ['a', 'tel:+15550100', ['b', 'us']]], { ol: [[['i', 'one']], ['two']] }, { ul: [['["b", "not markup"]']] }])
    expect(unpackRichText(JSON.parse(JSON.stringify(packed)))).toEqual(text)
  })

  it('is read without recursion however deep a hand-made file nests it', () => {
    let packed: unknown = 'deep'
    for (let i = 0; i < 100_000; i++) packed = ['b', packed]
    const tree = unpackRichText([['a ', packed, ' b']] as never)
    expect(toPlainText(tree)).toBe('a deep b')
  })
})

describe('toPlainText', () => {
  it('reads a tree nested far deeper than the compiler allows without overflowing the stack', () => {
    let inline: RichInline = { type: 'text', text: 'deep' }
    for (let i = 0; i < 100_000; i++) inline = { type: 'strong', children: [inline] }
    expect(toPlainText([{ type: 'paragraph', children: [{ type: 'text', text: 'a ' }, inline, { type: 'text', text: ' b' }] }])).toBe('a deep b')
  })
})
