import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { realWordsOf } from '../../../build/compiler/real-words.ts'
import { fold, loadIndex, stem, words } from '../../../widget/engine/index.ts'
import { createMatcher } from '../../../widget/engine/matcher.ts'

const kb = compileKb('kb')
const index = loadIndex(kb)

describe('realWordsOf', () => {
  it('lists the common words the matcher would correct or drop, as stems', () => {
    const listed = realWordsOf(kb, index)
    expect(listed).toEqual(kb.language.realWords)
    // "both" would become "bath", "staff" would be dropped as a misspelt "stuff".
    expect(listed).toEqual(expect.arrayContaining(['both', 'left', 'staff']))
    // "were" is read as "we are", so it is never looked up as a word.
    expect(listed).not.toContain('were')
    expect(listed).toEqual([...listed].sort())
  })

  it('leaves out nothing that matters: every common word reads as it would with every common word listed', () => {
    const everyStem = [...new Set(kb.language.commonWords!.flatMap((word) => words(fold(word))).map(stem))]
    const shipped = createMatcher(kb, index)
    const all = createMatcher({ ...kb, language: { ...kb.language, realWords: everyStem } }, index)
    const differ = kb.language.commonWords!.filter((word) => shipped.terms(word).terms.join(' ') !== all.terms(word).terms.join(' '))
    expect(differ).toEqual([])
  })

  it('lists nothing for a language without common words', () => {
    expect(realWordsOf({ ...kb, language: { ...kb.language, commonWords: [] } }, index)).toEqual([])
  })
})
