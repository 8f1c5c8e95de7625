/** Why a question got its reply, in the visitor's own words: what matched, the phrasing it matched, what did not. */
import type { CoverageRow } from '../../../build/staff/coverage.ts'

/** Props of {@link Why}. */
export interface WhyProps {
  row: CoverageRow
}

/** The visitor's words as marked chips: green for matched, grey for not. */
function Words({ words, matched = true }: { words: readonly string[]; matched?: boolean }) {
  return (
    <>
      {words.map((word, i) => (
        <span key={i} class={matched ? 'term' : 'term term-miss'}>
          {word}
        </span>
      ))}
    </>
  )
}

/**
 * The words of the question that matched the leading pair or handoff topic and the phrasing of it they matched, the
 * words nothing matched, and the runner-up. Emergency and small talk are decided before matching: their reason.
 */
export function Why({ row }: WhyProps) {
  const { leader, runnerUp } = row
  if (row.kind === 'emergency' || row.kind === 'smalltalk' || !leader) {
    return (
      <div class="why">
        <p>{row.reason}</p>
      </div>
    )
  }
  const theirs = runnerUp?.matchedWords.filter((word) => !leader.matchedWords.includes(word)) ?? []
  return (
    <div class="why">
      <p>
        {leader.matchedWords.length > 0 ? (
          <>
            <Words words={leader.matchedWords} /> matched{' '}
          </>
        ) : (
          'Nothing matched '
        )}
        {row.closestPhrasing && (
          <>
            <q class="phrasing">{row.closestPhrasing}</q>{' '}
          </>
        )}
        <span class="muted">
          ({leader.kind === 'handoff' ? 'handoff ' : ''}
          {leader.id})
        </span>
      </p>
      {row.unmatchedWords.length > 0 && (
        <p>
          <span class="muted">not matched </span>
          <Words words={row.unmatchedWords} matched={false} />
        </p>
      )}
      {runnerUp && (
        <p class="muted">
          runner-up <code>{runnerUp.id}</code> {runnerUp.confidence.toFixed(2)}
          {theirs.length > 0 && <> (also matched {theirs.join(', ')})</>}
        </p>
      )}
    </div>
  )
}
