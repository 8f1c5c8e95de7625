// @vitest-environment happy-dom
/**
 * Following the visible area: under 480 px the panel is placed over what the on-screen keyboard leaves visible, with
 * one rule in a stylesheet of the panel's shadow root; wider, nothing is written.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { viewportFollower } from '../../../widget/frontdesk-panel/viewport.ts'

/** A page `width` px wide whose visible area is `height` px tall, with a shadow root to follow it in. */
function page(width: number, height = 700): { viewport: EventTarget & { offsetTop: number; height: number }; root: ShadowRoot } {
  const viewport = Object.assign(new EventTarget(), { offsetTop: 0, height })
  Object.defineProperty(window, 'visualViewport', { value: viewport, configurable: true })
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: /max-width:479\.98px/.test(query) && width < 480 }))
  const root = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' })
  return { viewport, root }
}

const rules = (root: ShadowRoot): string => root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join(' ')
/** Past the next frame (or its 100 ms fallback) and the task after it. */
const afterFirstFrame = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200))

afterEach(() => {
  vi.unstubAllGlobals()
  Reflect.deleteProperty(window, 'visualViewport')
})

describe('viewportFollower', () => {
  it('on a phone, places the panel over the visible area after the first frame, not in the task that opens it', async () => {
    const { root } = page(375)
    viewportFollower(root)(true)
    expect(rules(root)).toBe('')
    await afterFirstFrame()
    expect(rules(root)).toMatch(/top: ?0px;.*height: ?700px/)
  })

  it('follows the visible area as the keyboard opens', async () => {
    const { viewport, root } = page(375)
    viewportFollower(root)(true)
    await afterFirstFrame()
    Object.assign(viewport, { offsetTop: 40, height: 380 })
    viewport.dispatchEvent(new Event('resize'))
    expect(rules(root)).toMatch(/top: ?40px;.*height: ?380px/)
  })

  it('on closing, drops the rule, so the next open starts with the panel covering the screen', async () => {
    const { viewport, root } = page(375)
    const follow = viewportFollower(root)
    follow(true)
    await afterFirstFrame()
    follow(false)
    expect(rules(root)).toBe('')
    Object.assign(viewport, { height: 300 })
    viewport.dispatchEvent(new Event('resize'))
    expect(rules(root), 'no longer following').toBe('')
  })

  it('on a wider screen, where the rule applies to nothing, writes none', async () => {
    const { viewport, root } = page(1280)
    viewportFollower(root)(true)
    await afterFirstFrame()
    viewport.dispatchEvent(new Event('resize'))
    expect(rules(root)).toBe('')
  })
})
