/**
 * The chat window, in the chunk `<frontdesk-chat>` loads on first open: a `<div>` with a shadow root (see
 * {@link SignalView} for why not a custom element) rendering lit-html templates from a signals store
 * (`widget/state/`). Opening and closing it, what the launcher shows meanwhile and the public events are done here
 * too, through {@link PanelHost}: the launcher, loaded on every page view, keeps only what must work before the
 * chunk is in. All events come from `<frontdesk-chat>`.
 */
import { html, nothing } from 'lit/html.js'
import { defaultEngineOptions } from '../engine/index.ts'
import type { ReplyDetail } from '../events.ts'
import type { Settings } from '../settings.ts'
import { createChatStore, type ChatStore } from '../state/chat-store.ts'
import type { KbRequest } from '../state/kb-loader.ts'
import { nextFrame, nextTask } from '../state/idle.ts'
import { BOT_KINDS, type BotMessage, type ChatMessage, type Chip } from '../state/messages.ts'
import { createTypeahead, type Typeahead } from '../state/typeahead.ts'
import { renderGreeting, renderMessage, type MessageContext } from './message.ts'
import { MessageList } from './message-list.ts'
import { adoptStyles, SignalView } from './signal-view.ts'
import { openLauncherStyles, styles } from './styles.ts'
import { viewportFollower } from './viewport.ts'

type Events = typeof import('../events.ts')

/** `<frontdesk-chat>`, as the panel sees it. */
export interface PanelHost {
  /** The element: events are dispatched on it. */
  chat: HTMLElement
  /** Its shadow root, where the panel goes beside the launcher. */
  root: ShadowRoot
  launcher: HTMLButtonElement
  /**
   * The event classes of the launcher's bundle: a page's `instanceof` checks need the very classes it exports. By short
   * names, as both bundles spell them out.
   */
  events: {
    open: Events['FrontdeskOpenEvent']
    close: Events['FrontdeskCloseEvent']
    reply: Events['FrontdeskReplyEvent']
    booking: Events['FrontdeskBookingEvent']
    feedback: Events['FrontdeskFeedbackEvent']
  }
  /** Close the panel and return focus to the launcher (close button): the launcher also forgets a pending open. */
  close(): void
  /** `kb.json` as the launcher requested it beside the chunk, if it did. */
  kb: KbRequest | null
}

/** Every part inside the panel, exported through `<frontdesk-chat>` so pages can style them with `::part`. */
export const PANEL_PARTS = [
  'panel', 'header', 'title', 'booking', 'close', 'reset', 'log', 'earlier', 'message', 'message-visitor', 'message-bot',
  ...['greeting', ...BOT_KINDS].map((kind) => `message-${kind}`),
  'source', 'chip', 'feedback', 'booking-offer', 'phone', 'emergency-call', 'crisis-call', 'composer', 'input', 'send',
  'suggestions', 'option', 'live', 'disclaimer',
]

/**
 * The chat window: a one-line header (title, booking, start over, close), the conversation (the latest
 * `MAX_MESSAGES` messages), the question field with type-ahead, the disclaimer and one polite live region.
 * Non-modal: the page stays usable.
 *
 * @csspart panel - The window (`role="dialog"`). Also: header, title, booking, close, reset, log, earlier, message,
 *   message-visitor, message-bot, message-KIND, source, chip, feedback, booking-offer, phone, emergency-call,
 *   crisis-call, composer, input, send, suggestions, option, live, disclaimer.
 * @cssprop --frontdesk-accent - See `<frontdesk-chat>`; every custom property is inherited from it.
 */
export class FrontdeskPanel extends SignalView {
  static override styles = styles

  host!: PanelHost
  store!: ChatStore
  typeahead!: Typeahead
  private _current!: Settings
  private readonly _followViewport = viewportFollower(this.renderRoot)
  /** The id of the newest message rendered, to scroll when a new one comes. */
  private _lastShown = 0
  /** Settles once the panel, put in the page, has been styled and laid out (see {@link attach}). */
  private _laidOut: Promise<void> | null = null
  private _context: MessageContext | null = null
  private readonly _list = new MessageList((message: ChatMessage) => renderMessage(message, this._messageContext()), this)

  /** The launcher's settings; a new object on every change. */
  get settings(): Settings {
    return this._current
  }
  set settings(value: Settings) {
    this._current = value
    this.store?.configure({ threshold: value.threshold, emergencyNumber: value.emergencyNumber })
    this.requestUpdate()
  }

  /** True while the panel is open (shown: `hidden` is how it is closed). */
  get isOpen(): boolean {
    return !this.element.hidden
  }

  /** The visitor may open the chat soon: start loading the knowledge base. */
  preload(): void {
    this.store.preload()
  }

  /**
   * Puts the panel, hidden, in `<frontdesk-chat>`'s shadow root and renders it, then has it styled and laid out
   * (hidden, it still is: `visibility: hidden`); settles once it is. Nothing new when it is there already.
   */
  attach(): Promise<void> {
    const { root, launcher } = this.host
    if (this._laidOut && root.contains(this.element)) return this._laidOut
    root.append(this.element)
    this.connect()
    launcher.setAttribute('aria-controls', this.element.id)
    // Rendering, styling and laying out the panel the first time each take tens of milliseconds on a slow phone: each
    // in a task of its own, so that no task is a long one, and none of them in the frame that shows the panel.
    this._laidOut = (async () => {
      await this.updateComplete
      await nextTask('user-visible')
      getComputedStyle(this.element).visibility
      await nextTask('user-visible')
      this.element.getBoundingClientRect()
    })()
      // Only an early start on work the browser would do anyway: whatever happens, the panel still opens.
      .catch(() => {})
    return this._laidOut
  }

  /**
   * Shows the panel unless it is showing (the first time, the knowledge base loads; the page is told), then moves
   * focus to the question field if `focus`.
   */
  async open(focus: boolean): Promise<void> {
    if (!this.isOpen) {
      this.element.hidden = false
      this.host.launcher.setAttribute('aria-expanded', 'true')
      void this.store.start()
      this._followViewport(true)
      this._emit(new this.host.events.open(null))
    }
    if (focus) await this.focusInput()
  }

  /** Hides the panel if it is showing, and tells the page; focus goes to the launcher if `focusLauncher` or if it was inside. */
  close(focusLauncher: boolean): void {
    if (!this.isOpen) return
    const { root, launcher } = this.host
    const focusInside = root.activeElement !== null && root.activeElement !== launcher
    launcher.setAttribute('aria-expanded', 'false')
    this.element.hidden = true
    this._followViewport(false)
    this.typeahead.dismiss()
    if (focusLauncher || focusInside) launcher.focus()
    this._emit(new this.host.events.close(null))
  }

  /** Moves focus to the question field once rendered and laid out. */
  async focusInput(): Promise<void> {
    await this.updateComplete
    // Focus lays out what is not yet: in the task that rendered the panel, that made it a long one on a slow phone.
    await this._laidOut
    this.renderRoot.querySelector('input')?.focus()
  }

  /** Asks a question as if typed. */
  async ask(text: string): Promise<void> {
    this._report(await this.store.ask(text))
  }

  /** Clears the conversation. */
  reset(): void {
    this.store.reset()
    this.typeahead.clear()
    this._lastShown = 0
  }

  override connect(): void {
    super.connect()
    if (!this.element.hidden) this._followViewport(true)
  }

  override disconnect(): void {
    super.disconnect()
    this._followViewport(false)
  }

  /** What message templates read besides the message: a new object only when the settings change. */
  private _messageContext(): MessageContext {
    const crisisLine = this.store.engine.value?.options.crisisLine ?? defaultEngineOptions.crisisLine
    if (this._context?.settings !== this._current || this._context.crisisLine !== crisisLine) {
      this._context = {
        settings: this._current,
        crisisLine,
        choose: (chip) => void this._choose(chip),
        rate: (message, helpful) => this._rate(message, helpful),
        booked: (from) => this._emit(new this.host.events.booking({ from, href: this._current.bookingUrl ?? '' })),
      }
    }
    return this._context
  }

  /** Tells the page, with an event from `<frontdesk-chat>`. */
  private _emit(event: Event): void {
    this.host.chat.dispatchEvent(event)
  }

  private _report(detail: ReplyDetail | null): void {
    if (detail) this._emit(new this.host.events.reply(detail))
  }

  private async _choose(chip: Chip): Promise<void> {
    this.typeahead.clear()
    this._report(await this.store.choose(chip))
  }

  private _rate(message: BotMessage, helpful: boolean): void {
    const pairId = this.store.rate(message.id, helpful)
    if (pairId === null) return
    this._emit(new this.host.events.feedback({ pairId, helpful }))
    // The pressed button is replaced: put focus on what replaced it rather than losing it to the page.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#fb${message.id}`)?.focus())
  }

  /** Sends what is typed (Enter or the send button). */
  private _send(): void {
    const text = this.typeahead.text.value
    if (!text.trim()) return
    this.typeahead.clear()
    void this.ask(text)
  }

  private _onKeydown(event: KeyboardEvent): void {
    const typeahead = this.typeahead
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (typeahead.options.value.length === 0) return
      event.preventDefault()
      typeahead.move(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter' && !event.isComposing) {
      // No <form>: nothing here may submit anything anywhere.
      event.preventDefault()
      const picked = typeahead.current()
      if (picked) void this._choose(picked)
      else this._send()
    } else if (event.key === 'Escape' && typeahead.dismiss()) {
      // Only the list closes; `<frontdesk-chat>` leaves a prevented Escape alone.
      event.preventDefault()
    }
  }

  protected override updated(): void {
    this._list.sync(this.store.messages.peek(), this._messageContext())
    const log = this.renderRoot.querySelector<HTMLElement>('.log')
    const last = this.store.messages.peek().at(-1)?.id ?? 0
    if (last === this._lastShown) return
    const grew = last > this._lastShown
    this._lastShown = last
    if (!log || !grew) return
    // Measured in the next frame, with its layout: measuring here would lay out in the task that rendered the reply.
    void nextFrame().then(() => {
      const question = [...log.querySelectorAll<HTMLElement>('[data-from="visitor"]')].at(-1)
      // Read from the question down: a long answer from its start, a short one fully in view at the bottom.
      const bottom = log.scrollHeight - log.clientHeight
      log.scrollTop = question ? Math.min(bottom, question.offsetTop - 12) : bottom
    })
  }

  protected override template(): unknown {
    const { title, bookingUrl, bookingLabel, position, greeting, suggestions } = this._current
    const ctx = this._messageContext()
    const { messages, earlier, waiting, announcement } = this.store
    // Read here so that a new message renders; `updated()` puts the messages in place.
    void messages.value
    const { text, options, active, expanded } = this.typeahead
    const activeId = expanded.value && active.value >= 0 ? `opt${active.value}` : nothing
    return html`<section class="panel ${position}" part="panel" role="dialog" aria-modal="false" aria-labelledby="title" title="">
      <div class="head" part="header">
        <h2 id="title" part="title" title=${title}>${title}</h2>
        ${bookingUrl ? html`<a class="book" part="booking" href=${bookingUrl} @click=${() => ctx.booked('header')}>${bookingLabel}</a>` : nothing}
        <button type="button" class="icon" part="reset" aria-label="Start over" title="Start over" @click=${() => this._restart()}>
          <span class="re" aria-hidden="true"></span>
        </button>
        <button type="button" class="icon" part="close" aria-label="Close chat" @click=${() => this.host.close()}>
          <span class="x" aria-hidden="true"></span>
        </button>
      </div>
      <div class="log" part="log" role="region" aria-label="Conversation" tabindex="0">
        ${renderGreeting(greeting, this.store.starters(suggestions), ctx)}
        ${earlier.value > 0 ? html`<p class="note earlier" part="earlier">Earlier messages are not shown.</p>` : nothing}
        ${this._list.element}
        ${waiting.value > 0 ? html`<div class="typing" aria-hidden="true"><span></span><span></span><span></span></div>` : nothing}
      </div>
      <div class="composer" part="composer">
        <div class="field">
          <input part="input" type="text" role="combobox" aria-label="Your question" aria-autocomplete="list"
            aria-controls="suggestions" aria-expanded=${expanded.value ? 'true' : 'false'} aria-activedescendant=${activeId}
            autocomplete="off" enterkeyhint="send" maxlength="500" placeholder="Type your question…" dir="auto"
            .value=${text.value} @input=${(event: Event) => this.typeahead.input((event.target as HTMLInputElement).value)}
            @keydown=${this._onKeydown} @blur=${() => this.typeahead.dismiss()} />
          <ul id="suggestions" part="suggestions" role="listbox" aria-label="Suggested questions" ?hidden=${!expanded.value}>
            ${options.value.map(
              (option, index) => html`<li id="opt${index}" part="option" role="option" dir="auto" aria-selected=${index === active.value ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()} @click=${() => void this._choose(option)}>${option.question}</li>`,
            )}
          </ul>
        </div>
        <button type="button" class="send" part="send" aria-label="Send" @click=${() => this._send()}><span class="arrow" aria-hidden="true"></span></button>
      </div>
      <p class="disclaimer" part="disclaimer">Answers are general information, not medical advice.</p>
      <div class="sr" part="live" role="status" aria-live="polite">${announcement.value}</div>
    </section>`
  }

  private _restart(): void {
    this.reset()
    void this.focusInput()
  }
}

/**
 * Creates a hidden panel for `<frontdesk-chat>`, not yet in its shadow root (see {@link FrontdeskPanel.attach}),
 * and readies the launcher for when it is open: its styles, and the cross it then shows.
 */
export function createPanel(settings: Settings, host: PanelHost): FrontdeskPanel {
  const panel = new FrontdeskPanel()
  panel.host = host
  panel.store = createChatStore({
    kbUrl: () => panel.settings.kb,
    persistKey: settings.persist === 'session' ? `frontdesk:conversation:${settings.kb}` : null,
    loader: { started: host.kb },
  })
  panel.typeahead = createTypeahead((text) => panel.store.suggest(text))
  panel.settings = settings
  const { element } = panel
  element.id = 'panel'
  element.hidden = true
  element.setAttribute('exportparts', PANEL_PARTS.join(','))
  const cross = host.launcher.appendChild(document.createElement('span'))
  cross.className = 'x'
  cross.setAttribute('aria-hidden', 'true')
  adoptStyles(host.root, openLauncherStyles)
  return panel
}
