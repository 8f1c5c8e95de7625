/**
 * Templates for one message of the conversation, the greeting, and the pieces they share (chips, the booking
 * and phone offer, feedback). Pure functions of data and callbacks, so each kind can be rendered on its own.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js'
import type { BookingSource } from '../events.ts'
import { renderRichText } from '../rich-text/render.ts'
import type { Settings } from '../settings.ts'
import { SORRY_TEXT, THANKS_TEXT, type BotMessage, type ChatMessage, type Chip } from '../state/messages.ts'

/** What message templates need from the panel. */
export interface MessageContext {
  settings: Settings
  /** The crisis line offered with a self-harm emergency. */
  crisisLine: string
  choose(chip: Chip): void
  rate(message: BotMessage, helpful: boolean): void
  booked(from: BookingSource): void
}

/** A `tel:` link: digits and a leading plus only, whatever the clinic typed. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}

/** Question chips; `label` names the group for screen readers and sighted visitors alike. */
export function renderChips(chips: readonly Chip[], ctx: MessageContext, label = ''): TemplateResult | typeof nothing {
  if (chips.length === 0) return nothing
  return html`<div class="chips" role="group" aria-label=${label || 'Questions'}>
    ${label ? html`<p class="label" aria-hidden="true">${label}</p>` : nothing}
    ${chips.map(
      (chip) =>
        html`<button type="button" class="chip" part="chip" dir="auto" data-pair-id=${chip.id ?? nothing} @click=${() => ctx.choose(chip)}>${chip.question}</button>`,
    )}
  </div>`
}

/** Booking and the phone in one compact row, for whenever the widget cannot help. */
export function renderHelp(ctx: MessageContext, from: BookingSource): TemplateResult {
  const { bookingUrl, bookingLabel, phone } = ctx.settings
  if (!bookingUrl && !phone) return html`<p class="note">Please contact the clinic directly.</p>`
  return html`<div class="help">
    ${bookingUrl
      ? html`<a class="btn primary" part="booking-offer" href=${bookingUrl} @click=${() => ctx.booked(from)}>${bookingLabel}</a>`
      : nothing}
    ${phone ? html`<a class="btn" part="phone" href=${telHref(phone)}>Call ${phone}</a>` : nothing}
  </div>`
}

function renderFeedback(message: BotMessage, ctx: MessageContext): TemplateResult {
  const id = `fb${message.id}`
  if (message.feedback === 'ask') {
    return html`<div class="feedback" part="feedback" role="group" aria-labelledby=${id}>
      <span id=${id}>Did this answer your question?</span>
      <button type="button" class="mini" @click=${() => ctx.rate(message, true)}>Yes</button>
      <button type="button" class="mini" @click=${() => ctx.rate(message, false)}>No</button>
    </div>`
  }
  // tabindex -1: the Yes/No button that had focus is gone, so focus moves here.
  if (message.feedback === 'yes') return html`<p class="feedback" part="feedback" id=${id} tabindex="-1">${THANKS_TEXT}</p>`
  return html`<div class="feedback no" part="feedback" id=${id} tabindex="-1"><p>${SORRY_TEXT}</p>${renderHelp(ctx, 'feedback')}</div>`
}

function renderEmergency(message: BotMessage, ctx: MessageContext): TemplateResult {
  const number = ctx.settings.emergencyNumber
  return html`<div class="bubble alert">
    <p class="alert-title"><span class="alert-icon" aria-hidden="true">!</span>Emergency</p>
    <p>${message.text}</p>
    <div class="calls">
      <a class="call" part="emergency-call" href=${telHref(number)}>Call ${number}</a>
      ${message.crisis ? html`<a class="call" part="crisis-call" href=${telHref(ctx.crisisLine)}>Call ${ctx.crisisLine}</a>` : nothing}
    </div>
  </div>`
}

const CHIP_LABEL: Partial<Record<BotMessage['kind'], string>> = {
  answer: 'Related questions',
  fallback: 'Maybe one of these?',
}

function renderBot(message: BotMessage, ctx: MessageContext): TemplateResult {
  // Emergencies carry nothing but the call to act: no source, follow-ups or feedback.
  if (message.kind === 'emergency') return renderEmergency(message, ctx)
  return html`<div class="bubble">${message.rich ? renderRichText(message.rich) : html`<p class="plain">${message.text}</p>`}</div>
    ${message.source ? html`<p class="source" part="source">From: ${message.source}</p>` : nothing}
    ${message.help ? renderHelp(ctx, message.kind === 'error' ? 'error' : 'fallback') : nothing}
    ${renderChips(message.chips, ctx, CHIP_LABEL[message.kind])}
    ${message.feedback ? renderFeedback(message, ctx) : nothing}`
}

/** One message: the visitor's question, or a reply of any kind. */
export function renderMessage(message: ChatMessage, ctx: MessageContext): TemplateResult {
  if (message.from === 'visitor') {
    return html`<div class="msg visitor" part="message message-visitor" data-from="visitor" dir="auto">
      <p class="bubble plain">${message.text}</p>
    </div>`
  }
  return html`<div class="msg bot ${message.kind}" part="message message-bot message-${message.kind}" data-from="bot" data-kind=${message.kind} dir="auto">
    ${renderBot(message, ctx)}
  </div>`
}

/** The greeting at the top of every conversation, with the starter questions. */
export function renderGreeting(greeting: string, starters: readonly Chip[], ctx: MessageContext): TemplateResult {
  return html`<div class="msg bot" part="message message-bot message-greeting" data-from="bot" data-kind="greeting" dir="auto">
    <p class="bubble plain">${greeting}</p>
    ${renderChips(starters, ctx, starters.length ? 'Popular questions' : '')}
  </div>`
}
