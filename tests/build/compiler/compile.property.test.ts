import fc from 'fast-check'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildKb } from '../../../build/compiler/build-kb.ts'
import { KbCompileError } from '../../../build/compiler/errors.ts'
import { KB_FORMAT_VERSION } from '../../../widget/engine/index.ts'
import { kbWith, tempDir } from '../../helpers/kb-dir.ts'
import { PROPERTY_TIMEOUT } from '../../helpers/property.ts'

const FILES = ['qa/basics.md', 'pages/about.md', 'synonyms.md', 'handoffs.md'] as const

/** One mutation of a file's text: what a hurried edit or a broken upload does. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('## ', 'id: ', '- ', '# Again', 'source: about#nope', 'related: ghost', '<script>x</script>', '[x](javascript:alert(1))', '\uFEFF', '\r', '```')) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-chars' as const), at: fc.nat() }),
)


function mutate(text: string, m: { kind: string; at: number; text?: string }): string {
  const lines = text.split('\n')
  const i = m.at % Math.max(1, lines.length)
  switch (m.kind) {
    case 'delete-line': lines.splice(i, 1); return lines.join('\n')
    case 'duplicate-line': lines.splice(i, 0, lines[i] ?? ''); return lines.join('\n')
    case 'insert': lines.splice(i, 0, m.text ?? ''); return lines.join('\n')
    case 'truncate': return text.slice(0, m.at % Math.max(1, text.length))
    default: {
      const at = m.at % Math.max(1, text.length - 1)
      return text.slice(0, at) + (text[at + 1] ?? '') + (text[at] ?? '') + text.slice(at + 2)
    }
  }
}

describe('buildKb on mutated knowledge bases', () => {
  it('either compiles or reports problems as file:line, never crashes, and never writes partial output (fast-check, 1,000 runs)', () => {
    const base = kbWith()
    const originals = Object.fromEntries(FILES.map((file) => [file, readFileSync(join(base, file), 'utf8')]))
    const out = tempDir()
    const good = '{"previous":"kb.json"}'
    const goodStaff = '{"previous":"kb-staff.json"}'
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, mutations) => {
        for (const f of FILES) writeFileSync(join(base, f), originals[f]!)
        writeFileSync(join(base, file), mutations.reduce(mutate, originals[file]!))
        writeFileSync(join(out, 'kb.json'), good)
        writeFileSync(join(out, 'kb-staff.json'), goodStaff)
        try {
          buildKb(base, out)
          // It compiled: the whole new kb.json and its staff file are there and parse.
          expect(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8')).format).toBe(KB_FORMAT_VERSION)
          expect(JSON.parse(readFileSync(join(out, 'kb-staff.json'), 'utf8')).format).toBe(KB_FORMAT_VERSION)
        } catch (error) {
          expect(error).toBeInstanceOf(KbCompileError)
          for (const problem of (error as KbCompileError).problems) {
            expect(problem.file.startsWith(base)).toBe(true)
            expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true)
            expect(problem.message.length).toBeGreaterThan(0)
          }
          expect(readFileSync(join(out, 'kb.json'), 'utf8')).toBe(good)
          expect(readFileSync(join(out, 'kb-staff.json'), 'utf8')).toBe(goodStaff)
        }
        // No temporary file is left behind, whatever happened.
        expect(readdirSync(out).sort()).toEqual(['kb-staff.json', 'kb.json'])
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT)
})
