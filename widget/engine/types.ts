/**
 * The engine's public types: what a reply is and how the engine is configured.
 * The JSON of `frontdesk ask --json` is built from {@link Reply} (see `toAskJson` in `reply-json.ts`).
 */
import type { KbPair, RichText } from './kb-format.ts'

/** The kinds of reply, in the order the engine decides them. */
export const ReplyKind = {
  /** A red flag: tell the visitor to call emergency services now. */
  emergency: 'emergency',
  /** Greetings, thanks, goodbyes, "who are you". */
  smalltalk: 'smalltalk',
  /** One pair clearly fits. */
  answer: 'answer',
  /** Two or three pairs fit about equally: "Did you mean…?". */
  clarify: 'clarify',
  /** Nothing fits well: say so and offer booking. */
  fallback: 'fallback',
} as const

/** One of {@link ReplyKind}'s values. */
export type ReplyKind = (typeof ReplyKind)[keyof typeof ReplyKind]

/** A pair the engine considered, with how well it fits. */
export interface Match {
  pair: KbPair
  /** 0..1; comparable across messages and knowledge-base sizes. */
  confidence: number
  /** The message's terms that matched this pair (after normalisation and stemming). */
  terms: string[]
}

/** A pair or handoff the engine weighed, as staff see it. */
export interface WhyCandidate {
  id: string
  kind: 'pair' | 'handoff'
  /** The pair's question or the handoff's topic. */
  question: string
  /** 0..1, as {@link Match.confidence}. */
  confidence: number
  /** The visitor's words that matched it, as typed (a synonym phrase as one item). */
  matchedWords: string[]
}

/** Why the engine replied as it did, for staff. */
export interface ReplyWhy {
  /** The message's terms after the text pipeline. */
  queryTerms: string[]
  /** The terms that matched the top pair. */
  matchedTerms: string[]
  /** The share of the message (weighted by rarity) that the top pair covers, 0..1. */
  coverage: number
  /** The threshold used. */
  threshold: number
  /** A one-line human explanation ("below threshold 0.45", "emergency phrase: chest pain"). */
  reason: string
  /** The handoff topic that matched, for a fallback caused by one. */
  handoff?: string
  /** For an emergency: `self-harm` (the reply names the crisis line) or `medical`. */
  emergency?: 'medical' | 'self-harm'
  /** The candidate that led, pair or handoff, with its own confidence; null when nothing matched. */
  leader: WhyCandidate | null
  /** The candidate that came second, so staff see what the leader beat. */
  runnerUp: WhyCandidate | null
  /** The visitor's words the leader did not match: what a missing phrasing, synonym or handoff would need. */
  unmatchedWords: string[]
  /** The leader's way of asking closest to the message: its question or one of its `asked` phrasings. */
  closestPhrasing: string | null
}

/** The engine's answer to one message. */
export interface Reply {
  /** The message as received (cut to the input bound). */
  question: string
  kind: ReplyKind
  /** The plain text a visitor reads. */
  reply: string
  /** Rich text for the widget to render, when the reply is an answer or a handoff. */
  rich: RichText | null
  /**
   * Confidence of the top pair, 0..1: the probability that it is the right answer. For a handoff, the handoff
   * topic's own confidence (`top` is then the best pair, the one it beat); 1 for emergency and small talk.
   */
  confidence: number
  /** The best pair, whatever the kind; null when nothing matched at all. */
  top: Match | null
  /** The next best pairs, up to 3. */
  alternatives: Match[]
  /** For `clarify`: the pairs offered as choices (2 or 3). */
  choices: KbPair[]
  /** Pairs to offer as follow-ups: the answered pair's related pairs, or starters. */
  followUps: KbPair[]
  /** For staff tools. The widget's bundle leaves its explanations empty (`FRONTDESK_EXPLAIN` in `engine.ts`). */
  why: ReplyWhy
}

/** A known question offered while the visitor types. */
export interface Suggestion {
  id: string
  question: string
}

/** Options of {@link Engine}. Every field is optional; see `defaultEngineOptions`. */
export interface EngineOptions {
  /** Minimum confidence for an answer. Measured on the evaluation sets; see README. */
  threshold?: number
  /** When the runner-up's confidence is within this of the top, ask which was meant. */
  clarifyMargin?: number
  /** The emergency number the emergency reply names. */
  emergencyNumber?: string
  /** The crisis line named for thoughts of suicide or self-harm. */
  crisisLine?: string
  /** Messages are cut to this many characters. */
  maxLength?: number
}

/** The engine: pure functions over one compiled knowledge base. */
export interface Engine {
  /** Decide what to say to one message. Never throws. */
  reply(message: string): Reply
  /** Up to `limit` known questions for a partial message, for type-ahead. Never throws. */
  suggest(partial: string, limit?: number): Suggestion[]
  /** Every pair, in knowledge-base order. */
  readonly pairs: readonly KbPair[]
  /** A pair by id. */
  pair(id: string): KbPair | undefined
  /** The options in force, defaults filled in. */
  readonly options: Required<EngineOptions>
}
