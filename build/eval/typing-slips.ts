/**
 * Typing slips: every phrasing of the knowledge base asked with one slip of typing in one of its words whose stem
 * has 4–5 letters (where the speller is strictest, see `widget/engine/spelling.ts`), never in the first letter.
 * Does its own pair still answer? The phrasing itself stays in the index, so this measures the speller, not
 * paraphrase: a slip it cannot mend leaves an unknown word that counts against the match.
 */
import { createEngine, fold, words, type EngineOptions, type KbFile } from '../../widget/engine/index.ts'
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

/** Asks every phrasing once per kind of slip (seeded, so runs compare). */
export function typingSlips(kb: KbFile, options: EngineOptions = {}, seed = 5): SlipScore[] {
  const engine = createEngine(kb, options)
  const rand = random(seed)
  const ignored = new Set(kb.language.ignored)
  return SLIP_KINDS.map((kind) => {
    const score: SlipScore = { kind, right: { hits: 0, total: 0 }, wrong: { hits: 0, total: 0 } }
    for (const pair of kb.pairs) {
      for (const phrasing of [pair.question, ...pair.aliases]) {
        const text = words(fold(phrasing))
        const short = text.map((word, i) => [word, i] as const).filter(([word]) => !ignored.has(word) && stem(word).length >= 4 && stem(word).length <= 5)
        const chosen = short[Math.floor(rand() * short.length)]
        const typed = chosen && slip(chosen[0], kind, rand)
        if (!chosen || !typed) continue
        const reply = engine.reply(text.map((word, i) => (i === chosen[1] ? typed : word)).join(' '))
        score.right.total++
        score.wrong.total++
        if (reply.kind === 'answer' && reply.top?.pair.id === pair.id) score.right.hits++
        else if (reply.kind === 'answer') score.wrong.hits++
      }
    }
    return score
  })
}
