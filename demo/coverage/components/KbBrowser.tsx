/** The knowledge-base browser: every pair with its phrasings, source and related pairs, flagged when misrouted. */
import { useEffect } from 'preact/hooks'
import { describeMisroute } from '../../../build/staff/kb-health.ts'
import type { KbBrowserModel, PairEntry } from '../state/kb-browser-model.ts'

/** Props of {@link KbBrowser}. */
export interface KbBrowserProps {
  browser: KbBrowserModel
  /** The threshold the checks ran at, for their explanations. */
  threshold: number
  /** Shows a pair: clears the filters that hide it and scrolls to it. */
  onShowPair(id: string): void
  /** The pair last asked for, scrolled to and focused. */
  shownPair: string | null
}

/** Props of {@link PairCard}. */
interface PairCardProps {
  entry: PairEntry
  threshold: number
  /** The question of each pair by id, to name related pairs. */
  questions: ReadonlyMap<string, string>
  onShowPair(id: string): void
  /** True for the pair last asked for. */
  shown: boolean
}

function PairCard({ entry, threshold, questions, onShowPair, shown }: PairCardProps) {
  const { pair, checks, flagged } = entry
  return (
    <article id={`pair-${pair.id}`} tabIndex={-1} class={`pair${flagged ? ' flagged' : ''}${shown ? ' shown' : ''}`} aria-labelledby={`pair-${pair.id}-title`}>
      <header>
        <h3 id={`pair-${pair.id}-title`}>{pair.question}</h3>
        {flagged && <span class="badge flag">flagged</span>}
      </header>
      <dl class="pair-meta">
        <div>
          <dt>id</dt>
          <dd>
            <code>{pair.id}</code>
          </dd>
        </div>
        <div>
          <dt>source</dt>
          <dd>
            {pair.source.label} {pair.source.page && <span class="muted">({pair.source.page}#{pair.source.section})</span>}
          </dd>
        </div>
        {pair.origin && (
          <div>
            <dt>written at</dt>
            <dd>
              <code>{pair.origin}</code>
            </dd>
          </div>
        )}
        <div>
          <dt>related</dt>
          <dd>
            <ul class="related">
              {pair.related.map((id) => (
                <li key={id}>
                  <a href={`#pair-${id}`} onClick={(event) => (event.preventDefault(), onShowPair(id))}>
                    {questions.get(id) ?? id}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {pair.note && (
          <div>
            <dt>note</dt>
            <dd>{pair.note}</dd>
          </div>
        )}
      </dl>
      <h4>Question and phrasings</h4>
      <ul class="phrasings">
        {checks.map((check, i) => (
          <li key={i} class={check.problem ? 'miss' : 'hit'}>
            <span class="mark" aria-hidden="true">
              {check.problem ? '✗' : '✓'}
            </span>
            <span class="visually-hidden">{check.problem ? 'Misrouted: ' : 'Retrieves this pair: '}</span>
            <span class={check.isQuestion ? 'phrasing question-text' : 'phrasing'}>{check.text}</span>
            <span class="muted small"> {check.problem ? describeMisroute(check, threshold) : check.confidence.toFixed(2)}</span>
          </li>
        ))}
      </ul>
      {pair.not && (
        <>
          <h4>Not for (refused questions)</h4>
          <ul class="phrasings refused">
            {pair.not.map((text, i) => (
              <li key={i}>
                <span class="mark" aria-hidden="true">
                  ⊘
                </span>
                <span class="phrasing">{text}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>Answer</summary>
        <p class="answer">{pair.answerText}</p>
      </details>
    </article>
  )
}

/** The filters and the list of pairs. */
export function KbBrowser({ browser, threshold, onShowPair, shownPair }: KbBrowserProps) {
  const entries = browser.entries.value
  useEffect(() => {
    const card = shownPair ? document.getElementById(`pair-${shownPair}`) : null
    card?.scrollIntoView({ block: 'start' })
    // Focus follows, so keyboard and screen-reader users land on the pair they asked for.
    card?.focus({ preventScroll: true })
  }, [shownPair])
  const visible = browser.visible.value
  const questions = new Map(entries.map(({ pair }) => [pair.id, pair.question]))
  return (
    <div class="kb-browser">
      <div class="toolbar">
        <div class="search">
          <label for="kb-search">Search pairs</label>
          <input id="kb-search" type="search" placeholder="id, question, phrasing or answer" value={browser.search.value} onInput={(event) => browser.setSearch(event.currentTarget.value)} />
        </div>
        <div class="select">
          <label for="kb-topic">Topic</label>
          <select id="kb-topic" value={browser.topic.value} onChange={(event) => browser.setTopic(event.currentTarget.value)}>
            <option value="">All topics</option>
            {browser.topics.value.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input type="checkbox" checked={browser.onlyFlagged.value} onChange={(event) => browser.setOnlyFlagged(event.currentTarget.checked)} />
          Only flagged pairs ({browser.flaggedCount.value})
        </label>
      </div>
      <p class="status" role="status">
        {browser.flaggedCount.value} of {entries.length} pairs flagged: their question or a phrasing does not get them at threshold {threshold.toFixed(2)}. Showing {visible.length}.
      </p>
      <div class="pairs">
        {visible.map((entry) => (
          <PairCard key={entry.pair.id} entry={entry} threshold={threshold} questions={questions} onShowPair={onShowPair} shown={entry.pair.id === shownPair} />
        ))}
      </div>
    </div>
  )
}
