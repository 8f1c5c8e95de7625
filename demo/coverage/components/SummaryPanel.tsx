/** The summary: key numbers and the three charts, at the current threshold. */
import { formatPercent, KIND_LABEL, KIND_ORDER, type CoverageSummary } from '../../../build/staff/coverage.ts'
import { histogramChart, kindSharesChart, pairHitsChart } from '../../../build/staff/charts.ts'
import { ChartSvg } from './Chart.tsx'

/** Props of {@link SummaryPanel}. */
export interface SummaryPanelProps {
  summary: CoverageSummary
}

/** Numbers, reply-kind shares, the confidence histogram and the hits per pair with the pairs no question reached. */
export function SummaryPanel({ summary }: SummaryPanelProps) {
  const reached = summary.pairs.length - summary.unreached.length
  return (
    <section class="card summary" aria-labelledby="summary-title">
      <div class="card-head">
        <h2 id="summary-title">Summary</h2>
        <p class="status">
          {summary.total} questions at threshold {summary.threshold.toFixed(2)}
        </p>
      </div>
      {summary.total === 0 ? (
        <p class="empty">Paste questions, drop a log or load the sample log to see the summary.</p>
      ) : (
        <>
          <dl class="stats">
            <div class="stat-main">
              <dt>share answered</dt>
              <dd>{formatPercent(summary.answeredShare)}</dd>
            </div>
            {KIND_ORDER.map((kind) => (
              <div key={kind} class={`stat k-${kind}`}>
                <dt>{KIND_LABEL[kind]}</dt>
                <dd>{summary.counts[kind]}</dd>
              </div>
            ))}
            <div class="stat">
              <dt>pairs reached</dt>
              <dd>
                {reached}
                <span class="of"> of {summary.pairs.length}</span>
              </dd>
            </div>
          </dl>
          <div class="charts">
            <figure class="chart-card">
              <figcaption>Reply kinds</figcaption>
              <ChartSvg chart={kindSharesChart(summary)} title="Share of each reply kind" />
            </figure>
            <figure class="chart-card">
              <figcaption>Confidence, threshold marked</figcaption>
              <ChartSvg chart={histogramChart(summary)} title="Confidence histogram" />
            </figure>
            <figure class="chart-card chart-wide">
              <figcaption>Hits per pair</figcaption>
              <div class="hits">
                <ChartSvg chart={pairHitsChart(summary)} title="Questions that reached each pair" />
                <div class="unreached">
                  <h3>
                    {summary.unreached.length} pair{summary.unreached.length === 1 ? '' : 's'} no question reached
                  </h3>
                  {summary.unreached.length > 0 && (
                    <ul>
                      {summary.unreached.map((pair) => (
                        <li key={pair.id}>
                          <code>{pair.id}</code>
                          <span class="muted"> {pair.question}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </div>
            </figure>
          </div>
        </>
      )}
    </section>
  )
}
