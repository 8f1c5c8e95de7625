/**
 * The events `<frontdesk-chat>` dispatches, so a clinic can wire its own analytics. Each is a `CustomEvent` whose
 * `detail` carries the data (the platform's convention); every event bubbles and is composed. The widget itself
 * sends nothing anywhere.
 *
 * ```js
 * document.addEventListener('frontdesk-reply', (event) => myAnalytics('faq', event.detail.kind, event.detail.pairId))
 * ```
 */
import type { ReplyKind } from './engine/index.ts'

/** What a reply event reports: the engine's reply kinds, plus `error` when answers were unavailable. */
export type ReplyEventKind = ReplyKind | 'error'

/** The `detail` of {@link FrontdeskReplyEvent}. */
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

/** The `detail` of {@link FrontdeskBookingEvent}. */
export interface BookingDetail {
  /** Which link: the header's, or the offer under a fallback, a "No" feedback, or an unavailable message. */
  from: BookingSource
  /** The booking URL, resolved. */
  href: string
}

/** The `detail` of {@link FrontdeskFeedbackEvent}. */
export interface FeedbackDetail {
  /** The pair that was answered. */
  pairId: string
  helpful: boolean
}

/** A Frontdesk event: bubbling, composed, its data in `detail`; each subclass names its type in `type`. */
abstract class FrontdeskEvent<T> extends CustomEvent<T> {
  constructor(detail: T) {
    super((new.target as unknown as { type: string }).type, { bubbles: true, composed: true, detail })
  }
}

/** The panel opened. `detail` is null. */
export class FrontdeskOpenEvent extends FrontdeskEvent<null> {
  static readonly type = 'frontdesk-open'
}

/** The panel closed. `detail` is null. */
export class FrontdeskCloseEvent extends FrontdeskEvent<null> {
  static readonly type = 'frontdesk-close'
}

/** The widget replied to a question (typed, picked from a chip or suggestion, or sent with `ask()`). */
export class FrontdeskReplyEvent extends FrontdeskEvent<ReplyDetail> {
  static readonly type = 'frontdesk-reply'
}

/** The visitor clicked a booking link; the link then navigates as usual. */
export class FrontdeskBookingEvent extends FrontdeskEvent<BookingDetail> {
  static readonly type = 'frontdesk-booking'
}

/** The visitor answered "Did this answer your question?". */
export class FrontdeskFeedbackEvent extends FrontdeskEvent<FeedbackDetail> {
  static readonly type = 'frontdesk-feedback'
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
