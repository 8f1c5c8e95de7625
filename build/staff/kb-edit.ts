/**
 * Editing knowledge-base Markdown the way staff would: a phrasing added as one more `- item` under a pair's or
 * handoff topic's `asked:` or `not:` field, every other byte of the file left as it was (its layout, comments, line
 * ends and byte-order mark). Node only: `frontdesk apply` uses it.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HANDOFF_FIELDS, PAIR_FIELDS } from '../compiler/compile.ts'
import { parseEntries, type Entry } from '../compiler/entries.ts'
import { Problems } from '../compiler/errors.ts'
import { markdownFiles, present } from '../compiler/read.ts'
import { phrasingKey } from '../compiler/slug.ts'

/** Where a pair or handoff topic is written. */
export interface LocatedEntry {
  kind: 'pair' | 'handoff'
  /** The file's path. */
  path: string
  entry: Entry
}

/** Every pair and handoff topic of the knowledge base in `dir`, by id (the compiler has checked the files). */
export function locateEntries(dir: string): Map<string, LocatedEntry> {
  const located = new Map<string, LocatedEntry>()
  const add = (path: string, kind: LocatedEntry['kind']): void => {
    const fields = kind === 'pair' ? PAIR_FIELDS : HANDOFF_FIELDS
    for (const entry of parseEntries(path, readFileSync(path, 'utf8'), fields, new Problems()).entries) {
      const id = entry.fields.get('id')?.value
      if (typeof id === 'string' && id && !located.has(id)) located.set(id, { kind, path, entry })
    }
  }
  for (const path of markdownFiles(join(dir, 'qa'), join(dir, 'qa'), new Problems(), [])) add(path, 'pair')
  if (present(join(dir, 'handoffs.md'))) add(join(dir, 'handoffs.md'), 'handoff')
  return located
}

/** The items of an entry's list field, as written. */
export function fieldItems(entry: Entry, field: string): string[] {
  const value = entry.fields.get(field)?.value
  if (value === undefined) return []
  return (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean)
}

/** True when the entry's field already holds the phrasing, whatever its case and punctuation. */
export function holds(entry: Entry, field: string, phrasing: string): boolean {
  const key = phrasingKey(phrasing)
  return fieldItems(entry, field).some((item) => phrasingKey(item) === key)
}

/** Lines removed and added at one place of a file: `remove` lines from `start` (0-based), replaced by `add`. */
export interface LineEdit {
  start: number
  remove: number
  add: string[]
}

/** A phrasing to add to one entry's field. */
export interface FieldAddition {
  entry: Entry
  field: 'asked' | 'not'
  phrasing: string
}

/**
 * The line edits that add phrasings to entries of one file (`lines`, split at line ends). A list gets the items after
 * its last one, in its own style (`- ` or `* `, indented alike); a one-line list (`asked: a, b`) becomes a list; a
 * missing `not:` is written after the `asked:` list.
 */
export function additionEdits(lines: readonly string[], additions: readonly FieldAddition[]): LineEdit[] {
  const groups = new Map<string, FieldAddition[]>()
  for (const addition of additions) {
    const key = `${addition.entry.line}:${addition.field}`
    groups.set(key, [...(groups.get(key) ?? []), addition])
  }
  const edits: LineEdit[] = []
  // "asked:" groups first: when an entry gains both, its new "not:" list goes where its "asked:" list ends.
  for (const group of [...groups.values()].sort((a, b) => (a[0]!.field === b[0]!.field ? 0 : a[0]!.field === 'asked' ? -1 : 1))) {
    const { entry, field: name } = group[0]!
    const phrasings = group.map((addition) => addition.phrasing)
    const field = entry.fields.get(name)
    if (field && Array.isArray(field.value)) {
      const marker = /^\s*[-*]\s+/.exec(lines[field.end - 1]!)?.[0] ?? '- '
      edits.push({ start: field.end, remove: 0, add: phrasings.map((p) => marker + p) })
    } else if (field) {
      // "asked: a, b" (or an empty "not:") becomes a list, so that a phrasing holding a comma stays one phrasing.
      const label = /^[^:]*:/.exec(lines[field.line - 1]!)![0]
      edits.push({ start: field.line - 1, remove: 1, add: [label, ...[...fieldItems(entry, name), ...phrasings].map((p) => `- ${p}`)] })
    } else {
      const ends = [...entry.fields.values()].map((f) => f.end)
      const after = entry.fields.get('asked')?.end ?? Math.max(entry.line, ...ends)
      edits.push({ start: after, remove: 0, add: [`${name}:`, ...phrasings.map((p) => `- ${p}`)] })
    }
  }
  return edits.sort((a, b) => a.start - b.start)
}

/** Applies line edits (sorted, not overlapping) to a file's text, keeping its line ends. */
export function applyEdits(text: string, edits: readonly LineEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  // From the end, so that earlier positions hold; of two edits at one place, the later one first, so it ends up after.
  const order = edits.map((edit, i) => ({ edit, i })).sort((a, b) => b.edit.start - a.edit.start || b.i - a.i)
  for (const { edit } of order) lines.splice(edit.start, edit.remove, ...edit.add)
  return lines.join(eol)
}

/** Lines of context around each change in {@link unifiedDiff}. */
const CONTEXT = 3

/** The edits to a file as a unified diff (`--- a/PATH`, `+++ b/PATH` for a relative path, `@@` hunks, 3 lines of context). */
export function unifiedDiff(path: string, text: string, edits: readonly LineEdit[]): string {
  const lines = text.split(/\r?\n/)
  const relative = !/^([A-Za-z]:)?[\\/]/.test(path)
  const out = [`--- ${relative ? 'a/' : ''}${path}`, `+++ ${relative ? 'b/' : ''}${path}`]
  const sorted = [...edits].sort((a, b) => a.start - b.start)
  let i = 0
  let shift = 0
  while (i < sorted.length) {
    // Edits whose context touches join one hunk.
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1]!.start - (sorted[j]!.start + sorted[j]!.remove) <= 2 * CONTEXT) j++
    const from = Math.max(0, sorted[i]!.start - CONTEXT)
    const to = Math.min(lines.length, sorted[j]!.start + sorted[j]!.remove + CONTEXT)
    const body: string[] = []
    let at = from
    let added = 0
    for (const edit of sorted.slice(i, j + 1)) {
      for (; at < edit.start; at++) body.push(` ${lines[at]}`)
      for (let k = 0; k < edit.remove; k++) body.push(`-${lines[at++]}`)
      for (const line of edit.add) body.push(`+${line}`)
      added += edit.add.length - edit.remove
    }
    for (; at < to; at++) body.push(` ${lines[at]}`)
    const oldCount = to - from
    out.push(`@@ -${from + 1},${oldCount} +${from + 1 + shift},${oldCount + added} @@`, ...body)
    shift += added
    i = j + 1
  }
  return `${out.join('\n')}\n`
}
