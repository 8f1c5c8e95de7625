/**
 * Turning a document's heading into the question a visitor would ask: "How trigger points are found" → "How are
 * trigger points found?", "After the injection" → "What happens after the injection?". Plain rules, no language
 * model: drafts are reviewed by staff, so a plain question is fine and a made-up fact is impossible.
 *
 * A heading that only names a topic ("Cancellations", "Parking", "Side effects") says nothing of what is asked about
 * it: "What are the cancellations?" would be a wrong guess, and "Can I cancel my appointment?" cannot be derived. It
 * becomes "What is X?" only when the text beneath defines it ("Fibromyalgia is a long-term condition…"), and the
 * neutral "What about X?" otherwise. A heading that is a statement ("No driving for a day") is kept as it is.
 */
import { sameTerms } from './draft-terms.ts'

const WH = new Set(['how', 'what', 'why', 'when', 'where', 'who', 'which'])
const AUX = new Set(['is', 'are', 'was', 'were', 'can', 'could', 'do', 'does', 'did', 'will', 'would', 'should', 'may', 'might', 'must', 'has', 'have'])
/** Words that stay with "how" before the subject: "how long", "how many". */
const WH_MODIFIERS = new Set(['long', 'much', 'many', 'often', 'soon', 'well', 'far', 'quickly', 'likely'])
const PREPOSITIONS = new Set(['after', 'before', 'during', 'following', 'between'])

/** Verbs that open a heading about what a treatment does ("Treats fibromyalgia"): asked as "Does it treat…?". */
const OPENING_VERBS = new Set(['treats', 'reduces', 'relieves', 'helps', 'eases', 'improves', 'prevents', 'causes', 'works', 'lasts', 'hurts', 'requires', 'involves', 'affects', 'targets', 'restores'])

/**
 * True when a heading's capitals carry no meaning: Title Case ("What Is a Trigger Point": most words after the
 * first capitalized) or ALL CAPS.
 */
function isTitleCase(words: readonly string[]): boolean {
  if (words.length >= 2 && words.every((word) => word === word.toUpperCase())) return true
  // The first word is capitalized anyway, and short words ("a", "of") stay lower even in Title Case.
  const long = words.slice(1).filter((word) => word.length > 2)
  return long.length >= 2 && long.filter((word) => /^[A-Z]/.test(word)).length / long.length >= 0.6
}

/** Sentence case: the first word capitalized, other words lowered unless they are acronyms ("TPI", "MRI"). */
export function sentenceCase(text: string): string {
  const words = text.split(/\s+/).filter(Boolean)
  const titled = isTitleCase(words)
  const allCaps = words.length >= 2 && words.every((word) => word === word.toUpperCase())
  return words
    .map((word, i) => {
      if (i === 0) return word[0]!.toUpperCase() + (allCaps ? word.slice(1).toLowerCase() : word.slice(1))
      if (/^[A-Z0-9]{2,}s?$/.test(word) && !allCaps) return word
      return titled ? word.toLowerCase() : word
    })
    .join(' ')
}

/** "takes" → "take", "applies" → "apply", "goes" → "go": a verb after "does". */
function baseVerb(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y'
  if (/(ch|sh|ss|x|o)es$/.test(word)) return word.slice(0, -2)
  return word.slice(0, -1)
}

/** A third-person verb or a plural noun: ends in "s" but not "ss", "us" or "is". */
const endsInS = (word: string): boolean => /[^su]s$/.test(word) && !/is$/.test(word)

/** A wh-heading written as a statement ("How trigger points are found") turned into a question. */
function whQuestion(words: string[]): string {
  let start = 1
  while (start < words.length && WH_MODIFIERS.has(words[start]!.toLowerCase())) start++
  const head = words.slice(0, start)
  const rest = words.slice(start)
  const lower = rest.map((word) => word.toLowerCase())
  if (lower[0] === 'to') return [...head, 'should I', ...rest.slice(1)].join(' ')
  // "Who may benefit", "What is injected": already question order.
  if (rest.length < 2 || AUX.has(lower[0]!)) return words.join(' ')
  const aux = lower.findIndex((word) => AUX.has(word))
  if (aux > 0) return [...head, rest[aux], ...rest.slice(0, aux), ...rest.slice(aux + 1)].join(' ')
  if (head[0]!.toLowerCase() === 'when') return ['What happens when', ...rest].join(' ')
  const last = rest.at(-1)!
  if (endsInS(last) && !endsInS(rest[0]!)) return [...head, 'does', ...rest.slice(0, -1), baseVerb(last)].join(' ')
  return [...head, 'do', ...rest].join(' ')
}

/** The clinic's words turned into the visitor's: "What we may inject" is asked "What may you inject?". */
const PERSPECTIVE: Readonly<Record<string, string>> = { we: 'you', us: 'you', our: 'your', ours: 'yours', your: 'my', yours: 'mine' }

function visitorsWords(words: readonly string[]): string[] {
  return words.map((word) => {
    const swapped = PERSPECTIVE[word.toLowerCase()]
    if (!swapped) return word
    return /^[A-Z]/.test(word) ? swapped[0]!.toUpperCase() + swapped.slice(1) : swapped
  })
}

/** Words that do not start a definition's predicate: "Side effects are usually mild" defines nothing. */
const NOT_A_DEFINITION = /(ed|ly)$|^(not|also|only|very|still|often|rare|common|available|free|closed|open)$/i

/**
 * "What is X?" when `sentence` defines the heading's topic: its subject is the heading's words, then "is a/an/the…"
 * or "are" and a plural noun ("Trigger points are tight knots…"). Returns null otherwise.
 */
function definitionQuestion(heading: string, sentence: string): string | null {
  const match = /^(.{1,80}?)\s+(is|are)\s+(.*)$/i.exec(sentence.trim())
  if (!match || !sameTerms(match[1]!, heading)) return null
  const verb = match[2]!.toLowerCase()
  const next = match[3]!.split(/\s+/).slice(0, 2).map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ''))
  const defines = verb === 'is' ? /^(a|an|the|one)$/i.test(next[0]!) : !NOT_A_DEFINITION.test(next[0]!) && next.some((word) => endsInS(word.toLowerCase()))
  return defines ? `What ${verb} ${lowerFirst(visitorsWords(sentenceCase(match[1]!).split(' ')))}` : null
}

/** What the document says beneath a heading, which can show how to ask about it. */
export interface HeadingContext {
  /** The first sentence of the text beneath the heading. */
  firstSentence?: string
}

/**
 * The question a heading stands for. Headings already phrased as questions only get sentence case and a "?".
 * Returns null for an empty heading.
 */
export function headingToQuestion(heading: string, context: HeadingContext = {}): string | null {
  const text = heading.replace(/\s+/g, ' ').replace(/[\s:.;,!-]+$/, '').trim()
  if (!text) return null
  if (text.endsWith('?')) return sentenceCase(text)
  const words = visitorsWords(sentenceCase(text).split(' '))
  const first = words[0]!.toLowerCase()
  let question: string
  if (WH.has(first)) question = whQuestion(words)
  else if (AUX.has(first)) question = words.join(' ')
  else if (first === 'if') question = `What ${lowerFirst(words)}`
  else if (PREPOSITIONS.has(first)) question = `What happens ${lowerFirst(words)}`
  else if (OPENING_VERBS.has(first) && words.length >= 2) question = `Does it ${baseVerb(first)} ${words.slice(1).join(' ')}`
  // A statement ("No driving for a day") asks nothing; it stays a title rather than become a clumsy question.
  else if (/^(not|no|never|don't)$/.test(first)) return words.join(' ')
  else question = (context.firstSentence && definitionQuestion(text, context.firstSentence)) || `What about ${lowerFirst(words)}`
  return `${question[0]!.toUpperCase()}${question.slice(1)}?`
}

/** The words joined with the first one lowered, unless it is an acronym. */
function lowerFirst(words: readonly string[]): string {
  const [first = '', ...rest] = words
  return [/^[A-Z0-9]{2,}s?$/.test(first) ? first : first.toLowerCase(), ...rest].join(' ')
}
