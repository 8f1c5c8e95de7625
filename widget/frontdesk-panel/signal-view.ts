/**
 * The panel's base class: lit-html templates rendered into the shadow root of a plain `<div>`, and rendered again
 * whenever a signal the template read changes.
 */
import { effect } from '@preact/signals-core'
import { render } from 'lit/html.js'

/** Constructable stylesheets by their CSS text, shared by every root with the same styles. */
const sheets = new Map<string, CSSStyleSheet>()

/**
 * Adds `css` to the styles of `root`: a constructable stylesheet (no `<style>` element, so a strict
 * Content-Security-Policy is fine), or a `<style>` in browsers without them, as Lit does.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css)
    if (!sheet) {
      sheet = new CSSStyleSheet()
      sheet.replaceSync(css)
      sheets.set(css, sheet)
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
  } else {
    root.appendChild(document.createElement('style')).textContent = css
  }
}

/**
 * A minimal stand-in for `LitElement` + `SignalWatcher`, for the size budget (README, "Speed and size"):
 * `@lit/reactive-element`, `lit-element` and `@lit-labs/preact-signals` together cost about 3.5 kB gzipped
 * (measured with esbuild's metafile: 6.1 + 1.3 + 0.8 + 0.4 kB minified), for reactive
 * properties, decorators and an update lifecycle the panel does not use, since its state lives in signals.
 * What it keeps: lit-html templates (`render` and the `html` tag: text always in text nodes, listeners bound to
 * the view) and rendering driven by signals.
 *
 * Not a custom element: that needs a name in the page's one global registry, which the page may already use (a page
 * defining `frontdesk-panel` got `TypeError: s.activate is not a function`) or define later (and then its own
 * script would throw). A `<div>` with a shadow root gives the same encapsulation with no name to collide on.
 *
 * - {@link element} is the `<div>` to insert; its open shadow root ({@link renderRoot}) adopts `styles` as a
 *   constructable stylesheet shared by every instance: no `<style>` element, so a strict Content-Security-Policy is
 *   fine. Browsers without constructable stylesheets get a `<style>`, as Lit gives them.
 * - `template()` runs inside an `effect()` of `@preact/signals-core`, so every signal it reads is tracked; a
 *   change schedules one render in a microtask, however many signals change in the same task.
 * - {@link requestUpdate} schedules a render for changes that are not signals; {@link updateComplete} settles once
 *   the scheduled render is done; {@link updated} runs after each render.
 * - Rendering runs while the element is in the document. The holder calls {@link disconnect} when it leaves (the
 *   effect is disposed) and {@link connect} when it is back: rendering resumes into the same DOM (lit-html keeps
 *   it), with no doubled listeners or subscriptions.
 * - A template that throws is reported on the console; nothing is thrown into the page.
 */
export abstract class SignalView {
  /** The view's styles, as CSS text. */
  static styles = ''

  /** The element to insert into the page. */
  readonly element: HTMLDivElement = document.createElement('div')
  readonly renderRoot: ShadowRoot = this.element.attachShadow({ mode: 'open' })
  /** Settles once the scheduled render, if any, is done. */
  updateComplete: Promise<void> = Promise.resolve()
  private _dispose: (() => void) | undefined
  private _pending = false

  constructor() {
    adoptStyles(this.renderRoot, (this.constructor as typeof SignalView).styles)
  }

  /** What to render; a change of any signal it reads renders again. */
  protected abstract template(): unknown

  /** Runs after each render. */
  protected updated(): void {}

  /** Schedules a render in a microtask; requests made before it runs share it. */
  requestUpdate(): void {
    if (this._pending) return
    this._pending = true
    this.updateComplete = Promise.resolve().then(() => this._update())
  }

  /** The element was inserted into the document (again): render. */
  connect(): void {
    this.requestUpdate()
  }

  /** The element left the document: stop rendering until {@link connect}. */
  disconnect(): void {
    this._dispose?.()
    this._dispose = undefined
  }

  private _update(): void {
    this._pending = false
    if (!this.element.isConnected) return
    this._dispose?.()
    let first = true
    // The first run renders, subscribing to every signal the template read; any later run means one changed.
    this._dispose = effect(() => {
      if (!first) return this.requestUpdate()
      first = false
      try {
        render(this.template(), this.renderRoot, { host: this })
      } catch (error) {
        console.error('Frontdesk: could not show the chat', error)
      }
    })
    this.updated()
  }
}
