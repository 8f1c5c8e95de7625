/**
 * Leave-one-out on the knowledge base's own phrasings: each `asked` phrasing is taken out of its pair, the index is
 * built again without it, and the phrasing is asked. Does its pair win? This measures how well the engine reaches
 * a pair through a wording it has never seen, with nothing but the knowledge base itself. A phrasing of the same
 * pair that the engine reads the same way, the same words in any order ("What causes trigger points?" and "what causes
 * a trigger point"), is taken out with it, and so is the pair's question when it reads the same ("does tpi hurt"
 * beside "Does a trigger point injection hurt?"): left in, either would hand the pair its own reading back.
 */
import { createAnalyzer, createEngine, textOptionsOf, type EngineOptions, type KbFile, type KbPair } from '../../widget/engine/index.ts'
import type { Ratio } from './evaluate.ts'

/** One held-out phrasing that did not get its pair. */
export interface HeldOutMiss {
  pair: string
  phrasing: string
  kind: string
  confidence: number
  got: string | null
}

/** The figures of a leave-one-out run. */
export interface LeaveOneOut {
  /** Held-out phrasings answered with their own pair. */
  right: Ratio
  /** Held-out phrasings answered with another pair. */
  wrong: Ratio
  /** Held-out phrasings that had a twin in their pair (a phrasing or the question the engine reads the same way). */
  twins: number
  misses: HeldOutMiss[]
}

/** Runs leave-one-out over every phrasing of every pair (one index build per phrasing: seconds, not a hot path). */
export function leaveOneOut(kb: KbFile, options: EngineOptions = {}): LeaveOneOut {
  const result: LeaveOneOut = { right: { hits: 0, total: 0 }, wrong: { hits: 0, total: 0 }, twins: 0, misses: [] }
  const analyze = createAnalyzer(textOptionsOf(kb))
  // The engine weighs which words a text shares with a phrasing, not their order.
  const reading = (text: string): string => [...new Set(analyze(text))].sort().join(' ')
  for (const pair of kb.pairs) {
    const readings = pair.aliases.map(reading)
    const question = reading(pair.question)
    pair.aliases.forEach((phrasing, i) => {
      const twinQuestion = question === readings[i]
      const without: KbPair = { ...pair, question: twinQuestion ? '' : pair.question, aliases: pair.aliases.filter((_, k) => readings[k] !== readings[i]) }
      if (twinQuestion || without.aliases.length < pair.aliases.length - 1) result.twins++
      const pairs = kb.pairs.map((p) => (p === pair ? without : p))
      const engine = createEngine({ ...kb, pairs }, options)
      const reply = engine.reply(phrasing)
      const right = reply.kind === 'answer' && reply.top?.pair.id === pair.id
      const wrong = reply.kind === 'answer' && !right
      result.right.total++
      result.wrong.total++
      if (right) result.right.hits++
      if (wrong) result.wrong.hits++
      if (!right) result.misses.push({ pair: pair.id, phrasing, kind: reply.kind, confidence: reply.confidence, got: reply.top?.pair.id ?? null })
    })
  }
  return result
}
