import { signal } from '@preact/signals'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../../build/compiler/compile.ts'
import { KbBrowserModel } from '../../../../demo/coverage/state/kb-browser-model.ts'
import { createEngine, type Engine, type KbFile } from '../../../../widget/engine/index.ts'
import { CLEAN_PAIRS, clinicKb, writeDir } from '../../../build/staff/kb-dir.ts'

const [hurt, numbness, ultrasound] = CLEAN_PAIRS as [string, string, string]
/** The clean clinic knowledge base, but "is it painful" is a phrasing of two pairs, and one page section is uncited. */
const BROKEN = compileKb(
  writeDir(clinicKb([hurt, numbness.replace('- is numbness normal', '- is it painful'), ultrasound], { 'pages/extra.md': '# Extra\n\n## Parking\nw\n' })),
)

function setup(kb: KbFile | null = BROKEN) {
  const kbSignal = signal<KbFile | null>(kb)
  const engine = signal<Engine | null>(kb ? createEngine(kb) : null)
  return { kbSignal, engine, model: new KbBrowserModel(kbSignal, engine) }
}

describe('KbBrowserModel', () => {
  it('lists nothing until there is a knowledge base and an engine', () => {
    const { model } = setup(null)
    expect([model.entries.value, model.sources.value, model.topics.value]).toEqual([[], [], []])
  })

  it('lists every pair with its question and phrasings checked, flagging misrouted ones', () => {
    const { model } = setup()
    expect(model.entries.value.map((entry) => [entry.pair.id, entry.checks.length, entry.flagged])).toEqual([
      ['does-it-hurt', 5, false],
      ['numbness', 5, true],
      ['ultrasound', 5, false],
    ])
    const missed = model.entries.value[1]!.checks.filter((check) => check.problem)
    expect(missed.map((check) => [check.text, check.winner?.id])).toEqual([['is it painful', 'does-it-hurt']])
    expect(model.flaggedCount.value).toBe(1)
  })

  it('filters by flag, topic and search text over ids, phrasings and answers', () => {
    const { model } = setup()
    model.setOnlyFlagged(true)
    expect(model.visible.value.map((entry) => entry.pair.id)).toEqual(['numbness'])
    model.setOnlyFlagged(false)
    model.setSearch('SCREEN')
    expect(model.visible.value.map((entry) => entry.pair.id)).toEqual(['ultrasound'])
    model.setSearch('brief sting')
    expect(model.visible.value.map((entry) => entry.pair.id)).toEqual(['does-it-hurt'])
    model.setSearch('')
    expect(model.topics.value).toEqual(['Care'])
    model.setTopic('Other')
    expect(model.visible.value).toEqual([])
    model.setTopic('')
    expect(model.visible.value).toHaveLength(3)
  })

  it('rechecks the phrasings with a new engine, such as one at another threshold', () => {
    const { model, engine } = setup()
    expect(model.flaggedCount.value).toBe(1)
    // At threshold 1 nothing short of a perfect match is answered, so every pair's phrasings fall back.
    engine.value = createEngine(BROKEN, { threshold: 1 })
    expect(model.flaggedCount.value).toBe(3)
    expect(model.entries.value[0]!.checks.some((check) => check.problem === 'below-threshold')).toBe(true)
  })

  it('marks each source section cited or not, and counts the uncited', () => {
    const { model } = setup()
    expect(model.sources.value.map((page) => page.sections.map((section) => [section.id, section.citedBy]))).toEqual([
      [
        ['how-it-feels', ['does-it-hurt']],
        ['numbness', ['numbness']],
        ['ultrasound', ['ultrasound']],
      ],
      [['parking', []]],
    ])
    expect(model.uncitedCount.value).toBe(1)
  })
})
