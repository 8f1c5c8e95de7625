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

/** Each event's `detail`, by the event's name. */
interface Details {
  'frontdesk-open': null
  'frontdesk-close': null
  'frontdesk-reply': ReplyDetail
  'frontdesk-booking': BookingDetail
  'frontdesk-feedback': FeedbackDetail
}

/**
 * The event class for `type`: a `CustomEvent`, bubbling and composed, its data in `detail`. One factory rather than a
 * base class and five subclasses, for the launcher's size budget; each call still makes a class of its own, so
 * `instanceof` tells the events apart.
 */
function frontdeskEvent<K extends keyof Details>(type: K) {
  return class extends CustomEvent<Details[K]> {
    /** The event's name, as `addEventListener` takes it. */
    static readonly type = type
    constructor(detail: Details[K]) {
      super(type, { bubbles: true, composed: true, detail })
    }
  }
}

/** The panel opened. `detail` is null. */
export const FrontdeskOpenEvent = frontdeskEvent('frontdesk-open')
/** An event of {@link FrontdeskOpenEvent}'s class. */
export type FrontdeskOpenEvent = InstanceType<typeof FrontdeskOpenEvent>

/** The panel closed. `detail` is null. */
export const FrontdeskCloseEvent = frontdeskEvent('frontdesk-close')
/** An event of {@link FrontdeskCloseEvent}'s class. */
export type FrontdeskCloseEvent = InstanceType<typeof FrontdeskCloseEvent>

/** The widget replied to a question (typed, picked from a chip or suggestion, or sent with `ask()`). */
export const FrontdeskReplyEvent = frontdeskEvent('frontdesk-reply')
/** An event of {@link FrontdeskReplyEvent}'s class. */
export type FrontdeskReplyEvent = InstanceType<typeof FrontdeskReplyEvent>

/** The visitor clicked a booking link; the link then navigates as usual. */
export const FrontdeskBookingEvent = frontdeskEvent('frontdesk-booking')
/** An event of {@link FrontdeskBookingEvent}'s class. */
export type FrontdeskBookingEvent = InstanceType<typeof FrontdeskBookingEvent>

/** The visitor answered "Did this answer your question?". */
export const FrontdeskFeedbackEvent = frontdeskEvent('frontdesk-feedback')
/** An event of {@link FrontdeskFeedbackEvent}'s class. */
export type FrontdeskFeedbackEvent = InstanceType<typeof FrontdeskFeedbackEvent>

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
