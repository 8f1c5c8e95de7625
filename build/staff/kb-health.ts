/**
 * Health checks of a compiled knowledge base that need the engine: does each way a pair is asked retrieve that pair,
 * and which source sections do pairs cite. DOM-free: `frontdesk lint` and the console's browser share them.
 */
import type { Engine, KbFile, KbPair, ReplyKind } from '../../widget/engine/index.ts'
import type { CoverageMatch } from './coverage.ts'

/** Why a phrasing does not get its own pair's answer. */
export const MisrouteKind = {
  /** Another pair is retrieved first. */
  otherPair: 'other-pair',
  /** A handoff topic wins, so the visitor gets the handoff fallback. */
  handoff: 'handoff',
  /** The emergency or small-talk check catches it before any matching. */
  intent: 'intent',
  /** The pair is retrieved first but below the threshold, so the visitor gets the fallback. */
  belowThreshold: 'below-threshold',
} as const

/** One of {@link MisrouteKind}'s values. */
export type MisrouteKind = (typeof MisrouteKind)[keyof typeof MisrouteKind]

/** What the engine does with one of a pair's own phrasings. */
export interface PhrasingCheck {
  /** The pair the phrasing belongs to. */
  pairId: string
  /** The phrasing's text. */
  text: string
  /** True for the pair's question, false for an `asked:` phrasing. */
  isQuestion: boolean
  /** The reply's kind. */
  kind: ReplyKind
  /** The pair's own confidence for this phrasing (0 when it is not among the candidates). */
  confidence: number
  /** Null when the phrasing gets its pair; otherwise why not. */
  problem: MisrouteKind | null
  /** The pair retrieved first instead, for `other-pair`. */
  winner: CoverageMatch | null
  /** The handoff topic or intent that wins, for `handoff` and `intent`. */
  caughtBy: string | null
}

/** Asks the engine each of a pair's phrasings (its question first) and says which ones miss the pair. */
export function checkPhrasings(engine: Engine, pair: KbPair): PhrasingCheck[] {
  return [pair.question, ...pair.aliases].map((text, i) => {
    const reply = engine.reply(text)
    const own = [reply.top, ...reply.alternatives].find((m) => m?.pair.id === pair.id)
    const check: PhrasingCheck = {
      pairId: pair.id,
      text,
      isQuestion: i === 0,
      kind: reply.kind,
      confidence: own?.confidence ?? 0,
      problem: null,
      winner: null,
      caughtBy: null,
    }
    if (reply.kind === 'emergency' || reply.kind === 'smalltalk') {
      check.problem = MisrouteKind.intent
      check.caughtBy = reply.why.reason
    } else if (reply.why.handoff) {
      check.problem = MisrouteKind.handoff
      check.caughtBy = reply.why.handoff
    } else if (reply.top && reply.top.pair.id !== pair.id) {
      check.problem = MisrouteKind.otherPair
      check.winner = { id: reply.top.pair.id, question: reply.top.pair.question, confidence: reply.top.confidence }
    } else if (reply.kind === 'fallback') {
      check.problem = MisrouteKind.belowThreshold
    }
    return check
  })
}

/** How a misrouted phrasing reads in lint output and the console: what happens instead. */
export function describeMisroute(check: PhrasingCheck, threshold: number): string {
  switch (check.problem) {
    case MisrouteKind.otherPair:
      return `retrieves pair "${check.winner!.id}" first (${check.winner!.confidence.toFixed(2)} against its own ${check.confidence.toFixed(2)})`
    case MisrouteKind.handoff:
      return `is taken by the handoff topic "${check.caughtBy}"`
    case MisrouteKind.intent:
      return `is caught before matching (${check.caughtBy})`
    case MisrouteKind.belowThreshold:
      return `falls back: its confidence ${check.confidence.toFixed(2)} is below the threshold ${threshold}`
    default:
      return 'retrieves its pair first'
  }
}

/** One section of a source page and the pairs citing it. */
export interface SectionCoverage {
  id: string
  title: string
  /** Ids of the pairs whose `source:` is this section. */
  citedBy: string[]
}

/** One source page with its sections. */
export interface PageCoverage {
  id: string
  title: string
  sections: SectionCoverage[]
}

/** Every source page, each section with the pairs citing it; none when the pages are unknown (no staff file). */
export function sourceCoverage(kb: KbFile): PageCoverage[] {
  return (kb.pages ?? []).map((page) => ({
    id: page.id,
    title: page.title,
    sections: page.sections.map((section) => ({
      id: section.id,
      title: section.title,
      citedBy: kb.pairs.filter((pair) => pair.source.page === page.id && pair.source.section === section.id).map((pair) => pair.id),
    })),
  }))
}
