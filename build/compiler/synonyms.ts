/** The synonym list (`kb/synonyms.md`): `- canonical: variant, variant` items. */
import { createAnalyzer, type KbSynonym } from '../../widget/engine/index.ts'
import type { Problems } from './errors.ts'

/** Reads the synonym list, reporting malformed items, variants that reduce to nothing, and clashes. */
export function parseSynonyms(file: string, text: string, ignored: readonly string[], problems: Problems): KbSynonym[] {
  const baseTerms = createAnalyzer({ synonyms: [], ignored }).base
  const synonyms: KbSynonym[] = []
  const owner = new Map<string, { canonical: string; line: number }>()
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    if (!/^\s*[-*]\s/.test(line)) return
    const item = /^\s*[-*]\s+([^:]+):(.*)$/.exec(line)
    if (!item) {
      problems.add(file, i + 1, `expected "- word: variant, variant", got "${line.trim()}"`)
      return
    }
    const canonical = item[1]!.trim()
    const variants = item[2]!.split(',').map((v) => v.trim()).filter(Boolean)
    if (variants.length === 0) problems.add(file, i + 1, `"${canonical}" has no variants after the colon`)
    for (const phrase of [canonical, ...variants]) {
      if (baseTerms(phrase).length === 0) {
        problems.add(file, i + 1, `"${phrase}" is made only of words the search ignores, so it can never match`)
      }
    }
    for (const variant of variants) {
      const key = baseTerms(variant).join(' ')
      const previous = owner.get(key)
      if (previous && previous.canonical !== canonical) {
        problems.add(file, i + 1, `"${variant}" is already a synonym of "${previous.canonical}" (line ${previous.line})`)
      }
      owner.set(key, { canonical, line: i + 1 })
    }
    synonyms.push({ canonical, variants })
  })
  return synonyms
}
