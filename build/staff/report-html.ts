/**
 * The standalone coverage report of `frontdesk coverage --html`: one HTML file with its CSS and SVG charts inline
 * and no external assets, so it can be mailed or attached to a CI run. DOM-free.
 */
import { CHART_CSS, chartToSvg, escapeMarkup as esc, histogramChart, kindClass, kindSharesChart, pairHitsChart } from './charts.ts'
import { formatPercent, KIND_LABEL, KIND_ORDER, pairLabel, type CoverageRow, type CoverageSummary } from './coverage.ts'

/** What the report shows besides the numbers. */
export interface ReportInfo {
  /** The question log's name. */
  source: string
  /** The knowledge base's content hash. */
  kbHash: string
  /** When the report was made (ISO string); fixed in tests. */
  generated: string
}

const REPORT_CSS = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1f; margin: 0; background: #f6f7f9; }
main { max-width: 1080px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0 0 12px; }
.meta { color: #555; margin: 0 0 20px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; margin-bottom: 16px; }
main > section, main > .cards { margin-top: 16px; }
section { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 16px 18px; }
.stats { display: flex; gap: 28px; flex-wrap: wrap; margin: 0; }
.stats div { display: flex; flex-direction: column-reverse; }
.stats dt { color: #555; font-size: .85rem; }
.stats dd { margin: 0; font-size: 1.5rem; font-weight: 650; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e6e8eb; vertical-align: top; }
th { background: #f0f2f5; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.kind { font-weight: 600; }
.kind.k-answer { color: #1f7a3f; } .kind.k-clarify { color: #a35200; } .kind.k-fallback { color: #6b3fa0; }
.kind.k-emergency { color: #b3261e; } .kind.k-smalltalk { color: #1c5fa8; }
.why { color: #555; font-size: .82rem; }
ul.unreached { columns: 2; margin: 8px 0 0; padding-left: 18px; }
${CHART_CSS}`

/** Renders the whole report. */
export function renderCoverageReport(rows: readonly CoverageRow[], summary: CoverageSummary, info: ReportInfo): string {
  const stat = (label: string, value: string): string => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`
  const unreached = summary.unreached.length
    ? `<p>${summary.unreached.length} pair${summary.unreached.length === 1 ? '' : 's'} no question reached:</p><ul class="unreached">${summary.unreached
        .map((pair) => `<li><code>${esc(pair.id)}</code> ${esc(pair.question)}</li>`)
        .join('')}</ul>`
    : '<p>Every pair was reached by at least one question.</p>'
  const tableRows = rows
    .map((row) => {
      const pair = pairLabel(row) || '—'
      const runnersUp = row.alternatives.map((alt) => `${alt.id} ${alt.confidence.toFixed(2)}`).join(', ')
      const why = [row.reason, row.matchedTerms.length ? `matched: ${row.matchedTerms.join(' ')}` : '', runnersUp ? `runners-up: ${runnersUp}` : '']
        .filter(Boolean)
        .join(' · ')
      return `<tr><td class="num">${row.n}</td><td>${esc(row.question)}</td><td class="kind ${kindClass(row.kind)}">${esc(KIND_LABEL[row.kind])}</td><td class="num">${row.confidence.toFixed(2)}</td><td>${esc(pair)}</td><td class="why">${esc(why)}</td></tr>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk coverage report: ${esc(info.source)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Frontdesk coverage report</h1>
<p class="meta">${esc(info.source)} · ${summary.total} questions · threshold ${summary.threshold.toFixed(2)} · knowledge base ${esc(info.kbHash)} · ${esc(info.generated)}</p>
<section aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<dl class="stats">${stat('share answered', formatPercent(summary.answeredShare))}${KIND_ORDER.map((kind) => stat(KIND_LABEL[kind], String(summary.counts[kind]))).join('')}${stat('pairs not reached', String(summary.unreached.length))}</dl>
</section>
<div class="cards">
<section aria-labelledby="kinds-h"><h2 id="kinds-h">Reply kinds</h2>${chartToSvg(kindSharesChart(summary), 'Share of each reply kind')}</section>
<section aria-labelledby="hist-h"><h2 id="hist-h">Confidence</h2>${chartToSvg(histogramChart(summary), 'Confidence histogram with the threshold marked')}</section>
</div>
<section aria-labelledby="hits-h"><h2 id="hits-h">Hits per pair</h2>${chartToSvg(pairHitsChart(summary, 720), 'Questions that reached each pair')}${unreached}</section>
<section aria-labelledby="rows-h">
<h2 id="rows-h">Questions</h2>
<table>
<thead><tr><th scope="col">#</th><th scope="col">Question</th><th scope="col">Kind</th><th scope="col">Confidence</th><th scope="col">Pair</th><th scope="col">Why</th></tr></thead>
<tbody>
${tableRows}
</tbody>
</table>
</section>
</main>
</body>
</html>
`
}
