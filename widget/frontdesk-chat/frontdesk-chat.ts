/**
 * `<frontdesk-chat>`: the launcher, the element a page holds and the widget's whole public surface.
 *
 * Why no Lit here: everything in this file loads before a visitor touches the widget, and its budget is 3 KB
 * gzipped while Lit alone is about 6. So the launcher is a plain custom element; the chat (Lit, signals, the
 * engine) is a separate chunk. When the visitor shows intent (the pointer over the launcher, focus on it, a touch),
 * the chunk and `kb.json` load and the chat is built, hidden, in idle time, so the click finds it ready.
 * What can only happen once the chunk is in is done by the chunk (`FrontdeskPanel`): showing and hiding the
 * panel, the launcher's look while it is open, every event. What must work before it is here: the settings and
 * their checks, the public API, the intent that loads the chunk.
 */
import { FrontdeskBookingEvent, FrontdeskCloseEvent, FrontdeskFeedbackEvent, FrontdeskOpenEvent, FrontdeskReplyEvent } from '../events.ts'
import { attributeName, defaultSettings, parseSetting, SETTING_NAMES, type SettingName, type Settings } from '../settings.ts'
import type { FrontdeskPanel } from '../frontdesk-panel/frontdesk-panel.ts'
import type { KbRequest } from '../state/kb-loader.ts'
import { css } from './styles.ts'

type PanelModule = typeof import('../frontdesk-panel/frontdesk-panel.ts')

let chunk: Promise<PanelModule> | undefined

/** Loads the chat chunk once; a failed load may be tried again. */
export function loadPanel(): Promise<PanelModule> {
  chunk ??= import('../frontdesk-panel/frontdesk-panel.ts').catch((error: unknown) => {
    chunk = undefined
    throw error
  })
  return chunk
}

/** The likely cause of a failed chunk load, for the console. */
function whyNoChunk(error: unknown): string {
  // lit-html creates the Trusted Types policy "lit-html" when the chunk starts; a page's CSP may refuse it.
  return /trusted ?type/i.test(String(error))
    ? 'the page\'s Trusted Types policy must allow "lit-html" (CSP: trusted-types lit-html)'
    : 'is the chunks/ folder deployed beside frontdesk.js?'
}

/** The visitor asked the browser to save data (`Save-Data`): nothing loads before they open the chat. */
const savingData = (): boolean => (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true

/** Runs `callback` once the page is idle (soon, where the browser cannot tell). */
const whenIdle = (callback: () => void): unknown => (window.requestIdleCallback ?? setTimeout)(callback)

const BY_ATTRIBUTE = new Map(SETTING_NAMES.map((name) => [attributeName(name), name]))

/** Adds a replaceable stylesheet to `root`: constructable (CSP-safe) where supported, else a `<style>`. */
function addSheet(root: ShadowRoot): (text: string) => void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    return (text) => sheet.replaceSync(text)
  }
  const style = root.appendChild(document.createElement('style'))
  return (text) => void (style.textContent = text)
}

/**
 * The Frontdesk chat widget. Settings are attributes (`booking-url`), `data-*` on the script tag, or properties
 * (`bookingUrl`); see `widget/settings.ts`. The attribute `open` opens it at start; as a property, `open` is the
 * method and `isOpen` tells the state. Methods: `open()`, `close()`, `toggle()`, `ask(text)`, `reset()` and
 * `destroy()`, which closes the chat and takes the widget out of the page.
 *
 * @fires frontdesk-open - The panel opened (`detail` null).
 * @fires frontdesk-close - The panel closed (`detail` null).
 * @fires frontdesk-reply - A reply was shown: `detail` is `{ question, kind, pairId, confidence }`.
 * @fires frontdesk-booking - A booking link was clicked: `detail` is `{ from, href }`.
 * @fires frontdesk-feedback - "Did this answer your question?" was answered: `detail` is `{ pairId, helpful }`.
 *
 * @csspart launcher - The button that opens the chat: a pill with "Questions?", a round icon under 480 px.
 * @csspart panel - The chat window; its inner parts are listed in `frontdesk-panel.ts` and exported here.
 *
 * @cssprop --frontdesk-accent - Buttons, header and visitor messages. Default a calm blue.
 * @cssprop --frontdesk-on-accent - Text on the accent colour. Default white.
 * @cssprop --frontdesk-font - The font family.
 * @cssprop --frontdesk-radius - The panel's corner radius.
 * @cssprop --frontdesk-z-index - Stacking of the launcher and panel.
 * @cssprop --frontdesk-offset-x - Distance from the left or right edge.
 * @cssprop --frontdesk-offset-y - Distance from the bottom edge.
 */
export class FrontdeskChat extends HTMLElement {
  static readonly observedAttributes = [...BY_ATTRIBUTE.keys(), 'open']
  /** Marks Frontdesk's own class, to tell another copy of the widget from a page's own `frontdesk-chat`. */
  static readonly frontdesk = true

  private _settings: Settings = defaultSettings()
  private readonly _provided = new Set<SettingName>()
  private readonly _root: ShadowRoot
  private readonly _launcher: HTMLButtonElement
  private readonly _setAccent: (text: string) => void
  /** The chat, once its chunk is in. */
  private _panel: FrontdeskPanel | null = null
  /** Open was asked for (the chunk may still be loading). */
  private _wanted = false
  private _checked = false
  /** The `preload="idle"` start waiting for the page's `load` event, if it still is. */
  private _onLoad: (() => void) | null = null
  /** `kb.json`, requested beside the chunk rather than after it: on a slow network, one round trip instead of two. */
  private _kb: KbRequest | null = null

  constructor() {
    super()
    const root = (this._root = this.attachShadow({ mode: 'open' }))
    const button = (this._launcher = document.createElement('button'))
    button.type = 'button'
    button.className = 'l'
    button.setAttribute('part', 'launcher')
    button.setAttribute('aria-expanded', 'false')
    // `title=""`: a `title` setting on the host would otherwise show as a tooltip over the whole widget.
    button.title = ''
    // The speech bubble and "Questions?"; the cross shown while open comes with the chunk.
    for (const name of ['b', 't']) {
      const span = button.appendChild(document.createElement('span'))
      span.className = name
      if (name === 't') span.textContent = 'Questions?'
      else span.setAttribute('aria-hidden', 'true')
    }
    root.append(button)
    addSheet(root)(css)
    this._setAccent = addSheet(root)
    for (const type of ['pointerenter', 'focus', 'touchstart']) button.addEventListener(type, () => this._warm(), { passive: true })
    button.addEventListener('click', () => void (this._wanted ? this._hide(true) : this._show(true)))
    root.addEventListener('keydown', (event) => {
      // The panel marks an Escape it used itself (closing the suggestions) with preventDefault.
      if ((event as KeyboardEvent).key === 'Escape' && this._wanted && !event.defaultPrevented) this._hide(true)
    })
    this._apply()
  }

  connectedCallback(): void {
    this._panel?.connect()
    // Properties set before the element was defined sit on the instance and would hide the accessors.
    for (const name of SETTING_NAMES) {
      if (this.hasOwnProperty(name)) {
        const value: unknown = this[name]
        delete (this as Partial<Record<SettingName, unknown>>)[name]
        this._setSetting(name, value)
      }
    }
    // Only on the first insertion: moving the element around the page is not a new start.
    if (this._checked) return
    this._checked = true
    // Once the running script has finished, so attributes and properties set right after insertion count.
    queueMicrotask(() => {
      // The clinic opted in to loading the chat before any intent, once the page has loaded and is idle.
      if (this._settings.preload === 'idle') {
        const later = (): void => {
          this._onLoad = null
          whenIdle(() => this._warm())
        }
        if (document.readyState === 'complete') later()
        else addEventListener('load', (this._onLoad = later), { once: true })
      }
      if (this._provided.has('bookingUrl')) return
      console.error(
        'Frontdesk: the booking-url setting is missing. Add data-booking-url="https://…" to the script tag ' +
          '(or booking-url="…" to <frontdesk-chat>). Until then visitors are only offered the phone number.',
      )
    })
    if (this.hasAttribute('open')) void this._show(false)
  }

  disconnectedCallback(): void {
    this._panel?.disconnect()
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'open') {
      if (this.isConnected) void (value === null ? this._hide(false) : this._show(false))
      return
    }
    const setting = BY_ATTRIBUTE.get(name)
    if (setting) this._setSetting(setting, value)
  }

  /** True while the panel is open. */
  get isOpen(): boolean {
    return this._panel?.isOpen ?? false
  }

  /** Opens the panel with focus in the question field. Loads the chat and `kb.json` the first time. */
  open(): Promise<void> {
    return this._show(true)
  }

  /** Closes the panel; focus returns to the launcher if it was inside the panel. */
  close(): void {
    this._hide(false)
  }

  /** Opens or closes the panel. */
  async toggle(): Promise<void> {
    if (this._wanted) this._hide(false)
    else await this._show(true)
  }

  /** Opens the panel (without moving focus) and asks a question as if the visitor typed it. */
  async ask(text: string): Promise<void> {
    await this._show(false)
    // Not in an element taken out of the page while the chat was loading (`destroy()`): nobody is there to read it.
    if (this.isConnected) await this._panel?.ask(String(text ?? ''))
  }

  /**
   * Closes the panel if it is open (`frontdesk-close` fires) and takes the element out of the page, leaving nothing
   * running: what leaving the page stops (rendering, following the visible area) stops, and what is still on its way
   * (the chat's code, a pending `open()` or `ask()`, an idle-time preload) finds the element gone and does nothing.
   * A `kb.json` request already sent is left unread, for the browser to drop with the element.
   */
  destroy(): void {
    this.close()
    if (this._onLoad) removeEventListener('load', this._onLoad)
    this.remove()
  }

  /** Clears the conversation, including a persisted one. */
  async reset(): Promise<void> {
    const panel = this._panel ?? (this._settings.persist ? await this._ensurePanel().catch(() => null) : null)
    panel?.reset()
  }

  private _setSetting(name: SettingName, raw: unknown): void {
    if (raw == null) this._provided.delete(name)
    else this._provided.add(name)
    this._settings = { ...this._settings, [name]: parseSetting(name, raw) }
    this._apply()
  }

  private _apply(): void {
    const { title, position, accent } = this._settings
    this._launcher.setAttribute('aria-label', `Open chat: ${title}`)
    this._launcher.classList.toggle('left', position === 'left')
    // Validated by `isColor`, so the value cannot end the rule.
    this._setAccent(accent ? `:host{--frontdesk-accent:${accent}}` : '')
    if (this._panel) this._panel.settings = this._settings
  }

  /**
   * The visitor may open the chat soon: load the chunk and the knowledge base together, then, in idle time, build
   * the hidden panel. Not when they save data: then everything waits for the click.
   */
  private _warm(): void {
    // An idle-time preload may come once the element has left the page (`destroy()`).
    if (this._panel || savingData() || !this.isConnected) return
    this._requestKb()
    void this._ensurePanel(false)
      .then((panel) => {
        // Nor once it left the page while the chunk was loading: a chat built there would be work for nobody.
        if (!this.isConnected) return
        panel.preload()
        // Rendered in a task of its own: the chunk has just run in this one.
        whenIdle(() => void panel.attach())
      })
      // A failed load is reported, and tried again, when the visitor opens the chat.
      .catch(() => {})
  }

  /** Starts loading `kb.json` for the panel to come; the panel's loader checks and builds it, or reports its failure. */
  private _requestKb(): void {
    const href = this._settings.kb
    if (this._panel || this._kb?.href === href) return
    // No credentials, as the loader's own requests; low priority, so the chat's code, needed first, comes first.
    const response = fetch(href, { credentials: 'omit', priority: 'low' })
    // Handled by the loader that takes it; a chunk that never arrives must not leave an unhandled rejection.
    response.catch(() => {})
    this._kb = { href, response }
  }

  /** The panel, created once the chunk is in; `attach`: in the page too (rendered and laid out, hidden). */
  private async _ensurePanel(attach = true): Promise<FrontdeskPanel> {
    if (!this._panel) {
      const { createPanel } = await loadPanel()
      // Another call may have created it while the chunk was loading.
      this._panel ??= createPanel(this._settings, {
        chat: this,
        root: this._root,
        launcher: this._launcher,
        events: {
          open: FrontdeskOpenEvent,
          close: FrontdeskCloseEvent,
          reply: FrontdeskReplyEvent,
          booking: FrontdeskBookingEvent,
          feedback: FrontdeskFeedbackEvent,
        },
        close: () => this._hide(true),
        kb: this._kb,
      })
      // Handed over: the panel's loader owns it now.
      this._kb = null
      // The chunk may have run in this very task (on a click without intent first): render in the next one, so that
      // neither makes a long task on a slow phone.
      if (attach) await new Promise((resolve) => setTimeout(resolve))
    }
    // Not into an element taken out of the page meanwhile (`destroy()`); the next open attaches it.
    if (attach && this.isConnected) await this._panel.attach()
    return this._panel
  }

  private async _show(focus: boolean): Promise<void> {
    this._wanted = true
    let panel: FrontdeskPanel
    this._requestKb()
    try {
      panel = await this._ensurePanel()
    } catch (error) {
      this._wanted = this.isOpen
      console.error(`Frontdesk: could not load the chat; ${whyNoChunk(error)}`, error)
      return
    }
    // Not when it was closed while the chunk was loading, nor in an element taken out of the page meanwhile: there it
    // would follow the visible area and tell the page, with nothing to show; the open is forgotten instead.
    if (this._wanted && this.isConnected) await panel.open(focus)
    else this._wanted = this.isOpen
  }

  private _hide(focusLauncher: boolean): void {
    this._wanted = false
    this._panel?.close(focusLauncher)
  }
}

/** The settings as properties, defined once on the prototype: `chat.bookingUrl = '…'` reads like the attribute. */
for (const name of SETTING_NAMES) {
  Object.defineProperty(FrontdeskChat.prototype, name, {
    configurable: true,
    enumerable: true,
    get(this: FrontdeskChat) {
      return (this as unknown as { _settings: Settings })._settings[name]
    },
    set(this: FrontdeskChat, value: unknown) {
      ;(this as unknown as { _setSetting(name: SettingName, value: unknown): void })._setSetting(name, value)
    },
  })
}

// The accessors above, for TypeScript.
export interface FrontdeskChat extends Settings {}

declare global {
  interface HTMLElementTagNameMap {
    'frontdesk-chat': FrontdeskChat
  }
}
