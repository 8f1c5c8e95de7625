/** `frontdesk apply`: write the console's corrections into the knowledge base, check them, rebuild. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { createEngine, type KbFile } from '../../../widget/engine/index.ts'
import { buildKb } from '../../compiler/build-kb.ts'
import { compileKb, shownPath } from '../../compiler/compile.ts'
import { KbCompileError, formatProblem } from '../../compiler/errors.ts'
import { writeFileAtomic } from '../../compiler/write.ts'
import { planApply } from '../../staff/apply.ts'
import { describeJudgement, describeOutcome, outcomeOf, sameOutcome, satisfies, type CorrectionsFile } from '../../staff/corrections.ts'
import { parseCorrections } from '../../staff/corrections-file.ts'
import { formatFinding, lintKb, type LintFinding } from '../../staff/lint.ts'
import { locateSections } from '../../staff/lint-source.ts'
import { paint, parse, UsageError, type Command } from '../command.ts'

/** A lint finding as a comparable key: line numbers move when lines are added, so they are left out. */
const findingKey = (finding: LintFinding): string => `${finding.check} ${finding.message.replace(/\.md:\d+/g, '.md')}`

/** The figures on the corrections' own questions: each reply before and after, and whether it is the judged one. */
function figures(file: CorrectionsFile, before: KbFile, after: KbFile): { lines: string[]; was: number; now: number } {
  const engines = [createEngine(before, { threshold: file.threshold }), createEngine(after, { threshold: file.threshold })] as const
  let was = 0
  let now = 0
  const lines = file.corrections.flatMap((correction) => {
    const [then, today] = engines.map((engine) => outcomeOf(engine.reply(correction.question)))
    const ok = [satisfies(correction, then!), satisfies(correction, today!)]
    was += Number(ok[0])
    now += Number(ok[1])
    const mark = ok[1] ? paint('green', '✓') : paint('red', '✗')
    const line = `${mark} "${correction.question}" ${describeJudgement(correction)}: ${describeOutcome(then!)} → ${describeOutcome(today!)}`
    // The knowledge base may have changed since the question was judged: then the console's preview is stale.
    const moved = sameOutcome(correction.before, then!) ? [] : [paint('dim', `    (when judged it ${describeOutcome(correction.before)})`)]
    return [line, ...moved]
  })
  return { lines, was, now }
}

export const command: Command = {
  summary: 'Add the coverage console\'s corrections to the knowledge base, check them and rebuild.',
  usage: `Usage: frontdesk apply CORRECTIONS.json [--kb DIR] [--out DIR] [--dry-run]

Reads the corrections file the coverage console exports and adds each question as a phrasing: under "asked:"
of the pair or handoff topic it should get, or under "not:" of a pair it should not get, at the end of the list,
leaving the rest of each file as it was. Then it compiles the knowledge base and lints it, rebuilds OUT/kb.json,
and prints each corrected question's reply before and after.

Nothing is written when a correction no longer fits (its pair or topic is gone, or it would both take and refuse
the question), when the result does not compile, or when it has a lint error the knowledge base did not have.

Options:
  --kb DIR      the knowledge-base folder (default: kb)
  --out DIR     where kb.json goes (default: dist)
  --dry-run     print the changes as a diff, and the replies they would give; write nothing`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, out: { type: 'string' }, 'dry-run': { type: 'boolean' } })
    if (positionals.length === 0) throw new UsageError('give the CORRECTIONS.json file the console exported')
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`)
    const path = positionals[0]!
    if (!existsSync(path)) throw new Error(`no such file: ${path}`)
    const file = parseCorrections(readFileSync(path, 'utf8'), path)
    const dir = values.kb ?? 'kb'
    const dryRun = values['dry-run'] === true
    const out = (line = ''): void => void process.stdout.write(`${line}\n`)
    const err = (line: string): void => void process.stderr.write(`${line}\n`)

    const before = compileKb(dir)
    const plan = planApply(dir, file)
    if (plan.refusals.length > 0) {
      for (const refusal of plan.refusals) err(refusal)
      err(`${plan.refusals.length} of ${file.corrections.length} corrections no longer fit ${shownPath(dir)}; nothing was written.`)
      return 1
    }
    for (const line of plan.skipped) err(`note: ${line}`)

    // The changed files are compiled and linted in a copy first, so that kb/ is written only when all is well.
    const staging = mkdtempSync(join(tmpdir(), 'frontdesk-apply-'))
    let after: KbFile
    let lint: LintFinding[]
    const unstage = (text: string): string => text.replaceAll(shownPath(staging), shownPath(dir))
    try {
      cpSync(dir, staging, { recursive: true })
      for (const change of plan.files) writeFileSync(join(staging, relative(dir, change.path)), change.after)
      try {
        after = compileKb(staging, { warn: () => {} })
      } catch (error) {
        if (!(error instanceof KbCompileError)) throw error
        for (const problem of error.problems) err(unstage(formatProblem(problem)))
        err('with these corrections the knowledge base does not compile; nothing was written.')
        return 1
      }
      lint = lintKb(after, { sections: locateSections(staging), kbDir: shownPath(staging) }).map((f) => ({ ...f, file: unstage(f.file), message: unstage(f.message) }))
    } finally {
      rmSync(staging, { recursive: true, force: true })
    }
    const known = new Set(lintKb(before, { sections: locateSections(dir), kbDir: shownPath(dir) }).map(findingKey))
    const added = lint.filter((f) => f.severity === 'error' && !known.has(findingKey(f)))
    if (added.length > 0) {
      for (const finding of added) err(formatFinding(finding))
      err(`with these corrections lint finds ${added.length} new error${added.length === 1 ? '' : 's'}; nothing was written.`)
      return 1
    }

    if (dryRun) for (const change of plan.files) out(change.diff.trimEnd())
    const result = figures(file, before, after)
    out()
    for (const line of result.lines) out(line)
    const count = file.corrections.length
    out(`judged replies: ${result.was} of ${count} before, ${result.now} of ${count} after`)
    const errors = lint.filter((f) => f.severity === 'error').length
    out(`lint: ${errors} error${errors === 1 ? '' : 's'}, ${lint.length - errors} warning${lint.length - errors === 1 ? '' : 's'} ("frontdesk lint" lists them)`)
    if (dryRun) {
      out(`dry run: ${plan.files.length} file${plan.files.length === 1 ? '' : 's'} would change; nothing was written.`)
      return 0
    }
    // Each file is replaced whole; should one write fail, the ones already written are put back, so kb/ is changed
    // entirely or not at all.
    const written: typeof plan.files = []
    try {
      for (const change of plan.files) {
        writeFileAtomic(change.path, change.after)
        written.push(change)
      }
    } catch (error) {
      for (const change of written) writeFileAtomic(change.path, change.before)
      throw error
    }
    for (const change of plan.files) {
      const lines = change.after.split('\n').length - change.before.split('\n').length
      out(`${paint('green', '✓')} ${shownPath(change.path)}: ${lines} line${lines === 1 ? '' : 's'} added`)
    }
    const built = buildKb(dir, values.out ?? 'dist')
    out(`${paint('green', '✓')} ${built.path}: ${built.kb.pairs.length} pairs, ${built.kb.handoffs.length} handoff topics (hash ${built.kb.hash})`)
    return 0
  },
}
