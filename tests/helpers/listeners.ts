/** The watch {@link watchListeners} starts. */
export interface ListenerWatch {
  /** The listeners added since the watch began and not removed, as "target type" ("window load"). */
  left(): string[]
  /** Puts the page's own methods back. */
  stop(): void
}

/**
 * Watches the listeners added to `window`, `document` and `window.visualViewport` (when there is one) from now on.
 * Self-contained, without imports or outside names, so that a browser test can run it in the page
 * (`page.evaluate(watchListeners)`); there it also leaves `left` as `window.__listenersLeft`, to be read later.
 */
export function watchListeners(): ListenerWatch {
  const names = new Map<EventTarget, string>([
    [window, 'window'],
    [document, 'document'],
  ])
  if (window.visualViewport) names.set(window.visualViewport, 'visualViewport')
  const live: { target: EventTarget; type: string; listener: unknown }[] = []
  const restore: (() => void)[] = []
  // Where the window has methods of its own (happy-dom binds them, and the widget calls them bare:
  // `addEventListener('load', …)`), they are watched too; in a browser it has EventTarget's alone.
  const owners: [owner: EventTarget, target: EventTarget | null][] = [[EventTarget.prototype, null]]
  if (Object.prototype.hasOwnProperty.call(window, 'addEventListener')) owners.push([window, window])
  for (const [owner, bound] of owners) {
    const { addEventListener, removeEventListener } = owner
    owner.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      const target = bound ?? this
      if (names.has(target)) live.push({ target, type, listener })
      addEventListener.call(this, type, listener, options)
    }
    owner.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      const target = bound ?? this
      const index = live.findIndex((entry) => entry.target === target && entry.type === type && entry.listener === listener)
      if (index >= 0) live.splice(index, 1)
      removeEventListener.call(this, type, listener, options)
    }
    restore.push(() => Object.assign(owner, { addEventListener, removeEventListener }))
  }
  const left = (): string[] => live.map(({ target, type }) => `${names.get(target)} ${type}`)
  Object.defineProperty(window, '__listenersLeft', { value: left, configurable: true })
  return { left, stop: () => restore.forEach((undo) => undo()) }
}
