/** `frontdesk eval`: score the engine on an evaluation set, beside plain MiniSearch; leave-one-out on the kb. */
import { statSync } from 'node:fs'
import { createBaseline, defaultEngineOptions, type EngineOptions, type KbFile } from '../../../widget/engine/index.ts'
import { readCases } from '../../eval/cases.ts'
import { REAL_TARGETS, SURE_CONFIDENCE, SURE_PRECISION, TARGETS, evaluate, evaluateBaseline, halfOf, missedTargets, share, sureAnswers } from '../../eval/evaluate.ts'
import { leaveOneOut } from '../../eval/leave-one-out.ts'
import { editChurn } from '../../eval/edits.ts'
import { compileKb } from '../../compiler/compile.ts'
import { typingSlips } from '../../eval/typing-slips.ts'
import { cell, halvesTable, metricsTable, missLines, reliabilityTable } from '../../eval/report.ts'
import { loadKbAndEngine } from '../kb-file.ts'
import { paint, parse, thresholdOption, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Score the engine on an evaluation set (JSON Lines), beside plain MiniSearch; leave-one-out on the kb.',
  usage: `Usage: frontdesk eval FILE [--kb FILE] [--threshold N] [--half A|B] [--json] [--check]
       frontdesk eval --loo [--kb FILE] [--threshold N]
       frontdesk eval --slips [--kb FILE] [--threshold N]
       frontdesk eval FILE --edits N [--kb DIR] [--threshold N]

Scores every case of FILE and prints, precision first: in-scope strict (answered with a right pair), wrong answer
(answered with another pair), out-of-scope fallback (the fallback or a handoff), false answer (an answer where
none exists) and answer precision (right answers out of all answers given), then lenient (also a clarify offering
a right pair), emergency recall and small talk, beside plain MiniSearch with default options. Then the figures of
each half of the set (for sets whose cases name the page they come from), the reliability table (answers by
confidence, and how many were right), and each miss with the pair that won and the runner-up.

FILE holds one case per line: {"q", "expect": ["pair-id", ...]} (the pairs that answer it) or {"q", "expect":
"answer", "all": [[keyword, ...], ...]} (keywords the answer must hold), or "expect": "fallback" | "emergency" |
"smalltalk". The project's sets: kb/eval.jsonl (ours), tests/fixtures/eval/ (blind holdouts, the public dev
set, and real-dev.jsonl, questions real people published); see tests/fixtures/eval/README.md.

Options:
  --kb FILE        the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --threshold N    the confidence threshold to evaluate (default: the engine's)
  --half A|B       score only one half of a set split by page
  --loo            leave-one-out: hold each "asked" phrasing out of the index in turn and ask it
  --slips          ask every phrasing with one slip of typing (a vowel put for another or left out, a letter
                   doubled, a key next to the right one) in each of its words of 4–5 letters: does its pair answer?
  --edits N        make N edits of the knowledge base, one at a time, each removing one "asked" phrasing of a pair
                   chosen at random (the same ones every run, never one twice, never a pair's last), and count the
                   replies to FILE's questions that change, with the real words and calibration derived again (as a
                   build does) and with them kept; --kb is then the knowledge base's folder (default kb/), compiled as a build does
  --json           print {"metrics", "baseline", "misses"} as JSON (with --edits: {"questions", "effects"})
  --check          exit 1 when a target is missed (labelled sets: strict ≥ 85%, wrong ≤ 5%, fallback ≥ 90%,
                   false answers ≤ 10%, precision ≥ 93%, answers at confidence ≥ ${SURE_CONFIDENCE} right ≥ ${SURE_PRECISION * 100}%;
                   keyword sets: strict ≥ 90%, fallback ≥ 95%, emergency and small talk 100%)`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      kb: { type: 'string' },
      threshold: { type: 'string' },
      half: { type: 'string' },
      loo: { type: 'boolean' },
      edits: { type: 'string' },
      slips: { type: 'boolean' },
      json: { type: 'boolean' },
      check: { type: 'boolean' },
    })
    const options = { threshold: thresholdOption(values.threshold) }
    /** A score of the knowledge base itself (no FILE): printed as JSON, or as the lines `report` makes of it. */
    const scoreKb = <T>(flag: string, score: (kb: KbFile) => T, report: (result: T, kb: KbFile, threshold: number) => string[]): number => {
      if (positionals.length > 0) throw new UsageError(`${flag} scores the knowledge base itself: give no FILE`)
      const { kb, engine } = loadKbAndEngine(values.kb, options)
      const result = score(kb)
      process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${report(result, kb, engine.options.threshold).join('\n')}\n`)
      return 0
    }
    if (values.edits !== undefined && (values.loo || values.slips)) throw new UsageError('give --edits, --loo or --slips, one at a time')
    if (values.loo) {
      return scoreKb('--loo', (kb) => leaveOneOut(kb, options), (loo, kb, threshold) => [
        `Leave-one-out over ${loo.right.total} phrasings of ${kb.pairs.length} pairs, threshold ${threshold}:`,
        `  answered with its own pair   ${cell(loo.right)}`,
        `  answered with another pair   ${cell(loo.wrong)}`,
        `  fell back or clarified       ${cell({ hits: loo.right.total - loo.right.hits - loo.wrong.hits, total: loo.right.total })}`,
        `  (${loo.twins} of them read the same as another phrasing or the question of their pair, held out with it)`,
      ])
    }
    if (values.slips) {
      return scoreKb('--slips', (kb) => typingSlips(kb, options), (slips, kb, threshold) => [
        `Every phrasing of ${kb.pairs.length} pairs with one slip of typing, threshold ${threshold}:`,
        `  ${'slip'.padEnd(30)}${'its own pair'.padEnd(22)}another pair`,
        ...slips.map(({ kind, right, wrong }) => `  ${kind.padEnd(30)}${cell(right).padEnd(22)}${cell(wrong)}`),
      ])
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one evaluation FILE (or --loo, or --slips)')
    if (values.edits !== undefined) {
      if (values.half !== undefined || values.check) throw new UsageError('--edits counts changed replies: give neither --half nor --check with it')
      process.stdout.write(`${editsReport(positionals[0]!, values.edits, values.kb ?? 'kb', options, values.json ?? false).join('\n')}\n`)
      return 0
    }
    if (values.half !== undefined && values.half !== 'A' && values.half !== 'B') throw new UsageError(`--half must be A or B, got "${values.half}"`)
    let cases = readCases(positionals[0]!)
    if (values.half) cases = cases.filter((c) => halfOf(c) === values.half)
    const { engine } = loadKbAndEngine(values.kb, options)
    const { metrics, outcomes, misses } = evaluate(engine, cases)
    const baseline = evaluateBaseline(createBaseline(engine.pairs), cases)
    const labelled = cases.some((c) => c.ids)
    const missed = missedTargets(metrics, labelled ? REAL_TARGETS : TARGETS)
    const sure = sureAnswers(outcomes)
    if (labelled && sure.total > 0 && share(sure) < SURE_PRECISION) missed.push(`answers at confidence ≥ ${SURE_CONFIDENCE} right ${(share(sure) * 100).toFixed(1)}% < ${SURE_PRECISION * 100}%`)
    if (values.json) {
      const json = { metrics, baseline, misses: misses.map((m) => ({ ...m.case, kind: m.kind, confidence: m.confidence, got: m.got, runnerUp: m.runnerUp })) }
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
    } else {
      const half = values.half ? ` (half ${values.half})` : ''
      const out = [`${positionals[0]}${half}: ${cases.length} cases, threshold ${engine.options.threshold}`, '', ...metricsTable(metrics, baseline)]
      const halves = values.half ? [] : halvesTable(outcomes)
      if (halves.length > 0) out.push('', ...halves)
      out.push('', ...reliabilityTable(outcomes, engine.options.threshold))
      if (misses.length > 0) out.push('', `Misses (${misses.length}):`, ...missLines(misses, engine, paint))
      out.push('', missed.length === 0 ? paint('green', 'All targets met.') : paint('red', `Targets missed: ${missed.join('; ')}`))
      process.stdout.write(`${out.join('\n')}\n`)
    }
    return values.check && missed.length > 0 ? 1 : 0
  },
}

/** `eval FILE --edits N`: the lines (or the JSON) of {@link editChurn} over FILE's questions. */
function editsReport(file: string, count: string, dir: string, options: EngineOptions, json: boolean): string[] {
  const edits = Number(count)
  if (!Number.isInteger(edits) || edits < 1) throw new UsageError(`--edits must be a whole number, 1 or more, got "${count}"`)
  // Learning the calibration again needs what only the folder holds (the off-topic questions), not a kb.json.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`with --edits, --kb names the knowledge base's folder, and "${dir}" is not one`)
  const kb = compileKb(dir)
  const questions = readCases(file).map((c) => c.q)
  let churn: ReturnType<typeof editChurn>
  try {
    churn = editChurn(kb, questions, { edits, engineOptions: options })
  } catch (error) {
    // The knowledge base's folder, named: editChurn does not know it.
    throw new Error(`${dir}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (json) return [JSON.stringify(churn, null, 2)]
  const mean = (key: 'relearned' | 'kept'): string => (churn.effects.reduce((total, effect) => total + effect[key], 0) / edits).toFixed(1)
  return [
    `${edits} edits of ${dir}, each removing one phrasing, threshold ${options.threshold ?? defaultEngineOptions.threshold}; replies to ${churn.questions} questions of ${file} that changed:`,
    `  ${'relearned'.padStart(9)}  ${'kept'.padStart(4)}  phrasing removed (pair)`,
    ...churn.effects.map((e) => `  ${String(e.relearned).padStart(9)}  ${String(e.kept).padStart(4)}  "${e.phrasing}" (${e.pair})`),
    `Per edit: ${mean('relearned')} with the real words and calibration derived again, as a build derives them; ${mean('kept')} with them kept.`,
  ]
}
