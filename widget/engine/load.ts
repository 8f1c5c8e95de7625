/** Reading a `kb.json` that came over the network or from disk: refuse anything that is not ours. */
import { KB_FORMAT_VERSION, type KbFile } from './kb-format.ts'
import { toPlainText } from './rich-text.ts'

/** Why a `kb.json` could not be used. */
export class KbLoadError extends Error {
  override name = 'KbLoadError'
}

/**
 * Checks parsed JSON is a `kb.json` of the current format and returns it typed. Throws {@link KbLoadError} naming
 * what is wrong. Deep checks are the compiler's job; this guards against the wrong file, a truncated one, or one
 * from another version.
 */
export function parseKb(json: unknown): KbFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new KbLoadError('Frontdesk: kb.json is not a JSON object')
  }
  const kb = json as Partial<KbFile>
  if (kb.format !== KB_FORMAT_VERSION) {
    throw new KbLoadError(`Frontdesk: kb.json has format ${JSON.stringify(kb.format)}, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"`)
  }
  for (const key of ['pairs', 'handoffs', 'synonyms', 'pages'] as const) {
    if (!Array.isArray(kb[key])) throw new KbLoadError(`Frontdesk: kb.json has no "${key}" list`)
  }
  if (typeof kb.language !== 'object' || kb.language === null || typeof kb.language.replies !== 'object') {
    throw new KbLoadError('Frontdesk: kb.json has no language section')
  }
  if (typeof kb.index !== 'object' || kb.index === null || typeof kb.index.optionsHash !== 'string') {
    throw new KbLoadError('Frontdesk: kb.json has no index')
  }
  for (const item of [...kb.pairs!, ...kb.handoffs!]) {
    if (!Array.isArray(item.answer)) throw new KbLoadError(`Frontdesk: kb.json entry ${JSON.stringify(item.id)} has no answer`)
    item.answerText ??= toPlainText(item.answer)
  }
  const pages = new Map(kb.pages!.map((page) => [page.id, page]))
  for (const { source } of kb.pairs!) {
    if (typeof source !== 'object' || source === null) continue
    const page = pages.get(source.page)
    const section = page?.sections.find((s) => s.id === source.section)
    source.label ??= page && section ? `${page.title} › ${section.title}` : `${source.page}#${source.section}`
  }
  return kb as KbFile
}

/**
 * The text of `kb.json`. Nothing the engine derives cheaply at load is stored: plain-text answers are derived
 * from the rich text and sources' labels from the pages ({@link parseKb}), the search index from the phrasings
 * (`index-reader.ts`); the off-topic questions, which only calibration at compile time needs, are left out too.
 */
export function serializeKb(kb: KbFile): string {
  return JSON.stringify(kb, function (this: object, key, value: unknown) {
    if (key === 'answerText' || key === 'offTopic') return undefined
    // A source's label ("Page › Section"), not a red flag's.
    return key === 'label' && 'section' in this ? undefined : value
  })
}
