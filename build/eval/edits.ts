/**
 * Knowledge-base edits: how many replies one small edit changes. Each edit removes one `asked` phrasing of a pair,
 * chosen at random (seeded, never the same one twice, never a pair's last), and the questions are asked again
 * twice: with what a build derives (the real words, then the calibration) derived again from the edited knowledge
 * base, as a build does, and with them kept. A reply that changes with them kept changed through the edit itself
 * (the index, the pair's phrasings); the rest of those that change when they are derived again changed through them,
 * almost always through the calibration.
 * Staff fixing one question should not see others move for reasons they cannot follow.
 */
import { createEngine, loadIndex, type EngineOptions, type KbFile, type LoadedIndex } from '../../widget/engine/index.ts'
import { withDerived } from '../compiler/derived.ts'
import { outcomeOf, sameOutcome, type Outcome } from '../staff/corrections.ts'
import { random } from '../bench/synthetic.ts'

/** Options of {@link editChurn}. Every field is optional; see {@link defaultEditOptions}. */
export interface EditOptions {
  /** How many edits to make, one at a time, each from the unedited knowledge base. */
  edits?: number
  /** The seed of the choice of phrasings, so that two runs make the same edits. */
  seed?: number
  /** The options the questions are asked with (the threshold). */
  engineOptions?: EngineOptions
}

/** Default {@link EditOptions}. */
export const defaultEditOptions = { edits: 20, seed: 1, engineOptions: {} } satisfies EditOptions

/** One edit and the replies it changed. */
export interface EditEffect {
  /** The id of the pair the phrasing was removed from. */
  pair: string
  /** The phrasing removed. */
  phrasing: string
  /** Replies that changed with the real words and calibration derived again, as a build derives them. */
  relearned: number
  /** Replies that changed with the real words and calibration kept. */
  kept: number
}

/** What {@link editChurn} measured. */
export interface EditChurn {
  /** How many questions were asked after each edit. */
  questions: number
  /** Each edit, in the order made. */
  effects: EditEffect[]
}

/**
 * Makes `edits` one-phrasing edits of `kb` and counts, for each, the replies to `questions` that changed (the removed
 * phrasing's own, if it is among them, too). Needs the knowledge base as compiled from its folder (`compileKb`):
 * `kb.json` lacks the off-topic questions the calibration learns from, and without them it would learn another one;
 * throws then, and when fewer phrasings can be removed than edits asked for. Each edit learns a calibration: about a
 * second each for a clinic's knowledge base.
 */
export function editChurn(kb: KbFile, questions: readonly string[], options: EditOptions = {}): EditChurn {
  const { edits, seed, engineOptions } = { ...defaultEditOptions, ...options }
  // A pair's last phrasing stays: a knowledge base without it would not compile.
  const removable = kb.pairs.filter((pair) => pair.aliases.length > 1).flatMap((pair) => pair.aliases.map((phrasing, alias) => ({ pair, phrasing, alias })))
  if (removable.length < edits) throw new Error(`edits: ${edits} edits asked for, but only ${removable.length} phrasings can be removed`)
  if (kb.language.offTopic === undefined) {
    throw new Error("edits: the knowledge base's calibration cannot be learned again as its build learned it, without its off-topic questions; compile it from its folder")
  }
  // The index does not depend on the calibration: one build of it serves an edit's learning and both its askings.
  const replies = (edited: KbFile, index: LoadedIndex = loadIndex(edited)): Outcome[] => {
    const engine = createEngine(edited, engineOptions, index)
    return questions.map((question) => outcomeOf(engine.reply(question)))
  }
  const changed = (a: Outcome[], b: Outcome[]): number => a.filter((outcome, i) => !sameOutcome(outcome, b[i]!)).length
  const before = replies(kb)
  // The first `edits` of a seeded shuffle (Fisher–Yates), so that no phrasing is removed twice.
  const rand = random(seed)
  for (let i = 0; i < edits; i++) {
    const j = i + Math.floor(rand() * (removable.length - i))
    ;[removable[i], removable[j]] = [removable[j]!, removable[i]!]
  }
  return {
    questions: questions.length,
    effects: removable.slice(0, edits).map(({ pair, phrasing, alias }) => {
      const edited: KbFile = { ...kb, pairs: kb.pairs.map((p) => (p === pair ? { ...p, aliases: p.aliases.filter((_, k) => k !== alias) } : p)) }
      const index = loadIndex(edited)
      // As a build does: the real words and the calibration derived again.
      const relearned = withDerived(edited, index)
      return { pair: pair.id, phrasing, relearned: changed(before, replies(relearned, index)), kept: changed(before, replies(edited, index)) }
    }),
  }
}
