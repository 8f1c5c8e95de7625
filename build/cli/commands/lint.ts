/** `frontdesk lint`: check a knowledge-base folder for problems only the engine or the whole picture reveals. */
import { KbCompileError, formatProblem } from '../../compiler/errors.ts'
import { formatFinding } from '../../staff/lint.ts'
import { lintKbDir } from '../../staff/lint-source.ts'
import { paint, parse, thresholdOption, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Check a knowledge base: duplicates, misrouted phrasings, links, uncited sections.',
  usage: `Usage: frontdesk lint [--kb DIR] [--threshold N]

Compiles the knowledge base and checks it with the engine. Every finding names file:line.
Errors (exit code 1):
  duplicate-question       two pairs' questions read the same once analyzed
  shared-phrasing          a phrasing of one pair is also a phrasing of another
  not-retrieved            a pair's question or phrasing gets another pair, a handoff topic or the fallback
Warnings (exit code 0 when there are only warnings):
  near-duplicate-question  two questions share 80% or more of their terms
  caught-by-intent         a phrasing is caught by the emergency or small-talk check
  unlinked-pair            no other pair lists the pair as related, so no follow-up leads to it
  repeated-related         a pair lists the same related id twice
  uncited-section          a source section no pair cites
  long-answer              an answer over 80 words
  few-phrasings            a pair with fewer than 4 "asked:" phrasings
  not-also-asked           a "not:" phrasing that is also how a pair or handoff topic is asked
Unknown and self-referencing related ids are compile errors (see "frontdesk build").

Options:
  --kb DIR        the knowledge-base folder (default: kb)
  --threshold N   the engine threshold to check retrieval at, 0..1 (default: the engine's)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, threshold: { type: 'string' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const threshold = thresholdOption(values.threshold)
    const dir = values.kb ?? 'kb'
    let findings
    try {
      findings = lintKbDir(dir, { threshold })
    } catch (error) {
      if (!(error instanceof KbCompileError)) throw error
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`)
      process.stderr.write(`${dir} does not compile; fix these first (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}).\n`)
      return 1
    }
    const errors = findings.filter((f) => f.severity === 'error').length
    const warnings = findings.length - errors
    for (const finding of findings) {
      const line = formatFinding(finding)
      const colour = finding.severity === 'error' ? 'red' : 'yellow'
      process.stdout.write(`${line.replace(`: ${finding.severity}: `, `: ${paint(colour, finding.severity)}: `)}\n`)
    }
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
    if (findings.length === 0) process.stdout.write(`${paint('green', '✓')} ${dir}: no problems\n`)
    else process.stdout.write(`${dir}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
    return errors > 0 ? 1 : 0
  },
}
