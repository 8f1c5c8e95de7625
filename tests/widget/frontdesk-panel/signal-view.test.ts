// @vitest-environment happy-dom
/**
 * The panel's base class: signals-driven rendering of lit-html templates into the shadow root of a plain `<div>`,
 * batched per microtask, stopped while the element is out of the document, with its styles in a shared
 * constructable stylesheet, and no name in the page's custom element registry.
 */
import { signal } from '@preact/signals-core'
import { html } from 'lit/html.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SignalView } from '../../../widget/frontdesk-panel/signal-view.ts'

const count = signal(0)
const label = signal('a')

class TestView extends SignalView {
  static override styles = '.n{color:red}'
  renders = 0
  updates = 0
  clicks = 0
  extra = ''
  fail = false
  protected override template(): unknown {
    this.renders++
    if (this.fail) throw new Error('broken template')
    return html`<button class="n" @click=${this.onClick}>${label.value}${count.value}${this.extra}</button>`
  }
  protected override updated(): void {
    this.updates++
  }
  // `this` is the view: the template binds listeners to it.
  private onClick(): void {
    this.clicks++
  }
}

/** A view inserted into the page, as `<frontdesk-chat>` does it. */
function create(): TestView {
  const view = new TestView()
  document.body.append(view.element)
  view.connect()
  return view
}
const shown = (view: TestView): string => view.renderRoot.querySelector('button')!.textContent ?? ''

afterEach(() => {
  document.body.replaceChildren()
  count.value = 0
  label.value = 'a'
  vi.restoreAllMocks()
})

describe('SignalView', () => {
  it('renders into the open shadow root of a plain <div> once connected, and updateComplete waits for it', async () => {
    const view = create()
    expect(view.element.tagName).toBe('DIV')
    expect(view.element.shadowRoot).toBe(view.renderRoot)
    expect(view.renderRoot.querySelector('button')).toBeNull()
    await view.updateComplete
    expect(shown(view)).toBe('a0')
    expect([view.renders, view.updates]).toEqual([1, 1])
  })

  it('renders again when a signal the template read changes: once for changes made in the same task', async () => {
    const view = create()
    await view.updateComplete
    count.value = 1
    label.value = 'b'
    count.value = 2
    await view.updateComplete
    expect(shown(view)).toBe('b2')
    expect(view.renders).toBe(2)
    // Unrelated signals do not render.
    signal(0).value = 1
    await view.updateComplete
    expect(view.renders).toBe(2)
  })

  it('requestUpdate renders changes that are not signals', async () => {
    const view = create()
    await view.updateComplete
    view.extra = '!'
    view.requestUpdate()
    view.requestUpdate()
    await view.updateComplete
    expect(shown(view)).toBe('a0!')
    expect(view.renders).toBe(2)
  })

  it('binds listeners to the view', async () => {
    const view = create()
    await view.updateComplete
    view.renderRoot.querySelector('button')!.click()
    expect(view.clicks).toBe(1)
  })

  it('renders nothing while its element is outside the document', async () => {
    const view = new TestView()
    view.connect()
    await view.updateComplete
    expect(view.renders).toBe(0)
  })

  it('stops rendering on disconnect, and resumes in the same DOM on connect, without doubled listeners', async () => {
    const view = create()
    await view.updateComplete
    const button = view.renderRoot.querySelector('button')
    view.element.remove()
    view.disconnect()
    // Unsubscribed: a change while out of the document does not even schedule a render.
    const requestUpdate = vi.spyOn(view, 'requestUpdate')
    count.value = 5
    expect(requestUpdate).not.toHaveBeenCalled()
    requestUpdate.mockRestore()
    expect(view.renders).toBe(1)
    document.body.append(view.element)
    view.connect()
    await view.updateComplete
    expect(shown(view)).toBe('a5')
    expect(view.renderRoot.querySelector('button')).toBe(button)
    count.value = 6
    await view.updateComplete
    expect(shown(view)).toBe('a6')
    expect(view.renders).toBe(3)
    button!.click()
    expect(view.clicks).toBe(1)
  })

  it('reports a template that throws on the console, throws nothing, and renders again once it works', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const view = create()
    view.fail = true
    await view.updateComplete
    expect(error).toHaveBeenCalledWith('Frontdesk: could not show the chat', expect.any(Error))
    view.fail = false
    view.requestUpdate()
    await view.updateComplete
    expect(shown(view)).toBe('a0')
  })

  it('adopts its styles as one constructable stylesheet, shared by every instance, with no <style> element', async () => {
    const [first, second] = [create(), create()]
    await Promise.all([first.updateComplete, second.updateComplete])
    expect(first.renderRoot.adoptedStyleSheets).toHaveLength(1)
    expect(second.renderRoot.adoptedStyleSheets[0]).toBe(first.renderRoot.adoptedStyleSheets[0])
    expect([...first.renderRoot.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('')).toContain('.n')
    expect(first.renderRoot.querySelector('style')).toBeNull()
  })
})
