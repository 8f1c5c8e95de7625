/**
 * Real words: the language's common words that the engine would otherwise take for a typo of a word of the
 * knowledge base ("both" for "bath", "left" for "lift"), of a filler word ("staff" for "stuff") or of a red-flag word
 * ("conscious" for "unconscious", "painting" for "fainting"). The engine reads them as the words they are
 * (`KbLanguage#realWords`); only these few are written to `kb.json`, not the whole word list.
 */
import { fold, loadIndex, stem, words, type KbFile, type LoadedIndex } from '../../widget/engine/index.ts'
import { redFlagSpeller } from '../../widget/engine/intents.ts'
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
  const redFlag = redFlagSpeller(kb.language.redFlagWords)
  const stems = new Set<string>()
  for (const word of common.flatMap((text) => words(fold(text)))) {
    const flagWord = redFlag(word)
    // Another form of the red-flag word ("bloody", "attacks", "breathed") still counts as it.
    if (flagWord && flagWord !== word && !word.startsWith(flagWord) && !flagWord.startsWith(word)) stems.add(stem(word))
    if (index.analyzer.isIgnored(word)) continue
    const term = stem(word)
    if (!speller.knows(term) && (nearIgnored(word) || speller.correct(term) !== speller.correct(term, false))) stems.add(term)
  }
  return [...stems].sort()
}
