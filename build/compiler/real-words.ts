/**
 * Real words: the language's common words that the speller would otherwise take for a typo of a word of the
 * knowledge base ("both" for "bath", "left" for "lift") or of a filler word ("staff" for "stuff"). The engine reads
 * them as words the knowledge base does not know (`KbLanguage#realWords`); only these few are written to
 * `kb.json`, not the whole word list.
 */
import { fold, loadIndex, stem, words, type KbFile, type LoadedIndex } from '../../widget/engine/index.ts'
import { createSpeller, nearIgnoredWord } from '../../widget/engine/spelling.ts'

/**
 * The stems of the knowledge base's {@link KbFile.language} `commonWords` that its matcher would take for a typo,
 * sorted: a stem stands for all its words ("bind", "binds", "binding"). Words are read as the matcher reads them
 * (folded: "were" is "we are").
 */
export function realWordsOf(kb: KbFile, index: LoadedIndex = loadIndex(kb)): string[] {
  const common = kb.language.commonWords ?? []
  if (common.length === 0) return []
  const speller = createSpeller(index)
  // The matcher drops a word near an ignored one as a misspelt filler ("becuase"), and corrects other unknown words.
  const nearIgnored = nearIgnoredWord(index.analyzer.ignored)
  const stems = new Set<string>()
  for (const word of common.flatMap((text) => words(fold(text)))) {
    if (index.analyzer.isIgnored(word)) continue
    const term = stem(word)
    if (!speller.knows(term) && (nearIgnored(word) || speller.correct(term) !== speller.correct(term, false))) stems.add(term)
  }
  return [...stems].sort()
}
