/** Builds throwaway knowledge-base folders for tests. */
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** The small, valid knowledge base in tests/fixtures/kb-small. */
export const SMALL_KB = join(import.meta.dirname, '..', 'fixtures', 'kb-small')

/** A fresh temporary folder. */
export function tempDir(prefix = 'frontdesk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Copies the small knowledge base to a temporary folder, then writes `files` (path → content) over it. */
export function kbWith(files: Record<string, string> = {}): string {
  const dir = tempDir()
  cpSync(SMALL_KB, dir, { recursive: true })
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

/** A valid pair in the Q&A format, with fields overridable; `null` drops a field. */
export function pair(fields: { heading?: string; id?: string | null; asked?: string | null; source?: string | null; related?: string | null; note?: string | null; body?: string } = {}): string {
  const lines = [`## ${fields.heading ?? 'Can I drive home?'}`]
  const add = (name: string, value: string | null | undefined, fallback: string | null): void => {
    const v = value === undefined ? fallback : value
    if (v !== null) lines.push(`${name}: ${v}`)
  }
  add('id', fields.id, 'can-i-drive')
  add('asked', fields.asked, 'can i drive after, drive home after the shot')
  add('source', fields.source, 'about#how-it-feels')
  add('related', fields.related, 'does-it-hurt')
  add('note', fields.note, null)
  return `${lines.join('\n')}\n\n${fields.body ?? 'Most people can, but ask your doctor.'}\n`
}
