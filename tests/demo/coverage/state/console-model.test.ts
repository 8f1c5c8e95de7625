import { describe, expect, it } from 'vitest'
import { ConsoleModel, ConsoleTab } from '../../../../demo/coverage/state/console-model.ts'
import { SAMPLE_NAME } from '../../../../demo/coverage/state/questions-model.ts'
import { CONSOLE_FILES, stubFetch } from './fixtures.ts'

describe('ConsoleModel', () => {
  it('starts by loading the knowledge base and the sample log, then has rows for every question', async () => {
    const model = new ConsoleModel({ fetchText: stubFetch(CONSOLE_FILES) })
    expect(model.coverage.rows.value).toEqual([])
    await model.start()
    expect(model.kb.status.value).toBe('ready')
    expect(model.questions.source.value).toBe(SAMPLE_NAME)
    expect(model.coverage.rows.value.map((row) => row.kind)).toEqual(['smalltalk', 'answer', 'answer', 'fallback', 'fallback'])
    expect(model.table.visible.value).toHaveLength(5)
  })

  it('carries a threshold change through to the table and the knowledge-base browser', async () => {
    const model = new ConsoleModel({ fetchText: stubFetch(CONSOLE_FILES) })
    await model.start()
    model.table.toggleKind('fallback')
    expect(model.table.visible.value).toHaveLength(3)
    model.coverage.setThreshold(1)
    expect(model.table.visible.value.map((row) => row.kind)).toEqual(['smalltalk'])
    expect(model.browser.entries.value[0]?.checks.length).toBeGreaterThan(0)
    expect(model.coverage.engine.value?.options.threshold).toBe(1)
  })

  it('selects tabs, and reveals a pair by clearing the browser filters that could hide it', async () => {
    const model = new ConsoleModel({ fetchText: stubFetch(CONSOLE_FILES) })
    await model.start()
    expect(model.tab.value).toBe(ConsoleTab.questions)
    model.selectTab(ConsoleTab.sources)
    expect(model.tab.value).toBe(ConsoleTab.sources)
    model.browser.setSearch('nothing matches this')
    model.browser.setOnlyFlagged(true)
    model.browser.setTopic('Elsewhere')
    model.revealPair('does-it-hurt')
    expect([model.tab.value, model.shownPair.value]).toEqual([ConsoleTab.pairs, 'does-it-hurt'])
    expect(model.browser.visible.value.map((entry) => entry.pair.id)).toContain('does-it-hurt')
  })
})
