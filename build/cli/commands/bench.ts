/** `frontdesk bench` (`npm run bench`): size, load time and reply time, beside plain MiniSearch. */
import { readCases } from '../../eval/cases.ts'
import { accuracy, measure, type Accuracy, type Measurement } from '../../bench/measure.ts'
import { browserBench, browserTable, CONDITIONS } from '../../bench/browser.ts'
import { messagesFor, random, syntheticKb, withTypos } from '../../bench/synthetic.ts'
import { readKbFile } from '../kb-file.ts'
import type { KbFile } from '../../../widget/engine/index.ts'
import { numberOption, paint, parse, UsageError, type Command } from '../command.ts'

/** The targets of the matching issue. */
const TARGETS = { realP99: 1, largeP99: 5, ratio: 3, largeLoad: 100 } as const

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number): string => `${value.toFixed(3)} ms`
const percent = (share: number): string => `${(share * 100).toFixed(1)} %`

/** Real visitors' questions: the evaluation sets, with typo'd and rambling variants, at least `count`. */
function realMessages(count: number, files: string[]): string[] {
  const base = files.flatMap((file) => readCases(file).map((c) => c.q))
  const rand = random(3)
  const out: string[] = []
  for (let i = 0; out.length < count; i++) {
    const q = base[i % base.length]!
    const variant = Math.floor(i / base.length) % 3
    out.push(variant === 0 ? q : variant === 1 ? withTypos(q, rand, 2) : `hi, quick question: ${q} thanks a lot, it's been bugging me for weeks`)
  }
  return out
}

function row(m: Measurement): string[] {
  const ratio50 = m.reply.p50 / m.baselineSearch.p50
  const ratio99 = m.reply.p99 / m.baselineSearch.p99
  return [
    `${m.name} (${m.pairs} pairs, ${m.messages} messages)`,
    `  kb.json         ${kb(m.raw)} raw, ${kb(m.gzip)} gzip   (MiniSearch default index alone: ${kb(m.baselineGzip)} gzip)`,
    `  load            ${ms(m.load)}   (MiniSearch loadJSON: ${ms(m.baselineLoad)})`,
    `  reply p50/p99   ${ms(m.reply.p50)} / ${ms(m.reply.p99)}   (MiniSearch search: ${ms(m.baselineSearch.p50)} / ${ms(m.baselineSearch.p99)}; ratio ${ratio50.toFixed(2)}× / ${ratio99.toFixed(2)}×)`,
    `  type-ahead      ${ms(m.suggest.p50)} / ${ms(m.suggest.p99)} p50/p99 per keystroke`,
  ]
}

export const command: Command = {
  summary: 'Benchmark size, load time and reply time beside plain MiniSearch.',
  usage: `Usage: frontdesk bench [--kb FILE] [--quick] [--no-browser | --browser-only] [--runs N] [--dwell MS] [--against DIR]

Measures the real knowledge base and synthetic ones of 1,000 and 10,000 pairs (a Zipf vocabulary of thousands
of words): kb.json size raw and gzipped, load time, and time per reply p50/p99 over at least 1,000 varied
messages, beside plain MiniSearch with default options over the same pairs, measured in the same run; and, on the
synthetic ones, top-1 on 1,000 paraphrases of their questions beside MiniSearch's, and how many of 300
out-of-scope questions are declined.
Targets: p99 ≤ 1 ms (real), ≤ 5 ms (10,000 pairs), ≤ 3× MiniSearch per reply, load ≤ 100 ms at 10,000 pairs.

Then, in Debian's chromium, the first open as a visitor feels it (build/bench/browser.ts): click → input focused,
click → first answer and the longest main-thread task, after a hover and without one, for the real knowledge base
(no throttling, 4× CPU throttling, slow 3G, both) and 10,000 pairs (no throttling, 4× CPU), medians of several
runs, each beside a plain-MiniSearch page over the same pairs as a ratio. Target: click → first answer ≤ 150 ms at
4× CPU on the real knowledge base after a hover; no task over 50 ms at 4× CPU (real), over 200 ms at 10,000 pairs.

Options:
  --kb FILE       the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --quick         the real knowledge base and 1,000 pairs only; in the browser, 3 runs and no slow 3G
  --no-browser    skip the browser part
  --browser-only  only the browser part
  --runs N        browser runs per figure (default 5)
  --dwell MS      how long the pointer rests on the launcher before the click (default 500)
  --against DIR   also measure another build of the site (a dist/ folder; a kb-10000.json beside its kb.json
                  measures it at 10,000 pairs), as a ratio`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      kb: { type: 'string' },
      quick: { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      'browser-only': { type: 'boolean' },
      runs: { type: 'string' },
      dwell: { type: 'string' },
      against: { type: 'string' },
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const real = readKbFile(values.kb)
    if (!values['browser-only']) nodeBench(real, values.quick ?? false)
    if (values['no-browser']) return 0
    const runs = numberOption('runs', values.runs) ?? (values.quick ? 3 : 5)
    const dwell = numberOption('dwell', values.dwell) ?? 500
    const kbs = [{ name: 'real', kb: real }, ...(values.quick ? [] : [{ name: '10000', kb: syntheticKb(10000) }])]
    process.stdout.write(`\nBrowser: ${paint('dim', `chromium, median of ${runs} runs; each cell: the widget · its ratio to plain MiniSearch${values.against ? ' · to the other build' : ''}`)}\n`)
    const cells = await browserBench({
      kbs,
      runs,
      dwell,
      against: values.against,
      conditions: (name) => (name === 'real' ? CONDITIONS.slice(0, values.quick ? 2 : 4) : CONDITIONS.slice(0, 2)),
      progress: (line) => process.stderr.write(`${paint('dim', line, process.stderr)}\n`),
    })
    for (const { name, kb } of kbs) {
      const pairs = kb.pairs.length.toLocaleString('en')
      process.stdout.write(`\n${name === 'real' ? `real knowledge base (${pairs} pairs)` : `synthetic, ${pairs} pairs`}\n`)
      process.stdout.write(`${browserTable(cells, name, dwell).join('\n')}\n`)
    }
    return 0
  },
}

/** The Node part: size, load and reply times beside plain MiniSearch; prints its table and verdicts. */
function nodeBench(real: KbFile, quick: boolean): void {
  const evalFiles = ['kb/eval.jsonl', 'tests/fixtures/eval/dev.jsonl'].filter((file) => {
    try {
      return readCases(file).length > 0
    } catch {
      return false
    }
  })
  const results: Measurement[] = [measure('real knowledge base', real, realMessages(2000, evalFiles), { rounds: 3 })]
  const accuracies: Accuracy[] = []
  for (const size of quick ? [1000] : [1000, 10000]) {
    const synthetic = syntheticKb(size)
    results.push(measure(`synthetic`, synthetic, messagesFor(synthetic, 1000), { loads: size >= 10000 ? 3 : 5 }))
    accuracies.push(accuracy(synthetic))
  }
  const lines: string[] = [`Node ${process.version}, ${new Date().toISOString()}`, '']
  for (const [i, m] of results.entries()) {
    lines.push(...row(m))
    const a = accuracies[i - 1]
    if (a) {
      lines.push(
        `  paraphrases     top-1 ${percent(a.top1)} (MiniSearch ${percent(a.baselineTop1)}); answered right ${percent(a.answeredRight)}, wrong ${percent(a.answeredWrong)} of ${a.paraphrases}`,
        `  out of scope    ${percent(a.declined)} of ${a.outOfScope} declined`,
      )
    }
    lines.push('')
  }
  const [realResult, ...synthetic] = results
  const large = synthetic.find((m) => m.pairs >= 10000)
  const verdicts: Array<[string, boolean | null]> = [
    [`p99 ≤ ${TARGETS.realP99} ms on the real knowledge base`, realResult!.reply.p99 <= TARGETS.realP99],
    [`p99 ≤ ${TARGETS.largeP99} ms at 10,000 pairs`, large ? large.reply.p99 <= TARGETS.largeP99 : null],
    [`≤ ${TARGETS.ratio}× plain MiniSearch per reply (p50 and p99, every size)`, results.every((m) => m.reply.p50 / m.baselineSearch.p50 <= TARGETS.ratio && m.reply.p99 / m.baselineSearch.p99 <= TARGETS.ratio)],
    [`load ≤ ${TARGETS.largeLoad} ms at 10,000 pairs`, large ? large.load <= TARGETS.largeLoad : null],
    [`top-1 on paraphrases ≥ plain MiniSearch's (every synthetic size)`, accuracies.every((a) => a.top1 >= a.baselineTop1)],
  ]
  for (const [label, ok] of verdicts) lines.push(`${ok === null ? paint('dim', 'not measured') : ok ? paint('green', 'holds') : paint('red', 'missed')}  ${label}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}
