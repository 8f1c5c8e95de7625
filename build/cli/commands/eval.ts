/** `frontdesk eval`: score the engine on an evaluation set, beside plain MiniSearch. */
import { createBaseline } from '../../../widget/engine/index.ts'
import { readCases } from '../../eval/cases.ts'
import { evaluate, evaluateBaseline, missedTargets, share, type Metrics, type Ratio } from '../../eval/evaluate.ts'
import { loadEngine } from '../kb-file.ts'
import { paint, parse, thresholdOption, UsageError, type Command } from '../command.ts'

const ROWS: Array<[string, keyof Metrics]> = [
  ['in-scope strict', 'strict'],
  ['in-scope lenient', 'lenient'],
  ['out-of-scope fallback', 'fallback'],
  ['emergency recall', 'emergency'],
  ['small talk', 'smalltalk'],
]

const cell = (ratio: Ratio): string => `${(share(ratio) * 100).toFixed(1).padStart(5)}% (${ratio.hits}/${ratio.total})`.padEnd(20)

export const command: Command = {
  summary: 'Score the engine on an evaluation set (JSON Lines), beside plain MiniSearch.',
  usage: `Usage: frontdesk eval FILE [--kb FILE] [--threshold N] [--json] [--check]

Scores every case of FILE (the format of shared/eval/dev.jsonl) and prints in-scope accuracy (strict: an
answer that is right; lenient: also a clarify offering a right pair), the fallback rate on out-of-scope
cases, emergency recall and small-talk accuracy, beside plain MiniSearch with default options; then each miss.

Options:
  --kb FILE        the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --threshold N    the confidence threshold to evaluate (default: the engine's)
  --json           print {"metrics", "baseline", "misses"} as JSON
  --check          exit 1 when a target is missed (strict 92%, fallback 90%, emergency 100%, small talk 95%)`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      kb: { type: 'string' },
      threshold: { type: 'string' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
    })
    if (positionals.length !== 1) throw new UsageError('give exactly one evaluation FILE')
    const cases = readCases(positionals[0]!)
    const engine = loadEngine(values.kb, { threshold: thresholdOption(values.threshold) })
    const { metrics, misses } = evaluate(engine, cases)
    const baseline = evaluateBaseline(createBaseline(engine.pairs), cases)
    const missed = missedTargets(metrics)
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ metrics, baseline, misses: misses.map((m) => ({ ...m.case, kind: m.kind, confidence: m.confidence, got: m.got })) }, null, 2)}\n`)
    } else {
      const out = [`${positionals[0]}: ${cases.length} cases, threshold ${engine.options.threshold}`, '', `${''.padEnd(24)}${'Frontdesk'.padEnd(20)}MiniSearch defaults`]
      for (const [label, key] of ROWS) out.push(`${label.padEnd(24)}${cell(metrics[key])}${cell(baseline[key])}`)
      if (misses.length > 0) {
        out.push('', `Misses (${misses.length}):`)
        for (const miss of misses) {
          const expected = miss.case.expect === 'answer' ? `answer about ${miss.case.topic ?? '?'}` : miss.case.expect
          out.push(`  ${paint('yellow', miss.kind.padEnd(9))} ${miss.confidence.toFixed(2)}  "${miss.case.q}"  expected ${expected}; best pair: ${miss.got ?? 'none'}  (${miss.case.origin})`)
        }
      }
      out.push('', missed.length === 0 ? paint('green', 'All targets met.') : paint('red', `Targets missed: ${missed.join('; ')}`))
      process.stdout.write(`${out.join('\n')}\n`)
    }
    return values.check && missed.length > 0 ? 1 : 0
  },
}
