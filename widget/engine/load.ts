/**
 * Writing and reading `kb.json` ({@link KbJson}) and `kb-staff.json` ({@link KbStaffJson}): the compiled knowledge
 * base stored compactly, read back into the {@link KbFile} every reader holds. Reading refuses anything that is
 * not ours.
 */
import { KB_FORMAT_VERSION, type KbAsked, type KbFile, type KbHandoff, type KbJson, type KbPair, type KbStaffJson, type PackedRichText } from './kb-format.ts'
import { packRichText, toPlainText, unpackRichText } from './rich-text.ts'
import { createAnalyzer, textOptionsOf } from './text.ts'
import { formsOf, questionForms } from './question-form.ts'

/** Why a `kb.json` could not be used. */
export class KbLoadError extends Error {
  override name = 'KbLoadError'
}

const refuse = (problem: string): never => {
  throw new KbLoadError(`Frontdesk: ${problem}`)
}

/**
 * Checks parsed JSON is a `kb.json` of the current format and returns the knowledge base it holds, deriving what is
 * not stored: plain-text answers from the rich text. Staff data is absent, the wording of the `aliases` included
 * (their terms are in `asked`): see {@link withStaff}. Throws
 * {@link KbLoadError} naming what is wrong. Deep checks are the compiler's job; this guards against the wrong file,
 * a truncated one, or one from another version.
 */
export function parseKb(json: unknown): KbFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) refuse('kb.json is not a JSON object')
  const kb = json as KbJson
  if (kb.format !== KB_FORMAT_VERSION) refuse(`kb.json has format ${JSON.stringify(kb.format)}, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"`)
  for (const key of ['pairs', 'handoffs', 'synonyms'] as const) if (!Array.isArray(kb[key])) refuse(`kb.json has no "${key}" list`)
  const { language, index } = kb
  if (typeof language !== 'object' || language === null || typeof language.replies !== 'object') refuse('kb.json has no language section')
  if (typeof index !== 'object' || index === null || typeof index.optionsHash !== 'string') refuse('kb.json has no index')
  const ids = kb.pairs.map(([id]) => id)
  const answer = (packed: PackedRichText): Pick<KbPair, 'answer' | 'answerText'> => {
    const rich = unpackRichText(packed)
    return { answer: rich, answerText: toPlainText(rich) }
  }
  return {
    ...kb,
    pairs: kb.pairs.map(([id, question, asked, forms, packed, label, related, not]) => ({
      id,
      question,
      aliases: [],
      asked: readAsked(asked, forms),
      ...(not ? { not } : {}),
      ...answer(packed),
      source: { label },
      // The compiler numbers only pairs there are: a damaged file fails where a related pair is used.
      related: related.map((n) => ids[n]!),
    })),
    handoffs: kb.handoffs.map(([id, topic, asked, forms, packed, not]) => ({ id, topic, aliases: [], asked: readAsked(asked, forms), ...(not ? { not } : {}), ...answer(packed) })),
    synonyms: kb.synonyms.map(([canonical, ...variants]) => ({ canonical, variants })),
  }
}

/** {@link KbAsked} as `kb.json` stores it: a phrasing with no terms is an empty string. */
const readAsked = (asked: string[], forms: string[]): KbAsked => ({ terms: asked.map((terms) => (terms ? terms.split(' ') : [])), forms })

/**
 * The knowledge base with the staff data of its `kb-staff.json` (parsed JSON): the source pages, the wording of
 * the `aliases` (which then replaces `asked`, so that every reader analyzes the same text), and the pairs' sources,
 * topics, notes and origins and handoffs' origins. Throws {@link KbLoadError} for a file of another format,
 * or of another build than `kb`'s.
 */
export function withStaff(kb: KbFile, json: unknown): KbFile {
  const staff = (json ?? {}) as Partial<KbStaffJson>
  if (staff.format !== KB_FORMAT_VERSION) refuse(`kb-staff.json has format ${JSON.stringify(staff.format)}, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"`)
  if (staff.hash !== kb.hash) refuse(`kb-staff.json belongs to another build than kb.json (hash ${JSON.stringify(staff.hash)}, not ${JSON.stringify(kb.hash)}); rebuild both with "frontdesk build"`)
  const pairs = new Map((staff.pairs ?? []).map((pair) => [pair.id, pair]))
  const handoffs = new Map((staff.handoffs ?? []).map((handoff) => [handoff.id, handoff]))
  const { format, hash, pages: _, ...rest } = kb
  return {
    format,
    hash,
    pages: staff.pages ?? [],
    ...rest,
    pairs: kb.pairs.map(({ asked: _, ...pair }) => {
      const { id: _id, source, ...fields } = pairs.get(pair.id) ?? {}
      return { ...pair, source: { ...source, label: pair.source.label }, ...fields }
    }),
    handoffs: kb.handoffs.map(({ asked: _, ...handoff }) => ({ ...handoff, ...handoffs.get(handoff.id) })),
  }
}

/** A tuple's optional last element: there when it is. */
const optional = <T>(value: T | undefined): [] | [T] => (value ? [value] : [])

/**
 * The text of `kb.json` ({@link KbJson}): what the widget needs, compactly. Nothing the engine derives cheaply at
 * load is stored (plain-text answers, the search index), and nothing only staff tools or the compiler read: staff
 * data goes to `kb-staff.json` ({@link serializeKbStaff}), the off-topic questions and common words nowhere. The
 * `aliases` are stored as the engine reads them ({@link KbAsked}), their wording in `kb-staff.json`.
 */
export function serializeKb(kb: KbFile): string {
  const pairNumbers = new Map(kb.pairs.map((pair, n) => [pair.id, n]))
  const { offTopic: _, commonWords: __, ...language } = kb.language
  const analyze = createAnalyzer(textOptionsOf(kb))
  const formOf = questionForms(kb.language.questionWords)
  const asked = (entry: KbPair | KbHandoff, question: string): [asked: string[], forms: string[]] => [
    entry.asked?.terms.map((terms) => terms.join(' ')) ?? entry.aliases.map((text) => analyze(text).join(' ')),
    entry.asked?.forms ?? formsOf([question, ...entry.aliases], formOf),
  ]
  const file: KbJson = {
    format: KB_FORMAT_VERSION,
    hash: kb.hash,
    pairs: kb.pairs.map((pair) => [
      pair.id,
      pair.question,
      ...asked(pair, pair.question),
      packRichText(pair.answer),
      pair.source.label,
      pair.related.map((id) => pairNumbers.get(id) ?? -1),
      ...optional(pair.not),
    ]),
    handoffs: kb.handoffs.map((handoff) => [handoff.id, handoff.topic, ...asked(handoff, handoff.topic), packRichText(handoff.answer), ...optional(handoff.not)]),
    synonyms: kb.synonyms.map((synonym) => [synonym.canonical, ...synonym.variants]),
    language,
    index: kb.index,
    ...(kb.calibration ? { calibration: kb.calibration } : {}),
  }
  return JSON.stringify(file)
}

/** The text of `kb-staff.json` ({@link KbStaffJson}): the staff data of the same knowledge base, as compiled. */
export function serializeKbStaff(kb: KbFile): string {
  const file: KbStaffJson = {
    format: KB_FORMAT_VERSION,
    hash: kb.hash,
    pages: kb.pages ?? [],
    pairs: kb.pairs.map(({ id, aliases, source: { page = '', section = '' }, topic = '', note, origin = '' }) => ({ id, aliases, source: { page, section }, topic, ...(note ? { note } : {}), origin })),
    handoffs: kb.handoffs.map(({ id, aliases, origin = '' }) => ({ id, aliases, origin })),
  }
  return JSON.stringify(file)
}
