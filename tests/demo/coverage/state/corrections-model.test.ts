import { computed, signal } from '@preact/signals'
import { describe, expect, it } from 'vitest'
import { coverageRows } from '../../../../build/staff/coverage.ts'
import { Verdict } from '../../../../build/staff/corrections.ts'
import { parseCorrections } from '../../../../build/staff/corrections-file.ts'
import { CorrectionsModel } from '../../../../demo/coverage/state/corrections-model.ts'
import { createEngine, type KbFile } from '../../../../widget/engine/index.ts'
import { SMALL } from './fixtures.ts'

const QUESTIONS = ['will the shot hurt', 'explain the injection that stings', 'explain the shot that stings', 'is the needle long', 'can I pay by card']

function setup() {
  const kb = signal<KbFile | null>(SMALL)
  const questions = signal(QUESTIONS)
  const threshold = signal(0.4)
  const engine = computed(() => createEngine(kb.value!, { threshold: threshold.value }))
  const rows = computed(() => coverageRows(engine.value, questions.value))
  return { kb, threshold, model: new CorrectionsModel(kb, rows, questions, threshold, engine) }
}

describe('CorrectionsModel', () => {
  it('previews nothing before a judgement', () => {
    const { model } = setup()
    expect([model.results.value, model.changed.value, model.previewRows.value]).toEqual([[], [], []])
  })

  it('rebuilds the knowledge base with each judgement and asks every question again', () => {
    const { model } = setup()
    model.judge({ question: 'explain the injection that stings', verdict: Verdict.notPair, id: 'what-is-it' })
    model.judge({ question: 'is the needle long', verdict: Verdict.answer, id: 'what-is-it' })
    expect(model.results.value.map((r) => [r.correction.question, r.after, r.fixed])).toEqual([
      ['explain the injection that stings', { kind: 'answer', id: 'does-it-hurt' }, true],
      ['is the needle long', { kind: 'answer', id: 'what-is-it' }, true],
    ])
    // A close paraphrase of the refused question changes with it: the preview shows it before anything is saved.
    expect(model.changed.value).toEqual([
      { question: 'explain the injection that stings', before: { kind: 'answer', id: 'what-is-it' }, after: { kind: 'answer', id: 'does-it-hurt' } },
      { question: 'explain the shot that stings', before: { kind: 'answer', id: 'what-is-it' }, after: { kind: 'answer', id: 'does-it-hurt' } },
      { question: 'is the needle long', before: { kind: 'fallback', id: null }, after: { kind: 'answer', id: 'what-is-it' } },
    ])
  })

  it('keeps one judgement per question, the latest, and forgets them on request', () => {
    const { model } = setup()
    model.judge({ question: 'can I pay by card', verdict: Verdict.fallback })
    model.judge({ question: 'can I pay by card', verdict: Verdict.handoff, id: 'prices' })
    expect(model.judgements.value).toEqual([{ question: 'can I pay by card', verdict: 'handoff', id: 'prices' }])
    expect(model.judgementOf('can I pay by card')?.id).toBe('prices')
    model.unjudge('can I pay by card')
    expect(model.judgements.value).toEqual([])
    model.judge({ question: 'will the shot hurt', verdict: Verdict.correct })
    model.clear()
    expect(model.results.value).toEqual([])
  })

  it('plans at the threshold the console shows', () => {
    const { model, threshold } = setup()
    model.judge({ question: 'will the shot hurt', verdict: Verdict.correct })
    threshold.value = 1
    expect(model.results.value[0]!.correction.before).toEqual({ kind: 'fallback', id: null })
  })

  it('exports the corrections file frontdesk apply reads', () => {
    const { model } = setup()
    model.judge({ question: 'is the needle long', verdict: Verdict.answer, id: 'what-is-it' })
    const file = parseCorrections(model.exportJson(), 'export')
    expect(file).toMatchObject({ kb: SMALL.hash, threshold: 0.4 })
    expect(file.corrections).toEqual([
      { question: 'is the needle long', verdict: 'answer', id: 'what-is-it', before: { kind: 'fallback', id: null }, changes: [{ field: 'asked', id: 'what-is-it' }] },
    ])
  })
})
