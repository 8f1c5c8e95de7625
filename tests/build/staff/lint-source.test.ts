import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KbCompileError } from '../../../build/compiler/errors.ts'
import { shownPath } from '../../../build/compiler/compile.ts'
import { lintKbDir, locateSections } from '../../../build/staff/lint-source.ts'
import { formatFinding } from '../../../build/staff/lint.ts'
import { CLEAN_PAIRS, clinicKb, writeDir } from './kb-dir.ts'

describe('shownPath', () => {
  it('shows paths inside the working directory relative to it, others absolute', () => {
    expect(shownPath('kb/pages/a.md')).toBe(join('kb', 'pages', 'a.md'))
    expect(shownPath(resolve('kb/qa'))).toBe(join('kb', 'qa'))
    expect(shownPath('/elsewhere/kb')).toBe(resolve('/elsewhere/kb'))
  })
})

describe('locateSections', () => {
  it('finds the line of each section heading, keyed page#section', () => {
    const dir = writeDir(clinicKb())
    expect(locateSections(dir)).toEqual(
      new Map([
        ['care#how-it-feels', { file: join(dir, 'pages/care.md'), line: 3 }],
        ['care#numbness', { file: join(dir, 'pages/care.md'), line: 6 }],
        ['care#ultrasound', { file: join(dir, 'pages/care.md'), line: 9 }],
      ]),
    )
  })

  it('finds nothing without a pages folder', () => {
    expect(locateSections(writeDir({})).size).toBe(0)
  })
})

describe('lintKbDir', () => {
  it('compiles the folder and lints it, uncited sections at their heading lines', () => {
    const dir = writeDir(clinicKb(CLEAN_PAIRS, { 'pages/extra.md': '# Extra\n\nIntro.\n\n## Parking\nw\n' }))
    expect(lintKbDir(dir).map(formatFinding)).toEqual([`${dir}/pages/extra.md:5: warning: section "Parking" (extra#parking) is not cited by any pair [uncited-section]`])
  })

  it('throws the compiler error for a folder that does not compile', () => {
    const dir = writeDir(clinicKb([CLEAN_PAIRS[0]!.replace('source: care#how-it-feels', 'source: care#nowhere')]))
    expect(() => lintKbDir(dir)).toThrow(KbCompileError)
  })

  it('finds the shipped knowledge base free of errors', () => {
    const errors = lintKbDir('kb').filter((finding) => finding.severity === 'error')
    expect(errors.map(formatFinding)).toEqual([])
  })
})
