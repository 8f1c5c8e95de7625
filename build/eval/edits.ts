/**
 * Knowledge-base edits: how many replies an edit changes that it has nothing to do with. Each edit removes one
 * `asked` phrasing, chosen at random (seeded), and the questions are asked again twice: with the calibration learned
 * again from the edited knowledge base, as a build does, and with the calibration kept. A reply that changes with the
 * calibration kept changed through the edit itself (the index, the pair's phrasings); the rest of those that change
 * when it is learned again changed through the calibration alone. Staff fixing one question should not see others
 * move for no reason they can follow.
 */
import { createEngine, type EngineOptions, type KbFile } from '../../widget/engine/index.ts'
import { learnCalibration } from '../compiler/calibrate.ts'
import { outcomeOf, sameOutcome, type Outcome } from '../staff/corrections.ts'
import { random } from '../bench/synthetic.ts'

/** Options of {@link editChurn}. Every field is optional; see {@link defaultEditOptions}. */
export interface EditOptions {
  /** How many edits to make, one at a time, each from the unedited knowledge base. */
  edits?: number
  /** The seed of the choice of phrasings, so that two runs make the same edits. */
  seed?: number
  /** The engine options the questions are asked with (the threshold). */
  engine?: EngineOptions
}

/** Default {@link EditOptions}. */
export const defaultEditOptions = { edits: 20, seed: 1, engine: {} } satisfies EditOptions

/** One edit and the replies it changed. */
export interface EditEffect {
  pair: string
  /** The phrasing removed. */
  phrasing: string
  /** Replies that changed with the calibration learned again, as a build learns it. */
  relearned: number
  /** Replies that changed with the calibration kept. */
  kept: number
}

/** What {@link editChurn} measured. */
export interface EditChurn {
  questions: number
  effects: EditEffect[]
}

/**
 * Makes `edits` one-phrasing edits of `kb` and counts, for each, the replies to `questions` that changed. Needs the
 * knowledge base as compiled from its folder (`compileKb`): `kb.json` lacks the off-topic questions the calibration
 * learns from, and without them it would learn another one; throws then. Each edit learns a calibration: about a
 * second each for a clinic's knowledge base.
 */
export function editChurn(kb: KbFile, questions: readonly string[], options: EditOptions = {}): EditChurn {
  const { edits, seed, engine: engineOptions } = { ...defaultEditOptions, ...options }
  const phrasings = kb.pairs.flatMap((pair) => pair.aliases.map((phrasing, alias) => ({ pair, phrasing, alias })))
  if (phrasings.length === 0) throw new Error('edits: the knowledge base has no phrasings to remove')
  if (JSON.stringify(learnCalibration(kb)) !== JSON.stringify(kb.calibration)) {
    throw new Error("edits: the knowledge base's calibration cannot be learned again as its build learned it; compile it from its folder")
  }
  const replies = (edited: KbFile): Outcome[] => {
    const engine = createEngine(edited, engineOptions)
    return questions.map((question) => outcomeOf(engine.reply(question)))
  }
  const changed = (a: Outcome[], b: Outcome[]): number => a.filter((outcome, i) => !sameOutcome(outcome, b[i]!)).length
  const before = replies(kb)
  const rand = random(seed)
  const effects: EditEffect[] = []
  for (let i = 0; i < edits; i++) {
    const { pair, phrasing, alias } = phrasings[Math.floor(rand() * phrasings.length)]!
    const edited: KbFile = { ...kb, pairs: kb.pairs.map((p) => (p === pair ? { ...p, aliases: p.aliases.filter((_, k) => k !== alias) } : p)) }
    const relearned = { ...edited, calibration: learnCalibration(edited) }
    effects.push({ pair: pair.id, phrasing, relearned: changed(before, replies(relearned)), kept: changed(before, replies(edited)) })
  }
  return { questions: questions.length, effects }
}
