import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { KbCompileError, type KbProblem } from '../../../build/compiler/errors.ts'
import { KB_FORMAT_VERSION, createEngine } from '../../../widget/engine/index.ts'
import { SMALL_KB, kbWith, pair } from '../../helpers/kb-dir.ts'

/** Compiles and returns the problems (an empty list when it compiles). */
function problemsOf(dir: string): KbProblem[] {
  try {
    compileKb(dir)
    return []
  } catch (error) {
    if (error instanceof KbCompileError) return [...error.problems]
    throw error
  }
}

/** Expects exactly one problem, in `file` (relative to the knowledge-base folder), at `line`, saying `message`. */
function expectProblem(files: Record<string, string>, file: string, line: number, message: string): void {
  const dir = kbWith(files)
  expect(problemsOf(dir)).toEqual([{ file: join(dir, file), line, message }])
}

const EXTRA = 'qa/extra.md'
const withPair = (fields: Parameters<typeof pair>[0], head = '# Extra\n\n'): Record<string, string> => ({ [EXTRA]: head + pair(fields) })

describe('compileKb', () => {
  describe('on a valid knowledge base', () => {
    it('accepts a variant whose filler words must stand too: "dose it" takes no other use of "dose"', () =>
      expect(problemsOf(kbWith({ 'synonyms.md': '# S\n\n- dose: dosage\n- does: dose it\n' }))).toEqual([]))
    const kb = compileKb(SMALL_KB)

    it('emits the format version, a content hash, pages, pairs, handoffs, synonyms and the index options', () => {
      expect(kb.format).toBe(KB_FORMAT_VERSION)
      expect(kb.hash).toMatch(/^[0-9a-f]{16}$/)
      expect(kb.pages.map((p) => p.id)).toEqual(['about'])
      expect(kb.pages[0]!.sections).toEqual([
        { id: 'what-it-is', title: 'What it is' },
        { id: 'how-it-feels', title: 'How it feels' },
      ])
      expect(kb.pairs.map((p) => p.id)).toEqual(['what-is-it', 'does-it-hurt'])
      expect(kb.handoffs.map((h) => h.id)).toEqual(['prices'])
      expect(kb.synonyms[0]).toEqual({ canonical: 'injection', variants: ['shot', 'jab'] })
      // The index itself is built at load from the phrasings: only what it must be built with is stored.
      expect(kb.index).toEqual({ optionsHash: expect.any(String) })
    })

    it('gives each pair its question, phrasings, source, related ids, topic, note and origin', () => {
      const hurt = kb.pairs[1]!
      expect(hurt).toMatchObject({
        question: 'Does it hurt?',
        aliases: ['will the shot hurt', 'is it painful', 'how much does it sting', 'am i going to be sore'],
        source: { page: 'about', section: 'how-it-feels', label: 'About the treatment › How it feels' },
        related: ['what-is-it'],
        topic: 'Basics',
        note: 'Sources agree.',
      })
      expect(hurt.origin).toMatch(/qa\/basics\.md:15$/)
    })

    it('turns answers into a rich-text tree with no HTML strings', () => {
      expect(kb.pairs[0]!.answer).toEqual([
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'A small ' },
            { type: 'strong', children: [{ type: 'text', text: 'injection' }] },
            { type: 'text', text: ' of numbing medicine into a tight knot in a muscle.' },
          ],
        },
      ])
      expect(kb.pairs[1]!.answer[0]).toMatchObject({
        children: expect.arrayContaining([{ type: 'link', href: 'https://clinic.example/tpi', children: [{ type: 'text', text: 'our page' }] }]),
      })
      expect(kb.pairs[0]!.answerText).toBe('A small injection of numbing medicine into a tight knot in a muscle.')
    })

    it('keeps lists as lists', () => {
      const dir = kbWith(withPair({ body: 'Two things:\n\n- ice\n- **heat**\n' }))
      const answer = compileKb(dir).pairs.find((p) => p.id === 'can-i-drive')!.answer
      expect(answer[1]).toEqual({ type: 'list', ordered: false, items: [[{ type: 'text', text: 'ice' }], [{ type: 'strong', children: [{ type: 'text', text: 'heat' }] }]] })
    })

    it('produces an index the engine loads and answers from', () => {
      expect(createEngine(kb).reply('will the jab hurt?').top?.pair.id).toBe('does-it-hurt')
    })

    it('gives the same hash for the same content', () => {
      expect(compileKb(SMALL_KB).hash).toBe(kb.hash)
    })

    it('leaves "not:" out of pairs and handoffs that have none, so their kb.json is as before', () => {
      expect([...kb.pairs, ...kb.handoffs].filter((entry) => 'not' in entry)).toEqual([])
    })
  })

  describe('"not:" phrasings', () => {
    /** The extra pair with `not` (a field and its items) after its phrasings, on line 6. */
    const withNot = (not: string): Record<string, string> => ({ [EXTRA]: '# Extra\n\n' + pair().replace('source:', `${not}\nsource:`) })

    it('are kept with their pair or handoff topic, as a list or on one line', () => {
      const dir = kbWith({
        ...withNot('not:\n- can i drive a bus\n- drive the kids to school'),
        'handoffs.md': '# H\n\n## Prices\nid: prices\nasked: how much\nnot: how much does it hurt\n\nAsk the clinic.\n',
      })
      const kb = compileKb(dir)
      expect(kb.pairs.find((p) => p.id === 'can-i-drive')!.not).toEqual(['can i drive a bus', 'drive the kids to school'])
      expect(kb.handoffs[0]!.not).toEqual(['how much does it hurt'])
    })
    it('may not be empty', () => expectProblem(withNot('not:'), EXTRA, 6, 'pair "Can I drive home?" has an empty "not:" list; remove it or list the questions it must not answer'))
    it('may not be a way the same pair is asked, whatever the case and punctuation (at the phrasing\'s line)', () =>
      expectProblem(
        withNot('not:\n- can i drive a bus\n- Drive home, after the shot?'),
        EXTRA,
        8,
        '"Drive home, after the shot?" is both a way pair "Can I drive home?" is asked and under its "not:"; keep it in one of them',
      ))
    it('may not be its question either', () =>
      expectProblem(withNot('not: can i drive home'), EXTRA, 6, '"can i drive home" is both a way pair "Can I drive home?" is asked and under its "not:"; keep it in one of them'))
    it('are bounded like phrasings', () =>
      expectProblem(withNot(`not:\n- ${'a'.repeat(501)}`), EXTRA, 7, 'a "not:" phrasing is 501 characters long; at most 500 are allowed'))
  })

  describe('reports, with file and line', () => {
    it('a missing id', () => expectProblem(withPair({ id: null }), EXTRA, 3, 'pair "Can I drive home?" is missing "id:"'))
    it('an empty id', () => expectProblem(withPair({ id: '' }), EXTRA, 4, 'pair "Can I drive home?" has an empty "id:"'))
    it('an id that is not a slug', () => expectProblem(withPair({ id: 'Can I' }), EXTRA, 4, 'id "Can I" must be lower-case letters, digits and hyphens'))
    it('an empty question', () => expectProblem(withPair({ heading: '' }), EXTRA, 3, 'the pair heading is empty: write the question after "## "'))
    it('missing phrasings', () => expectProblem(withPair({ asked: null }), EXTRA, 3, 'pair "Can I drive home?" is missing "asked:"'))
    it('empty phrasings', () => expectProblem(withPair({ asked: '' }), EXTRA, 5, 'pair "Can I drive home?" has an empty "asked:" list'))
    it('a missing source', () => expectProblem(withPair({ source: null }), EXTRA, 3, 'pair "Can I drive home?" is missing "source:"'))
    it('an empty source', () => expectProblem(withPair({ source: '' }), EXTRA, 6, 'pair "Can I drive home?" has an empty "source:"'))
    it('a source page that does not exist', () =>
      expectProblem(withPair({ source: 'nowhere#x' }), EXTRA, 6, 'source page "nowhere" does not exist (pages: about)'))
    it('a source section that does not exist', () =>
      expectProblem(withPair({ source: 'about#cost' }), EXTRA, 6, 'source section "about#cost" does not exist (sections of "about": what-it-is, how-it-feels)'))
    it('missing related ids', () => expectProblem(withPair({ related: null }), EXTRA, 3, 'pair "Can I drive home?" is missing "related:"'))
    it('empty related ids', () => expectProblem(withPair({ related: '' }), EXTRA, 7, 'pair "Can I drive home?" has an empty "related:"'))
    it('a related id that does not exist', () => expectProblem(withPair({ related: 'does-it-hurt, nope' }), EXTRA, 7, 'related id "nope" does not exist'))
    it('a pair related to itself', () => expectProblem(withPair({ related: 'can-i-drive' }), EXTRA, 7, 'pair "can-i-drive" lists itself as related'))
    it('an empty note', () => expectProblem(withPair({ note: '' }), EXTRA, 8, 'pair "Can I drive home?" has an empty "note:"'))
    it('a missing answer', () => {
      const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair().replace(/\n\n.*\n$/, '\n') })
      expect(problemsOf(dir)).toContainEqual({ file: join(dir, EXTRA), line: 3, message: 'pair "Can I drive home?" has no answer: leave a blank line after the fields, then write it' })
    })
    it('a duplicate id', () => {
      const dir = kbWith(withPair({ id: 'does-it-hurt', related: 'what-is-it' }))
      expect(problemsOf(dir)).toEqual([
        { file: join(dir, 'qa/extra.md'), line: 4, message: `duplicate id "does-it-hurt" (first used at ${join(dir, 'qa/basics.md')}:15)` },
      ])
    })
    it('a duplicate question, whatever its case and punctuation', () => {
      const dir = kbWith(withPair({ heading: 'does it HURT' }))
      expect(problemsOf(dir)).toEqual([
        { file: join(dir, 'qa/extra.md'), line: 3, message: `duplicate question "does it HURT" (also at ${join(dir, 'qa/basics.md')}:15)` },
      ])
    })
    it('an unknown field', () =>
      expectProblem({ [EXTRA]: '# Extra\n\n' + pair().replace('source:', 'colour: blue\nsource:') }, EXTRA, 6, 'unknown field "colour:" (expected id:, asked:, not:, source:, related:, note:)'))
    it('a field given twice', () => expectProblem({ [EXTRA]: '# Extra\n\n' + pair().replace('source:', 'id: again\nsource:') }, EXTRA, 6, 'field "id:" is given twice'))
    it('a line that is neither a field nor a list item', () =>
      expectProblem({ [EXTRA]: '# Extra\n\n' + pair().replace('source:', 'just some words\nsource:') }, EXTRA, 6, 'expected "field: value", a "- item" under a field, or a blank line before the answer; got "just some words"'))
    it('a field with a value and a list', () =>
      expectProblem({ [EXTRA]: '# Extra\n\n' + pair().replace(/asked: .*\n/, 'asked: one\n- two\n') }, EXTRA, 6, '"asked:" has a value on its line and a list below it; use one or the other'))
    it('a list where one line is expected', () => expectProblem({ [EXTRA]: '# Extra\n\n' + pair().replace(/id: .*\n/, 'id:\n- a\n') }, EXTRA, 4, '"id:" takes one line, not a list'))
    it('a file without a topic heading', () => expectProblem({ [EXTRA]: pair() }, EXTRA, 1, 'the file must start with a "# Topic" heading'))
    it('a second topic heading', () => expectProblem({ [EXTRA]: '# Extra\n\n' + pair() + '\n# Again\n' }, EXTRA, 11, 'only one "# Topic" heading is allowed, at the top of the file'))
    it('a Q&A file without pairs', () => expectProblem({ [EXTRA]: '# Extra\n\nNothing yet.\n' }, EXTRA, 1, 'the file has no pairs ("## Question" headings)'))
    it('HTML in an answer', () =>
      expectProblem(withPair({ body: 'Hello <b>there</b>' }), EXTRA, 9, 'HTML is not allowed in an answer (use paragraphs, "-" lists, **bold**, *italic* and links)'))
    it('an image in an answer', () =>
      expectProblem(withPair({ body: 'Look:\n\n![x](https://a.example/x.png)' }), EXTRA, 11, 'an image is not allowed in an answer (use paragraphs, "-" lists, **bold**, *italic* and links)'))
    it('a heading in an answer', () =>
      expectProblem(withPair({ body: 'Intro\n\n### Sub' }), EXTRA, 11, 'a heading is not allowed in an answer (use paragraphs, "-" lists, **bold**, *italic* and links)'))
    it('a link that is not https, mailto or tel', () =>
      expectProblem(withPair({ body: 'See [this](javascript:alert(1)).' }), EXTRA, 9, 'link "javascript:alert(1)" is not allowed (use https:, mailto: or tel:)'))
    it('a plain http link', () => expectProblem(withPair({ body: 'See [this](http://a.example).' }), EXTRA, 9, 'link "http://a.example" is not allowed (use https:, mailto: or tel:)'))
    it('a page without a title', () => expectProblem({ 'pages/more.md': '## Only a section\n' }, 'pages/more.md', 1, 'the page must start with a "# Title" heading'))
    it('a page without sections', () => expectProblem({ 'pages/more.md': '# More\n\nText.\n' }, 'pages/more.md', 1, 'the page has no "## Section" headings for answers to cite'))
    it('two sections with the same id', () =>
      expectProblem({ 'pages/more.md': '# More\n\n## Side effects\n\n## Side-effects!\n' }, 'pages/more.md', 5, 'section "Side-effects!" has the same id "side-effects" as the section on line 3'))
    it('a malformed synonym', () => expectProblem({ 'synonyms.md': '# S\n\n- shot jab\n' }, 'synonyms.md', 3, 'expected "- word: variant, variant", got "- shot jab"'))
    it('a synonym without variants', () => expectProblem({ 'synonyms.md': '# S\n\n- injection:\n' }, 'synonyms.md', 3, '"injection" has no variants after the colon'))
    it('a synonym made only of ignored words', () =>
      expectProblem({ 'synonyms.md': '# S\n\n- injection: the\n' }, 'synonyms.md', 3, '"the" is made only of words the search ignores, so it can never match'))
    it('a variant given to two words', () =>
      expectProblem({ 'synonyms.md': '# S\n\n- injection: shot\n- pain: shots\n' }, 'synonyms.md', 4, '"shots" is already a synonym of "injection" (line 3)'))
    it('a variant that reads as another synonym\'s word once stemmed', () =>
      expectProblem(
        { 'synonyms.md': '# S\n\n- injection: shot\n- medication: meds, injectate\n' },
        'synonyms.md',
        4,
        '"injectate" reads as "injection" does (line 3) once stemmed, so every "injection" would become "medication"',
      ))
    it('a handoff topic without phrasings', () =>
      expectProblem({ 'handoffs.md': '# H\n\n## Parking\nid: parking\n\nAsk the front desk.\n' }, 'handoffs.md', 3, 'handoff topic "Parking" is missing "asked:"'))
    it('a handoff with the id of a pair', () => {
      const dir = kbWith({ 'handoffs.md': '# H\n\n## Parking\nid: does-it-hurt\nasked: parking\n\nAsk.\n' })
      expect(problemsOf(dir)).toEqual([
        { file: join(dir, 'handoffs.md'), line: 4, message: `duplicate id "does-it-hurt" (first used at ${join(dir, 'qa/basics.md')}:15)` },
      ])
    })
    it('a folder that does not exist', () => {
      expect(problemsOf('/nonexistent/kb')).toEqual([{ file: '/nonexistent/kb', line: 1, message: 'the knowledge-base folder does not exist' }])
    })
    it('a folder without Q&A files', () => {
      const dir = kbWith()
      const { rmSync } = require('node:fs') as typeof import('node:fs')
      rmSync(join(dir, 'qa'), { recursive: true })
      expect(problemsOf(dir)).toEqual([{ file: join(dir, 'qa'), line: 1, message: 'no Q&A files (*.md) found' }])
    })
  })

  it('reports every problem at once', () => {
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ id: null, source: 'x#y', body: '<i>x</i>' }) })
    expect(problemsOf(dir).map((p) => p.message)).toEqual([
      'pair "Can I drive home?" is missing "id:"',
      'HTML is not allowed in an answer (use paragraphs, "-" lists, **bold**, *italic* and links)',
      'source page "x" does not exist (pages: about)',
    ])
    expect(existsSync(join(dir, 'kb.json'))).toBe(false)
  })
})
