/** `frontdesk draft`: propose pairs from the clinic's documents, for staff to review. */
import { existsSync, readFileSync } from 'node:fs'
import { draftPairs, formatDrafts } from '../../staff/draft.ts'
import { writeFileAtomic } from '../../compiler/write.ts'
import { fail, parse, UsageError, type Command } from '../command.ts'

export const command: Command = {
  summary: 'Propose pairs from Markdown or plain-text documents, for staff to review.',
  usage: `Usage: frontdesk draft DOC... [--out FILE] [--force]

Reads each DOC (Markdown, or plain text where short lines standing as headings are headings) and proposes pairs
in the kb/qa format from headings phrased as questions, question lines ("Q:" labels allowed, with or without blank
lines around them), and topical headings ("Cancellations" → "What about cancellations?"; "What is…?" only when the
text beneath defines the topic). The paragraph beneath becomes a draft answer of a few sentences; "source:" is
DOC's name without extension as a page id, "#", and the section's slug; "related:" lists the drafts sharing the
most words with it. Every draft carries "note: draft — review before publishing". Prints to standard output
unless --out is given.

Options:
  --out FILE   write the drafts to FILE
  --force      overwrite FILE when it exists`,
  async run(argv) {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, force: { type: 'boolean' } })
    if (positionals.length === 0) throw new UsageError('give at least one DOC to draft from')
    if (values.force && !values.out) throw new UsageError('--force only makes sense with --out FILE')
    for (const name of positionals) if (!existsSync(name)) throw new Error(`no such file: ${name}`)
    if (values.out && existsSync(values.out) && !values.force) {
      return fail(`frontdesk draft: ${values.out} already exists; choose another --out FILE, or add --force to overwrite it`)
    }
    const docs = positionals.map((name) => ({ name, text: readFileSync(name, 'utf8') }))
    const drafts = draftPairs(docs)
    if (drafts.length === 0) return fail(`frontdesk draft: found no headings or questions with text beneath in ${positionals.join(', ')}`)
    const text = formatDrafts(drafts, positionals)
    if (values.out) {
      writeFileAtomic(values.out, text)
      process.stderr.write(`wrote ${drafts.length} draft pair${drafts.length === 1 ? '' : 's'} to ${values.out}\n`)
    } else process.stdout.write(text)
    return 0
  },
}
