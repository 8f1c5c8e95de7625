/**
 * The panel's type scale. Each size or weight of a font that the page has not drawn yet costs the opening panel's
 * first layout a font lookup, the longest part of that layout on a slow phone (see `styles.ts`): the scale stays
 * small, and shares the launcher's 16 px semibold.
 */
import { describe, expect, it } from 'vitest'
import { openLauncherStyles, styles } from '../../../widget/frontdesk-panel/styles.ts'
import { css as launcherStyles } from '../../../widget/frontdesk-chat/styles.ts'
import { NARROW } from '../../../widget/frontdesk-panel/viewport.ts'

/** Every value a property takes in `css`, as written; `inherit` takes the parent's, which is counted there. */
const values = (css: string, property: string): string[] =>
  [...css.matchAll(new RegExp(`(?:^|[{;\\s])${property}:([^;}]+)`, 'g'))].map((match) => match[1]!.trim()).filter((value) => value !== 'inherit')
/** The `font` shorthands as weight and size ("400 16px/1.5 var(…)" → 400, 16px); any other shape is kept whole, to fail. */
const shorthands = (css: string): [weight: string, size: string][] =>
  values(css, 'font').map((value) => {
    const match = /^(\d+) (\d+px)\//.exec(value)
    return match ? [match[1]!, match[2]!] : [value, value]
  })
const sizes = (css: string): Set<string> => new Set([...values(css, 'font-size'), ...shorthands(css).map(([, size]) => size)])
const weights = (css: string): Set<string> => new Set([...values(css, 'font-weight'), ...shorthands(css).map(([weight]) => weight)])

describe('styles', () => {
  it('set text in three sizes: 13, 14 and 16 px', () => {
    expect([...sizes(styles + openLauncherStyles)].sort()).toEqual(['13px', '14px', '16px'])
  })
  it('set text in three weights: 400, 600 and 700', () => {
    expect([...weights(styles + openLauncherStyles)].sort()).toEqual(['400', '600', '700'])
  })
  it("include the launcher's own size and weight, which the page has drawn before the panel opens", () => {
    expect(sizes(launcherStyles)).toEqual(new Set(['16px']))
    expect(weights(launcherStyles)).toEqual(new Set(['600']))
  })
})

describe('the phone layout', () => {
  it('starts at the same width in the panel, the launcher and the visible-area follower', () => {
    const queries = (css: string): string[] => [...css.matchAll(/@media\s*(\([^)]*width[^)]*\))/g)].map((match) => match[1]!.replace(/\s+/g, ''))
    const all = [...queries(styles), ...queries(openLauncherStyles), ...queries(launcherStyles)]
    expect(all.length).toBeGreaterThanOrEqual(3)
    expect(new Set(all)).toEqual(new Set([NARROW]))
  })
})
