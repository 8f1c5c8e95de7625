import { describe, expect, it } from 'vitest'
import { parseEntries } from '../../../build/compiler/entries.ts'
import { Problems } from '../../../build/compiler/errors.ts'
import { additionEdits, applyEdits, unifiedDiff, type FieldAddition } from '../../../build/staff/kb-edit.ts'

const FILE = `\uFEFF# Basics

<!-- Staff: keep answers short. -->

## Does it hurt?
id: does-it-hurt
asked:
  * will the shot hurt
  * is it painful
source: about#how-it-feels
related: what-is-it

Most people feel a brief sting.

## What is it?
id: what-is-it
asked: what are these shots, explain the injection
source: about#what-it-is
related: does-it-hurt

A small injection.
`

/** Adds phrasings to the entries of FILE (by heading) and returns the new text and the diff. */
function add(text: string, additions: Array<[heading: string, field: FieldAddition['field'], phrasing: string]>) {
  const { entries } = parseEntries('basics.md', text, ['id', 'asked', 'not', 'source', 'related'], new Problems())
  const list = additions.map(([heading, field, phrasing]) => ({ entry: entries.find((e) => e.heading === heading)!, field, phrasing }))
  const edits = additionEdits(text.split(/\r?\n/), list)
  return { after: applyEdits(text, edits), diff: unifiedDiff('kb/qa/basics.md', text, edits) }
}

describe('adding phrasings to Markdown', () => {
  it('appends to a list in its own style, leaving every other byte as it was', () => {
    const { after } = add(FILE, [
      ['Does it hurt?', 'asked', 'does it sting, a lot?'],
      ['Does it hurt?', 'asked', 'will i feel it'],
    ])
    expect(after).toBe(FILE.replace('  * is it painful\n', '  * is it painful\n  * does it sting, a lot?\n  * will i feel it\n'))
  })

  it('writes a missing "not:" list after the "asked:" list', () => {
    const { after } = add(FILE, [['Does it hurt?', 'not', 'does it hurt my wallet']])
    expect(after).toBe(FILE.replace('  * is it painful\n', '  * is it painful\nnot:\n- does it hurt my wallet\n'))
  })

  it('keeps a new phrasing under "asked:" when the same pair gets a new "not:" list at that place', () => {
    const { after } = add(FILE, [
      ['Does it hurt?', 'not', 'does it hurt my wallet'],
      ['Does it hurt?', 'asked', 'will i feel it'],
    ])
    expect(after).toBe(FILE.replace('  * is it painful\n', '  * is it painful\n  * will i feel it\nnot:\n- does it hurt my wallet\n'))
  })

  it('turns a one-line list into a list, so that a phrasing with a comma stays one phrasing', () => {
    const { after } = add(FILE, [['What is it?', 'asked', 'what, exactly, is it']])
    expect(after).toBe(FILE.replace('asked: what are these shots, explain the injection\n', 'asked:\n- what are these shots\n- explain the injection\n- what, exactly, is it\n'))
  })

  it('keeps Windows line ends', () => {
    const crlf = FILE.replaceAll('\n', '\r\n')
    expect(add(crlf, [['Does it hurt?', 'asked', 'will i feel it']]).after).toBe(crlf.replace('  * is it painful\r\n', '  * is it painful\r\n  * will i feel it\r\n'))
  })

  it('shows the change as a unified diff, three lines of context around each addition', () => {
    const { diff } = add(FILE, [
      ['Does it hurt?', 'asked', 'will i feel it'],
      ['What is it?', 'not', 'what time is it'],
    ])
    expect(diff).toBe(
      [
        '--- a/kb/qa/basics.md',
        '+++ b/kb/qa/basics.md',
        '@@ -7,6 +7,7 @@',
        ' asked:',
        '   * will the shot hurt',
        '   * is it painful',
        '+  * will i feel it',
        ' source: about#how-it-feels',
        ' related: what-is-it',
        ' ',
        '@@ -15,6 +16,8 @@',
        ' ## What is it?',
        ' id: what-is-it',
        ' asked: what are these shots, explain the injection',
        '+not:',
        '+- what time is it',
        ' source: about#what-it-is',
        ' related: does-it-hurt',
        ' ',
        '',
      ].join('\n'),
    )
  })
})
