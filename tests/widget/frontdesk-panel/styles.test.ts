/**
 * The panel's type scale. Each size or weight of a font that the page has not drawn yet costs the opening panel's
 * first layout a font lookup, the longest part of that layout on a slow phone (see `styles.ts`): the scale stays
 * small, and shares the launcher's 16 px semibold.
 */
import { describe, expect, it } from 'vitest'
import { openLauncherStyles, styles } from '../../../widget/frontdesk-panel/styles.ts'
import { css as launcherStyles } from '../../../widget/frontdesk-chat/styles.ts'

const all = (css: string, pattern: RegExp): Set<string> => new Set([...css.matchAll(pattern)].map((match) => match[1]!))
const sizes = (css: string): Set<string> => new Set([...all(css, /font-size:(\d+)px/g), ...all(css, /font:\d+ (\d+)px/g)])
const weights = (css: string): Set<string> => new Set([...all(css, /font-weight:(\d+)/g), ...all(css, /font:(\d+) /g)])

describe('styles', () => {
  it('set text in three sizes: 13, 14 and 16 px', () => {
    expect([...sizes(styles + openLauncherStyles)].sort()).toEqual(['13', '14', '16'])
  })
  it('set text in three weights: 400, 600 and 700', () => {
    expect([...weights(styles + openLauncherStyles)].sort()).toEqual(['400', '600', '700'])
  })
  it("include the launcher's own size and weight, which the page has drawn before the panel opens", () => {
    expect(sizes(launcherStyles)).toEqual(new Set(['16']))
    expect(weights(launcherStyles)).toEqual(new Set(['600']))
  })
})
