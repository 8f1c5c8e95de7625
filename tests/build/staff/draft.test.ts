import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import type { KbCompileError } from '../../../build/compiler/errors.ts'
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

/** A clinic's FAQ page in Markdown, each question directly above its answer, no blank lines. */
const TIGHT_FAQ = `# Patient questions
## Before your visit
How should I prepare?
Eat a light meal and wear loose clothing so the area is easy to reach.
Should I stop my medicines?
Keep taking your usual medicines unless your doctor says otherwise. Tell us if you take blood thinners.
## After your visit
Will it be sore afterwards?
Some soreness is normal for a day or two. Ice for ten minutes at a time
can help, and so can gentle movement?
When can I go back to work?
Most people go back to work the same day.
`

/** A FAQ pasted as plain text from a web page: "Q:" and "A:" labels, a topic line, no blank lines at all. */
const LABELLED_FAQ = `Lakeview Pain Clinic: patient FAQ
Q: Where do I park?
A: Free parking is behind the building, with two accessible bays by the door.
Q: Are you open on Saturdays?
A: Yes, from 9 am to noon. We are closed on Sundays.
Cancellations
Please give us a day's notice if you cannot come. Late cancellations may be charged.
Parking for disabled visitors
Two accessible bays are next to the main entrance.
`

/** Topical headings, as clinics write them: practical topics, defined terms and a statement. */
const TOPICS = `# Visiting the clinic

## Cancellations

Cancellations are accepted up to a day before your visit. Later ones may be charged.

## Opening hours

We are open Monday to Friday, 8 am to 6 pm.

## Trigger point injections

Trigger point injections are small injections of anaesthetic into a tight knot in a muscle.

## Fibromyalgia

Fibromyalgia is a long-term condition that causes widespread pain.

## No driving after sedation

If you have sedation, someone else must drive you home.
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
      'What about side effects?',
      'What about preparing for my visit?',
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

  it('drafts answers from the text beneath and ids from the questions', () => {
    expect(drafts[0]).toEqual({
      question: 'What is a trigger point?',
      id: 'what-is-a-trigger-point',
      asked: ['trigger point'],
      source: 'lakeview-guide#what-is-a-trigger-point',
      related: [],
      answer: 'A trigger point is a tight, tender knot in a muscle. Pressing it can send pain to nearby areas. Many people feel them in the neck and shoulders.',
      from: 'docs/lakeview-guide.md:5',
    })
    expect(drafts[1]!.asked).toEqual(['side effects'])
    expect(drafts[5]!.answer).toBe('Your doctor chooses one of these:\n\n- a local anaesthetic\n- saline\n- a small dose of steroid')
  })

  it('relates drafts that share words, the heading a question is under counting as its words, and no others', () => {
    expect(Object.fromEntries(drafts.map((d) => [d.id, d.related]))).toEqual({
      'what-is-a-trigger-point': [],
      'what-about-side-effects': [],
      'what-about-preparing-for-my-visit': ['can-i-eat-beforehand', 'can-i-drive-home-afterwards'],
      'can-i-eat-beforehand': ['what-about-preparing-for-my-visit', 'can-i-drive-home-afterwards'],
      'can-i-drive-home-afterwards': ['what-about-preparing-for-my-visit', 'can-i-eat-beforehand'],
      'what-may-you-inject': [],
    })
  })

  it('reads plain text: short lines alone are headings, page furniture and teasers of other articles are skipped', () => {
    const plain = draftPairs([{ name: 'capture.txt', text: PLAIN }])
    expect(plain.map((d) => [d.question, d.source, d.answer])).toEqual([
      ['How long does the numbness last?', 'capture#how-long-does-the-numbness-last', 'The numb feeling usually wears off within an hour or two. Some people notice it for the rest of the day.'],
      ['What about aftercare?', 'capture#aftercare', 'Use ice for ten minutes at a time.'],
    ])
  })

  it('keeps ids unique across documents', () => {
    const twice = draftPairs([
      { name: 'a.md', text: '## Side effects\nSome.\n' },
      { name: 'b.md', text: '## Side effects\nOthers.\n' },
    ])
    expect(twice.map((d) => d.id)).toEqual(['what-about-side-effects', 'what-about-side-effects-2'])
  })
})

describe('draftPairs on FAQ pages', () => {
  it('gives each question line the paragraph under it, blank lines or not', () => {
    const drafts = draftPairs([{ name: 'faq.md', text: TIGHT_FAQ }])
    expect(drafts.map((d) => [d.question, d.answer, d.source])).toEqual([
      ['How should I prepare?', 'Eat a light meal and wear loose clothing so the area is easy to reach.', 'faq#before-your-visit'],
      ['Should I stop my medicines?', 'Keep taking your usual medicines unless your doctor says otherwise. Tell us if you take blood thinners.', 'faq#before-your-visit'],
      // A line ending in "?" that carries on a sentence is part of the answer, not a question.
      ['Will it be sore afterwards?', 'Some soreness is normal for a day or two. Ice for ten minutes at a time can help, and so can gentle movement?', 'faq#after-your-visit'],
      ['When can I go back to work?', 'Most people go back to work the same day.', 'faq#after-your-visit'],
    ])
  })

  it('reads "Q:" and "A:" labels, and a topic line directly above its text, in plain text', () => {
    const drafts = draftPairs([{ name: 'faq.txt', text: LABELLED_FAQ }])
    expect(drafts.map((d) => [d.question, d.answer])).toEqual([
      ['Where do I park?', 'Free parking is behind the building, with two accessible bays by the door.'],
      ['Are you open on Saturdays?', 'Yes, from 9 am to noon. We are closed on Sundays.'],
      ['What about cancellations?', "Please give us a day's notice if you cannot come. Late cancellations may be charged."],
      ['What about parking for disabled visitors?', 'Two accessible bays are next to the main entrance.'],
    ])
  })

  it('relates drafts by the words they share, not by where they stand', () => {
    const related = Object.fromEntries(draftPairs([{ name: 'faq.txt', text: LABELLED_FAQ }]).map((d) => [d.id, d.related]))
    expect(related).toEqual({
      'where-do-i-park': ['what-about-parking-for-disabled-visitors'],
      'are-you-open-on-saturdays': [],
      'what-about-cancellations': [],
      'what-about-parking-for-disabled-visitors': ['where-do-i-park'],
    })
  })

  it('asks about a topic neutrally unless the text defines it, and keeps a statement as it is', () => {
    expect(draftPairs([{ name: 'visiting.md', text: TOPICS }]).map((d) => d.question)).toEqual([
      'What about cancellations?',
      'What about opening hours?',
      'What are trigger point injections?',
      'What is fibromyalgia?',
      'No driving after sedation',
    ])
  })

  it('lists phrasings that add words to the question, at least one', () => {
    const drafts = draftPairs([{ name: 'faq.txt', text: LABELLED_FAQ }])
    expect(drafts.map((d) => d.asked)).toEqual([['park'], ['open saturdays'], ['cancellations'], ['parking for disabled visitors']])
  })
})

describe('formatDrafts', () => {
  it('writes the kb/qa format with the draft note on every pair', () => {
    const text = formatDrafts(draftPairs([{ name: 'guide.md', text: '# Guide\n\n## Side effects\nA little soreness.\n' }]), ['guide.md'])
    expect(text).toBe(`# Drafts from guide.md

Proposed by "frontdesk draft". Check each answer against its document, rewrite it in the clinic's own words, add
the ways visitors ask it under "asked:" (at least 4), check "source:" and "related:" (drafts that share no words
have none yet: add some), drop the note, then move it into kb/qa/.

## What about side effects?
id: what-about-side-effects
asked:
- side effects
source: guide#side-effects
note: ${defaultDraftOptions.note}

A little soreness.
`)
  })

  it('compiles, once the document is among the pages and staff have related the drafts that share no words', () => {
    const drafts = draftPairs([{ name: 'lakeview-guide.md', text: GUIDE }])
    const unrelated = drafts.filter((draft) => draft.related.length === 0)
    const files = (text: string): Record<string, string> => ({ 'pages/lakeview-guide.md': GUIDE, 'qa/drafts.md': text })
    const problems = (() => {
      try {
        compileKb(writeDir(files(formatDrafts(drafts, ['lakeview-guide.md']))))
        return []
      } catch (error) {
        return (error as KbCompileError).problems.map((problem) => problem.message)
      }
    })()
    expect(problems).toEqual(unrelated.map((draft) => `pair "${draft.question}" is missing "related:"`))
    const reviewed = drafts.map((draft) => (draft.related.length ? draft : { ...draft, related: [drafts.find((other) => other !== draft)!.id] }))
    const kb = compileKb(writeDir(files(formatDrafts(reviewed, ['lakeview-guide.md']))))
    expect(kb.pairs.map((pair) => pair.id)).toEqual(drafts.map((draft) => draft.id))
    expect(kb.pairs.every((pair) => pair.note === 'draft — review before publishing')).toBe(true)
  })
})
