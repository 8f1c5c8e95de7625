/** The whole console's state: the models composed, each owning one concern. */
import { createModel, signal } from '@preact/signals'
import { KbModel, type KbModelOptions } from './kb-model.ts'
import { QuestionsModel, type QuestionsModelOptions } from './questions-model.ts'
import { CoverageModel } from './coverage-model.ts'
import { TableModel } from './table-model.ts'
import { KbBrowserModel } from './kb-browser-model.ts'
import { CorrectionsModel } from './corrections-model.ts'

/** The console's tabs below the summary. */
export const ConsoleTab = { questions: 'questions', pairs: 'pairs', sources: 'sources' } as const
/** One of {@link ConsoleTab}'s values. */
export type ConsoleTab = (typeof ConsoleTab)[keyof typeof ConsoleTab]

/** Options of {@link ConsoleModel}: where its files are and how to fetch them. */
export type ConsoleModelOptions = KbModelOptions & QuestionsModelOptions

/** Every model of the console, wired together, and the tab shown. */
export const ConsoleModel = createModel((options: ConsoleModelOptions = {}) => {
  const kb = new KbModel(options)
  const questions = new QuestionsModel(options)
  const coverage = new CoverageModel(kb.kb, questions.questions, questions.entries)
  const table = new TableModel(coverage.rows)
  const browser = new KbBrowserModel(kb.kb, coverage.engine)
  const corrections = new CorrectionsModel(kb.kb, coverage.rows, questions.questions, coverage.threshold, coverage.engine)
  const tab = signal<ConsoleTab>(ConsoleTab.questions, { name: 'console.tab' })
  const shownPair = signal<string | null>(null, { name: 'console.shownPair' })
  return {
    kb,
    questions,
    coverage,
    table,
    browser,
    corrections,
    tab,
    shownPair,
    /** Shows a tab. */
    selectTab(next: ConsoleTab): void {
      tab.value = next
    },
    /** Shows a pair in the knowledge-base browser: its tab, with the filters that could hide it cleared. */
    revealPair(id: string): void {
      browser.setSearch('')
      browser.setTopic('')
      browser.setOnlyFlagged(false)
      tab.value = ConsoleTab.pairs
      shownPair.value = id
    },
    /** Loads the knowledge base and, to start with something to look at, the sample log. */
    async start(): Promise<void> {
      await Promise.all([kb.load(), questions.loadSample()])
    },
  }
})

/** An instance of {@link ConsoleModel}. */
export type ConsoleModel = InstanceType<typeof ConsoleModel>
