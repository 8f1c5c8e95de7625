/**
 * The conversation as plain data: what the panel renders and what `persist="session"` stores. Built from the
 * engine's replies; pairs are kept as `{id, question}` so a stored conversation needs no knowledge base to show.
 */
import { ReplyKind, type KbPair, type Reply, type RichText } from '../engine/index.ts'
import type { ReplyDetail } from '../events.ts'

/** The kinds of bot message: the engine's reply kinds, and `error` when answers are unavailable. */
export const BOT_KINDS = [...Object.values(ReplyKind), 'error'] as const
/** One of {@link BOT_KINDS}. */
export type BotKind = (typeof BOT_KINDS)[number]

/** A question offered as a button; `id` is the pair it answers, or null for free text sent to the engine. */
export interface Chip {
  id: string | null
  question: string
}

/** What the visitor sent. */
export interface VisitorMessage {
  id: number
  from: 'visitor'
  text: string
}

/** The answer to "Did this answer your question?": not asked, waiting, or given. */
export type Feedback = 'ask' | 'yes' | 'no' | null

/** What the widget replied. */
export interface BotMessage {
  id: number
  from: 'bot'
  kind: BotKind
  /** Plain text: shown when there is no rich text, and what the live region reads. */
  text: string
  rich: RichText | null
  /** "Page › Section" of an answer. */
  source: string | null
  /** The answered pair, or the best pair considered; null when none. */
  pairId: string | null
  confidence: number
  /** Follow-ups, clarify choices or starters. */
  chips: Chip[]
  /** Offer booking and the phone under the message. */
  help: boolean
  feedback: Feedback
  /** The emergency concerns self-harm: also offer the crisis line. */
  crisis: boolean
}

/** One message of the conversation. */
export type ChatMessage = VisitorMessage | BotMessage

/** The message shown when the knowledge base cannot be loaded. */
export const UNAVAILABLE_TEXT = "Sorry, answers are unavailable right now. The clinic's team can still help you."

/** The reply to a "Yes" under an answer. */
export const THANKS_TEXT = 'Thanks for letting us know!'

/** The reply to a "No" under an answer; the booking offer and the phone follow. */
export const SORRY_TEXT = "Sorry that didn't help. The clinic's team can answer you directly."

/** Chips for pairs: each asks its pair's question. */
export const toChips = (pairs: readonly KbPair[]): Chip[] => pairs.map((pair) => ({ id: pair.id, question: pair.question }))

function bot(id: number, kind: BotKind, text: string, extra: Partial<BotMessage> = {}): BotMessage {
  return { id, from: 'bot', kind, text, rich: null, source: null, pairId: null, confidence: 0, chips: [], help: false, feedback: null, crisis: false, ...extra }
}

/** The message for an engine reply. Emergencies carry nothing but the call to act. */
export function fromReply(id: number, reply: Reply): BotMessage {
  const pairId = reply.top?.pair.id ?? null
  const base = { pairId, confidence: reply.confidence }
  switch (reply.kind) {
    case 'answer':
      return bot(id, 'answer', reply.reply, {
        ...base,
        rich: reply.rich,
        source: reply.top?.pair.source.label ?? null,
        chips: toChips(reply.followUps),
        feedback: 'ask',
      })
    case 'clarify':
      return bot(id, 'clarify', reply.reply.split('\n')[0] ?? reply.reply, { ...base, chips: toChips(reply.choices) })
    case 'fallback':
      return bot(id, 'fallback', reply.reply, { ...base, rich: reply.rich, chips: toChips(reply.followUps), help: true })
    case 'smalltalk':
      return bot(id, 'smalltalk', reply.reply, { confidence: reply.confidence, chips: toChips(reply.followUps) })
    case 'emergency':
      return bot(id, 'emergency', reply.reply, { confidence: 1, crisis: reply.why.emergency === 'self-harm' })
  }
}

/** The answer to a pair picked from a chip or a suggestion: no guessing involved. */
export function fromPair(id: number, pair: KbPair, related: readonly KbPair[]): BotMessage {
  return bot(id, 'answer', pair.answerText, {
    pairId: pair.id,
    confidence: 1,
    rich: pair.answer,
    source: pair.source.label,
    chips: toChips(related),
    feedback: 'ask',
  })
}

/** The message when the knowledge base is unavailable: booking and the phone still work. */
export function unavailable(id: number): BotMessage {
  return bot(id, 'error', UNAVAILABLE_TEXT, { help: true })
}

/** What a `frontdesk-reply` event reports for a message. */
export function replyDetail(question: string, message: BotMessage): ReplyDetail {
  return { question, kind: message.kind, pairId: message.pairId, confidence: message.confidence }
}

/** Keeps only well-formed messages from stored JSON (it may be stale or tampered with). */
export function restoreMessages(json: unknown): ChatMessage[] {
  if (!Array.isArray(json)) return []
  const kinds: readonly string[] = BOT_KINDS
  return json.flatMap((raw: unknown): ChatMessage[] => {
    if (typeof raw !== 'object' || raw === null) return []
    const m = raw as Omit<Partial<BotMessage>, 'from'> & { from?: unknown }
    if (typeof m.id !== 'number' || typeof m.text !== 'string') return []
    if (m.from === 'visitor') return [{ id: m.id, from: 'visitor', text: m.text }]
    if (m.from !== 'bot' || typeof m.kind !== 'string' || !kinds.includes(m.kind)) return []
    const chips = (Array.isArray(m.chips) ? (m.chips as Partial<Chip>[]) : [])
      .filter((chip) => typeof chip?.question === 'string')
      .map((chip) => ({ id: typeof chip.id === 'string' ? chip.id : null, question: chip.question as string }))
    const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)
    return [
      bot(m.id, m.kind, m.text, {
        rich: Array.isArray(m.rich) ? m.rich : null,
        source: str(m.source),
        pairId: str(m.pairId),
        confidence: Number(m.confidence) || 0,
        chips,
        help: m.help === true,
        feedback: m.feedback === 'ask' || m.feedback === 'yes' || m.feedback === 'no' ? m.feedback : null,
        crisis: m.crisis === true,
      }),
    ]
  })
}
