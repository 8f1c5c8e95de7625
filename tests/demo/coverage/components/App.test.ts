// @vitest-environment happy-dom
import { h, render } from 'preact'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultEngineOptions } from '../../../../widget/engine/index.ts'
import { App } from '../../../../demo/coverage/components/App.tsx'
import { ConsoleModel } from '../../../../demo/coverage/state/console-model.ts'
import { CONSOLE_FILES, stubFetch } from '../state/fixtures.ts'

let root: HTMLElement
let model: ConsoleModel

/** Lets Preact apply signal updates, which it batches to the next tick. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!
const $$ = (selector: string) => [...root.querySelectorAll(selector)]
const text = (selector: string) => $(selector).textContent?.replace(/\s+/g, ' ').trim()

beforeEach(async () => {
  root = document.createElement('div')
  document.body.append(root)
  model = new ConsoleModel({ fetchText: stubFetch(CONSOLE_FILES) })
  render(h(App, { model }), root)
  await model.start()
  await settle()
})

afterEach(() => {
  render(null, root)
  root.remove()
})

describe('App', () => {
  it('shows the knowledge base, the questions, the summary and the table', () => {
    expect(text('h1')).toBe('Coverage console')
    expect(text('.kb-status')).toMatch(/^Knowledge base: 2 pairs · 1 handoff topics · 1 pages/)
    expect($$('h2').map((el) => el.textContent)).toEqual(['Questions to test', 'Summary'])
    expect(text('.input-panel .status')).toBe('5 questions from the sample question log')
    expect([text('.stat-main dt'), text('.stat-main dd')]).toEqual(['share answered', '40%'])
    expect($$('table.questions tbody tr')).toHaveLength(5)
    expect($$('svg.chart')).toHaveLength(3)
  })

  it('sets no inline style anywhere, so it runs under a style-src self policy', async () => {
    for (const tab of ['pairs', 'sources', 'questions']) {
      $(`#tab-${tab}`).click()
      await settle()
      expect($$('[style]').map((el) => el.outerHTML.slice(0, 80))).toEqual([])
    }
  })

  it('labels every form control', () => {
    for (const control of $$('input, select, textarea')) {
      const id = control.getAttribute('id')
      const labelled = control.closest('label') ?? (id ? root.querySelector(`label[for="${id}"]`) : null)
      expect(labelled, control.outerHTML).not.toBeNull()
    }
  })

  it('recomputes the summary and the table live when the threshold slider moves', async () => {
    const slider = $<HTMLInputElement>('#threshold')
    slider.value = '1'
    slider.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(text('.threshold-value')).toBe('1.00')
    expect(text('.summary .card-head .status')).toBe('5 questions at threshold 1.00')
    expect($$('tbody .badge').map((el) => el.textContent)).toEqual(['small talk', 'fallback', 'fallback', 'fallback', 'fallback'])
    $<HTMLButtonElement>('.threshold button').click()
    await settle()
    expect(text('.threshold-value')).toBe(defaultEngineOptions.threshold.toFixed(2))
  })

  it('recomputes on release instead while the phrasing checks are shown, as they are slow to redo', async () => {
    $('#tab-pairs').click()
    await settle()
    const slider = $<HTMLInputElement>('#threshold')
    slider.value = '1'
    slider.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(text('.threshold-value')).toBe('1.00')
    expect(model.coverage.threshold.value).toBe(defaultEngineOptions.threshold)
    slider.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(model.coverage.threshold.value).toBe(1)
    expect(text('.summary .card-head .status')).toBe('5 questions at threshold 1.00')
  })

  it('filters the table by kind and sorts it from the column headers', async () => {
    const fallback = $$('.kinds input')[2] as HTMLInputElement
    fallback.click()
    await settle()
    expect($$('tbody tr')).toHaveLength(3)
    const confidence = $$('th button.sort')[3] as HTMLButtonElement
    confidence.click()
    await settle()
    expect($$('th')[3]!.getAttribute('aria-sort')).toBe('descending')
    const shown = $$('tbody td.num .confidence').map((el) => Number(el.textContent))
    expect(shown).toHaveLength(3)
    expect(shown).toEqual([...shown].sort((a, b) => b - a))
  })

  it('moves between tabs with the arrow keys, as the tabs pattern expects', async () => {
    $('#tab-questions').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    await settle()
    expect($('#tab-pairs').getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement?.id).toBe('tab-pairs')
    expect($$('.pair')).toHaveLength(2)
    $('#tab-pairs').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))
    await settle()
    expect(text('[role=tabpanel] .status')).toMatch(/^2 of 2 sections are cited/)
  })

  it('opens a pair in the knowledge-base browser from the source coverage', async () => {
    $('#tab-sources').click()
    await settle()
    ;($$('.source-page a')[0] as HTMLAnchorElement).click()
    await settle()
    expect($('#tab-pairs').getAttribute('aria-selected')).toBe('true')
    expect($$('.pair.shown').map((el) => el.id)).toEqual(['pair-what-is-it'])
  })
})
