import { describe, expect, it } from 'vitest'
import { headingToQuestion, sentenceCase } from '../../../build/staff/draft-question.ts'

describe('sentenceCase', () => {
  it('lowers Title Case and ALL CAPS headings but keeps acronyms', () => {
    expect(sentenceCase('What Is a Trigger Point Injection?')).toBe('What is a trigger point injection?')
    expect(sentenceCase('TRIGGER POINT THERAPY')).toBe('Trigger point therapy')
    expect(sentenceCase('When to Get an MRI')).toBe('When to get an MRI')
  })

  it('leaves a heading in sentence case as it is, names included', () => {
    expect(sentenceCase('Ultrasound guidance at Lakeview')).toBe('Ultrasound guidance at Lakeview')
  })
})

describe('headingToQuestion', () => {
  it.each([
    ['Side effects', 'What are the side effects?'],
    ['Fibromyalgia', 'What is fibromyalgia?'],
    ['Ultrasound guidance', 'What is ultrasound guidance?'],
    ['Trigger point injections', 'What are trigger point injections?'],
    ['Infection and bleeding', 'What should I know about infection and bleeding?'],
    ['Preparing for your visit', 'What should I know about preparing for my visit?'],
    ['How trigger points are found', 'How are trigger points found?'],
    ['What the injections are for', 'What are the injections for?'],
    ['Where trigger points form', 'Where do trigger points form?'],
    ['How long it takes', 'How long does it take?'],
    ['How well they work', 'How well do they work?'],
    ['Who may benefit', 'Who may benefit?'],
    ['When pain becomes chronic', 'What happens when pain becomes chronic?'],
    ['How to prepare', 'How should I prepare?'],
    ['What we may inject', 'What may you inject?'],
    ['If you are allergic to medication', 'What if you are allergic to medication?'],
    ['After the injection', 'What happens after the injection?'],
    ['Is one injection enough', 'Is one injection enough?'],
    ['Treats fibromyalgia', 'Does it treat fibromyalgia?'],
    ['What Is a Trigger Point?', 'What is a trigger point?'],
  ])('%s → %s', (heading, question) => {
    expect(headingToQuestion(heading)).toBe(question)
  })

  it('returns null for an empty heading', () => {
    expect(headingToQuestion('  :  ')).toBeNull()
  })
})
