/** The site the suite runs against was built by `frontdesk site`, which must succeed: size budgets met. */
import { describe, expect, inject, it } from 'vitest'

describe('frontdesk site', () => {
  it('builds the whole site with every size budget met (exit code 0)', () => {
    const { buildCode, buildLog, buildErrors } = inject('e2e')
    expect(buildCode, `${buildLog}\n${buildErrors}`).toBe(0)
  })
})
