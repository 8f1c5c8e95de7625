/** `frontdesk build`: compile the knowledge base into `kb.json`. */
import { KbCompileError, formatProblem } from '../../compiler/errors.ts'
import { buildKb } from '../../compiler/build-kb.ts'
import { paint, parse, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Compile a knowledge base (kb/) into kb.json (dist/).',
  usage: `Usage: frontdesk build [--kb DIR] [--out DIR]

Compiles the knowledge base and writes OUT/kb.json. Every problem is reported as file:line; when there is
any, nothing is written and the exit code is 1, so a broken edit never replaces a good kb.json.

Options:
  --kb DIR    the knowledge-base folder (default: kb)
  --out DIR   where kb.json goes (default: dist)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, out: { type: 'string' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    try {
      const { kb, path, bytes } = buildKb(values.kb ?? 'kb', values.out ?? 'dist')
      process.stdout.write(
        `${paint('green', '✓')} ${path}: ${kb.pairs.length} pairs, ${kb.handoffs.length} handoff topics, ${kb.pages.length} pages, ${(bytes / 1024).toFixed(1)} KB (hash ${kb.hash})\n`,
      )
      return 0
    } catch (error) {
      if (!(error instanceof KbCompileError)) throw error
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`)
      process.stderr.write(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}; nothing was written.\n`)
      return 1
    }
  },
}
