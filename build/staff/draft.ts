/**
 * Drafts from documents: proposes pairs in the `kb/qa` format from a clinic's Markdown or plain-text documents,
 * for staff to review. Questions come from headings phrased as questions, from question-shaped lines standing
 * alone, and from topical headings turned into questions; the text beneath becomes the draft answer. DOM-free.
 */
import { slugify } from '../compiler/slug.ts'
import { headingToQuestion, sentenceCase } from './draft-question.ts'

/** A document to draft from. */
export interface DraftDocument {
  /** Its file name or path, as the `source:` and messages show it. */
  name: string
  text: string
}

/** One proposed pair. */
export interface DraftPair {
  question: string
  id: string
  /** Phrasings derived from the heading; staff add visitors' own. */
  asked: string[]
  /** `page#section`: the page id a copy of the document in `kb/pages/` would have, and the section's slug. */
  source: string
  /** Ids of the neighbouring drafts from the same document. */
  related: string[]
  /** Markdown. */
  answer: string
  /** Where the question was found: `file:line`. */
  from: string
}

/** Options of {@link draftPairs}. Every field is optional; see {@link defaultDraftOptions}. */
export interface DraftOptions {
  /** Sentences kept from the text beneath a question. */
  maxSentences?: number
  /** Words kept at most; the answer stops at the sentence that would pass it. */
  maxWords?: number
  /** List items kept after an introducing sentence. */
  maxListItems?: number
  /** The note every draft carries. */
  note?: string
}

/** Default {@link DraftOptions}. */
export const defaultDraftOptions: Required<DraftOptions> = {
  maxSentences: 3,
  maxWords: 80,
  maxListItems: 6,
  note: 'draft — review before publishing',
}

/** A heading and the lines beneath it. */
interface Section {
  heading: string
  line: number
  /** The slug of the heading the section belongs to in the document (a question line keeps its heading's). */
  sectionSlug: string
  /** A Markdown `# Title`: the page's name, not a topic, so no draft comes from it. */
  title: boolean
  body: string[]
}

const BULLET = /^\s*(?:[-*+•▪◦]|\d+[.)])\s+(.*)$/
/** Headings that ask the reader to act rather than say something: page furniture, not questions. */
const CALL_TO_ACTION = /^(get|contact|call|book|schedule|request|learn|read|find|share|subscribe|follow|sign|join|visit|see)\b/i
/** Lines of page furniture: "Mar 19, 2024 | Pain Management", bare links. */
const FURNITURE = /\s\|\s|^https?:\/\/\S+$/

/** Where a web page's own content ends and teasers of other articles begin. */
const CONTENT_END = /^(you might also|related (articles|posts|reading)|read more|more from|recent posts|share this|comments?$)/i

const standaloneQuestion = (text: string): boolean => text.endsWith('?') && text.split(/\s+/).length <= 20 && !BULLET.test(text)

/** Splits a document into sections by Markdown headings, or, in plain text, by short lines standing alone. */
function sections(doc: DraftDocument): Section[] {
  const lines = doc.text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const markdown = /\.(md|markdown)$/i.test(doc.name) || lines.some((line) => /^#{1,6}\s/.test(line))
  const out: Section[] = []
  let current: Section | null = null
  let slug = ''
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.trim() === ''
  const end = lines.findIndex((line) => CONTENT_END.test(line.trim()))
  if (end >= 0) lines.length = end
  lines.forEach((raw, i) => {
    const line = raw.trim()
    const marked = markdown ? /^(#{1,6})\s+(.*?)\s*#*$/.exec(line) : null
    const heading = marked?.[2]
    const bold = /^\*\*(.+\?)\*\*$/.exec(line)?.[1]
    const alone = blank(i - 1) && blank(i + 1) && line !== ''
    const plainHeading = !markdown && alone && line.split(/\s+/).length <= 12 && !/[.,;:!]$/.test(line) && !FURNITURE.test(line) && !BULLET.test(line)
    const question = bold ?? (alone && standaloneQuestion(line) ? line : undefined)
    if (heading !== undefined || plainHeading || question !== undefined) {
      const text = (heading ?? question ?? line).replace(/\*\*/g, '').trim()
      // A question line under a heading still cites that heading's section.
      if (heading !== undefined || plainHeading) slug = slugify(text)
      current = { heading: text, line: i + 1, sectionSlug: slug || slugify(text), title: marked?.[1] === '#', body: [] }
      out.push(current)
    } else if (current) current.body.push(raw)
  })
  return out
}

/** Text blocks beneath a heading: paragraphs (lines joined) and lists. Furniture lines are dropped. */
function blocks(body: readonly string[]): Array<{ list: boolean; items: string[] }> {
  const out: Array<{ list: boolean; items: string[] }> = []
  let paragraph: string[] = []
  const flush = (): void => {
    if (paragraph.length) out.push({ list: false, items: [paragraph.join(' ')] })
    paragraph = []
  }
  for (const raw of body) {
    const line = raw.trim()
    const item = BULLET.exec(line)
    if (!line || FURNITURE.test(line)) flush()
    else if (item) {
      flush()
      const last = out.at(-1)
      if (last?.list) last.items.push(item[1]!.trim())
      else out.push({ list: true, items: [item[1]!.trim()] })
    } else paragraph.push(line)
  }
  flush()
  return out
}

/** Markdown that means nothing special in an answer: HTML and headings are refused by the compiler. */
const inert = (text: string): string => text.replace(/</g, '&lt;').replace(/^#+\s*/, '')

/** The first few sentences beneath a heading, with the list a sentence introduces, as Markdown. */
export function draftAnswer(body: readonly string[], options: DraftOptions = {}): string {
  const { maxSentences, maxWords, maxListItems } = { ...defaultDraftOptions, ...options }
  const parts: string[] = []
  let sentences = 0
  let words = 0
  for (const block of blocks(body)) {
    if (block.list) {
      // A list belongs in the answer only when the text so far introduces it.
      if (parts.length > 0 && !parts.at(-1)!.endsWith(':')) break
      parts.push(block.items.slice(0, maxListItems).map((item) => `- ${inert(item)}`).join('\n'))
      words += block.items.slice(0, maxListItems).join(' ').split(/\s+/).length
      sentences++
      continue
    }
    const kept: string[] = []
    for (const sentence of block.items[0]!.split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)) {
      const count = sentence.split(/\s+/).length
      if (sentences >= maxSentences || (words > 0 && words + count > maxWords)) break
      kept.push(sentence)
      sentences++
      words += count
    }
    if (kept.length) parts.push(inert(kept.join(' ')))
    if (sentences >= maxSentences || kept.length === 0) break
  }
  return parts.join('\n\n')
}

/** The content words of a question, as a short phrasing visitors might type. */
function keywords(question: string): string {
  const skip = /^(what|whats|how|why|when|where|who|which|is|are|was|were|do|does|did|can|could|will|would|should|may|i|you|it|the|a|an|of|to|in|on|for|my|your|about|know)$/
  return question.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter((word) => word && !skip.test(word)).join(' ')
}

/** Proposes pairs from documents, in document order. Sections without text beneath are skipped. */
export function draftPairs(docs: readonly DraftDocument[], options: DraftOptions = {}): DraftPair[] {
  const drafts: DraftPair[] = []
  const ids = new Set<string>()
  for (const doc of docs) {
    const page = slugify(doc.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')) || 'document'
    const fromDoc: DraftPair[] = []
    for (const section of sections(doc)) {
      if (section.title || CALL_TO_ACTION.test(section.heading)) continue
      const question = headingToQuestion(section.heading)
      const answer = draftAnswer(section.body, options)
      if (!question || !answer) continue
      const base = slugify(question).split('-').slice(0, 8).join('-') || 'question'
      let id = base
      for (let k = 2; ids.has(id); k++) id = `${base}-${k}`
      ids.add(id)
      const asked = new Set<string>()
      const heading = sentenceCase(section.heading).replace(/\?$/, '').toLowerCase()
      if (!section.heading.endsWith('?')) asked.add(heading)
      const terms = keywords(question)
      if (terms && terms !== heading) asked.add(terms)
      fromDoc.push({ question, id, asked: [...asked], source: `${page}#${section.sectionSlug}`, related: [], answer, from: `${doc.name}:${section.line}` })
    }
    fromDoc.forEach((draft, i) => {
      draft.related = [fromDoc[i - 1]?.id, fromDoc[i + 1]?.id].filter((id): id is string => id !== undefined)
    })
    drafts.push(...fromDoc)
  }
  return drafts
}

/** Writes drafts as a `kb/qa` file: a topic heading, a reminder to review, then one entry per draft. */
export function formatDrafts(drafts: readonly DraftPair[], docNames: readonly string[], options: DraftOptions = {}): string {
  const { note } = { ...defaultDraftOptions, ...options }
  const head = [
    `# Drafts from ${docNames.join(', ')}`,
    '',
    'Proposed by "frontdesk draft". Check each answer against its document, rewrite it in the clinic\'s own words, add',
    'the ways visitors ask it under "asked:", fix "source:" and "related:", drop the note, then move it into kb/qa/.',
  ]
  const entries = drafts.map((draft) =>
    [
      `## ${draft.question}`,
      `id: ${draft.id}`,
      'asked:',
      ...draft.asked.map((phrasing) => `- ${phrasing}`),
      `source: ${draft.source}`,
      ...(draft.related.length ? [`related: ${draft.related.join(', ')}`] : []),
      `note: ${note}`,
      '',
      draft.answer,
    ].join('\n'),
  )
  return `${[head.join('\n'), ...entries].join('\n\n')}\n`
}
