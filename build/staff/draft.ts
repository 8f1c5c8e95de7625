/**
 * Drafts from documents: proposes pairs in the `kb/qa` format from a clinic's Markdown or plain-text documents,
 * for staff to review. Questions come from headings phrased as questions, from question lines (a line ending in "?"
 * that starts a block, with or without a blank line around it, "Q:" labels allowed), and from topical headings; the
 * paragraph beneath becomes the draft answer. Drafts are related to the drafts they share the most words with.
 * DOM-free.
 */
import { slugify } from '../compiler/slug.ts'
import { headingToQuestion, sentenceCase } from './draft-question.ts'
import { QUESTION_WORDS, topicTerms } from './draft-terms.ts'

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
  /** Ids of the drafts that share the most words with this one (see {@link DraftOptions.maxRelated}). */
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
  /** Related drafts listed at most, those sharing the most words first. */
  maxRelated?: number
}

/** Default {@link DraftOptions}. */
export const defaultDraftOptions: Required<DraftOptions> = {
  maxSentences: 3,
  maxWords: 80,
  maxListItems: 6,
  note: 'draft — review before publishing',
  maxRelated: 3,
}

/** A heading and the lines beneath it. */
interface Section {
  heading: string
  line: number
  /** The slug of the heading the section belongs to in the document (a question line keeps its heading's). */
  sectionSlug: string
  /** For a question line, the heading it is under (its topic); otherwise ''. */
  under: string
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
/** "Q:", "Q1.", "Question:" or "1." before a question; "A:" or "Answer:" before its answer. */
const QUESTION_LABEL = /^(?:q(?:uestion)?\s*\d*\s*[:.)]|\d+[.)])\s*/i
const ANSWER_LABEL = /^a(?:nswer)?\s*[:.)]\s*/i
/** A line that finishes a sentence, so the next line may begin something new. */
const SENTENCE_END = /[.!?:;)"”]$/

/**
 * Splits a document into sections: Markdown headings, bold questions, question lines, and in plain text short lines
 * that stand as headings. A question line or a plain heading must start a block (after a blank line, a heading or a
 * finished sentence), but the text under it may follow directly: many FAQ pages have no blank lines.
 */
function sections(doc: DraftDocument): Section[] {
  const lines = doc.text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const markdown = /\.(md|markdown)$/i.test(doc.name) || lines.some((line) => /^#{1,6}\s/.test(line))
  const out: Section[] = []
  let current: Section | null = null
  let slug = ''
  let under = ''
  let afterHeading = true
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i]!.trim() === ''
  const end = lines.findIndex((line) => CONTENT_END.test(line.trim()))
  if (end >= 0) lines.length = end
  const firstText = lines.findIndex((line) => line.trim() !== '')
  lines.forEach((raw, i) => {
    const line = raw.trim()
    const marked = markdown ? /^(#{1,6})\s+(.*?)\s*#*$/.exec(line) : null
    const heading = marked?.[2]
    const startsBlock = afterHeading || blank(i - 1) || SENTENCE_END.test(lines[i - 1]!.trim())
    const bold = /^\*\*(.+\?)\*\*$/.exec(line)?.[1]
    const unlabelled = line.replace(QUESTION_LABEL, '')
    const question = bold ?? (startsBlock && standaloneQuestion(unlabelled) ? unlabelled : undefined)
    const plainHeading = !markdown && line !== '' && startsBlock && plainHeadingAt(lines, i)
    afterHeading = heading !== undefined || plainHeading || question !== undefined
    if (afterHeading) {
      const text = (heading ?? question ?? line).replace(/\*\*/g, '').trim()
      const title = marked?.[1] === '#'
      const isHeading = heading !== undefined || plainHeading
      // Plain text has no heading levels: there a question line is a section of its own.
      if ((isHeading || !markdown) && !title) slug = slugify(text)
      // Question lines are about the topic they are under; a page's title or first line names the page, no topic.
      if (isHeading) under = title || i === firstText || text.endsWith('?') ? '' : text
      current = { heading: text, line: i + 1, sectionSlug: slug || slugify(text), under: isHeading ? '' : under, title, body: [] }
      out.push(current)
    } else if (current) current.body.push(raw)
  })
  return out
}

/**
 * In plain text, a short line with no closing punctuation (a "?" aside) that stands alone, or one of up to six
 * capitalised words directly above a sentence: "Parking" above "Free parking is behind the building."
 */
function plainHeadingAt(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim()
  if (/[.,;:!]$/.test(line) || FURNITURE.test(line) || BULLET.test(line)) return false
  const words = line.split(/\s+/).length
  const next = lines[i + 1]?.trim() ?? ''
  if (next === '') return words <= 12
  return words <= 6 && !line.endsWith('?') && /^\p{Lu}/u.test(line) && /^["“(]?[\p{Lu}\p{N}]/u.test(next) && !BULLET.test(next)
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
    // "A:" labels the answer in many FAQs; it is not part of it.
    const line = out.length === 0 && paragraph.length === 0 ? raw.trim().replace(ANSWER_LABEL, '') : raw.trim()
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
  return question.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/).filter((word) => word && !QUESTION_WORDS.has(word)).join(' ')
}

/** The first sentence of a draft answer, for telling whether it defines its heading. */
const firstSentence = (answer: string): string => answer.split(/(?<=[.!?])\s|\n/)[0] ?? ''

/** Proposes pairs from documents, in document order. Sections without text beneath are skipped. */
export function draftPairs(docs: readonly DraftDocument[], options: DraftOptions = {}): DraftPair[] {
  const { maxRelated } = { ...defaultDraftOptions, ...options }
  const drafts: DraftPair[] = []
  /** What each draft is about, for relating: its question and the heading a question line is under. */
  const topics: string[] = []
  const ids = new Set<string>()
  for (const doc of docs) {
    const page = slugify(doc.name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')) || 'document'
    for (const section of sections(doc)) {
      if (section.title || CALL_TO_ACTION.test(section.heading)) continue
      const answer = draftAnswer(section.body, options)
      const question = answer ? headingToQuestion(section.heading, { firstSentence: firstSentence(answer) }) : null
      if (!question || !answer) continue
      const base = slugify(question).split('-').slice(0, 8).join('-') || 'question'
      let id = base
      for (let k = 2; ids.has(id); k++) id = `${base}-${k}`
      ids.add(id)
      drafts.push({ question, id, asked: phrasings(section.heading, question), source: `${page}#${section.sectionSlug}`, related: [], answer, from: `${doc.name}:${section.line}` })
      topics.push(`${question} ${section.under}`)
    }
  }
  relateByWords(drafts, topics, maxRelated)
  return drafts
}

/**
 * The phrasings a heading gives: the heading as typed and the question's content words, each kept only if it adds
 * words the question and the others lack. At least one is kept, so the draft compiles; visitors' own are added by
 * staff.
 */
function phrasings(heading: string, question: string): string[] {
  const candidates = [...(heading.endsWith('?') ? [] : [sentenceCase(heading).replace(/\?$/, '').toLowerCase()]), keywords(question)].filter(Boolean)
  const key = (text: string): string => [...new Set(topicTerms(text))].sort().join(' ')
  const seen = [key(question)]
  const kept = candidates.filter((candidate) => {
    const terms = key(candidate)
    if (!terms || seen.includes(terms)) return false
    seen.push(terms)
    return true
  })
  return kept.length > 0 ? kept : candidates.slice(0, 1)
}

/**
 * Relates each draft to the `max` others it shares the most words with, as the engine reads them: cosine similarity
 * of the topic words of question and answer, rarer words weighing more and the words of its topic (`topics`: the
 * question, and the heading a question line is under) double. Two drafts are related only when a word of either
 * topic is in both, so "two days" in two answers links nothing.
 */
function relateByWords(drafts: DraftPair[], topics: readonly string[], max: number): void {
  const bags = drafts.map((draft, i) => {
    const inQuestion = new Set(topicTerms(topics[i]!))
    return { inQuestion, all: new Set([...inQuestion, ...topicTerms(draft.answer)]) }
  })
  const df = new Map<string, number>()
  for (const { all } of bags) for (const term of all) df.set(term, (df.get(term) ?? 0) + 1)
  const vectors = bags.map(({ inQuestion, all }) => {
    const vector = new Map([...all].map((term) => [term, Math.log(1 + drafts.length / df.get(term)!) * (inQuestion.has(term) ? 2 : 1)]))
    return { vector, norm: Math.hypot(...vector.values()) }
  })
  const similarity = (i: number, j: number): number => {
    const [a, b] = [bags[i]!, bags[j]!]
    const sharesQuestionWord = [...a.inQuestion, ...b.inQuestion].some((term) => a.all.has(term) && b.all.has(term))
    if (i === j || !sharesQuestionWord) return 0
    let dot = 0
    for (const [term, weight] of vectors[i]!.vector) dot += weight * (vectors[j]!.vector.get(term) ?? 0)
    return dot / (vectors[i]!.norm * vectors[j]!.norm)
  }
  drafts.forEach((draft, i) => {
    draft.related = drafts
      .map((other, j) => ({ id: other.id, score: similarity(i, j) }))
      .filter(({ score }) => score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, max)
      .map(({ id }) => id)
  })
}

/** Writes drafts as a `kb/qa` file: a topic heading, a reminder to review, then one entry per draft. */
export function formatDrafts(drafts: readonly DraftPair[], docNames: readonly string[], options: DraftOptions = {}): string {
  const { note } = { ...defaultDraftOptions, ...options }
  const head = [
    `# Drafts from ${docNames.join(', ')}`,
    '',
    'Proposed by "frontdesk draft". Check each answer against its document, rewrite it in the clinic\'s own words, add',
    'the ways visitors ask it under "asked:" (at least 4), check "source:" and "related:" (drafts that share no words',
    'have none yet: add some), drop the note, then move it into kb/qa/.',
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
