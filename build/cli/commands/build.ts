/** `frontdesk build`: compile the knowledge base into `kb.json`. */
import { buildKb } from '../../compiler/build-kb.ts'
import { paint, parse, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Compile a knowledge base (kb/) into kb.json (dist/).',
  usage: `Usage: frontdesk build [--kb DIR] [--out DIR]

Compiles the knowledge base and writes OUT/kb.json, what the widget loads, and beside it OUT/kb-staff.json,
what only staff tools read (sources' page and section ids, topics, notes, where each pair is written). Every
problem is reported as file:line; when there is any, nothing is written and the exit code is 1, so a broken
edit never replaces a good kb.json.

Options:
  --kb DIR    the knowledge-base folder (default: kb)
  --out DIR   where kb.json and kb-staff.json go (default: dist)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, out: { type: 'string' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const { kb, path, bytes } = buildKb(values.kb ?? 'kb', values.out ?? 'dist')
    process.stdout.write(
      `${paint('green', '✓')} ${path}: ${kb.pairs.length} pairs, ${kb.handoffs.length} handoff topics, ${kb.pages.length} pages, ${(bytes / 1024).toFixed(1)} KB (hash ${kb.hash})\n`,
    )
    return 0
  },
}
