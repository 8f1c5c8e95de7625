/**
 * The corrections file: what the console exports and `frontdesk apply` reads. JSON, one object:
 *
 * ```json
 * {"frontdesk": "corrections", "version": 1, "kb": "<hash of the kb.json judged>", "threshold": 0.4,
 *  "corrections": [{"question": "what results can i expect", "verdict": "answer", "id": "does-it-work",
 *                   "before": {"kind": "answer", "id": "how-soon-does-it-work"},
 *                   "changes": [{"field": "asked", "id": "does-it-work"}]}]}
 * ```
 */
import { ReplyKind, type KbFile } from '../../widget/engine/index.ts'
import { KB_LIMITS } from '../compiler/limits.ts'
import { isSlug } from '../compiler/slug.ts'
import { Verdict, type Correction, type CorrectionsFile } from './corrections.ts'

/** The file for a set of corrections judged on `kb` at `threshold`. */
export function correctionsFile(kb: Pick<KbFile, 'hash'>, threshold: number, corrections: readonly Correction[]): CorrectionsFile {
  return { frontdesk: 'corrections', version: 1, kb: kb.hash, threshold, corrections: [...corrections] }
}

const VERDICTS: readonly string[] = Object.values(Verdict)
const KINDS: readonly string[] = Object.values(ReplyKind)
const NAMED: readonly string[] = [Verdict.answer, Verdict.handoff, Verdict.notPair]

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isId = (value: unknown): value is string => typeof value === 'string' && isSlug(value)

/** What is wrong with one correction, or nothing. */
function problemsOf(item: unknown): string[] {
  if (!isObject(item)) return ['is not an object']
  const problems: string[] = []
  const { question, verdict, id, before, changes } = item
  if (typeof question !== 'string' || question.trim() === '') problems.push('has no "question"')
  else if (question.length > KB_LIMITS.questionLength) problems.push(`has a question of ${question.length} characters; at most ${KB_LIMITS.questionLength} are allowed`)
  if (typeof verdict !== 'string' || !VERDICTS.includes(verdict)) problems.push(`has "verdict" ${JSON.stringify(verdict)}, expected one of ${VERDICTS.join(', ')}`)
  else if (NAMED.includes(verdict) && !isId(id)) problems.push(`needs the "id" of the ${verdict === Verdict.handoff ? 'handoff topic' : 'pair'} it names`)
  if (!isObject(before) || typeof before.kind !== 'string' || !KINDS.includes(before.kind) || !(before.id === null || isId(before.id))) {
    problems.push('has no "before" reply ({"kind", "id"})')
  }
  if (!Array.isArray(changes) || !changes.every((c) => isObject(c) && (c.field === 'asked' || c.field === 'not') && isId(c.id))) {
    problems.push('has "changes" that are not a list of {"field": "asked" | "not", "id"}')
  }
  return problems
}

/** Reads a corrections file's text. Throws an error naming `name`, and each bad correction by number and question. */
export function parseCorrections(text: string, name: string): CorrectionsFile {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new Error(`${name} is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!isObject(json) || json.frontdesk !== 'corrections') throw new Error(`${name} is not a Frontdesk corrections file (it has no "frontdesk": "corrections")`)
  if (json.version !== 1) throw new Error(`${name} has version ${JSON.stringify(json.version)}; this Frontdesk reads version 1`)
  if (!Array.isArray(json.corrections)) throw new Error(`${name} has no "corrections" list`)
  if (typeof json.threshold !== 'number' || json.threshold < 0 || json.threshold > 1) throw new Error(`${name} has no "threshold" between 0 and 1`)
  const problems = json.corrections.flatMap((item: unknown, i) => {
    const label = isObject(item) && typeof item.question === 'string' ? ` ("${item.question.slice(0, 60)}")` : ''
    return problemsOf(item).map((problem) => `${name}: correction ${i + 1}${label} ${problem}`)
  })
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return { frontdesk: 'corrections', version: 1, kb: typeof json.kb === 'string' ? json.kb : '', threshold: json.threshold, corrections: json.corrections as Correction[] }
}
