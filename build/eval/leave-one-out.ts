/**
 * Leave-one-out on the knowledge base's own phrasings: each `asked` phrasing is taken out of its pair, the index is
 * built again without it, and the phrasing is asked. Does its pair win? This measures how well the engine reaches
 * a pair through a wording it has never seen, with nothing but the knowledge base itself.
 */
import { createEngine, type EngineOptions, type KbFile, type KbPair } from '../../widget/engine/index.ts'
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
  misses: HeldOutMiss[]
}

/** Runs leave-one-out over every phrasing of every pair (one index build per phrasing: seconds, not a hot path). */
export function leaveOneOut(kb: KbFile, options: EngineOptions = {}): LeaveOneOut {
  const result: LeaveOneOut = { right: { hits: 0, total: 0 }, wrong: { hits: 0, total: 0 }, misses: [] }
  for (const pair of kb.pairs) {
    pair.aliases.forEach((phrasing, i) => {
      const without: KbPair = { ...pair, aliases: pair.aliases.filter((_, k) => k !== i) }
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
