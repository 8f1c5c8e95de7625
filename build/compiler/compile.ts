/**
 * The knowledge-base compiler: reads a knowledge-base folder, validates everything, and returns the `kb.json`
 * content, or every problem found, each pinned to `file:line`.
 *
 * Folder layout: `pages/*.md` (source pages), `qa/*.md` (pairs), `handoffs.md` (topics handed to the clinic,
 * optional), `synonyms.md` (optional), `language.md` (optional: the assistant's replies and word lists; the
 * English default beside this module otherwise). Files are read by `read.ts` (regular files of UTF-8 text only;
 * hidden, editor and special files are skipped and named) and held to the bounds in `limits.ts`.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import {
  KB_FORMAT_VERSION,
  kbIndex,
  textOptionsOf,
  toPlainText,
  type KbFile,
  type KbHandoff,
  type KbPage,
  type KbPair,
  type KbSynonym,
} from '../../widget/engine/index.ts'
import { KbCompileError, Problems } from './errors.ts'
import { listField, parseEntries, textField, type Entry } from './entries.ts'
import { markdownToRich } from './markdown.ts'
import { parsePage } from './pages.ts'
import { isSlug, phrasingKey } from './slug.ts'
import { parseSynonyms } from './synonyms.ts'
import { defaultLanguage, parseLanguage } from './language.ts'
import { withDerived } from './derived.ts'
import { KB_LIMITS } from './limits.ts'
import { markdownFiles, present, readKbText, type SkippedFile } from './read.ts'

/** The fields of a pair. */
export const PAIR_FIELDS = ['id', 'asked', 'not', 'source', 'related', 'note'] as const
/** The fields of a handoff topic. */
export const HANDOFF_FIELDS = ['id', 'asked', 'not'] as const


/** A file path as problems show it: relative to the working directory when inside it, else absolute. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path)
}

/** A compiled knowledge base: staff data included, the source pages among it. */
export type CompiledKb = KbFile & { pages: KbPage[] }

/** Options of {@link compileKb}. Every field is optional; see {@link defaultCompileOptions}. */
export interface CompileOptions {
  /** Told about each file left unread (hidden, an editor's, not a regular file), as "file: skipped (why)". */
  warn?: (message: string) => void
}

/** Default {@link CompileOptions}: skipped files are named on standard error. */
export const defaultCompileOptions: Required<CompileOptions> = {
  warn: (message) => process.stderr.write(`${message}\n`),
}

interface Located<T> {
  value: T
  entry: Entry
}

const tooLong = (what: string, text: string, limit: number): string =>
  `${what} is ${text.length.toLocaleString('en')} characters long; at most ${limit.toLocaleString('en')} are allowed`

/** Checks the fields every entry needs and returns the answer as rich text and plain text. */
function readCommon(entry: Entry, problems: Problems, what: string): { id: string; aliases: string[]; not: string[]; rich: KbPair['answer'] } {
  const id = textField(entry, 'id', problems)
  const label = entry.heading ? `"${entry.heading}"` : `on line ${entry.line}`
  if (!entry.heading) problems.add(entry.file, entry.line, `the ${what} heading is empty: write the question after "## "`)
  else if (entry.heading.length > KB_LIMITS.questionLength) problems.add(entry.file, entry.line, tooLong(`the ${what} heading`, entry.heading, KB_LIMITS.questionLength))
  if (!entry.fields.has('id')) problems.add(entry.file, entry.line, `${what} ${label} is missing "id:"`)
  else if (!id && !Array.isArray(entry.fields.get('id')!.value)) problems.add(entry.file, entry.fields.get('id')!.line, `${what} ${label} has an empty "id:"`)
  else if (id && !isSlug(id)) problems.add(entry.file, entry.fields.get('id')!.line, `id "${id}" must be lower-case letters, digits and hyphens`)
  const aliases = listField(entry, 'asked')
  if (!entry.fields.has('asked')) problems.add(entry.file, entry.line, `${what} ${label} is missing "asked:"`)
  else if (aliases.length === 0) problems.add(entry.file, entry.fields.get('asked')!.line, `${what} ${label} has an empty "asked:" list`)
  for (const alias of aliases) {
    if (alias.length > KB_LIMITS.questionLength) problems.add(entry.file, entry.fields.get('asked')!.line, tooLong('a phrasing', alias, KB_LIMITS.questionLength))
  }
  const not = readNot(entry, [entry.heading, ...aliases], problems, `${what} ${label}`)
  if (!entry.body) problems.add(entry.file, entry.line, `${what} ${label} has no answer: leave a blank line after the fields, then write it`)
  // Too long an answer is not parsed at all: the bound is what keeps a hostile answer from reaching the parser.
  const long = entry.body.length > KB_LIMITS.answerLength
  if (long) problems.add(entry.file, entry.bodyLine, tooLong('the answer', entry.body, KB_LIMITS.answerLength))
  const rich = entry.body && !long ? markdownToRich(entry.body, entry.file, entry.bodyLine, problems) : []
  return { id, aliases, not, rich }
}

/**
 * The `not:` phrasings: questions the entry must not take. Each is checked like a phrasing, and none may be one of
 * the entry's own ways of asking, which it would then both take and refuse.
 */
function readNot(entry: Entry, own: readonly string[], problems: Problems, label: string): string[] {
  const field = entry.fields.get('not')
  if (!field) return []
  const not = listField(entry, 'not')
  if (not.length === 0) problems.add(entry.file, field.line, `${label} has an empty "not:" list; remove it or list the questions it must not answer`)
  const owned = new Set(own.map(phrasingKey))
  not.forEach((text, i) => {
    // A list's items are on the lines below the field; a one-line list is on the field's own line.
    const line = Array.isArray(field.value) ? field.line + 1 + i : field.line
    if (text.length > KB_LIMITS.questionLength) problems.add(entry.file, line, tooLong('a "not:" phrasing', text, KB_LIMITS.questionLength))
    else if (owned.has(phrasingKey(text))) problems.add(entry.file, line, `"${text}" is both a way ${label} is asked and under its "not:"; keep it in one of them`)
  })
  return not
}

/** Compiles the knowledge base in `dir`. Throws {@link KbCompileError} with every problem found. */
export function compileKb(dir: string, options: CompileOptions = {}): CompiledKb {
  const { warn } = { ...defaultCompileOptions, ...options }
  const problems = new Problems()
  if (!existsSync(dir)) throw new KbCompileError([{ file: shownPath(dir), line: 1, message: 'the knowledge-base folder does not exist' }])
  const skipped: SkippedFile[] = []
  const filesIn = (folder: string): string[] => markdownFiles(join(dir, folder), shownPath(join(dir, folder)), problems, skipped)
  /** The text of a file; null when it cannot be read as text (reported). */
  const read = (path: string): string | null => readKbText(path, shownPath(path), problems)
  /** An optional file: absent (null) only when nothing at all is there; a broken link is reported, not ignored. */
  const readOptional = (path: string): string | null => (present(path) ? read(path) : null)

  const pages: KbPage[] = []
  for (const path of filesIn('pages')) {
    const text = read(path)
    if (text !== null) pages.push(parsePage(shownPath(path), basename(path, '.md'), text, problems))
  }
  const pagesById = new Map(pages.map((page) => [page.id, page]))

  const ownLanguage = join(dir, 'language.md')
  // The English default is ours and read once per process; a clinic's own file is read and checked like the others.
  const languageText = present(ownLanguage) ? read(ownLanguage) : null
  // An unreadable language file is reported; the default stands in so the other files are still checked.
  const language = languageText === null ? defaultLanguage() : parseLanguage(shownPath(ownLanguage), languageText, problems)
  const synonymsPath = join(dir, 'synonyms.md')
  const synonymsText = readOptional(synonymsPath)
  const synonyms: KbSynonym[] = synonymsText === null ? [] : parseSynonyms(shownPath(synonymsPath), synonymsText, language.ignored, problems)

  const pairFiles = filesIn('qa')
  if (pairFiles.length === 0) problems.add(shownPath(join(dir, 'qa')), 1, 'no Q&A files (*.md) found')
  const pairs: Array<Located<KbPair>> = []
  for (const path of pairFiles) {
    const file = shownPath(path)
    const text = read(path)
    if (text === null) continue
    const { topic, entries } = parseEntries(file, text, PAIR_FIELDS, problems)
    if (entries.length === 0) problems.add(file, 1, 'the file has no pairs ("## Question" headings)')
    for (const entry of entries) {
      const { id, aliases, not, rich } = readCommon(entry, problems, 'pair')
      const source = textField(entry, 'source', problems)
      const [pageId = '', sectionId = ''] = source.split('#')
      const page = pagesById.get(pageId)
      const section = page?.sections.find((s) => s.id === sectionId)
      const sourceLine = entry.fields.get('source')?.line ?? entry.line
      if (!entry.fields.has('source')) problems.add(file, entry.line, `pair "${entry.heading}" is missing "source:"`)
      else if (!source) problems.add(file, sourceLine, `pair "${entry.heading}" has an empty "source:"`)
      else if (!page) problems.add(file, sourceLine, `source page "${pageId}" does not exist (pages: ${[...pagesById.keys()].join(', ')})`)
      else if (!section) problems.add(file, sourceLine, `source section "${source}" does not exist (sections of "${pageId}": ${page.sections.map((s) => s.id).join(', ')})`)
      const related = listField(entry, 'related')
      if (!entry.fields.has('related')) problems.add(file, entry.line, `pair "${entry.heading}" is missing "related:"`)
      else if (related.length === 0) problems.add(file, entry.fields.get('related')!.line, `pair "${entry.heading}" has an empty "related:"`)
      const note = textField(entry, 'note', problems)
      if (entry.fields.has('note') && !note) problems.add(file, entry.fields.get('note')!.line, `pair "${entry.heading}" has an empty "note:"`)
      pairs.push({
        entry,
        value: {
          id,
          question: entry.heading,
          aliases,
          ...(not.length > 0 ? { not } : {}),
          answer: rich,
          answerText: toPlainText(rich),
          source: { page: pageId, section: sectionId, label: page && section ? `${page.title} › ${section.title}` : source },
          related,
          topic,
          ...(note ? { note } : {}),
          origin: `${file}:${entry.line}`,
        },
      })
    }
  }

  const handoffsPath = join(dir, 'handoffs.md')
  const handoffs: Array<Located<KbHandoff>> = []
  const handoffsText = readOptional(handoffsPath)
  if (handoffsText !== null) {
    const file = shownPath(handoffsPath)
    for (const entry of parseEntries(file, handoffsText, HANDOFF_FIELDS, problems).entries) {
      const { id, aliases, not, rich } = readCommon(entry, problems, 'handoff topic')
      const value: KbHandoff = { id, topic: entry.heading, aliases, ...(not.length > 0 ? { not } : {}), answer: rich, answerText: toPlainText(rich), origin: `${file}:${entry.line}` }
      handoffs.push({ entry, value })
    }
  }

  checkUnique(pairs, handoffs, problems)
  const ids = new Set(pairs.map((p) => p.value.id))
  for (const { entry, value } of pairs) {
    const line = entry.fields.get('related')?.line ?? entry.line
    for (const id of value.related) {
      if (id === value.id) problems.add(entry.file, line, `pair "${value.id}" lists itself as related`)
      else if (!ids.has(id)) problems.add(entry.file, line, `related id "${id}" does not exist`)
    }
  }

  for (const { path, reason } of skipped) warn(`${shownPath(path)}: skipped (${reason})`)
  // A language file written before "## Real words" existed still compiles, but every common word may be corrected.
  if (languageText !== null && (language.commonWords ?? []).length === 0) {
    warn(`${shownPath(ownLanguage)}: no "## Real words", so common words ("both", "left") may be read as typos of the knowledge base's words (see the English default)`)
  }
  if (problems.size > 0) throw new KbCompileError(problems.list)
  const content = {
    pages,
    pairs: pairs.map((p) => p.value),
    handoffs: handoffs.map((h) => h.value),
    synonyms,
    language,
  }
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)
  const built: CompiledKb = { format: KB_FORMAT_VERSION, hash, ...content, index: kbIndex(textOptionsOf({ synonyms, language })) }
  return withDerived(built)
}

/** Duplicate ids (pairs and handoffs share one namespace) and duplicate questions. */
function checkUnique(pairs: Array<Located<KbPair>>, handoffs: Array<Located<KbHandoff>>, problems: Problems): void {
  const ids = new Map<string, Entry>()
  for (const { entry, value } of [...pairs, ...handoffs]) {
    if (!value.id) continue
    const first = ids.get(value.id)
    if (first) problems.add(entry.file, entry.fields.get('id')!.line, `duplicate id "${value.id}" (first used at ${first.file}:${first.line})`)
    else ids.set(value.id, entry)
  }
  const questions = new Map<string, Entry>()
  for (const { entry } of pairs) {
    const key = phrasingKey(entry.heading)
    if (!key) continue
    const first = questions.get(key)
    if (first) problems.add(entry.file, entry.line, `duplicate question "${entry.heading}" (also at ${first.file}:${first.line})`)
    else questions.set(key, entry)
  }
}
