/**
 * The shape shared by Q&A files and the handoff file: a `# Topic` heading, then entries, each a `## Heading`,
 * a block of `field: value` lines (a field may instead hold a `- item` list), a blank line, and a Markdown body.
 *
 * ```markdown
 * ## Does it hurt?
 * id: does-it-hurt
 * asked:
 * - will the shot hurt
 * source: procedure#what-it-feels-like
 *
 * Most people feel a brief sting…
 * ```
 */
import type { Problems } from './errors.ts'

/** A field's value: one line, or a list of items; with the lines it starts and ends on. */
export interface Field {
  value: string | string[]
  line: number
  /** The line of its last item (its own line when it has none): where an item added to it goes after. */
  end: number
}

/** One `## Heading` entry. */
export interface Entry {
  file: string
  heading: string
  /** Line of the heading. */
  line: number
  fields: Map<string, Field>
  /** The Markdown after the blank line, and the line it starts on. */
  body: string
  bodyLine: number
}

/** A parsed file: its `# Topic` and entries. */
export interface EntryFile {
  topic: string
  entries: Entry[]
}

const FIELD = /^([A-Za-z][\w-]*):\s*(.*)$/
const ITEM = /^\s*[-*]\s+(.*)$/

/** Splits a file into entries, reporting malformed field blocks. Unknown fields are reported against `allowed`. */
export function parseEntries(file: string, text: string, allowed: readonly string[], problems: Problems): EntryFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let topic = ''
  const entries: Entry[] = []
  let i = 0
  for (; i < lines.length; i++) {
    const line = lines[i]!
    if (line.startsWith('## ')) break
    const title = /^#\s+(.*)$/.exec(line)
    if (title && !topic) topic = title[1]!.trim()
  }
  if (!topic) problems.add(file, 1, 'the file must start with a "# Topic" heading')

  while (i < lines.length) {
    const headingLine = i + 1
    const heading = lines[i]!.slice(3).trim()
    i++
    const fields = new Map<string, Field>()
    let current: { name: string; field: Field } | null = null
    for (; i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.startsWith('#'); i++) {
      const line = lines[i]!
      const field = FIELD.exec(line)
      const item = ITEM.exec(line)
      if (item && current) {
        if (typeof current.field.value === 'string') {
          if (current.field.value !== '') {
            problems.add(file, i + 1, `"${current.name}:" has a value on its line and a list below it; use one or the other`)
          }
          current.field.value = []
        }
        current.field.value.push(item[1]!.trim())
        current.field.end = i + 1
      } else if (field) {
        const name = field[1]!.toLowerCase()
        if (!allowed.includes(name)) {
          problems.add(file, i + 1, `unknown field "${name}:" (expected ${allowed.map((a) => `${a}:`).join(', ')})`)
        }
        if (fields.has(name)) problems.add(file, i + 1, `field "${name}:" is given twice`)
        current = { name, field: { value: field[2]!.trim(), line: i + 1, end: i + 1 } }
        fields.set(name, current.field)
      } else {
        problems.add(file, i + 1, `expected "field: value", a "- item" under a field, or a blank line before the answer; got "${line.trim()}"`)
      }
    }
    const bodyStart = i
    while (i < lines.length && !lines[i]!.startsWith('## ')) {
      if (/^#\s/.test(lines[i]!)) problems.add(file, i + 1, 'only one "# Topic" heading is allowed, at the top of the file')
      i++
    }
    // A stray topic heading is reported above; blanking it keeps line numbers and spares a second report.
    const bodyLines = lines.slice(bodyStart, i).map((line) => (/^#\s/.test(line) ? '' : line))
    const firstText = bodyLines.findIndex((line) => line.trim() !== '')
    entries.push({
      file,
      heading,
      line: headingLine,
      fields,
      body: firstText < 0 ? '' : bodyLines.slice(firstText).join('\n').trim(),
      bodyLine: bodyStart + Math.max(firstText, 0) + 1,
    })
  }
  return { topic, entries }
}

/** A one-line field's text, or '' (a list given where one line was expected is reported). */
export function textField(entry: Entry, name: string, problems: Problems): string {
  const field = entry.fields.get(name)
  if (!field) return ''
  if (Array.isArray(field.value)) {
    problems.add(entry.file, field.line, `"${name}:" takes one line, not a list`)
    return ''
  }
  return field.value
}

/** A list field's items; a one-line value is read as comma-separated items. Empty items are dropped. */
export function listField(entry: Entry, name: string): string[] {
  const field = entry.fields.get(name)
  if (!field) return []
  const items = Array.isArray(field.value) ? field.value : field.value.split(',')
  return items.map((item) => item.trim()).filter(Boolean)
}
