/**
 * The panel's base class: a custom element that renders a lit-html template into its shadow root, and renders
 * again whenever a signal the template read changes.
 */
import { effect } from '@preact/signals-core'
import { render } from 'lit/html.js'

/** Constructable stylesheets by their CSS text, shared by every element with the same styles. */
const sheets = new Map<string, CSSStyleSheet>()

/**
 * A minimal stand-in for `LitElement` + `SignalWatcher`, for the size budget: the whole widget must stay within
 * 25 kB gzipped, and `@lit/reactive-element`, `lit-element` and `@lit-labs/preact-signals` together cost about
 * 3.5 kB gzipped of it (measured with esbuild's metafile: 6.1 + 1.3 + 0.8 + 0.4 kB minified), for reactive
 * properties, decorators and an update lifecycle the panel does not use, since its state lives in signals.
 * What it keeps: lit-html templates (`render` and the `html` tag: text always in text nodes, listeners bound to
 * the element) and rendering driven by signals.
 *
 * - An open shadow root with `styles` adopted as a constructable stylesheet shared by every instance: no
 *   `<style>` element, so a strict Content-Security-Policy is fine. Browsers without constructable stylesheets
 *   get a `<style>`, as Lit gives them.
 * - `template()` runs inside an `effect()` of `@preact/signals-core`, so every signal it reads is tracked; a
 *   change schedules one render in a microtask, however many signals change in the same task.
 * - {@link requestUpdate} schedules a render for changes that are not signals; {@link updateComplete} settles once
 *   the scheduled render is done; {@link updated} runs after each render.
 * - Rendering starts on connection and stops on disconnection, where the effect is disposed: an element removed
 *   and added back renders into the same DOM again (lit-html keeps it), with no doubled listeners or subscriptions.
 */
export abstract class SignalElement extends HTMLElement {
  /** The element's styles, as CSS text. */
  static styles = ''

  /** Settles once the scheduled render, if any, is done. */
  updateComplete: Promise<void> = Promise.resolve()
  readonly renderRoot: ShadowRoot = this.attachShadow({ mode: 'open' })
  private dispose: (() => void) | undefined
  private pending = false

  constructor() {
    super()
    const css = (this.constructor as typeof SignalElement).styles
    const root = this.renderRoot
    if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
      let sheet = sheets.get(css)
      if (!sheet) {
        sheet = new CSSStyleSheet()
        sheet.replaceSync(css)
        sheets.set(css, sheet)
      }
      root.adoptedStyleSheets = [sheet]
    } else {
      root.appendChild(document.createElement('style')).textContent = css
    }
  }

  /** What to render; a change of any signal it reads renders again. */
  protected abstract template(): unknown

  /** Runs after each render. */
  protected updated(): void {}

  /** Schedules a render in a microtask; requests made before it runs share it. */
  requestUpdate(): void {
    if (this.pending) return
    this.pending = true
    this.updateComplete = Promise.resolve().then(() => this.update())
  }

  connectedCallback(): void {
    this.requestUpdate()
  }

  disconnectedCallback(): void {
    this.dispose?.()
    this.dispose = undefined
  }

  private update(): void {
    this.pending = false
    if (!this.isConnected) return
    this.dispose?.()
    let first = true
    // The first run renders, subscribing to every signal the template read; any later run means one changed.
    this.dispose = effect(() => {
      if (!first) return this.requestUpdate()
      first = false
      render(this.template(), this.renderRoot, { host: this })
    })
    this.updated()
  }
}
