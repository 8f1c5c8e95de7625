/**
 * axe-core in the page: WCAG 2.x A and AA rules (2.2 included) and two landmark rules, shadow DOM included,
 * violations printed readably.
 */
import type { Page } from 'playwright-core'
import { AXE } from './paths.ts'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** Best-practice rules run as well: a widget must not add a second `banner` or an unnamed duplicate landmark. */
export const EXTRA_RULES = ['landmark-no-duplicate-banner', 'landmark-unique']

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; html: string; summary: string }[]
}

/** Runs axe on the whole document and returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')
  if (!loaded) await page.addScriptTag({ path: AXE })
  return page.evaluate(async ([tags, extra]) => {
    interface AxeResult {
      violations: {
        id: string
        impact: string | null
        help: string
        helpUrl: string
        nodes: { target: unknown[]; html: string; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe
    const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]))
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary ?? '' })),
    }))
  }, [WCAG_TAGS, EXTRA_RULES] as const)
}

/** Violations as a report a person can act on. */
export function formatViolations(state: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${state}: no violations`
  const lines = [`${state}: ${violations.length} axe violation(s)`]
  for (const v of violations) {
    lines.push(`• ${v.id} (${v.impact ?? 'n/a'}): ${v.help}  ${v.helpUrl}`)
    for (const node of v.nodes.slice(0, 6)) {
      lines.push(`    at ${JSON.stringify(node.target)}`, `       ${node.html.slice(0, 200)}`)
      for (const line of node.summary.split('\n')) if (line.trim()) lines.push(`       ${line.trim()}`)
    }
    if (v.nodes.length > 6) lines.push(`    … and ${v.nodes.length - 6} more`)
  }
  return lines.join('\n')
}

/** Fails with the readable report when axe finds anything. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const violations = await runAxe(page)
  if (violations.length > 0) throw new Error(formatViolations(state, violations))
}
