/** The public, stable JSON of one reply: the `frontdesk ask --json` contract that staff tools and checks rely on. */
import type { Match, Reply, ReplyKind } from './types.ts'

/** One pair in the JSON contract. */
export interface AskJsonMatch {
  id: string
  question: string
  /** Plain text. */
  answer: string
  confidence: number
}

/** One line of `frontdesk ask --json`. */
export interface AskJson {
  question: string
  kind: ReplyKind
  reply: string
  confidence: number
  top: AskJsonMatch | null
  alternatives: AskJsonMatch[]
}

function matchJson(match: Match): AskJsonMatch {
  return { id: match.pair.id, question: match.pair.question, answer: match.pair.answerText, confidence: match.confidence }
}

/** Converts a reply to the JSON contract. */
export function toAskJson(reply: Reply): AskJson {
  return {
    question: reply.question,
    kind: reply.kind,
    reply: reply.reply,
    confidence: reply.confidence,
    top: reply.top ? matchJson(reply.top) : null,
    alternatives: reply.alternatives.map(matchJson),
  }
}
