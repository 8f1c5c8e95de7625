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

  it.each([
    ['Cancellations', 'What about cancellations?'],
    ['Opening hours', 'What about opening hours?'],
    ['Parking', 'What about parking?'],
    ['Side effects', 'What about side effects?'],
    ['Fibromyalgia', 'What about fibromyalgia?'],
    ['Infection and bleeding', 'What about infection and bleeding?'],
    ['Preparing for your visit', 'What about preparing for my visit?'],
    ['Our team', 'What about your team?'],
  ])('asks neutrally about a heading that only names a topic: %s → %s', (heading, question) => {
    expect(headingToQuestion(heading)).toBe(question)
  })

  it.each([
    ['Fibromyalgia', 'Fibromyalgia is a long-term condition that causes pain.', 'What is fibromyalgia?'],
    ['Trigger points', 'A trigger point is a tight knot in a muscle.', 'What is a trigger point?'],
    ['Trigger point injections', 'Trigger point injections are small injections of anaesthetic.', 'What are trigger point injections?'],
    ['TPIs', 'TPIs are injections into a knot.', 'What are TPIs?'],
  ])('asks "What is…?" only when the text beneath defines the topic: %s, "%s"', (heading, firstSentence, question) => {
    expect(headingToQuestion(heading, { firstSentence })).toBe(question)
  })

  it.each([
    ['Cancellations', 'Cancellations are accepted up to a day before.'],
    ['Side effects', 'Side effects are usually mild.'],
    ['Parking', 'Parking is free behind the building.'],
    ['Insurance', 'Most plans cover the injections.'],
    ['Ultrasound guidance', 'Ultrasound is a way to see the muscle.'],
  ])('stays neutral when the text beneath says something else about the topic: %s, "%s"', (heading, firstSentence) => {
    expect(headingToQuestion(heading, { firstSentence })).toBe(`What about ${heading.toLowerCase()}?`)
  })

  it('keeps a heading that is a statement as it is, rather than make a clumsy question of it', () => {
    expect(headingToQuestion('No driving after sedation')).toBe('No driving after sedation')
    expect(headingToQuestion('NOT SUITABLE FOR EVERYONE')).toBe('Not suitable for everyone')
  })

  it('returns null for an empty heading', () => {
    expect(headingToQuestion('  :  ')).toBeNull()
  })
})
