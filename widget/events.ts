/**
 * The events `<frontdesk-chat>` dispatches, so a clinic can wire its own analytics. Every event bubbles and is
 * composed, and carries its data as plain properties (no `detail`). The widget itself sends nothing anywhere.
 *
 * ```js
 * document.addEventListener('frontdesk-reply', (event) => myAnalytics('faq', event.kind, event.pairId))
 * ```
 */
import type { ReplyKind } from './engine/index.ts'

const init = { bubbles: true, composed: true } as const

/** What a reply event reports: the engine's reply kinds, plus `error` when answers were unavailable. */
export type ReplyEventKind = ReplyKind | 'error'

/** The fields of {@link FrontdeskReplyEvent}. */
export interface ReplyDetail {
  /** The visitor's question as the engine received it. */
  question: string
  kind: ReplyEventKind
  /** The answered pair (answer), or the best pair considered (other kinds); null when none. */
  pairId: string | null
  /** 0..1. */
  confidence: number
}

/** Where a booking link was clicked. */
export type BookingSource = 'header' | 'fallback' | 'feedback' | 'error'

/** The panel opened. */
export class FrontdeskOpenEvent extends Event {
  static readonly type = 'frontdesk-open'
  constructor() {
    super(FrontdeskOpenEvent.type, init)
  }
}

/** The panel closed. */
export class FrontdeskCloseEvent extends Event {
  static readonly type = 'frontdesk-close'
  constructor() {
    super(FrontdeskCloseEvent.type, init)
  }
}

/** The widget replied to a question (typed, picked from a chip or suggestion, or sent with `ask()`). */
export class FrontdeskReplyEvent extends Event implements ReplyDetail {
  static readonly type = 'frontdesk-reply'
  readonly question: string
  readonly kind: ReplyEventKind
  readonly pairId: string | null
  readonly confidence: number
  constructor(detail: ReplyDetail) {
    super(FrontdeskReplyEvent.type, init)
    this.question = detail.question
    this.kind = detail.kind
    this.pairId = detail.pairId
    this.confidence = detail.confidence
  }
}

/** The visitor clicked a booking link; the link then navigates as usual. */
export class FrontdeskBookingEvent extends Event {
  static readonly type = 'frontdesk-booking'
  /** Which link: the header's, or the offer under a fallback, a "No" feedback, or an unavailable message. */
  readonly from: BookingSource
  /** The booking URL, resolved. */
  readonly href: string
  constructor(from: BookingSource, href: string) {
    super(FrontdeskBookingEvent.type, init)
    this.from = from
    this.href = href
  }
}

/** The visitor answered "Did this answer your question?". */
export class FrontdeskFeedbackEvent extends Event {
  static readonly type = 'frontdesk-feedback'
  /** The pair that was answered. */
  readonly pairId: string
  readonly helpful: boolean
  constructor(pairId: string, helpful: boolean) {
    super(FrontdeskFeedbackEvent.type, init)
    this.pairId = pairId
    this.helpful = helpful
  }
}

/** The events by name, for `addEventListener` typing on the element and, since they bubble, the document. */
export interface FrontdeskEventMap {
  'frontdesk-open': FrontdeskOpenEvent
  'frontdesk-close': FrontdeskCloseEvent
  'frontdesk-reply': FrontdeskReplyEvent
  'frontdesk-booking': FrontdeskBookingEvent
  'frontdesk-feedback': FrontdeskFeedbackEvent
}

declare global {
  interface HTMLElementEventMap extends FrontdeskEventMap {}
  interface DocumentEventMap extends FrontdeskEventMap {}
}
