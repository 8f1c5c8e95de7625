import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { formatFinding, jaccard, lintKb, originOf, type LintFinding } from '../../../build/staff/lint.ts'
import { locateSections } from '../../../build/staff/lint-source.ts'
import { createEngine } from '../../../widget/engine/index.ts'
import { CLEAN_PAIRS, clinicKb, pairMd, writeDir } from './kb-dir.ts'

const [hurt, numbness, ultrasound] = CLEAN_PAIRS as [string, string, string]

/** Lints a knowledge base written from `files`; returns the findings as printed, and the folder (outside the working directory, so shown absolute). */
function lint(files: Record<string, string>): { lines: string[]; findings: LintFinding[]; at: string } {
  const dir = writeDir(files)
  const findings = lintKb(compileKb(dir), { sections: locateSections(dir) })
  return { lines: findings.map(formatFinding), findings, at: dir }
}

describe('originOf', () => {
  it('splits a pair origin into file and line', () => {
    expect(originOf({ origin: 'kb/qa/basics.md:12' })).toEqual({ file: 'kb/qa/basics.md', line: 12 })
    expect(originOf({ origin: 'C:/kb/qa/a.md:3' })).toEqual({ file: 'C:/kb/qa/a.md', line: 3 })
    expect(originOf({ origin: 'odd' })).toEqual({ file: 'odd', line: 1 })
  })
})

describe('jaccard', () => {
  it('is the share of terms two sets have in common', () => {
    expect(jaccard(new Set(['a', 'b', 'c', 'd', 'e']), new Set(['a', 'b', 'c', 'd', 'e', 'f']))).toBeCloseTo(5 / 6)
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1)
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0)
    expect(jaccard(new Set(), new Set())).toBe(0)
  })
})

describe('lintKb', () => {
  it('finds nothing in a clean knowledge base', () => {
    expect(lint(clinicKb()).lines).toEqual([])
  })

  it('reports questions that read the same once analyzed as an error, and the pair that loses', () => {
    const duplicate = pairMd('Does the shot hurt?', 'shot-hurt', ['shot stings', 'jab stings', 'sting from the jab', 'stinging shot'], 'care#how-it-feels', ['numbness'], 'It stings.')
    const { lines, at } = lint(clinicKb([hurt, numbness, ultrasound.replace('related: does-it-hurt', 'related: does-it-hurt, shot-hurt'), duplicate]))
    expect(lines).toContain(
      `${at}/qa/care.md:39: error: question "Does the shot hurt?" reads the same as "Does the injection hurt?" (${at}/qa/care.md:3) once analyzed; merge the pairs or reword one [duplicate-question]`,
    )
    expect(lines.filter((line) => line.endsWith('[not-retrieved]'))).toHaveLength(1)
  })

  it('warns about questions sharing most of their terms, naming the share', () => {
    const near = pairMd('How long does the numbness last afterwards?', 'numb-after', ['numb later', 'still numb the next day', 'numb skin tomorrow', 'will the numbness fade'], 'care#numbness', ['numbness'], 'It fades.')
    const { lines, at } = lint(clinicKb([hurt, numbness, ultrasound.replace('related: does-it-hurt', 'related: does-it-hurt, numb-after'), near]))
    expect(lines).toEqual([
      `${at}/qa/care.md:39: warning: question "How long does the numbness last afterwards?" is nearly the same as "How long does the numbness last?" (${at}/qa/care.md:15, 83% of terms shared) [near-duplicate-question]`,
    ])
  })

  it('reports a phrasing two pairs share, and which pair it retrieves for the other one', () => {
    const files = clinicKb([hurt, numbness.replace('- is numbness normal', '- is it painful'), ultrasound])
    const { lines, at } = lint(files)
    // The confidences come from the engine, which is tuned separately; the wording is this module's.
    const engine = createEngine(compileKb(writeDir(files)))
    const reply = engine.reply('is it painful')
    const own = reply.alternatives.find((m) => m.pair.id === 'numbness')!
    expect(lines).toEqual([
      `${at}/qa/care.md:15: error: phrasing "is it painful" of pair "numbness" is also a phrasing of pair "does-it-hurt" ("is it painful", ${at}/qa/care.md:3); keep it in one pair [shared-phrasing]`,
      `${at}/qa/care.md:15: error: phrasing "is it painful" of pair "numbness" retrieves pair "does-it-hurt" first (${reply.top!.confidence.toFixed(2)} against its own ${own.confidence.toFixed(2)}) [not-retrieved]`,
    ])
  })

  it('warns about a phrasing the emergency check catches before matching', () => {
    const { lines, at } = lint(clinicKb([hurt, numbness.replace('- is numbness normal', '- numb and chest pain'), ultrasound]))
    expect(lines).toEqual([`${at}/qa/care.md:15: warning: phrasing "numb and chest pain" of pair "numbness" is caught before matching (emergency: chest pain) [caught-by-intent]`])
  })

  it('warns about pairs no other pair relates to, and related ids listed twice', () => {
    const { lines, at } = lint(clinicKb([hurt.replace('related: numbness', 'related: ultrasound, ultrasound'), numbness, ultrasound]))
    expect(lines).toEqual([
      `${at}/qa/care.md:3: warning: pair "does-it-hurt" lists related id "ultrasound" more than once [repeated-related]`,
      `${at}/qa/care.md:15: warning: pair "numbness" is not related from any other pair, so no follow-up leads to it [unlinked-pair]`,
    ])
  })

  it('warns about long answers, pairs with few phrasings and uncited sections, at their lines', () => {
    const page = '# Care at the clinic\n\n## How it feels\nx\n\n## Numbness\ny\n\n## Ultrasound\nz\n\n## Parking\nw\n'
    const long = ultrasound.replace('Some injections are guided by ultrasound so the needle goes to the right spot.', 'word '.repeat(81).trim())
    const { lines, findings, at } = lint(clinicKb([hurt, numbness.replace('- is numbness normal\n', ''), long], { 'pages/care.md': page }))
    expect(lines).toEqual([
      `${at}/qa/care.md:15: warning: pair "numbness" has 3 "asked:" phrasings (at least 4 help visitors' wordings match) [few-phrasings]`,
      `${at}/qa/care.md:26: warning: the answer of pair "ultrasound" has 81 words (at most 80 read well in a chat) [long-answer]`,
      `${at}/pages/care.md:12: warning: section "Parking" (care#parking) is not cited by any pair [uncited-section]`,
    ])
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true)
  })

  it('warns about a "not:" phrasing that is how another pair or a handoff topic is asked', () => {
    const refusing = numbness.replace('source:', 'not:\n- Will the needle sting?\n- how much\n- how long is the drive\nsource:')
    const handoffs = '# H\n\n## Prices\nid: prices\nasked: how much, cost\n\nAsk the clinic.\n'
    const { lines, at } = lint(clinicKb([hurt, refusing, ultrasound], { 'handoffs.md': handoffs }))
    expect(lines).toEqual([
      `${at}/qa/care.md:15: warning: "not:" phrasing "Will the needle sting?" of "numbness" is also how "does-it-hurt" is asked ("will the needle sting"); keep it in one place [not-also-asked]`,
      `${at}/qa/care.md:15: warning: "not:" phrasing "how much" of "numbness" is also how "prices" is asked ("how much"); keep it in one place [not-also-asked]`,
    ])
  })

  it('takes its limits from the options', () => {
    const dir = writeDir(clinicKb())
    const findings = lintKb(compileKb(dir), { maxAnswerWords: 5, minPhrasings: 5 })
    expect(findings.map((f) => f.check).sort()).toEqual(['few-phrasings', 'few-phrasings', 'few-phrasings', 'long-answer', 'long-answer', 'long-answer'])
  })

  it('points uncited sections at the page file when their lines are unknown', () => {
    const dir = writeDir(clinicKb(CLEAN_PAIRS, { 'pages/extra.md': '# Extra\n\n## Parking\nw\n' }))
    const findings = lintKb(compileKb(dir), { kbDir: 'kb' })
    expect(findings.map(formatFinding)).toEqual(['kb/pages/extra.md:1: warning: section "Parking" (extra#parking) is not cited by any pair [uncited-section]'])
  })
})

describe('formatFinding', () => {
  it('prints file:line, severity, message and check', () => {
    expect(formatFinding({ severity: 'error', check: 'shared-phrasing', file: 'kb/qa/a.md', line: 4, message: 'm' })).toBe('kb/qa/a.md:4: error: m [shared-phrasing]')
  })
})
