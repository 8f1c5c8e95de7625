/** `frontdesk bench` (`npm run bench`): size, load time and reply time, beside plain MiniSearch. */
import { readCases } from '../../eval/cases.ts'
import { measure, type Measurement } from '../../bench/measure.ts'
import { messagesFor, random, syntheticKb, withTypos } from '../../bench/synthetic.ts'
import { readKbFile } from '../kb-file.ts'
import { paint, parse, UsageError, type Command } from '../command.ts'

/** The targets of the matching issue. */
const TARGETS = { realP99: 1, largeP99: 5, ratio: 3, largeLoad: 100 } as const

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
const ms = (value: number): string => `${value.toFixed(3)} ms`

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
  usage: `Usage: frontdesk bench [--kb FILE] [--quick]

Measures the real knowledge base and synthetic ones of 1,000 and 10,000 pairs (a Zipf vocabulary of thousands
of words): kb.json size raw and gzipped, load time, and time per reply p50/p99 over at least 1,000 varied
messages, beside plain MiniSearch with default options over the same pairs, measured in the same run.
Targets: p99 ≤ 1 ms (real), ≤ 5 ms (10,000 pairs), ≤ 3× MiniSearch per reply, load ≤ 100 ms at 10,000 pairs.

Options:
  --kb FILE   the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --quick     the real knowledge base and 1,000 pairs only`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, quick: { type: 'boolean' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const evalFiles = ['kb/eval.jsonl', 'tests/fixtures/eval/dev.jsonl'].filter((file) => {
      try {
        return readCases(file).length > 0
      } catch {
        return false
      }
    })
    const real = readKbFile(values.kb)
    const results: Measurement[] = [measure('real knowledge base', real, realMessages(2000, evalFiles), { rounds: 3 })]
    for (const size of values.quick ? [1000] : [1000, 10000]) {
      const synthetic = syntheticKb(size)
      results.push(measure(`synthetic`, synthetic, messagesFor(synthetic, 1000), { loads: size >= 10000 ? 3 : 5 }))
    }
    const lines: string[] = [`Node ${process.version}, ${new Date().toISOString()}`, '']
    for (const m of results) lines.push(...row(m), '')
    const [realResult, ...synthetic] = results
    const large = synthetic.find((m) => m.pairs >= 10000)
    const verdicts: Array<[string, boolean | null]> = [
      [`p99 ≤ ${TARGETS.realP99} ms on the real knowledge base`, realResult!.reply.p99 <= TARGETS.realP99],
      [`p99 ≤ ${TARGETS.largeP99} ms at 10,000 pairs`, large ? large.reply.p99 <= TARGETS.largeP99 : null],
      [`≤ ${TARGETS.ratio}× plain MiniSearch per reply (p50 and p99, every size)`, results.every((m) => m.reply.p50 / m.baselineSearch.p50 <= TARGETS.ratio && m.reply.p99 / m.baselineSearch.p99 <= TARGETS.ratio)],
      [`load ≤ ${TARGETS.largeLoad} ms at 10,000 pairs`, large ? large.load <= TARGETS.largeLoad : null],
    ]
    for (const [label, ok] of verdicts) lines.push(`${ok === null ? paint('dim', 'not measured') : ok ? paint('green', 'holds') : paint('red', 'missed')}  ${label}`)
    process.stdout.write(`${lines.join('\n')}\n`)
    return 0
  },
}
