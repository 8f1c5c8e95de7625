import { describe, expect, it } from 'vitest'
import { defaultLanguage } from '../../../build/compiler/language.ts'
import { askingSentences, formsOf, questionClauses, questionForms, sentencesOf } from '../../../widget/engine/question-form.ts'

const { questionWords } = defaultLanguage()
const formOf = questionForms(questionWords)
const clauses = questionClauses(questionWords)

describe('questionForms', () => {
  it('names the telling question word a question begins with', () => {
    expect(formOf('Where is it done?')).toBe('where')
    expect(formOf('who performs trigger point injections')).toBe('who')
    expect(formOf('so, why do I need it?')).toBe('why')
  })
  it('prefers the longest phrase at the same place: "how long until" asks when, "how long" asks for a duration', () => {
    expect(formOf('how long until it works')).toBe('when')
    expect(formOf('how long does the procedure take')).toBe('how long')
    expect(formOf('How often can I have them?')).toBe('how often')
  })
  it('reads "how many" with a unit of time as asking for a duration, and without one as asking how often', () => {
    expect(formOf('How many months does the relief last?')).toBe('how long')
    expect(formOf('how many days will I be sore')).toBe('how long')
    expect(formOf('how many injections will I need')).toBe('how often')
  })
  it('reads "when will … go away" (or wear off, stop) and "how long until … wears off" as asking for a duration, while "when will it work" asks when', () => {
    expect(formOf('when will the numbness go away')).toBe('how long')
    expect(formOf('When does the soreness wear off?')).toBe('how long')
    expect(formOf('when will my shoulder stop hurting')).toBe('how long')
    expect(formOf('when will it start to work')).toBe('when')
    // "How long until" asks when, except where what comes is something wearing off.
    expect(formOf('how long till the numbness wears off')).toBe('how long')
    expect(formOf('how long before the anaesthetic wears off')).toBe('how long')
    expect(formOf('how long until the shot wears off')).toBe('how long')
    expect(formOf('how long until the shot kicks in')).toBe('when')
    expect(formOf('how long before it wear off')).toBe('how long')
    // Wearing clothes asks when.
    expect(formOf('how long before I can wear heels again')).toBe('when')
    // Only among the first words, as every question word: a gap does not reach past them.
    expect(formOf('when will i be able to tell if it is going away')).toBe('when')
  })
  it('reads "when do I stop taking…" as asking when: only "when will" and "when does" … "stop" ask how long', () => {
    expect(formOf('when do I stop taking blood thinners')).toBe('when')
    expect(formOf('when does the pain stop')).toBe('how long')
  })
  it('reads "what kind of doctor does…" as asking who, but not "what kind of doctor\'s note"', () => {
    expect(formOf('What kind of doctor does trigger point injections?')).toBe('who')
    expect(formOf('Which types of specialists perform them')).toBe('who')
    expect(formOf('What kind of healthcare provider does trigger point injections?')).toBe('who')
    expect(formOf('which type of clinicians do them')).toBe('who')
    expect(formOf("What kind of doctor's note do I need?")).toBeNull()
  })
  it('reads a choice in brackets as any one of its options, at the same place the longest match winning', () => {
    const custom = questionForms({ asks: [], forms: { short: ['how'], long: ['how (long|many days) until'] } })
    expect(custom('how many days until it works')).toBe('long')
    expect(custom('how is it done')).toBe('short')
  })
  it('leaves room for any words where a phrase of question words has "…", the parts in order', () => {
    const custom = questionForms({ asks: [], forms: { experience: ['what is … like'] } })
    expect(custom('What is the procedure like?')).toBe('experience')
    expect(custom('what is it like')).toBe('experience')
    expect(custom('what would you like to know')).toBeNull()
    expect(custom('like what is it')).toBeNull()
  })
  it('tells nothing for questions that begin with an untelling word, or for statements', () => {
    expect(formOf('what is a trigger point')).toBeNull()
    expect(formOf('is it painful')).toBeNull()
    expect(formOf('pain worse after the injection')).toBeNull()
  })
  it('looks only at the first words, where the question is asked', () => {
    expect(formOf('my neck has hurt for years and my doctor says ask who does it')).toBeNull()
  })
  it('tells nothing without question words (a language file that has none)', () => expect(questionForms(undefined)('where is it')).toBeNull())
})

describe('formsOf', () => {
  it('names each telling question word the phrasings begin with once, leaving out those that begin with none', () => {
    expect(formsOf(['where is it done', 'who does it', 'where do they inject', 'is it safe'], formOf)).toEqual(['where', 'who'])
  })
})

describe('questionClauses', () => {
  it('cuts a question of several questions into them', () => {
    expect(clauses('What is a trigger point injection and how long does the procedure take?')).toEqual(['What is a trigger point injection', 'how long does the procedure take?'])
    expect(clauses('Who gives the injections, where are trigger points found')).toEqual(['Who gives the injections', 'where are trigger points found'])
  })
  it('leaves out a later question that points back to what an earlier one names, since alone it loses its subject', () => {
    expect(clauses('Is fibromyalgia a real condition, and what does it feel like?')).toEqual(['Is fibromyalgia a real condition'])
    expect(clauses('What are trigger point injections and can they help me?')).toEqual(['What are trigger point injections'])
    expect(clauses('What is a muscle knot, why does it happen, and how long does the procedure take')).toEqual(['What is a muscle knot', 'how long does the procedure take'])
    // "one" counts and "that" joins more often than they point back: not in the language's list.
    expect(clauses('What should I wear, and how long does one session take?')).toEqual(['What should I wear', 'how long does one session take?'])
    // The first question has nothing earlier to point back to: it is read alone as before.
    expect(clauses('Does it hurt, and how long does the procedure take?')).toEqual(['Does it hurt', 'how long does the procedure take?'])
  })
  it('keeps every part without the language\'s "points back" words (an older kb.json)', () => {
    const older = questionClauses({ ...questionWords!, pointsBack: undefined })
    expect(older('What are trigger point injections and can they help me?')).toEqual(['What are trigger point injections', 'can they help me?'])
  })
  it('keeps a question whole when a part is its context, not a question', () => {
    expect(clauses("I'm nursing my baby, can I have a trigger point injection?")).toEqual([])
    expect(clauses('does it hurt')).toEqual([])
  })
})

describe('sentencesOf', () => {
  it('cuts a message at its sentence ends and line breaks, not after an abbreviation, and drops what has no word', () => {
    expect(sentencesOf('Dr. Lee gave me six. Still sore!! How long?')).toEqual(['Dr. Lee gave me six.', 'Still sore!!', 'How long?'])
    expect(sentencesOf('will it go away\nmy throat is swelling')).toEqual(['will it go away', 'my throat is swelling'])
    expect(sentencesOf('?? … ok')).toEqual(['… ok'])
    expect(sentencesOf('Hi. ...')).toEqual(['Hi.'])
  })
})

describe('askingSentences', () => {
  it('cuts a message into the sentences that ask and those that only tell', () => {
    expect(askingSentences("I had six injections on Tuesday. I'm still sore! How long does this last? Is it normal?")).toEqual({
      asking: ['How long does this last?', 'Is it normal?'],
      telling: ['I had six injections on Tuesday.', "I'm still sore!"],
    })
  })
  it('counts "?!" and a question in quotes as asking', () =>
    expect(askingSentences('Had my shot today. Is this normal?!')?.asking).toEqual(['Is this normal?!']))
  it('does not end a sentence at an abbreviation', () =>
    expect(askingSentences('Dr. Lee wants to inject my neck. Does it hurt?')?.telling).toEqual(['Dr. Lee wants to inject my neck.']))
  it('is null when every sentence asks, or none does', () => {
    expect(askingSentences('What is it? Does it hurt?')).toBeNull()
    expect(askingSentences('does it hurt')).toBeNull()
    expect(askingSentences('I had an injection. It hurt.')).toBeNull()
  })
  it('does not count a stray full stop as a sentence', () => {
    expect(askingSentences('Does it hurt? ...')).toBeNull()
  })
})
