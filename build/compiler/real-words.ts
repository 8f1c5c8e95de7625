/**
 * Real words: the language's common words that lie one slip of typing from a word of the knowledge base ("both"
 * from "bath", "left" from "lift"). The engine reads them as words the knowledge base does not know instead of
 * correcting them (`KbLanguage#realWords`); only these few are written to `kb.json`, not the whole word list.
 */
import { loadIndex, stem, type KbFile, type LoadedIndex } from '../../widget/engine/index.ts'
import { createSpeller, nearIgnoredWord } from '../../widget/engine/spelling.ts'

/**
 * The stems of the knowledge base's {@link KbFile.language} `commonWords` that its speller would take for a slip of
 * typing, sorted: a stem stands for all its words ("bind", "binds", "binding").
 */
export function realWordsOf(kb: KbFile, index: LoadedIndex = loadIndex(kb)): string[] {
  const common = kb.language.commonWords ?? []
  if (common.length === 0) return []
  const speller = createSpeller(index)
  // The matcher drops a word near an ignored one before any correction ("becuase"): it needs no listing.
  const nearIgnored = nearIgnoredWord(index.analyzer.ignored)
  const stems = new Set<string>()
  for (const word of common) {
    if (index.analyzer.isIgnored(word) || nearIgnored(word)) continue
    const term = stem(word)
    if (!speller.knows(term) && speller.correct(term) !== speller.correct(term, false)) stems.add(term)
  }
  return [...stems].sort()
}
