/**
 * Applying a corrections file to a knowledge-base folder: which phrasings go into which file, and which corrections
 * no longer fit. Node only; `frontdesk apply` stages, checks and writes what this plans.
 */
import { readFileSync } from 'node:fs'
import { shownPath } from '../compiler/compile.ts'
import { KB_LIMITS } from '../compiler/limits.ts'
import { phrasingKey } from '../compiler/slug.ts'
import { asPhrasing, Verdict, type Correction, type CorrectionsFile } from './corrections.ts'
import { additionEdits, applyEdits, holds, locateEntries, unifiedDiff, type FieldAddition } from './kb-edit.ts'

/** One file the corrections change. */
export interface FileChange {
  path: string
  before: string
  after: string
  /** The change as a unified diff. */
  diff: string
}

/** What applying a corrections file would do. */
export interface ApplyPlan {
  /** Corrections that no longer fit, each saying why; when there is any, nothing may be written. */
  refusals: string[]
  /** Phrasings left out because their entry already has them. */
  skipped: string[]
  files: FileChange[]
}

/** What one correction's verdict expects the entry it names to be. */
const NAMED_KIND: Partial<Record<Correction['verdict'], 'pair' | 'handoff'>> = {
  [Verdict.answer]: 'pair',
  [Verdict.notPair]: 'pair',
  [Verdict.handoff]: 'handoff',
}

/** Plans the phrasings a corrections file adds to the knowledge base in `dir`; writes nothing. */
export function planApply(dir: string, file: CorrectionsFile): ApplyPlan {
  const entries = locateEntries(dir)
  const refusals: string[] = []
  const skipped: string[] = []
  const additions = new Map<string, FieldAddition[]>()
  file.corrections.forEach((correction, i) => {
    const phrasing = asPhrasing(correction.question)
    const label = `correction ${i + 1} ("${phrasing}")`
    const refuse = (why: string): void => void refusals.push(`${label}: ${why}`)
    const named = NAMED_KIND[correction.verdict]
    const target = correction.id ? entries.get(correction.id) : undefined
    if (named && !target) return refuse(`the ${named === 'pair' ? 'pair' : 'handoff topic'} "${correction.id}" is no longer in ${shownPath(dir)} (renamed or removed?); judge the question again in the console`)
    if (named && target!.kind !== named) return refuse(`"${correction.id}" is now a ${target!.kind === 'pair' ? 'pair' : 'handoff topic'}, not a ${named === 'pair' ? 'pair' : 'handoff topic'}; judge the question again in the console`)
    if (phrasing.length > KB_LIMITS.questionLength) return refuse(`the question is longer than a phrasing may be (${KB_LIMITS.questionLength} characters)`)
    for (const change of correction.changes) {
      const located = entries.get(change.id)
      if (!located) return refuse(`"${change.id}" is no longer in ${shownPath(dir)} (renamed or removed?); judge the question again in the console`)
      const other = change.field === 'asked' ? 'not' : 'asked'
      const pending = additions.get(located.path) ?? []
      const asQuestion = change.field === 'not' && phrasingKey(located.entry.heading) === phrasingKey(phrasing)
      const clashes = asQuestion || holds(located.entry, other, phrasing) || pending.some((a) => a.entry === located.entry && a.field === other && a.phrasing === phrasing)
      if (clashes) return refuse(`"${change.id}" would both take and refuse it ("asked:" and "not:"), which the corrections or ${shownPath(located.path)} already say the other way`)
    }
    for (const change of correction.changes) {
      const located = entries.get(change.id)!
      const pending = additions.get(located.path) ?? []
      if (holds(located.entry, change.field, phrasing) || pending.some((a) => a.entry === located.entry && a.field === change.field && a.phrasing === phrasing)) {
        skipped.push(`${label}: "${change.id}" already has it under "${change.field}:"`)
        continue
      }
      additions.set(located.path, [...pending, { entry: located.entry, field: change.field, phrasing }])
    }
  })
  const files = [...additions].map(([path, list]): FileChange => {
    const before = readFileSync(path, 'utf8')
    const edits = additionEdits(before.split(/\r?\n/), list)
    return { path, before, after: applyEdits(before, edits), diff: unifiedDiff(shownPath(path), before, edits) }
  })
  return { refusals, skipped, files }
}
