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
/** The table row of a question. */
const rowOf = (question: string) => $$('tbody tr').find((tr) => tr.querySelector('td.question')?.firstChild?.textContent === question)!
/** Chooses an option of a select as a person would. */
const choose = (select: HTMLSelectElement, value: string) => {
  select.value = value
  select.dispatchEvent(new Event('change', { bubbles: true }))
}

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
    expect($$('h2').map((el) => el.textContent)).toEqual(['Questions to test', 'Summary', 'Corrections'])
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
    expect($$('tbody .badge').map((el) => el.textContent).sort()).toEqual(['fallback', 'fallback', 'fallback', 'fallback', 'small talk'])
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

  it('says why in the visitor\'s words: the words that matched, the phrasing they matched, the words that did not', async () => {
    model.questions.loadText('will the jabs hurt\nexplain the painful injection', 'log.txt')
    await settle()
    const why = (question: string) => rowOf(question).querySelector('.why')!
    const words = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((chip) => chip.textContent)
    expect(words(why('will the jabs hurt'), '.term:not(.term-miss)')).toEqual(['will', 'jabs', 'hurt'])
    expect(why('will the jabs hurt').querySelector('q')!.textContent).toBe('will the shot hurt')
    expect(words(why('explain the painful injection'), '.term-miss')).toEqual(['painful'])
    // Stems and synonyms' canonical words ("jab" read as "injection", "pain") are the engine's, not the visitor's.
    expect(why('will the jabs hurt').textContent).not.toMatch(/\binjection\b|\bpain\b/)
  })

  it('judges a row: "Right answer is…" searches the pairs, and the preview shows at once what it changes', async () => {
    model.questions.loadText('is the needle long\nwill the shot hurt\nhello', 'log.txt')
    await settle()
    const row = rowOf('is the needle long')
    choose(row.querySelector('select')!, 'answer')
    await settle()
    const pick = rowOf('is the needle long').querySelector<HTMLInputElement>('input[list]')!
    expect(root.querySelector(`#${pick.getAttribute('list')} option[value="what-is-it"]`)?.textContent).toBe('What is a trigger point injection?')
    pick.value = 'nope'
    pick.dispatchEvent(new Event('input', { bubbles: true }))
    await settle()
    expect(text('.judge .error')).toBe('No pair has that id or question: pick one from the list.')
    pick.value = 'what-is-it'
    pick.dispatchEvent(new Event('input', { bubbles: true }))
    pick.dispatchEvent(new Event('change', { bubbles: true }))
    await settle()
    expect(text('.corrections .card-head .status')).toBe('1 judged · 1 get the judged reply · 1 of 3 replies change')
    expect(rowOf('is the needle long').querySelector('.judged')!.textContent).toMatch(/With the corrections: answered with what-is-it \(was: fell back\)$/)
    expect(text('.changed-list')).toBe('is the needle long: fell back → answered with what-is-it')
    expect(JSON.parse(model.corrections.exportJson()).corrections).toHaveLength(1)
  })

  it('offers "Should hand off to…", "Nothing answers this" and "Not this pair" where they apply, and no judging of small talk', async () => {
    model.questions.loadText('explain the painful injection\ncan I pay by card\nhello', 'log.txt')
    await settle()
    const options = (question: string) => [...rowOf(question).querySelectorAll('select option')].map((o) => o.textContent)
    expect(options('explain the painful injection')).toEqual(['Judge…', 'Correct', 'Right answer is…', 'Should hand off to…', 'Nothing answers this', 'Not this pair (what-is-it)'])
    expect(options('can I pay by card')).not.toContain('Not this pair')
    expect(rowOf('hello').querySelector('select')).toBeNull()
    choose(rowOf('can I pay by card').querySelector('select')!, 'handoff')
    await settle()
    choose(rowOf('can I pay by card').querySelectorAll('select')[1]!, 'prices')
    choose(rowOf('explain the painful injection').querySelector('select')!, 'not-pair')
    await settle()
    expect($$('.correction-list li .outcome').map((el) => el.textContent?.trim())).toEqual(['✓ now handed off to prices', '✓ now answered with does-it-hurt'])
    for (const control of $$('.judge input, .judge select')) expect(root.querySelector(`label[for="${control.id}"]`), control.outerHTML).not.toBeNull()
    ;($$('.correction-list button')[0] as HTMLButtonElement).click()
    await settle()
    expect(model.corrections.judgements.value.map((j) => j.verdict)).toEqual(['not-pair'])
  })

  it('lists a pair\'s "not:" phrasings in the knowledge-base browser', async () => {
    model.kb.kb.value = { ...model.kb.kb.value!, pairs: model.kb.kb.value!.pairs.map((pair, i) => (i === 0 ? { ...pair, not: ['what time is it'] } : pair)) }
    $('#tab-pairs').click()
    await settle()
    expect($$('.pair')[0]!.querySelector('.refused')?.textContent).toContain('what time is it')
    expect($$('.pair')[1]!.querySelector('.refused')).toBeNull()
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
