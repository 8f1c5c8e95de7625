import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.ts'
import { tempDir } from '../../helpers/kb-dir.ts'

let dir: string
let doc: string
const DOC = '# Guide\n\n## Side effects\nA little soreness for a day or two after the injection.\n\n## How long the injection takes\nAbout twenty minutes in all.\n'

beforeAll(() => {
  dir = tempDir()
  doc = join(dir, 'guide.md')
  writeFileSync(doc, DOC)
})

describe('frontdesk draft', () => {
  it('prints drafts in the kb/qa format', () => {
    const result = runCli(['draft', doc])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('## What about side effects?\nid: what-about-side-effects\nasked:\n- side effects\nsource: guide#side-effects\nrelated: how-long-does-the-injection-take\nnote: draft — review before publishing\n\nA little soreness for a day or two after the injection.\n')
    expect(result.stdout).toContain('## How long does the injection take?\n')
  })

  it('writes --out, and never overwrites it without --force', () => {
    const out = join(dir, 'drafts.md')
    expect(runCli(['draft', doc, '--out', out])).toEqual({ code: 0, stdout: '', stderr: `wrote 2 draft pairs to ${out}\n` })
    const first = readFileSync(out, 'utf8')
    writeFileSync(out, 'edited by staff')
    const refused = runCli(['draft', doc, '--out', out])
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `frontdesk draft: ${out} already exists; choose another --out FILE, or add --force to overwrite it\n` })
    expect(readFileSync(out, 'utf8')).toBe('edited by staff')
    expect(runCli(['draft', doc, '--out', out, '--force']).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(first)
  })

  it('says so when a document is missing or has nothing to draft from', () => {
    expect(runCli(['draft', join(dir, 'nope.md')]).stderr).toBe(`frontdesk draft: no such file: ${join(dir, 'nope.md')}\n`)
    const blank = join(dir, 'blank.txt')
    writeFileSync(blank, 'just one line of text.\n')
    expect(runCli(['draft', blank])).toEqual({ code: 1, stdout: '', stderr: `frontdesk draft: found no headings or questions with text beneath in ${blank}\n` })
  })

  it('asks for a document', () => {
    const result = runCli(['draft'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^frontdesk draft: give at least one DOC to draft from/)
  })
})
