/**
 * Corrections: staff judge what a question should get, and each judgement becomes phrasings added to the knowledge
 * base: an `asked:` phrasing under the right pair or handoff topic, a `not:` phrasing under a pair that wrongly won.
 * DOM-free: the console plans and previews them in the page, `frontdesk apply` writes them into `kb/`.
 */
import { createEngine, defaultEngineOptions, type Engine, type EngineOptions, type KbFile, type Reply, type ReplyKind } from '../../widget/engine/index.ts'
import { phrasingKey } from '../compiler/slug.ts'
import type { CoverageRow } from './coverage.ts'

/** What staff say a question should get. */
export const Verdict = {
  /** The reply is right: nothing to change, and `apply` checks it stays so. */
  correct: 'correct',
  /** A pair answers it: the question becomes one of that pair's phrasings. */
  answer: 'answer',
  /** A handoff topic covers it: the question becomes one of the topic's phrasings. */
  handoff: 'handoff',
  /** Nothing answers it: it should fall back, so the pairs that take it refuse it. */
  fallback: 'fallback',
  /** The pair it got is wrong: that pair refuses it, and the next candidate or the fallback gets it. */
  notPair: 'not-pair',
} as const
/** One of {@link Verdict}'s values. */
export type Verdict = (typeof Verdict)[keyof typeof Verdict]

/** A judgement: a question and what it should get. */
export interface Judgement {
  question: string
  verdict: Verdict
  /** The pair (`answer`, `not-pair`) or handoff topic (`handoff`) it names. */
  id?: string
}

/** A reply as corrections compare it: its kind, and the pair answered or the handoff that took it. */
export interface Outcome {
  kind: ReplyKind
  /** The answered pair, the handoff topic of a handoff fallback, or null. */
  id: string | null
  /** For a clarify: the pairs offered. */
  choices?: string[]
}

/** One phrasing added to a pair or handoff topic: the question to its `asked:` list, or to its `not:` list. */
export interface KbChange {
  field: 'asked' | 'not'
  id: string
}

/** A judgement with the reply it was made on and the changes that carry it out. */
export interface Correction extends Judgement {
  before: Outcome
  changes: KbChange[]
}

/** The file the console exports and `frontdesk apply` reads. */
export interface CorrectionsFile {
  frontdesk: 'corrections'
  version: 1
  /** The hash of the `kb.json` the judgements were made on. */
  kb: string
  /** The threshold the replies were judged at. */
  threshold: number
  corrections: Correction[]
}

/** Options of {@link planCorrection}. Every field is optional; see {@link defaultPlanOptions}. */
export interface PlanOptions {
  /** The engine threshold the question is judged at; the engine's default when undefined. */
  threshold?: number
  /** How many rounds of refusals may be added for candidates still in the way once the first change is made. */
  rounds?: number
  /**
   * An engine already built over the knowledge base, to ask the question before any change: one index build fewer
   * per judgement. Used only when it holds this very `kb`'s pairs (the same array: give it no engine built over a
   * copy with another calibration or language) and the options planning uses (the defaults, at the threshold
   * judged at); otherwise planning builds its own.
   */
  engine?: Engine
}

/** Default {@link PlanOptions}. */
export const defaultPlanOptions = { threshold: undefined, rounds: 3, engine: undefined } satisfies PlanOptions

/** A question as a phrasing: one line, spacing collapsed. */
export function asPhrasing(question: string): string {
  return question.replace(/\s+/g, ' ').trim()
}

/** What a reply did, for comparing replies and reading corrections. */
export function outcomeOf(reply: Reply): Outcome {
  if (reply.kind === 'clarify') return { kind: reply.kind, id: null, choices: reply.choices.map((pair) => pair.id) }
  if (reply.kind === 'answer') return { kind: reply.kind, id: reply.top?.pair.id ?? null }
  return { kind: reply.kind, id: reply.why.handoff ?? null }
}

/** What a coverage row's reply did (the same as {@link outcomeOf} of the reply it was made from). */
export function rowOutcome(row: Pick<CoverageRow, 'kind' | 'top' | 'handoff' | 'choices'>): Outcome {
  if (row.kind === 'clarify') return { kind: row.kind, id: null, choices: row.choices }
  if (row.kind === 'answer') return { kind: row.kind, id: row.top?.id ?? null }
  return { kind: row.kind, id: row.handoff }
}

/** True when two outcomes are the same reply. */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.kind === b.kind && a.id === b.id && (a.choices ?? []).join() === (b.choices ?? []).join()
}

/** An outcome in staff's words: "answered with does-it-hurt", "handed off to prices", "fell back". */
export function describeOutcome(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'answer':
      return `answered with ${outcome.id}`
    case 'clarify':
      return `asked which of ${(outcome.choices ?? []).join(', ')}`
    case 'fallback':
      return outcome.id ? `handed off to ${outcome.id}` : 'fell back'
    case 'smalltalk':
      return 'small talk'
    default:
      return outcome.kind
  }
}

/** A judgement in staff's words: "should be answered with does-it-hurt". */
export function describeJudgement(judgement: Judgement): string {
  switch (judgement.verdict) {
    case Verdict.answer:
      return `should be answered with ${judgement.id}`
    case Verdict.handoff:
      return `should hand off to ${judgement.id}`
    case Verdict.fallback:
      return 'should fall back: nothing answers it'
    case Verdict.notPair:
      return `should not get ${judgement.id}`
    default:
      return 'is right as it is'
  }
}

/** True when a reply is what the correction asks for (for `correct`: the reply it was judged on). */
export function satisfies(correction: Judgement & { before?: Outcome }, outcome: Outcome): boolean {
  switch (correction.verdict) {
    case Verdict.answer:
      return outcome.kind === 'answer' && outcome.id === correction.id
    case Verdict.handoff:
      return outcome.kind === 'fallback' && outcome.id === correction.id
    case Verdict.fallback:
      return outcome.kind === 'fallback'
    case Verdict.notPair:
      return outcome.id !== correction.id && !(outcome.choices ?? []).includes(correction.id!)
    default:
      return correction.before !== undefined && sameOutcome(correction.before, outcome)
  }
}

/** The pairs or handoff topic in a judgement's way: those the reply gives that the judgement does not ask for. */
function inTheWay(judgement: Judgement, outcome: Outcome): string[] {
  if (judgement.verdict === Verdict.correct || judgement.verdict === Verdict.notPair) return []
  const given = outcome.kind === 'clarify' ? (outcome.choices ?? []) : outcome.kind === 'answer' || outcome.id ? [outcome.id!] : []
  // A handoff is a fallback: it is in the way only of a pair or another topic that should take the question.
  const allowed = judgement.verdict === Verdict.fallback ? (outcome.kind === 'fallback' ? given : []) : [judgement.id]
  return given.filter((id) => !allowed.includes(id))
}

/** True when a pair or handoff topic is already asked this way: its question, topic or an `asked:` phrasing. */
export function askedThisWay(kb: KbFile, id: string, phrasing: string): boolean {
  const pair = kb.pairs.find((entry) => entry.id === id)
  const handoff = kb.handoffs.find((entry) => entry.id === id)
  const ways = pair ? [pair.question, ...pair.aliases] : handoff ? [handoff.topic, ...handoff.aliases] : []
  const key = phrasingKey(phrasing)
  return ways.some((text) => phrasingKey(text) === key)
}

/**
 * Plans the changes that carry out a judgement: the question as a phrasing of the pair or topic it names (or a
 * `not:` of the pair it should not get), then, while the reply is still not the judged one, a `not:` for each pair
 * or topic in the way, for a few rounds. The reply may still differ in the end (the preview shows it).
 */
export function planCorrection(kb: KbFile, judgement: Judgement, options: PlanOptions = {}): Correction {
  const { threshold, rounds, engine } = { ...defaultPlanOptions, ...options }
  const question = asPhrasing(judgement.question)
  const ask = (changes: readonly KbChange[]): Outcome =>
    outcomeOf(createEngine(changes.length > 0 ? withChanges(kb, [{ question, changes }]) : kb, { threshold }).reply(question))
  const wanted: Required<EngineOptions> = { ...defaultEngineOptions, threshold: threshold ?? defaultEngineOptions.threshold }
  const reusable = engine?.pairs === kb.pairs && (Object.keys(wanted) as (keyof EngineOptions)[]).every((key) => engine.options[key] === wanted[key])
  const before = reusable ? outcomeOf(engine.reply(question)) : ask([])
  const changes: KbChange[] = []
  if (judgement.verdict === Verdict.answer || judgement.verdict === Verdict.handoff) changes.push({ field: 'asked', id: judgement.id! })
  if (judgement.verdict === Verdict.notPair) changes.push({ field: 'not', id: judgement.id! })
  for (let round = 0; round < rounds; round++) {
    const outcome = changes.length > 0 ? ask(changes) : before
    if (satisfies({ ...judgement, before }, outcome)) break
    // A pair asked this very way cannot refuse it (the compiler would not have both).
    const blocking = inTheWay(judgement, outcome).filter((id) => !changes.some((c) => c.field === 'not' && c.id === id) && !askedThisWay(kb, id, question))
    if (blocking.length === 0) break
    changes.push(...blocking.map((id) => ({ field: 'not' as const, id })))
  }
  return { question, verdict: judgement.verdict, ...(judgement.id ? { id: judgement.id } : {}), before, changes }
}

/**
 * The knowledge base with the corrections' phrasings added, as `frontdesk apply` adds them to `kb/` (each at the end
 * of its list; one already there, whatever its case and punctuation, is not added twice). The engine indexes the
 * phrasings when it loads; the calibration and the real words (`KbLanguage#realWords`) are kept, where a rebuild
 * from `kb/` derives them again.
 * Throws for an id the knowledge base does not have.
 */
export function withChanges(kb: KbFile, corrections: ReadonlyArray<{ question: string; changes: readonly KbChange[] }>): KbFile {
  const pairs = [...kb.pairs]
  const handoffs = [...kb.handoffs]
  for (const { question, changes } of corrections) {
    const phrasing = asPhrasing(question)
    for (const { field, id } of changes) {
      const list = pairs.some((pair) => pair.id === id) ? pairs : handoffs
      const at = list.findIndex((entry) => entry.id === id)
      if (at < 0) throw new Error(`the knowledge base has no pair or handoff topic "${id}"`)
      const entry = list[at]!
      const current = field === 'asked' ? entry.aliases : (entry.not ?? [])
      if (current.some((text) => phrasingKey(text) === phrasingKey(phrasing))) continue
      list[at] = field === 'asked' ? { ...entry, aliases: [...current, phrasing] } : { ...entry, not: [...current, phrasing] }
    }
  }
  // The engine builds its index from the phrasings when it loads, so a new phrasing needs nothing more here.
  return { ...kb, pairs: pairs as KbFile['pairs'], handoffs }
}

/** A question's reply before and after corrections. */
export interface ReplyChange {
  question: string
  before: Outcome
  after: Outcome
}

/** The questions whose reply differs between two engines, in the order given. */
export function changedReplies(before: Engine, after: Engine, questions: readonly string[]): ReplyChange[] {
  const out: ReplyChange[] = []
  for (const question of questions) {
    const was = outcomeOf(before.reply(question))
    const now = outcomeOf(after.reply(question))
    if (!sameOutcome(was, now)) out.push({ question, before: was, after: now })
  }
  return out
}
