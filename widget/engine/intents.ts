/**
 * Messages that are not questions for the knowledge base: red flags, which override everything, and small talk.
 * Their words and patterns are language data in `kb.json` (see `build/compiler/language.en.md`); they run on
 * folded text (see `fold`), so case, accents and contractions are already straightened.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { allowedDistance } from './spelling.ts'
import { SMALLTALK_KINDS, type KbLanguage, type KbRedFlag, type SmalltalkPhraseKind } from './kb-format.ts'
import { fold, words } from './text.ts'
import { sentencesOf } from './question-form.ts'

/** The kinds of emergency, which decide what number the reply names. */
export const EmergencyKind = { medical: 'medical', selfHarm: 'self-harm' } as const
/** One of {@link EmergencyKind}'s values. */
export type EmergencyKind = (typeof EmergencyKind)[keyof typeof EmergencyKind]

/** A detected red flag. */
export interface EmergencyHit {
  kind: EmergencyKind
  /** What was recognised, for staff ("chest pain"). */
  label: string
}

/** Replaces each word one or two edits from a red-flag word with that word ("unconscous" → "unconscious"). */
function redFlagCorrector(redFlagWords: readonly string[]): (text: string) => string {
  let tree: SearchableMap<boolean> | null = null
  return (text) => {
    tree ??= SearchableMap.from(redFlagWords.map((word) => [word, true])) as SearchableMap<boolean>
    const known = tree
    return text
      .split(' ')
      .map((word) => {
        if (word.length < 5 || known.has(word)) return word
        let best: [string, number] | null = null
        for (const [candidate, [, edits]] of known.fuzzyGet(word, allowedDistance(word))) if (!best || edits < best[1]) best = [candidate, edits]
        return best?.[0] ?? word
      })
      .join(' ')
  }
}

/**
 * Creates the red-flag check: it finds a red flag in a message, self-harm first (its reply names the crisis line).
 * `redFlagWords` (from the language file) are the words misspellings are corrected towards first, so a panicked
 * "unconscous" or "bleedin" still counts.
 */
export function emergencyDetector(language: KbLanguage): (message: string) => EmergencyHit | null {
  const correct = redFlagCorrector(language.redFlagWords)
  const compile = (flags: readonly KbRedFlag[]) => flags.map((flag) => ({ ...flag, regex: new RegExp(flag.pattern) }))
  const crisis = compile(language.crisisFlags)
  const medical = compile(language.redFlags)
  const aboutTheTreatment = new RegExp(language.aboutTheTreatment || '$^')
  return (message) => {
    // Punctuation between words must not hide a phrase ("chest...pain"), so match on the words alone.
    const text = correct(words(fold(message)).slice(0, 200).join(' '))
    for (const flag of crisis) if (flag.regex.test(text)) return { kind: 'self-harm', label: flag.label }
    // A question about the treatment may name a side effect ("will it bleed a lot?"); the flags the language file
    // marks with "?" are excused then, the others (chest pain, trouble breathing, stroke signs, self-harm) never.
    // Each sentence that names the flag must be such a question: "Will it go away? My throat is swelling." is not,
    // nor is a flag named only across sentences ("Will the bleeding stop? It is pouring out everywhere.").
    let sentences: string[] | null = null
    const excused = (regex: RegExp): boolean => {
      sentences ??= sentencesOf(message).map((sentence) => correct(words(fold(sentence)).join(' ')))
      const naming = sentences.filter((sentence) => regex.test(sentence))
      return naming.length > 0 && naming.every((sentence) => aboutTheTreatment.test(sentence))
    }
    for (const flag of medical) if (flag.regex.test(text) && !(flag.askable && excused(flag.regex))) return { kind: 'medical', label: flag.label }
    return null
  }
}

/** The kinds of small talk, each with its own reply; `empty` is a message with no words. */
export type SmalltalkKind = SmalltalkPhraseKind | 'empty'

/**
 * Creates the small-talk detector for a language: a message is small talk when, once its greetings, thanks,
 * goodbyes and questions about the assistant are taken out, only filler remains ("hi, does it hurt?" is a question).
 */
export function smalltalkDetector(language: KbLanguage): (message: string) => SmalltalkKind | null {
  const filler = new Set(language.filler)
  const acknowledgements = new Set(language.acknowledgements)
  const articles = new Set(language.articles)
  // Padded once, not once per message: every message is checked against every phrase.
  const phrases = SMALLTALK_KINDS.map((kind) => [kind, language.smalltalk[kind].map((phrase) => ` ${phrase} `)] as const)
  return (message) => {
    const all = words(fold(message))
      .flatMap((word) => (language.shortForms[word] ?? word).split(' '))
      .filter((word) => !articles.has(word))
    if (all.length === 0) return 'empty'
    let text = ` ${all.join(' ')} `
    let found: SmalltalkKind | null = null
    for (const [kind, padded] of phrases) {
      for (const phrase of padded) {
        if (!text.includes(phrase)) continue
        found ??= kind
        text = text.split(phrase).join('  ')
      }
    }
    if (found) return text.split(' ').every((word) => !word || filler.has(word)) ? found : null
    // "ok great", "you're awesome": an acknowledgement, answered like thanks; "is this right for me" is not one.
    return all.every((word) => filler.has(word)) && all.some((word) => acknowledgements.has(word)) ? 'thanks' : null
  }
}

/** A message counts as another language only from this many words: "la" alone is not enough. */
const MIN_FOREIGN_MESSAGE_WORDS = 2

/**
 * Creates the check for a message in another language: mostly words the knowledge base does not know, with at
 * least one common word of another language ("¿duele la inyección?", "Tut die Spritze weh?"), or mostly letters of
 * another alphabet. `knows` tells a word the knowledge base (or its ignored words) knows.
 */
export function otherLanguageDetector(language: KbLanguage, knows: (word: string) => boolean): (message: string) => boolean {
  const foreign = new Set(language.foreignWords ?? [])
  return (message) => {
    const letters = message.match(/\p{L}/gu) ?? []
    // Letters outside the Latin alphabet ("注射は痛いですか"): another language whatever the words.
    if (letters.length >= 4 && letters.filter((ch) => !/\p{Script=Latin}/u.test(ch)).length > letters.length / 2) return true
    if (foreign.size === 0) return false
    const all = words(fold(message))
    if (all.length < MIN_FOREIGN_MESSAGE_WORDS) return false
    const foreignCount = all.filter((word) => foreign.has(word)).length
    const known = all.filter((word) => !foreign.has(word) && knows(word)).length
    return foreignCount >= 1 && known * 3 <= all.length
  }
}
