/** Evaluation sets: JSON Lines of visitor questions with what a right reply contains (see shared/eval/README). */
import { readFileSync } from 'node:fs'

/** What a case expects. */
export const Expect = { answer: 'answer', fallback: 'fallback', emergency: 'emergency', smalltalk: 'smalltalk' } as const
/** One of {@link Expect}'s values. */
export type Expect = (typeof Expect)[keyof typeof Expect]

/** One evaluation case. */
export interface EvalCase {
  q: string
  expect: Expect
  /** A label for in-scope cases. */
  topic?: string
  /** For in-scope cases: every inner list needs one of its keywords in the answer (case-insensitive). */
  all?: string[][]
  /** Where the case is written: `file:line`. */
  origin: string
}

/** Reads a JSON Lines evaluation set; throws naming `file:line` for a malformed case. */
export function readCases(path: string): EvalCase[] {
  const cases: EvalCase[] = []
  readFileSync(path, 'utf8').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    const where = `${path}:${i + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new Error(`${where}: not valid JSON`)
    }
    const c = value as Partial<EvalCase>
    if (typeof c.q !== 'string') throw new Error(`${where}: "q" must be a string`)
    if (!c.expect || !(c.expect in Expect)) throw new Error(`${where}: "expect" must be one of ${Object.keys(Expect).join(', ')}, got ${JSON.stringify(c.expect)}`)
    if (c.expect === 'answer' && !(Array.isArray(c.all) && c.all.every((group) => Array.isArray(group) && group.length > 0))) {
      throw new Error(`${where}: an "answer" case needs "all": a list of keyword lists`)
    }
    cases.push({ q: c.q, expect: c.expect, topic: c.topic, all: c.all, origin: where })
  })
  return cases
}

/** True when `text` holds one keyword of every group. */
export function satisfies(text: string, all: readonly (readonly string[])[]): boolean {
  const lower = text.toLowerCase()
  return all.every((group) => group.some((keyword) => lower.includes(keyword.toLowerCase())))
}
