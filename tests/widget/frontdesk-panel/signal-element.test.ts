// @vitest-environment happy-dom
/**
 * The panel's base class: signals-driven rendering of lit-html templates into a shadow root, batched per microtask,
 * stopped while the element is out of the document, with its styles in a shared constructable stylesheet.
 */
import { signal } from '@preact/signals-core'
import { html } from 'lit/html.js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SignalElement } from '../../../widget/frontdesk-panel/signal-element.ts'

const count = signal(0)
const label = signal('a')

class TestElement extends SignalElement {
  static override styles = '.n{color:red}'
  renders = 0
  updates = 0
  clicks = 0
  extra = ''
  protected override template(): unknown {
    this.renders++
    return html`<button class="n" @click=${this.onClick}>${label.value}${count.value}${this.extra}</button>`
  }
  protected override updated(): void {
    this.updates++
  }
  // `this` is the element: the template binds listeners to it.
  private onClick(): void {
    this.clicks++
  }
}
customElements.define('test-signal-element', TestElement)

const create = (): TestElement => document.body.appendChild(document.createElement('test-signal-element') as TestElement)
const shown = (element: TestElement): string => element.renderRoot.querySelector('button')!.textContent ?? ''

afterEach(() => {
  document.body.replaceChildren()
  count.value = 0
  label.value = 'a'
})

describe('SignalElement', () => {
  it('renders into an open shadow root once connected, and updateComplete waits for it', async () => {
    const element = create()
    expect(element.shadowRoot).toBe(element.renderRoot)
    expect(element.renderRoot.querySelector('button')).toBeNull()
    await element.updateComplete
    expect(shown(element)).toBe('a0')
    expect([element.renders, element.updates]).toEqual([1, 1])
  })

  it('renders again when a signal the template read changes: once for changes made in the same task', async () => {
    const element = create()
    await element.updateComplete
    count.value = 1
    label.value = 'b'
    count.value = 2
    await element.updateComplete
    expect(shown(element)).toBe('b2')
    expect(element.renders).toBe(2)
    // Unrelated signals do not render.
    signal(0).value = 1
    await element.updateComplete
    expect(element.renders).toBe(2)
  })

  it('requestUpdate renders changes that are not signals', async () => {
    const element = create()
    await element.updateComplete
    element.extra = '!'
    element.requestUpdate()
    element.requestUpdate()
    await element.updateComplete
    expect(shown(element)).toBe('a0!')
    expect(element.renders).toBe(2)
  })

  it('binds listeners to the element', async () => {
    const element = create()
    await element.updateComplete
    element.renderRoot.querySelector('button')!.click()
    expect(element.clicks).toBe(1)
  })

  it('stops rendering when removed, and resumes in the same DOM when added back, without doubled listeners', async () => {
    const element = create()
    await element.updateComplete
    const button = element.renderRoot.querySelector('button')
    element.remove()
    // Unsubscribed: a change while out of the document does not even schedule a render.
    const requestUpdate = vi.spyOn(element, 'requestUpdate')
    count.value = 5
    expect(requestUpdate).not.toHaveBeenCalled()
    requestUpdate.mockRestore()
    expect(element.renders).toBe(1)
    document.body.append(element)
    await element.updateComplete
    expect(shown(element)).toBe('a5')
    expect(element.renderRoot.querySelector('button')).toBe(button)
    count.value = 6
    await element.updateComplete
    expect(shown(element)).toBe('a6')
    expect(element.renders).toBe(3)
    button!.click()
    expect(element.clicks).toBe(1)
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
