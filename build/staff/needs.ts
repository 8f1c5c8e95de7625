/**
 * What most needs a fix in a question log: questions are counted (a log from the clinic's analytics repeats them),
 * and ordered by need: frequent fallbacks first, then wrong-looking replies (a clarify, an answer of low confidence,
 * a "No" to "Did this answer your question?"), then the rest. DOM-free.
 */
import { phrasingKey } from '../compiler/slug.ts'
import type { CoverageRow } from './coverage.ts'
import type { LogRecord } from './questions.ts'

/** An answer below this confidence looks doubtful: the same bound `frontdesk coverage` explains answers under. */
export const DOUBTFUL_BELOW = 0.8

/** One distinct question of a log. */
export interface LogEntry {
  /** As first written in the log. */
  question: string
  /** Times it was asked (at least 1). */
  asked: number
  /** "No" answers to "Did this answer your question?" logged for it. */
  unhelpful: number
}

/** The log's distinct questions (the same whatever the case and punctuation), in order of first appearance. */
export function countQuestions(records: readonly LogRecord[]): LogEntry[] {
  const entries = new Map<string, LogEntry & { replies: number }>()
  for (const { question, helpful } of records) {
    const key = phrasingKey(question) || question
    let entry = entries.get(key)
    if (!entry) entries.set(key, (entry = { question, asked: 0, unhelpful: 0, replies: 0 }))
    if (helpful === undefined) entry.replies++
    if (helpful === false) entry.unhelpful++
  }
  // A question known only from its feedback was still asked once.
  return [...entries.values()].map(({ question, replies, unhelpful }) => ({ question, asked: Math.max(1, replies), unhelpful }))
}

/** How much a row needs a fix, most first. */
export const Need = {
  /** Nothing answered it and no handoff took it. */
  unanswered: 0,
  /** A clarify, an answer below {@link DOUBTFUL_BELOW}, or a "No" from a visitor. */
  doubtful: 1,
  /** A confident answer, a handoff, small talk or an emergency. */
  fine: 2,
} as const
/** One of {@link Need}'s values. */
export type Need = (typeof Need)[keyof typeof Need]

/** A row's need. */
export function needOf(row: CoverageRow): Need {
  if (row.kind === 'fallback' && !row.handoff) return Need.unanswered
  if (row.kind === 'clarify' || (row.kind === 'answer' && row.confidence < DOUBTFUL_BELOW) || (row.unhelpful ?? 0) > 0) return Need.doubtful
  return Need.fine
}

/** Orders rows by need: the group, then the most asked, the most "No"s, the lowest confidence, log order. */
export function compareNeed(a: CoverageRow, b: CoverageRow): number {
  return (
    needOf(a) - needOf(b) ||
    (b.asked ?? 1) - (a.asked ?? 1) ||
    (b.unhelpful ?? 0) - (a.unhelpful ?? 0) ||
    a.confidence - b.confidence ||
    a.n - b.n
  )
}
