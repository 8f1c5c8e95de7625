/** `frontdesk coverage`: what the engine does with a log of visitors' questions. */
import { existsSync, readFileSync } from 'node:fs'
import { toAskJson } from '../../../widget/engine/index.ts'
import { explain, formatPercent, pairLabel, toCoverageRow, KIND_LABEL, KIND_ORDER, summarize, type CoverageRow, type CoverageSummary } from '../../staff/coverage.ts'
import { DOUBTFUL_BELOW } from '../../staff/needs.ts'
import { readQuestions } from '../../staff/questions.ts'
import { renderCoverageReport } from '../../staff/report-html.ts'
import { writeFileAtomic } from '../../compiler/write.ts'
import { loadKbAndEngine } from '../kb-file.ts'
import { paint, parse, thresholdOption, UsageError, type Command } from '../command.ts'

const KIND_COLOUR = { answer: 'green', clarify: 'yellow', fallback: 'magenta', smalltalk: 'cyan', emergency: 'red' } as const

/** Reads `--min-answered`: a share in 0..1, or a percentage ("80%", or a number above 1 up to 100). */
export function parseRate(value: string): number {
  const percent = value.trim().endsWith('%')
  const number = Number(value.trim().replace(/%$/, ''))
  if (value.trim() === '' || !Number.isFinite(number)) throw new UsageError(`--min-answered must be a share (0..1) or a percentage (80%), got "${value}"`)
  const rate = percent || number > 1 ? number / 100 : number
  if (rate < 0 || rate > 1) throw new UsageError(`--min-answered must be between 0 and 1 (or 0% and 100%), got "${value}"`)
  return rate
}

/** Answers below this confidence are shown with their "why", like fallbacks and clarifies: the near misses. */
const SHOW_WHY_BELOW = DOUBTFUL_BELOW

/** One table line per question, and a "why" line under the near misses (under every row with `all`). */
function formatRow(row: CoverageRow, width: number, all: boolean): string {
  const kind = paint(KIND_COLOUR[row.kind], KIND_LABEL[row.kind].padEnd(10))
  const pair = pairLabel(row) || '—'
  const question = row.question.length > width ? `${row.question.slice(0, width - 1)}…` : row.question
  const line = `${String(row.n).padStart(4)}  ${kind}  ${row.confidence.toFixed(2)}  ${pair.padEnd(36)}  ${question}`
  const decided = row.kind === 'answer' || row.kind === 'clarify' || row.kind === 'fallback'
  const nearMiss = row.kind !== 'answer' || row.confidence < SHOW_WHY_BELOW
  return decided && (all || nearMiss) ? `${line}\n${paint('dim', `${''.padEnd(24)}why: ${explain(row)}`)}` : line
}

/** The summary under the table. */
export function formatSummary(summary: CoverageSummary): string {
  const lines = [
    `${summary.total} questions at threshold ${summary.threshold}:`,
    ...KIND_ORDER.map((kind) => `  ${KIND_LABEL[kind].padEnd(11)}${String(summary.counts[kind]).padStart(5)}  ${formatPercent(summary.shares[kind]).padStart(6)}`),
    `pairs reached: ${summary.pairs.length - summary.unreached.length} of ${summary.pairs.length}`,
  ]
  if (summary.unreached.length > 0) lines.push(`not reached: ${summary.unreached.map((pair) => pair.id).join(', ')}`)
  return `${lines.join('\n')}\n`
}

export const command: Command = {
  summary: 'Run a log of visitors\' questions through the engine: table, summary, HTML report.',
  usage: `Usage: frontdesk coverage FILE [--kb FILE] [--json] [--html OUT] [--min-answered RATE] [--threshold N]

Reads FILE: one question per line, CSV with a "question" column (detected by the header), or JSON Lines with a
"question" field (records with a "helpful" field, feedback, are left out). Prints a table (kind, confidence,
matched pair, question) and a summary: the share of each reply kind, the pairs no question reached. The share
answered is answered questions out of all questions. Under each fallback, clarify and answer below confidence
${SHOW_WHY_BELOW}, a "why" line says in the visitor's words what decided it: the words that matched the leading pair
or handoff and its closest phrasing, the words nothing matched, and the runner-up. For a handoff the confidence is
the handoff's own; the pair column names the handoff.

Options:
  --kb FILE             the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --json                one JSON object per question instead (the "frontdesk ask --json" contract)
  --why                 a "why" line under every row, not only the near misses
  --html OUT            also write a standalone HTML report with charts to OUT
  --min-answered RATE   exit 1 when the share answered is below RATE: 0.8, 80% or 80
  --threshold N         the minimum confidence for an answer, 0..1 (default: the engine's)`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      kb: { type: 'string' },
      json: { type: 'boolean' },
      why: { type: 'boolean' },
      html: { type: 'string' },
      'min-answered': { type: 'string' },
      threshold: { type: 'string' },
    })
    if (positionals.length === 0) throw new UsageError('give the FILE of questions')
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
    const file = positionals[0]!
    const minAnswered = values['min-answered'] === undefined ? undefined : parseRate(values['min-answered'])
    const threshold = thresholdOption(values.threshold)
    if (!existsSync(file)) throw new Error(`no such file: ${file}`)
    const { questions } = readQuestions(readFileSync(file, 'utf8'), { name: file })
    if (questions.length === 0) throw new Error(`${file} has no questions`)

    const { kb, engine } = loadKbAndEngine(values.kb, { threshold })
    const replies = questions.map((question) => engine.reply(question))
    const rows = replies.map((reply, i) => toCoverageRow(reply, i + 1))
    const summary = summarize(rows, kb.pairs, engine.options.threshold)
    if (values.json) {
      for (const reply of replies) process.stdout.write(`${JSON.stringify(toAskJson(reply))}\n`)
    } else {
      const width = Math.max(30, (process.stdout.columns ?? 120) - 62)
      process.stdout.write(`${paint('dim', `   #  ${'kind'.padEnd(10)}  conf  ${'pair'.padEnd(36)}  question`)}\n`)
      for (const row of rows) process.stdout.write(`${formatRow(row, width, values.why === true)}\n`)
      process.stdout.write(`\n${formatSummary(summary)}`)
    }
    if (values.html) {
      writeFileAtomic(values.html, renderCoverageReport(rows, summary, { source: file, kbHash: kb.hash, generated: new Date().toISOString() }))
      process.stderr.write(`wrote ${values.html}\n`)
    }
    if (minAnswered !== undefined && summary.answeredShare < minAnswered) {
      process.stderr.write(`frontdesk coverage: ${formatPercent(summary.answeredShare)} answered, below the minimum ${formatPercent(minAnswered)}\n`)
      return 1
    }
    return 0
  },
}
