/** `frontdesk site`: build the whole static site (what `npm run build` runs). */
import { buildSite } from '../../site/build-site.ts'
import { paint, parse, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Build the static site: demo page, embed script, kb.json, staff console.',
  usage: `Usage: frontdesk site [--kb DIR] [--out DIR] [--dev]

Builds dist/: index.html (demo clinic page), frontdesk.js and its chunks, kb.json (and kb-staff.json beside it,
for staff tools only), coverage/index.html.
Prints the size table; exits 1 when a size budget is exceeded or the knowledge base has problems.

Options:
  --kb DIR    the knowledge-base folder (default: kb)
  --out DIR   the output folder, replaced whole once the new site is complete (default: dist)
  --dev       unminified, with source maps`,
  async run(argv) {
    const { values, positionals } = parse(argv, { kb: { type: 'string' }, out: { type: 'string' }, dev: { type: 'boolean' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const report = await buildSite({ kbDir: values.kb, outDir: values.out, dev: values.dev })
    process.stdout.write(`${report.lines.join('\n')}\n`)
    if (report.overBudget.length > 0) {
      for (const line of report.overBudget) process.stderr.write(`${paint('red', 'over budget:', process.stderr)} ${line}\n`)
      return 1
    }
    process.stdout.write(`${paint('green', '✓')} built ${report.outDir}/\n`)
    return 0
  },
}
