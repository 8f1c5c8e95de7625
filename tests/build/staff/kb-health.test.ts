import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { checkPhrasings, describeMisroute, MisrouteKind, sourceCoverage, type PhrasingCheck } from '../../../build/staff/kb-health.ts'
import { createEngine } from '../../../widget/engine/index.ts'
import { CLEAN_PAIRS, clinicKb, writeDir } from './kb-dir.ts'

const [hurt, numbness, ultrasound] = CLEAN_PAIRS as [string, string, string]
const cleanKb = compileKb(writeDir(clinicKb()))

const check = (fields: Partial<PhrasingCheck>): PhrasingCheck => ({
  pairId: 'a',
  text: 'q',
  isQuestion: false,
  kind: 'answer',
  confidence: 0.4,
  problem: null,
  winner: null,
  caughtBy: null,
  ...fields,
})

describe('checkPhrasings', () => {
  it('asks the question first, then each phrasing, each retrieving its own pair', () => {
    const pair = cleanKb.pairs.find((p) => p.id === 'numbness')!
    const checks = checkPhrasings(createEngine(cleanKb), pair)
    expect(checks.map((c) => [c.text, c.isQuestion, c.problem])).toEqual([
      ['How long does the numbness last?', true, null],
      ['when will the numb feeling wear off', false, null],
      ['my skin feels numb', false, null],
      ['numb for how many hours', false, null],
      ['is numbness normal', false, null],
    ])
    expect(checks.every((c) => c.confidence > 0.5)).toBe(true)
  })

  it('names the pair retrieved instead of the one the phrasing belongs to', () => {
    const kb = compileKb(writeDir(clinicKb([hurt, numbness.replace('- is numbness normal', '- is it painful'), ultrasound])))
    const checks = checkPhrasings(createEngine(kb), kb.pairs.find((p) => p.id === 'numbness')!)
    const missed = checks.filter((c) => c.problem)
    expect(missed).toHaveLength(1)
    expect(missed[0]).toMatchObject({ text: 'is it painful', problem: MisrouteKind.otherPair, winner: { id: 'does-it-hurt', question: 'Does the injection hurt?' } })
  })

  it('says when the emergency check catches a phrasing before matching', () => {
    const kb = compileKb(writeDir(clinicKb([hurt, numbness.replace('- is numbness normal', '- numb and chest pain'), ultrasound])))
    const missed = checkPhrasings(createEngine(kb), kb.pairs.find((p) => p.id === 'numbness')!).filter((c) => c.problem)
    expect(missed).toMatchObject([{ problem: MisrouteKind.intent, kind: 'emergency', caughtBy: 'emergency: chest pain' }])
  })

  it('says when a handoff topic takes a phrasing', () => {
    const handoffs = '# Handed off\n\n## Parking\nid: parking\nasked:\n- is there parking\n- where do i park my car\n\nPlease ask the front desk.\n'
    const kb = compileKb(writeDir(clinicKb([hurt, numbness.replace('- is numbness normal', '- where do i park my car'), ultrasound], { 'handoffs.md': handoffs })))
    const missed = checkPhrasings(createEngine(kb), kb.pairs.find((p) => p.id === 'numbness')!).filter((c) => c.problem)
    expect(missed.map((c) => [c.text, c.problem])).toEqual([['where do i park my car', MisrouteKind.handoff]])
    expect(missed[0]!.caughtBy).toBe('parking')
  })
})

describe('describeMisroute', () => {
  it('says what happens instead, for each kind of miss', () => {
    expect(describeMisroute(check({ problem: 'other-pair', winner: { id: 'b', question: 'B?', confidence: 0.9 } }), 0.5)).toBe('retrieves pair "b" first (0.90 against its own 0.40)')
    expect(describeMisroute(check({ problem: 'handoff', caughtBy: 'prices' }), 0.5)).toBe('is taken by the handoff topic "prices"')
    expect(describeMisroute(check({ problem: 'intent', caughtBy: 'small talk: greeting' }), 0.5)).toBe('is caught before matching (small talk: greeting)')
    expect(describeMisroute(check({ problem: 'below-threshold' }), 0.5)).toBe('falls back: its confidence 0.40 is below the threshold 0.5')
    expect(describeMisroute(check({}), 0.5)).toBe('retrieves its pair first')
  })
})

describe('sourceCoverage', () => {
  it('lists every page section with the pairs citing it', () => {
    const kb = compileKb(writeDir(clinicKb(CLEAN_PAIRS, { 'pages/extra.md': '# Extra\n\n## Parking\nw\n' })))
    expect(sourceCoverage(kb)).toEqual([
      {
        id: 'care',
        title: 'Care at the clinic',
        sections: [
          { id: 'how-it-feels', title: 'How it feels', citedBy: ['does-it-hurt'] },
          { id: 'numbness', title: 'Numbness', citedBy: ['numbness'] },
          { id: 'ultrasound', title: 'Ultrasound', citedBy: ['ultrasound'] },
        ],
      },
      { id: 'extra', title: 'Extra', sections: [{ id: 'parking', title: 'Parking', citedBy: [] }] },
    ])
  })
})
