/**
 * Under 480 px the panel covers the screen. While it is open, it follows the visible area (`visualViewport`), so
 * the question field stays above the on-screen keyboard: a stylesheet of its own in the panel's shadow root holds
 * the one rule that places it.
 */
import { later, nextFrame } from '../state/idle.ts'

/**
 * Where the panel covers the screen, and so where the rule applies. The styles write the same media query as CSS
 * text, which the build minifies, so they cannot share this constant: a test holds all three to it.
 */
export const NARROW = '(max-width:479.98px)'

/** Returns the switch that starts (on open) and stops (on close) following the visible area for the panel in `root`. */
export function viewportFollower(root: ShadowRoot): (on: boolean) => void {
  let sheet: CSSStyleSheet | null = null
  let rule = ''
  let narrow: MediaQueryList | null = null
  const place = (): void => {
    const viewport = window.visualViewport
    if (!viewport || !sheet) return
    // Wider, the rule applies to nothing: writing it would only have every style in the panel computed again.
    if (!(narrow ??= matchMedia(NARROW)).matches) return
    const next = `@media ${NARROW}{.panel{top:${Math.round(viewport.offsetTop)}px;height:${Math.round(viewport.height)}px}}`
    // Only a change: any new rule has every style in the panel computed again, on the click that opens it too.
    if (next !== rule) sheet.replaceSync((rule = next))
  }
  return (on) => {
    const viewport = window.visualViewport
    if (!viewport || !('adoptedStyleSheets' in root)) return
    for (const type of ['resize', 'scroll']) {
      if (on) viewport.addEventListener(type, place)
      else viewport.removeEventListener(type, place)
    }
    if (!on) {
      // The next open starts from the panel covering the screen, not from where the keyboard left it.
      if (sheet && rule) sheet.replaceSync((rule = ''))
      return
    }
    if (!sheet) {
      sheet = new CSSStyleSheet()
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
    }
    // Read after the frame that shows the panel, in a task of its own: reading the visible area lays out the page, and
    // a new rule has the panel's styles computed and laid out again. Read in the task that renders the opening panel,
    // or in that frame, each made it a long one on a slow phone. Until then the panel covers the screen, as without
    // this rule.
    void nextFrame().then(() => later(place, 'user-visible'))
  }
}
