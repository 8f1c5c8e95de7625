/**
 * Evaluation sets: JSON Lines of visitor questions with what a right reply is. Two formats are read (see
 * `tests/fixtures/eval/README.md`):
 * - keyword cases (`kb/eval.jsonl`): `"expect": "answer"` with `"all"` keyword lists the answer must contain;
 * - labelled cases (`real-dev.jsonl`): `"expect": ["pair-id", …]`, the pairs that answer it, and the `"url"` of the
 *   page the question was published on.
 * Both use `"expect": "fallback" | "emergency" | "smalltalk"` for the other kinds.
 */
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
  /** Keyword cases: every inner list needs one of its keywords in the answer (case-insensitive). */
  all?: string[][]
  /** Labelled cases: the ids of the pairs that answer it (a right reply answers with one of them). */
  ids?: string[]
  /** Labelled cases: the page the question was published on (sets are split in halves by page). */
  url?: string
  /** The half a set's author put the case in (`"A"` or `"B"`), when the set says so; else halves follow `url`. */
  half?: 'A' | 'B'
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
    const c = value as Partial<Omit<EvalCase, 'expect'>> & { expect?: unknown }
    if (typeof c.q !== 'string') throw new Error(`${where}: "q" must be a string`)
    if (c.url !== undefined && typeof c.url !== 'string') throw new Error(`${where}: "url" must be a string`)
    if (c.half !== undefined && c.half !== 'A' && c.half !== 'B') throw new Error(`${where}: "half" must be "A" or "B", got ${JSON.stringify(c.half)}`)
    const half = c.half === undefined ? {} : { half: c.half }
    if (Array.isArray(c.expect)) {
      if (c.expect.length === 0 || !c.expect.every((id) => typeof id === 'string' && id)) {
        throw new Error(`${where}: "expect" as a list must hold the ids of the pairs that answer the question`)
      }
      cases.push({ q: c.q, expect: 'answer', topic: c.topic, ids: c.expect as string[], url: c.url, ...half, origin: where })
      return
    }
    if (typeof c.expect !== 'string' || !(c.expect in Expect)) {
      throw new Error(`${where}: "expect" must be a list of pair ids or one of ${Object.keys(Expect).join(', ')}, got ${JSON.stringify(c.expect)}`)
    }
    const expect = c.expect as Expect
    if (expect === 'answer' && !(Array.isArray(c.all) && c.all.every((group) => Array.isArray(group) && group.length > 0))) {
      throw new Error(`${where}: an "answer" case needs "all": a list of keyword lists`)
    }
    cases.push({ q: c.q, expect, topic: c.topic, all: c.all, url: c.url, ...half, origin: where })
  })
  return cases
}

/** True when `text` holds one keyword of every group. */
export function satisfies(text: string, all: readonly (readonly string[])[]): boolean {
  const lower = text.toLowerCase()
  return all.every((group) => group.some((keyword) => lower.includes(keyword.toLowerCase())))
}
