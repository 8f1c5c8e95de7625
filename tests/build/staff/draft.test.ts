import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { defaultDraftOptions, draftAnswer, draftPairs, formatDrafts } from '../../../build/staff/draft.ts'
import { writeDir } from './kb-dir.ts'

/** A clinic's patient guide, as staff might hand it over. */
const GUIDE = `# Trigger point injections at Lakeview

A short guide for patients booked for their first injection.

## What is a trigger point?

A trigger point is a tight, tender knot in a muscle. Pressing it can send pain to nearby areas. Many people feel them in the neck and shoulders. They often come back after long days at a desk.

## Side effects

Most people have a little soreness where the needle went in. It usually fades within two days.

Rarely, the skin bruises.

## Preparing for your visit

Wear loose clothing so the area is easy to reach.

**Can I eat beforehand?**

Yes, a light meal is fine.

Can I drive home afterwards?

Most people drive themselves home. Bring someone along if you feel nervous.

## What we may inject

Your doctor chooses one of these:

- a local anaesthetic
- saline
- a small dose of steroid

## Book now

Call us to book.

## Parking
`

/** The same kind of guide as plain text captured from a web page. */
const PLAIN = `Lakeview Pain Clinic

Mar 3, 2025 | Patient guides

How Long Does the Numbness Last?

The numb feeling usually wears off within an hour or two. Some people notice it for the rest of the day.

Aftercare

Use ice for ten minutes at a time.

You might also like...

Is Back Pain Ever an Emergency?

Read our other article.
`

describe('draftAnswer', () => {
  it('keeps the first sentences, up to the sentence limit', () => {
    expect(draftAnswer(['One. Two! Three? Four.'])).toBe('One. Two! Three?')
    expect(draftAnswer(['One.', '', 'Two.', '', 'Three. Four.'], { maxSentences: 2 })).toBe('One.\n\nTwo.')
  })

  it('stops before a sentence that would pass the word limit, but keeps at least one', () => {
    expect(draftAnswer(['Five words are here now. Then six more words come after it.'], { maxWords: 8 })).toBe('Five words are here now.')
    expect(draftAnswer(['A sentence of nine words is longer than the limit.'], { maxWords: 3 })).toBe('A sentence of nine words is longer than the limit.')
  })

  it('keeps a list the text introduces with a colon, and no other', () => {
    expect(draftAnswer(['Choose one:', '- a', '* b', '1. c'])).toBe('Choose one:\n\n- a\n- b\n- c')
    expect(draftAnswer(['Plain text.', '- a'])).toBe('Plain text.')
    expect(draftAnswer(['- a', '- b', '- c'], { maxListItems: 2 })).toBe('- a\n- b')
  })

  it('makes HTML inert and joins wrapped lines', () => {
    expect(draftAnswer(['Use <b>ice</b>', 'for ten minutes.'])).toBe('Use &lt;b>ice&lt;/b> for ten minutes.')
  })
})

describe('draftPairs', () => {
  const drafts = draftPairs([{ name: 'docs/lakeview-guide.md', text: GUIDE }])

  it('proposes a pair per question heading, question line and topical heading with text beneath', () => {
    expect(drafts.map((d) => d.question)).toEqual([
      'What is a trigger point?',
      'What are the side effects?',
      'What should I know about preparing for my visit?',
      'Can I eat beforehand?',
      'Can I drive home afterwards?',
      'What may you inject?',
    ])
  })

  it('cites the document as a page and the section each question is under', () => {
    expect(drafts.map((d) => d.source)).toEqual([
      'lakeview-guide#what-is-a-trigger-point',
      'lakeview-guide#side-effects',
      'lakeview-guide#preparing-for-your-visit',
      'lakeview-guide#preparing-for-your-visit',
      'lakeview-guide#preparing-for-your-visit',
      'lakeview-guide#what-we-may-inject',
    ])
    expect(drafts.map((d) => d.from)).toEqual([
      'docs/lakeview-guide.md:5',
      'docs/lakeview-guide.md:9',
      'docs/lakeview-guide.md:15',
      'docs/lakeview-guide.md:19',
      'docs/lakeview-guide.md:23',
      'docs/lakeview-guide.md:27',
    ])
  })

  it('drafts answers from the text beneath, ids from the questions, related to neighbours', () => {
    expect(drafts[0]).toEqual({
      question: 'What is a trigger point?',
      id: 'what-is-a-trigger-point',
      asked: ['trigger point'],
      source: 'lakeview-guide#what-is-a-trigger-point',
      related: ['what-are-the-side-effects'],
      answer: 'A trigger point is a tight, tender knot in a muscle. Pressing it can send pain to nearby areas. Many people feel them in the neck and shoulders.',
      from: 'docs/lakeview-guide.md:5',
    })
    expect(drafts[1]!.asked).toEqual(['side effects'])
    expect(drafts[1]!.related).toEqual(['what-is-a-trigger-point', 'what-should-i-know-about-preparing-for-my'])
    expect(drafts[5]!.answer).toBe('Your doctor chooses one of these:\n\n- a local anaesthetic\n- saline\n- a small dose of steroid')
  })

  it('reads plain text: short lines alone are headings, page furniture and teasers of other articles are skipped', () => {
    const plain = draftPairs([{ name: 'capture.txt', text: PLAIN }])
    expect(plain.map((d) => [d.question, d.source, d.answer])).toEqual([
      ['How long does the numbness last?', 'capture#how-long-does-the-numbness-last', 'The numb feeling usually wears off within an hour or two. Some people notice it for the rest of the day.'],
      ['What is aftercare?', 'capture#aftercare', 'Use ice for ten minutes at a time.'],
    ])
  })

  it('keeps ids unique across documents', () => {
    const twice = draftPairs([
      { name: 'a.md', text: '## Side effects\nSome.\n' },
      { name: 'b.md', text: '## Side effects\nOthers.\n' },
    ])
    expect(twice.map((d) => d.id)).toEqual(['what-are-the-side-effects', 'what-are-the-side-effects-2'])
  })
})

describe('formatDrafts', () => {
  it('writes the kb/qa format with the draft note on every pair', () => {
    const text = formatDrafts(draftPairs([{ name: 'guide.md', text: '# Guide\n\n## Side effects\nA little soreness.\n' }]), ['guide.md'])
    expect(text).toBe(`# Drafts from guide.md

Proposed by "frontdesk draft". Check each answer against its document, rewrite it in the clinic's own words, add
the ways visitors ask it under "asked:", fix "source:" and "related:", drop the note, then move it into kb/qa/.

## What are the side effects?
id: what-are-the-side-effects
asked:
- side effects
source: guide#side-effects
note: ${defaultDraftOptions.note}

A little soreness.
`)
  })

  it('compiles, once the document is among the pages, into one pair per draft', () => {
    const drafts = draftPairs([{ name: 'lakeview-guide.md', text: GUIDE }])
    const dir = writeDir({ 'pages/lakeview-guide.md': GUIDE, 'qa/drafts.md': formatDrafts(drafts, ['lakeview-guide.md']) })
    const kb = compileKb(dir)
    expect(kb.pairs.map((pair) => pair.id)).toEqual(drafts.map((draft) => draft.id))
    expect(kb.pairs.every((pair) => pair.note === 'draft — review before publishing')).toBe(true)
  })
})
