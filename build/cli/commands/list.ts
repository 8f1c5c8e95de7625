/** `frontdesk list`: the compiled pairs. */
import { readKbFile } from '../kb-file.ts'
import { parse, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'List the compiled pairs.',
  usage: `Usage: frontdesk list [--json] [--kb FILE]

Prints every pair: with --json, one JSON array of
{"id", "question", "aliases", "answer" (plain text), "source" ("page#section"), "related"}. The aliases' wording
and the source come from the kb-staff.json beside the kb.json: without it, aliases are [] and source is null.

Options:
  --json      JSON output
  --kb FILE   the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, kb: { type: 'string' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const kb = readKbFile(values.kb)
    if (values.json) {
      const list = kb.pairs.map((pair) => ({
        id: pair.id,
        question: pair.question,
        aliases: pair.aliases,
        answer: pair.answerText,
        source: pair.source.page === undefined ? null : `${pair.source.page}#${pair.source.section}`,
        related: pair.related,
      }))
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
    } else {
      for (const pair of kb.pairs) process.stdout.write(`${pair.id.padEnd(40)} ${pair.question}\n`)
      process.stdout.write(`${kb.pairs.length} pairs\n`)
    }
    return 0
  },
}
