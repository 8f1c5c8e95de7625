import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.ts'
import { CLEAN_PAIRS, clinicKb, writeDir } from '../staff/kb-dir.ts'

const [hurt, numbness, ultrasound] = CLEAN_PAIRS as [string, string, string]

describe('frontdesk lint', () => {
  it('says a clean knowledge base has no problems and exits 0', () => {
    const dir = writeDir(clinicKb())
    const result = runCli(['lint', '--kb', dir])
    expect(result).toEqual({ code: 0, stdout: `✓ ${dir}: no problems\n`, stderr: '' })
  })

  it('exits 0 with warnings only, printing each at file:line', () => {
    const dir = writeDir(clinicKb([hurt, numbness.replace('- is numbness normal\n', ''), ultrasound]))
    const result = runCli(['lint', '--kb', dir])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      `${dir}/qa/care.md:15: warning: pair "numbness" has 3 "asked:" phrasings (at least 4 help visitors' wordings match) [few-phrasings]\n${dir}: 0 errors, 1 warning\n`,
    )
  })

  it('exits 1 on errors', () => {
    const dir = writeDir(clinicKb([hurt, numbness.replace('- is numbness normal', '- is it painful'), ultrasound]))
    const result = runCli(['lint', '--kb', dir])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${dir}/qa/care.md:15: error: phrasing "is it painful" of pair "numbness" is also a phrasing of pair "does-it-hurt"`)
    expect(result.stdout).toContain(`${dir}: 2 errors, 0 warnings\n`)
  })

  it('prints the compile problems and exits 1 when the folder does not compile', () => {
    const dir = writeDir(clinicKb([hurt.replace('source: care#how-it-feels', 'source: care#nowhere'), numbness, ultrasound]))
    const result = runCli(['lint', '--kb', dir])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      `${dir}/qa/care.md:10: source section "care#nowhere" does not exist (sections of "care": how-it-feels, numbness, ultrasound)\n${dir} does not compile; fix these first (1 problem).\n`,
    )
  })

  it('refuses a threshold outside 0..1', () => {
    const result = runCli(['lint', '--threshold', '2'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^frontdesk lint: --threshold must be between 0 and 1, got 2/)
  })
})
