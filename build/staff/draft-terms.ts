/**
 * Words as the engine reads them, for drafting: the project's own text pipeline (`widget/engine/text.ts`) with the
 * default language's ignored words, so "Trigger point injections" and "a trigger point injection" are the same
 * words, and drafts are related by the words that would match, not by how they are spelt.
 */
import { createAnalyzer, type Analyzer } from '../../widget/engine/text.ts'
import { defaultLanguage } from '../compiler/language.ts'

/** The words that frame a question rather than say what it is about: question words, auxiliaries, pronouns. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  'what whats how why when where who which is are was were do does did can could will would should may i you it the a an of to in on for my your about know'.split(' '),
)

/**
 * {@link QUESTION_WORDS} and other words that say nothing of a topic. The engine keeps some of them ("can", "after"
 * change what is asked), but two drafts that share only "can", "about" or "from" are not related.
 */
const FUNCTION_WORDS = [
  ...QUESTION_WORDS,
  ...'be been me we our they their its at from with into onto over under after before during between within and or not no if then than so as by up out off all each other more most less also happens'.split(' '),
]

let analyzer: Analyzer | undefined
let functionTerms: ReadonlySet<string> | undefined

/** The terms of `text`: folded, split, ignored words dropped, stemmed (no synonyms: a document has none). */
export function draftTerms(text: string): string[] {
  analyzer ??= createAnalyzer({ synonyms: [], ignored: defaultLanguage().ignored })
  return analyzer.base(text)
}

/** The terms of `text` that say what it is about: {@link draftTerms} without the function words. */
export function topicTerms(text: string): string[] {
  functionTerms ??= new Set(draftTerms(FUNCTION_WORDS.join(' ')))
  return draftTerms(text).filter((term) => !functionTerms!.has(term))
}

/** True when two phrases are about the same terms, in any order. */
export function sameTerms(a: string, b: string): boolean {
  const left = new Set(topicTerms(a))
  const right = new Set(topicTerms(b))
  return left.size > 0 && left.size === right.size && [...left].every((term) => right.has(term))
}
