/** The coverage console: header with the threshold, the question input, the summary, and the detail tabs. */
import type { JSX } from 'preact'
import { ConsoleTab, type ConsoleModel } from '../state/console-model.ts'
import { CorrectionsPanel } from './CorrectionsPanel.tsx'
import { InputPanel } from './InputPanel.tsx'
import { KbBrowser } from './KbBrowser.tsx'
import { QuestionTable } from './QuestionTable.tsx'
import { SourceCoverage } from './SourceCoverage.tsx'
import { SummaryPanel } from './SummaryPanel.tsx'
import { ThresholdSlider } from './ThresholdSlider.tsx'

/** Props of {@link App}. */
export interface AppProps {
  model: ConsoleModel
}

const TAB_ORDER = [ConsoleTab.questions, ConsoleTab.pairs, ConsoleTab.sources] as const

/** Questions above which the slider recomputes on release rather than while it moves. */
const LIVE_LIMIT = 400

/** The knowledge base's state in the header: loading, its size, or why it failed. */
function KbStatus({ model }: AppProps) {
  const kb = model.kb.kb.value
  if (model.kb.error.value) return <p class="kb-status error" role="alert">{model.kb.error.value}</p>
  if (!kb) return <p class="kb-status">Loading the knowledge base…</p>
  return (
    <p class="kb-status">
      Knowledge base: <strong>{kb.pairs.length}</strong> pairs · {kb.handoffs.length} handoff topics{kb.pages && ` · ${kb.pages.length} pages`} <span class="muted">({kb.hash})</span>
    </p>
  )
}

/** The whole console. */
export function App({ model }: AppProps) {
  const tab = model.tab.value
  const rows = model.coverage.rows.value
  const labels: Record<ConsoleTab, string> = {
    questions: `Questions (${rows.length})`,
    pairs: `Knowledge base (${model.kb.kb.value?.pairs.length ?? 0} pairs)`,
    sources: `Source coverage (${model.browser.uncitedCount.value} uncited)`,
  }
  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern; Tab moves into the panel.
  const onTabKey = (event: JSX.TargetedKeyboardEvent<HTMLButtonElement>): void => {
    const at = TAB_ORDER.indexOf(tab)
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TAB_ORDER.length - 1 }
    const to = moves[event.key]
    if (to === undefined) return
    event.preventDefault()
    const next = TAB_ORDER[(to + TAB_ORDER.length) % TAB_ORDER.length]!
    model.selectTab(next)
    document.getElementById(`tab-${next}`)?.focus()
  }
  const showPair = (id: string): void => model.revealPair(id)
  const threshold = model.coverage.threshold.value
  return (
    <div class="console">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <div class="title">
            <h1>Coverage console</h1>
            <KbStatus model={model} />
          </div>
          {/* The phrasing checks ask the engine every pair's phrasings: too many to redo at every pixel. */}
          <ThresholdSlider coverage={model.coverage} live={rows.length <= LIVE_LIMIT && tab !== ConsoleTab.pairs} />
        </div>
      </header>
      <main id="main" class="content">
        <InputPanel questions={model.questions} />
        <SummaryPanel summary={model.coverage.summary.value} />
        {/* Beside the table where rows are judged. */}
        <CorrectionsPanel corrections={model.corrections} total={rows.length} />
        <section class="card details" aria-label="Details">
          <div role="tablist" aria-label="Details" class="tabs">
            {TAB_ORDER.map((name) => (
              <button
                key={name}
                id={`tab-${name}`}
                type="button"
                role="tab"
                aria-selected={tab === name}
                aria-controls={`panel-${name}`}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => model.selectTab(name)}
                onKeyDown={onTabKey}
              >
                {labels[name]}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="panel">
            {tab === ConsoleTab.questions && <QuestionTable table={model.table} rows={rows} onShowPair={showPair} kb={model.kb.kb.value} corrections={model.corrections} />}
            {tab === ConsoleTab.pairs && <KbBrowser browser={model.browser} threshold={threshold} onShowPair={showPair} shownPair={model.shownPair.value} />}
            {tab === ConsoleTab.sources && <SourceCoverage pages={model.browser.sources.value} uncited={model.browser.uncitedCount.value} onShowPair={showPair} />}
          </div>
        </section>
      </main>
      <footer class="footer">
        <p>
          Frontdesk staff console · everything runs in this browser; questions never leave it. <a href="../">Back to the demo page</a>
        </p>
      </footer>
    </div>
  )
}
