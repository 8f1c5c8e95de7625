/**
 * Typing slips: every phrasing of the knowledge base asked with one slip of typing in a word whose stem has 4–5
 * letters (where the speller is strictest, see `widget/engine/spelling.ts`), never in the first letter.
 * Does its own pair still answer? The phrasing itself stays in the index, so this measures the speller, not
 * paraphrase: a slip it cannot mend leaves an unknown word that counts against the match.
 */
import { createEngine, fold, hashString, words, type EngineOptions, type KbFile } from '../../widget/engine/index.ts'
import { stem } from '../../widget/engine/text.ts'
import { nearKeys } from '../../widget/engine/spelling.ts'
import { random } from '../bench/synthetic.ts'
import type { Ratio } from './evaluate.ts'

/** The slips made, one kind at a time. */
export const SLIP_KINDS = ['a vowel put for another', 'a vowel left out', 'a letter doubled', 'a key next to the right one'] as const
/** One of {@link SLIP_KINDS}. */
export type SlipKind = (typeof SLIP_KINDS)[number]

/** How phrasings with one kind of slip were answered. */
export interface SlipScore {
  kind: SlipKind
  /** Answered with their own pair. */
  right: Ratio
  /** Answered with another pair. */
  wrong: Ratio
}

/** The vowels of written words (the speller's own list adds "y", which stems end in). */
const VOWELS = 'aeiou'
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** `word` with one slip of `kind` at a random place after its first letter, or null when it has no such place. */
export function slip(word: string, kind: SlipKind, rand: () => number): string | null {
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(rand() * list.length)]
  const places = [...word].map((_, i) => i).filter((i) => i > 0)
  const vowelAt = places.filter((i) => VOWELS.includes(word[i]!))
  const at = (i: number | undefined, put: string | undefined): string | null => (i === undefined || put === undefined ? null : word.slice(0, i) + put + word.slice(i + 1))
  switch (kind) {
    case 'a vowel put for another': {
      const i = pick(vowelAt)
      return at(i, pick([...VOWELS].filter((v) => v !== word[i!])))
    }
    case 'a vowel left out':
      return at(pick(vowelAt), '')
    case 'a letter doubled': {
      const i = pick(places)
      return at(i, i === undefined ? undefined : word[i]! + word[i]!)
    }
    case 'a key next to the right one': {
      const i = pick(places.filter((p) => !VOWELS.includes(word[p]!) && LETTERS.includes(word[p]!)))
      return at(i, pick([...LETTERS].filter((key) => key !== word[i!] && nearKeys(key, word[i!]!))))
    }
  }
}

/**
 * Asks every phrasing with one slip of each kind in each of its words whose stem has 4–5 letters. Where and how each
 * slip falls is drawn from a seed of the phrasing, the word and the kind, so a phrasing added or removed elsewhere in
 * the knowledge base changes no other phrasing's slips, and two engines can be compared over the same ones.
 */
export function typingSlips(kb: KbFile, options: EngineOptions = {}): SlipScore[] {
  const engine = createEngine(kb, options)
  const ignored = new Set(kb.language.ignored)
  return SLIP_KINDS.map((kind) => {
    const score: SlipScore = { kind, right: { hits: 0, total: 0 }, wrong: { hits: 0, total: 0 } }
    for (const pair of kb.pairs) {
      for (const phrasing of [pair.question, ...pair.aliases]) {
        const text = words(fold(phrasing))
        text.forEach((word, at) => {
          const letters = stem(word).length
          if (ignored.has(word) || letters < 4 || letters > 5) return
          const typed = slip(word, kind, random(parseInt(hashString(`${phrasing}|${at}|${kind}`), 36)))
          if (!typed) return
          const reply = engine.reply(text.map((other, i) => (i === at ? typed : other)).join(' '))
          score.right.total++
          score.wrong.total++
          if (reply.kind === 'answer' && reply.top?.pair.id === pair.id) score.right.hits++
          else if (reply.kind === 'answer') score.wrong.hits++
        })
      }
    }
    return score
  })
}
