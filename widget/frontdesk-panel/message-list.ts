/**
 * The conversation in the DOM, one element per message, each rendered on its own: adding a message renders that
 * message only, and dropping the oldest removes its element only. (lit-html matches an array's items by position,
 * so dropping the first message would render every other one again, and its keyed `repeat` costs 0.8 kB gzipped.)
 */
import { render } from 'lit/html.js'

/** A container element kept in step with a list of messages. */
export class MessageList<M extends { id: number }> {
  /** The container: its children are the messages' elements, in order. */
  readonly element: HTMLElement = document.createElement('div')
  private _shown = new Map<number, [message: M, element: HTMLElement]>()
  private _context: unknown

  /**
   * @param template The template of one message.
   * @param host What `this` is in the templates' event listeners.
   */
  constructor(
    private readonly _template: (message: M) => unknown,
    private readonly _host: object,
  ) {
    this.element.className = 'msgs'
  }

  /**
   * Brings the container in step with `messages` (ids ascending; new ones come last). A message is rendered again
   * only when its object changed, or every one when `context` (what templates read besides the message) did. A
   * message whose template throws is left out, and the rest are shown.
   */
  sync(messages: readonly M[], context: unknown): void {
    const everything = context !== this._context
    this._context = context
    const ids = new Set(messages.map((message) => message.id))
    for (const [id, [, element]] of this._shown) {
      if (!ids.has(id)) {
        element.remove()
        this._shown.delete(id)
      }
    }
    for (const message of messages) {
      const entry = this._shown.get(message.id)
      if (entry?.[0] === message && !everything) continue
      const element = entry?.[1] ?? this.element.appendChild(document.createElement('div'))
      this._shown.set(message.id, [message, element])
      try {
        render(this._template(message), element, { host: this._host })
      } catch (error) {
        // Left out, in a fresh element: lit-html's state in this one may be half-updated.
        const empty = document.createElement('div')
        element.replaceWith(empty)
        this._shown.set(message.id, [message, empty])
        console.error('Frontdesk: a message could not be shown', error)
      }
    }
  }
}
