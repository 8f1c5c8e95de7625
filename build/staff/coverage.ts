/**
 * Coverage: what the engine does with a log of visitors' questions, and the summary staff read from it. DOM-free:
 * `frontdesk coverage` and the staff console share every number.
 */
import { createEngine, loadIndex, type Engine, type KbFile, type LoadedIndex, type KbPair, type Match, type Reply, type ReplyKind, type WhyCandidate } from '../../widget/engine/index.ts'

/** The kinds in the order staff read them: the ones the threshold moves first. */
export const KIND_ORDER = ['answer', 'clarify', 'fallback', 'emergency', 'smalltalk'] as const satisfies readonly ReplyKind[]

/** What staff call each kind. */
export const KIND_LABEL: Readonly<Record<ReplyKind, string>> = {
  answer: 'answered',
  clarify: 'clarify',
  fallback: 'fallback',
  emergency: 'emergency',
  smalltalk: 'small talk',
}

/** A pair as a coverage row names it. */
export interface CoverageMatch {
  id: string
  question: string
  confidence: number
}

/** One question of the log and what the engine did with it. Plain data, so it can be exported and compared. */
export interface CoverageRow {
  /** 1-based position in the log. */
  n: number
  question: string
  kind: ReplyKind
  /** The reply's confidence: the answered pair's, a handoff's own, the best pair's for a fallback; 1 for emergency and small talk. */
  confidence: number
  /** The best pair, whatever the kind. */
  top: CoverageMatch | null
  /** The runners-up, up to 3. */
  alternatives: CoverageMatch[]
  /** For clarify: the ids of the pairs offered. */
  choices: string[]
  /** The message's terms that matched the leading candidate. */
  matchedTerms: string[]
  /** The message's terms after the text pipeline. */
  queryTerms: string[]
  /** The engine's one-line reason. */
  reason: string
  /** The handoff topic's id, for a fallback caused by one. */
  handoff: string | null
  /** The candidate that led (a pair or a handoff), with its own confidence and the visitor's words it matched. */
  leader: WhyCandidate | null
  /** The candidate that came second. */
  runnerUp: WhyCandidate | null
  /** The visitor's words the leader did not match. */
  unmatchedWords: string[]
  /** The leader's way of asking closest to the question. */
  closestPhrasing: string | null
  /** Times the question was asked in the log, when the log was counted (`needs.ts`). */
  asked?: number
  /** "No" answers to "Did this answer your question?" logged for it. */
  unhelpful?: number
}

const match = (m: Match): CoverageMatch => ({ id: m.pair.id, question: m.pair.question, confidence: m.confidence })

/** Turns a reply into a coverage row. */
export function toCoverageRow(reply: Reply, n: number): CoverageRow {
  return {
    n,
    question: reply.question,
    kind: reply.kind,
    confidence: reply.confidence,
    top: reply.top ? match(reply.top) : null,
    alternatives: reply.alternatives.map(match),
    choices: reply.choices.map((pair) => pair.id),
    matchedTerms: reply.why.matchedTerms,
    queryTerms: reply.why.queryTerms,
    reason: reply.why.reason,
    handoff: reply.why.handoff ?? null,
    leader: reply.why.leader,
    runnerUp: reply.why.runnerUp,
    unmatchedWords: reply.why.unmatchedWords,
    closestPhrasing: reply.why.closestPhrasing,
  }
}

/**
 * Why a question got its reply, in the visitor's own words (never stems), for staff deciding what to fix: the
 * words that decided it and the phrasing they matched, the words nothing matched, and what came second. Empty for
 * emergency and small talk, decided before any matching, it is the engine's reason.
 */
export function explain(row: CoverageRow): string {
  if (row.kind === 'emergency' || row.kind === 'smalltalk' || !row.leader) return row.reason
  const quoted = (words: readonly string[]): string => words.map((word) => `"${word}"`).join(', ')
  const parts: string[] = []
  const { leader, runnerUp } = row
  const name = `${leader.kind === 'handoff' ? 'handoff ' : ''}${leader.id}`
  const closest = row.closestPhrasing ? ` ("${row.closestPhrasing}")` : ''
  parts.push(leader.matchedWords.length > 0 ? `${quoted(leader.matchedWords)} matched ${name}${closest}` : `nothing matched ${name}`)
  if (row.unmatchedWords.length > 0) parts.push(`not matched: ${quoted(row.unmatchedWords)}`)
  if (runnerUp) {
    const theirs = runnerUp.matchedWords.filter((word) => !leader.matchedWords.includes(word))
    parts.push(`runner-up ${runnerUp.id} ${runnerUp.confidence.toFixed(2)}${theirs.length > 0 ? ` (also matched ${quoted(theirs)})` : ''}`)
  }
  return parts.join('; ')
}

/** Runs every question through the engine. */
export function coverageRows(engine: Engine, questions: readonly string[]): CoverageRow[] {
  return questions.map((question, i) => toCoverageRow(engine.reply(question), i + 1))
}

/**
 * Engines for one knowledge base by threshold, created on first use. The kind of a reply depends on the threshold
 * in ways stored confidences cannot replay (a handoff topic's own confidence is not in the reply), so another
 * threshold means asking again with an engine set to it. The engines share one index, built once (the costly
 * part); the most recent `size` are kept.
 */
export function engineCache(kb: KbFile, size = 12): (threshold?: number) => Engine {
  const engines = new Map<number | undefined, Engine>()
  let index: LoadedIndex | null = null
  return (threshold) => {
    let engine = engines.get(threshold)
    if (engine) engines.delete(threshold)
    else engine = createEngine(kb, { threshold }, (index ??= loadIndex(kb)))
    // Re-inserted last: Map order is then least recently used first.
    engines.set(threshold, engine)
    if (engines.size > size) engines.delete(engines.keys().next().value)
    return engine
  }
}

/** One bar of the confidence histogram: how many questions of each kind fell in `[from, to)`. */
export interface HistogramBin {
  from: number
  to: number
  /** Questions per kind in the bin (answer, clarify and fallback only). */
  counts: Record<'answer' | 'clarify' | 'fallback', number>
  total: number
}

/** How often one pair was reached. */
export interface PairHits {
  id: string
  question: string
  /** Questions answered with this pair. */
  answered: number
  /** Clarify replies that offered this pair as a choice. */
  offered: number
}

/** The numbers behind the summary and the charts. */
export interface CoverageSummary {
  total: number
  threshold: number
  counts: Record<ReplyKind, number>
  /** Each kind's share of all questions, 0..1; they add up to 1 (0 each for an empty log). */
  shares: Record<ReplyKind, number>
  /** The share answered: `shares.answer`, what `--min-answered` checks. */
  answeredShare: number
  /** Fallbacks caused by a handoff topic, by topic id. */
  handoffs: Record<string, number>
  /** Confidence of the questions the threshold decides (answer, clarify, fallback), in equal bins over 0..1. */
  histogram: HistogramBin[]
  /** Every pair in knowledge-base order. */
  pairs: PairHits[]
  /** Pairs no question was answered with or offered. */
  unreached: PairHits[]
}

/** Options of {@link summarize}. */
export interface SummaryOptions {
  /** Number of histogram bins over 0..1. */
  bins?: number
}

/** Default {@link SummaryOptions}. */
export const defaultSummaryOptions: Required<SummaryOptions> = { bins: 10 }

/** Summarizes coverage rows against the knowledge base's pairs. */
export function summarize(rows: readonly CoverageRow[], pairs: readonly KbPair[], threshold: number, options: SummaryOptions = {}): CoverageSummary {
  const { bins } = { ...defaultSummaryOptions, ...options }
  const counts = Object.fromEntries(KIND_ORDER.map((kind) => [kind, 0])) as Record<ReplyKind, number>
  const handoffs: Record<string, number> = {}
  const histogram: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    counts: { answer: 0, clarify: 0, fallback: 0 },
    total: 0,
  }))
  const hits = new Map(pairs.map((pair) => [pair.id, { id: pair.id, question: pair.question, answered: 0, offered: 0 }]))

  for (const row of rows) {
    counts[row.kind]++
    if (row.handoff) handoffs[row.handoff] = (handoffs[row.handoff] ?? 0) + 1
    if (row.kind === 'answer' || row.kind === 'clarify' || row.kind === 'fallback') {
      // A confidence of exactly 1 belongs in the last bin, not in a bin of its own.
      const bin = histogram[Math.min(bins - 1, Math.max(0, Math.floor(row.confidence * bins)))]!
      bin.counts[row.kind]++
      bin.total++
    }
    if (row.kind === 'answer' && row.top) {
      const pair = hits.get(row.top.id)
      if (pair) pair.answered++
    }
    if (row.kind === 'clarify') {
      for (const id of row.choices) {
        const pair = hits.get(id)
        if (pair) pair.offered++
      }
    }
  }

  const total = rows.length
  const shares = Object.fromEntries(KIND_ORDER.map((kind) => [kind, total ? counts[kind] / total : 0])) as Record<ReplyKind, number>
  const pairHits = [...hits.values()]
  return {
    total,
    threshold,
    counts,
    shares,
    answeredShare: shares.answer,
    handoffs,
    histogram,
    pairs: pairHits,
    unreached: pairHits.filter((pair) => pair.answered + pair.offered === 0),
  }
}

/**
 * The pair column as staff read it: `handoff: ID` for a handoff fallback, the best pair's id otherwise, and nothing
 * for emergency and small talk, which are decided before any matching.
 */
export function pairLabel(row: CoverageRow): string {
  if (row.handoff) return `handoff: ${row.handoff}`
  if (row.kind === 'emergency' || row.kind === 'smalltalk') return ''
  return row.top?.id ?? ''
}

/** A share as staff read it: "83%", "12.5%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`
}

/** The table as CSV rows, header first: what the console exports. */
export function coverageCsvRows(rows: readonly CoverageRow[]): (string | number)[][] {
  const header = ['n', 'question', 'kind', 'confidence', 'pair', 'pair_question', 'matched_words', 'runners_up', 'reason', 'why']
  return [
    header,
    ...rows.map((row) => [
      row.n,
      row.question,
      row.kind,
      row.confidence,
      pairLabel(row),
      pairLabel(row) === row.top?.id ? row.top.question : '',
      (row.leader?.matchedWords ?? []).join(' '),
      row.alternatives.map((alt) => `${alt.id} (${alt.confidence})`).join('; '),
      row.reason,
      explain(row),
    ]),
  ]
}
