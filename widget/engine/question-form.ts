/**
 * Question words: how a question begins tells what it asks for. "Where is it done?" is not answered by a pair that
 * is only ever asked "who does it?", however many words they share. The words are language data
 * (`## Question words` in the language file).
 */
import type { KbQuestionWords } from './kb-format.ts'
import { fold, words } from './text.ts'

/** A telling question word counts only among a message's first words ("so, where is it done?"). */
const LEAD_WORDS = 6
/** Where a phrase of question words leaves room for any words: "when will … go away". */
const GAP = ' … '

/** One run of a written phrase: plain words, or a choice in brackets (its options). */
export type PhrasePart = { words: string } | { options: string[] }

/**
 * A written phrase cut into its plain runs, spaces kept, and its choices in brackets: "when (will|does) it" is
 * "when ", the choice of "will" and "does", then " it". The grammar of choices in the language file and the
 * synonyms, read by the compiler and, for question words, by the engine.
 */
export function phraseParts(text: string): PhrasePart[] {
  return text
    .split(/(\([^()]*\))/)
    .filter((part) => part !== '')
    .map((part) => (/^\(.*\)$/.test(part) ? { options: part.slice(1, -1).split('|') } : { words: part }))
}

/**
 * The regular expression of a phrase of question words, as the compiler writes it (`questionPhrase` in
 * `build/compiler/language.ts`): folded words, choices in brackets ("(when will|when does)") and gaps (" … ").
 */
function phrasePattern(phrase: string): RegExp {
  const side = (text: string): string =>
    phraseParts(text)
      .map((part) => ('options' in part ? `(?:${part.options.map(escape).join('|')})` : escape(part.words.trim())))
      .filter(Boolean)
      .join(' ')
  return new RegExp(` ${phrase.split(GAP).map(side).join(' (?:\\S+ )*')} `)
}

/**
 * Creates the function that names a text's telling question word (its form: "when", "who"…), or null when it
 * begins with none of them ("what", "is it…", a statement). The earliest one wins; at the same place, the longest
 * ("how long until" is "when", not "how long"; "when will the numbness go away" is "how long", not "when").
 */
export function questionForms(questionWords: KbQuestionWords | undefined): (text: string) => string | null {
  const patterns = Object.entries(questionWords?.forms ?? {}).flatMap(([form, phrases]) => phrases.map((phrase) => ({ form, pattern: phrasePattern(phrase) })))
  return (text) => {
    const head = ` ${words(fold(text)).slice(0, LEAD_WORDS).join(' ')} `
    let best: { at: number; length: number; form: string } | null = null
    for (const { form, pattern } of patterns) {
      const found = pattern.exec(head)
      if (found && (!best || found.index < best.at || (found.index === best.at && found[0].length > best.length))) {
        best = { at: found.index, length: found[0].length, form }
      }
    }
    return best?.form ?? null
  }
}

/** The telling question words a pair's or handoff's ways of asking begin with, each once (see {@link questionForms}). */
export function formsOf(texts: readonly string[], formOf: (text: string) => string | null): string[] {
  return [...new Set(texts.map(formOf).filter((form) => form !== null))]
}

/**
 * Cuts a message of several questions into them, at a comma, "and" or "or" followed by a word a question begins
 * with ("What are they, and can they help me?"), when every part asks something: "I'm nursing, can I have it?"
 * is one question with its context. Returns the parts that can be read alone: a later one that points back ("Is
 * fibromyalgia real, and what does it feel like?") is left out. None when the message is one question.
 */
export function questionClauses(questionWords: KbQuestionWords | undefined): (message: string) => string[] {
  const anyOf = (words: readonly string[] = []): string => words.map(escape).join('|')
  const asks = anyOf(questionWords?.asks)
  if (!asks) return () => []
  const begins = new RegExp(`^\\s*(?:${asks})\\b`, 'i')
  const cut = new RegExp(`(?:[,;]\\s*(?:and|or)?|\\s+(?:and|or))\\s+(?=(?:${asks})\\b)`, 'i')
  const pointsBack = anyOf(questionWords?.pointsBack)
  const back = pointsBack ? new RegExp(`\\b(?:${pointsBack})\\b`, 'i') : null
  return (message) => {
    const parts = message.split(cut)
    if (parts.length < 2 || !parts.every((part) => begins.test(part))) return []
    // A later question that points back ("…, and what does it feel like?") means what an earlier one names.
    return back ? parts.filter((part, i) => i === 0 || !back.test(fold(part))) : parts
  }
}

/** A message cut into the sentences that ask and those that only tell. */
export interface MessageSentences {
  /** Sentences ending in a question mark ("How long does this last?", "normal?!"). */
  asking: string[]
  /** The others ("I had six injections on Tuesday.", "I'm still sore!"). */
  telling: string[]
}

/**
 * Where a message's sentences end: after ".", "!" or "?", but not after an abbreviation ("Dr. Lee said…"); and at
 * a line break.
 */
const SENTENCE_END = /(?<!\b(?:dr|mrs?|ms|prof|st|vs|etc|approx|e\.g|i\.e)\.)(?<=[.!?])\s+|\n+/i

/** A message's sentences, those with a letter or digit (see {@link SENTENCE_END}). */
export function sentencesOf(message: string): string[] {
  return message.split(SENTENCE_END).filter((sentence) => /[\p{L}\p{N}]/u.test(sentence))
}

/**
 * Cuts a message into the sentences that ask and those that only tell, when it has both ("I had six injections on
 * Tuesday. I'm still sore. How long does this last?"); null when every sentence asks, or none does.
 */
export function askingSentences(message: string): MessageSentences | null {
  const asking: string[] = []
  const telling: string[] = []
  for (const sentence of sentencesOf(message)) (/\?[?!.]*["')\s]*$/.test(sentence) ? asking : telling).push(sentence)
  return asking.length > 0 && telling.length > 0 ? { asking, telling } : null
}

/** `text` with every character that a regular expression reads as syntax escaped. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
