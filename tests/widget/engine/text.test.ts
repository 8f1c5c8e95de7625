import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultLanguage } from '../../../build/compiler/language.ts'
import { analyzerSteps, createAnalyzer, fold, stem, textOptionsOf, words } from '../../../widget/engine/text.ts'

const { ignored } = defaultLanguage()
const baseTerms = createAnalyzer({ synonyms: [], ignored }).base

describe('fold', () => {
  it('lower-cases and strips diacritics', () => expect(fold('Ánesthésia ÜBER')).toBe('anesthesia uber'))
  it('folds full-width letters and ligatures', () => expect(fold('ＴＰＩ ﬁbro')).toBe('tpi fibro'))
  it('expands contractions, with or without the apostrophe', () => {
    expect(fold("I can't breathe")).toBe('i can not breathe')
    expect(fold('it wont stop and i dont know')).toBe('it will not stop and i do not know')
    expect(fold('it’s sore, isn’t it')).toBe('it sore, is not it')
  })
  it('removes zero-width characters, which would otherwise glue or split words', () => expect(fold('in\u200bjection')).toBe('injection'))
  it('shortens letters repeated three times or more', () => expect(fold('hellooo sooo sore')).toBe('hello so sore'))
  it('reads a currency sign as asking a price', () => {
    expect(words(fold('how much $$ for 1 shot'))).toEqual(['how', 'much', 'price', 'for', '1', 'shot'])
    expect(words(fold('£50 or €60?'))).toEqual(['price', '50', 'or', 'price', '60'])
  })

  it('folds any text exactly as the plain pipeline does: its shortcuts change only the time taken (fast-check)', () => {
    // Every step applied to every text, in order: what fold did before it skipped steps that cannot apply.
    const plain = (text: string): string => {
      let out = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
      out = out.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/(\p{L})\1{2,}/gu, '$1').replace(/[£€¥₹]+/gu, ' $ ')
      for (const [pattern, replacement] of [
        [/\bcan'?t\b/g, 'can not'], [/\bwon'?t\b/g, 'will not'], [/\bshan'?t\b/g, 'shall not'], [/\b(\w+)n't\b/g, '$1 not'],
        [/\b(\w+)'re\b/g, '$1 are'], [/\b(\w+)'ve\b/g, '$1 have'], [/\b(\w+)'ll\b/g, '$1 will'], [/\b(\w+)'d\b/g, '$1 would'],
        [/\bi'm\b/g, 'i am'], [/\$+/g, ' price '], [/\b(do|does|did|is|are|was|were|has|have|had|could|would|should|must|need)nt\b/g, '$1 not'],
        [/\bwont\b/g, 'will not'], [/\bcant\b/g, 'can not'], [/\bim\b/g, 'i am'], [/\bive\b/g, 'i have'], [/\b(you|they|we)re\b/g, '$1 are'],
        [/\b(how|who|where|when|why)s\b/g, '$1'], [/\b(\w+)'s\b/g, '$1'],
      ] as const) out = out.replace(pattern, replacement)
      return out
    }
    const pieces = ['can', "'t", 't', 'won', 'shan', "n't", "'re", "'ve", "'ll", "'d", "I'M", 'im', 'ive', 'we', 're', 'nt', 'does', 'how', 's', "'s",
      ' ', '`', '\u2019', 'é', 'Ü', 'ﬁ', 'Ｔ', '\u200b', '\u00ad', 'ooo', 'LLL', '注射', '2', '-', '?', '$', '£', '€']
    const text = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''))
    fc.assert(fc.property(text, (message) => void expect(fold(message)).toBe(plain(message))), { numRuns: 3_000 })
  })
})

describe('words', () => {
  it('splits on anything but letters and digits', () => expect(words('shot/jab? 2-3 times!')).toEqual(['shot', 'jab', '2', '3', 'times']))
  it('keeps words of any script', () => expect(words('¿qué es? 注射')).toEqual(['qué', 'es', '注射']))
  it('reads plain ASCII as Unicode letters and digits too', () => expect(words('Shot_2b; x-ray')).toEqual(['Shot', '2b', 'x', 'ray']))
})

describe('stem', () => {
  it('stems English words', () => expect([stem('injections'), stem('injected'), stem('injecting')]).toEqual(['inject', 'inject', 'inject']))
  it('leaves numbers and other scripts alone', () => expect([stem('24'), stem('注射')]).toEqual(['24', '注射']))
})

describe('Analyzer#base', () => {
  it('drops filler words but keeps the words a question turns on', () => {
    expect(baseTerms('Hi, I was wondering: will it hurt?')).toEqual(['will', 'hurt'])
    expect(baseTerms('how is it done')).toEqual(['how', 'done'])
  })
  it('drops bare numbers', () => {
    expect(baseTerms("I'm 67 and it hurt for 2 years")).toEqual(['hurt', 'for', 'year'])
  })
  it('drops numbers with a unit or suffix (times, ages, doses, ordinals), but not a word with a digit in it', () => {
    expect(baseTerms('got my 1st shot at 9am, 45yo, 10mg')).toEqual(['got', 'shot'])
    expect(baseTerms('do you give b12 shots')).toEqual(['do', 'give', 'b12', 'shot'])
  })
})

describe('createAnalyzer', () => {
  const analyze = createAnalyzer({
    synonyms: [
      { canonical: 'injection', variants: ['shot', 'jab'] },
      { canonical: 'trigger point', variants: ['knot', 'muscle knot'] },
      { canonical: 'trigger point injection', variants: ['tpi'] },
      { canonical: 'at once', variants: ['same time', 'in one go'] },
    ],
    ignored,
  })

  it('maps variants to their canonical, after stemming, so plurals match too', () => {
    expect(analyze('shots')).toEqual(analyze('injection'))
    expect(analyze('Jabs!')).toEqual(['inject'])
  })
  it('prefers the longest variant', () => expect(analyze('a muscle knot')).toEqual(['trigger', 'point']))
  it('maps an abbreviation to a phrase', () => expect(analyze('what is a TPI')).toEqual(['trigger', 'point', 'inject']))
  it('analyzes index text and messages alike', () => expect(analyze('Knots and SHOTS')).toEqual(analyze('knot and shot')))
  it('exposes the words that synonyms know', () => expect(analyze.variantTerms.has('jab')).toBe(true))
  it('matches a variant holding ignored words only where all its words stand', () => {
    expect(analyze('several knots at the same time')).toEqual(analyze('several knots at once'))
    // "same" is ignored: the variant "same time" must not shrink to "time" and catch every "time".
    expect(analyze('how much time does it take')).toContain('time')
    expect(analyze('what time is my appointment')).not.toContain('onc')
  })

  it("reads what one synonym makes through the others: a typo of a phrase's part completes the phrase", () => {
    const joined = createAnalyzer({
      synonyms: [
        { canonical: 'injection', variants: ['shot'] },
        { canonical: 'trigger point', variants: ['triggerpoint', 'tigger point'] },
        { canonical: 'tpi', variants: ['trigger point injection'] },
      ],
      ignored,
    })
    expect(joined('what are triggerpoint injections')).toEqual(['tpi'])
    expect(joined('tigger point shot')).toEqual(['tpi'])
    // Each word of the visitor's once, for staff: "triggerpoint injections", not "triggerpoint triggerpoint injections".
    expect(joined.finishTokens(joined.tokens('triggerpoint injections')).map((token) => token.word)).toEqual(['triggerpoint injections'])
  })

  it('rewrites a single word in context ("dose it" is "does it") only where the visitor wrote it, not after a synonym made it', () => {
    const doses = createAnalyzer({ synonyms: [{ canonical: 'dose', variants: ['dosage'] }, { canonical: 'does', variants: ['dose it'] }], ignored })
    expect(doses('dose it hurt')).toEqual(doses('does it hurt'))
    expect(doses('what dosage it has')).toContain(stem('dose'))
  })

  it('stops on synonyms that lead back to each other', () => {
    const looping = createAnalyzer({ synonyms: [{ canonical: 'alpha', variants: ['beta'] }, { canonical: 'beta', variants: ['alpha'] }], ignored })
    expect(['alpha', 'beta'].map(stem)).toContain(looping('alpha')[0])
  })
})

describe('createAnalyzer with ignored phrases', () => {
  const analyze = createAnalyzer({ synonyms: [{ canonical: 'anyone', variants: ['anybody'] }], ignored, ignoredPhrases: ['has anyone', 'anyone else'] })

  it('drops an ignored phrase where it stands, and keeps its words elsewhere', () => {
    expect(analyze('has anyone had trigger point injections')).toEqual(analyze('had trigger point injections'))
    expect(analyze('does anyone else get headaches')).not.toContain('anyon')
    expect(analyze('can anyone have them')).toContain('anyon')
  })

  it('reads the phrase through synonyms and plurals as any variant', () => expect(analyze('Has anyone had them?')).toEqual([]))
})

describe('textOptionsOf', () => {
  it("takes a knowledge base's synonyms, ignored words and ignored phrases, none for an older kb.json", () => {
    const { ignoredPhrases: _, ...older } = defaultLanguage()
    const language = { ...older, ignored: ['the'], ignoredPhrases: ['has anyone'] }
    expect(textOptionsOf({ synonyms: [], language })).toEqual({ synonyms: [], ignored: ['the'], ignoredPhrases: ['has anyone'] })
    expect(textOptionsOf({ synonyms: [], language: { ...older, ignored: ['the'] } }).ignoredPhrases).toEqual([])
  })
})

describe('analyzerSteps', () => {
  it('makes the same analyzer in steps of a few synonym groups, yielding between them', () => {
    const synonyms = Array.from({ length: 45 }, (_, i) => ({ canonical: `canonical${i}`, variants: [`variant${i}`, `other ${i}`] }))
    const steps = analyzerSteps({ synonyms, ignored })
    let yields = 0
    let step = steps.next()
    for (; !step.done; step = steps.next()) yields++
    expect(yields).toBeGreaterThanOrEqual(4)
    const whole = createAnalyzer({ synonyms, ignored })
    const text = 'does variant7 hurt, or other 44 and the rest'
    expect(step.value(text)).toEqual(whole(text))
    expect(step.value(text)).toContain('canonical7')
    expect([...step.value.variantTerms]).toEqual([...whole.variantTerms])
  })
})
