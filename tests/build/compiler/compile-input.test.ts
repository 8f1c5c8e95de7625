import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { KbCompileError, type KbProblem } from '../../../build/compiler/errors.ts'
import { DEFAULT_LANGUAGE_FILE } from '../../../build/compiler/language.ts'
import { KB_LIMITS } from '../../../build/compiler/limits.ts'
import { kbWith, pair } from '../../helpers/kb-dir.ts'

/** Compiles `dir`, collecting warnings, and returns the problems (none when it compiles) and the warnings. */
function compile(dir: string): { problems: KbProblem[]; warnings: string[] } {
  const warnings: string[] = []
  try {
    compileKb(dir, { warn: (message) => warnings.push(message) })
    return { problems: [], warnings }
  } catch (error) {
    if (error instanceof KbCompileError) return { problems: [...error.problems], warnings }
    throw error
  }
}

const EXTRA = 'qa/extra.md'
const SYNONYMS = '# Words visitors use\n\n- injection: shot, jab\n- pain: hurt, ache\n'

describe('compileKb bounds what it accepts', () => {
  const stars = (n: number): string => `${'*'.repeat(n)}word${'*'.repeat(n)}`

  it.each([2_500, 5_000])('reports an answer of %i "*", a word, and as many "*" again, at its line, instead of crashing', (n) => {
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ body: stars(n) }) })
    expect(compile(dir).problems).toEqual([
      { file: join(dir, EXTRA), line: 9, message: `the answer is ${(2 * n + 4).toLocaleString('en')} characters long; at most 2,000 are allowed` },
    ])
  })

  it('reports bold and italic nested too deep, within the length bound', () => {
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ body: `Intro.\n\n${stars(900)}` }) })
    expect(compile(dir).problems).toEqual([
      { file: join(dir, EXTRA), line: 11, message: `bold, italic and links are nested more than ${KB_LIMITS.inlineNesting} deep here; at most ${KB_LIMITS.inlineNesting} are allowed` },
    ])
  })

  it('accepts nesting up to the bound', () => {
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ body: '**bold *italic [link **x**](https://a.example)* bold**' }) })
    expect(compile(dir).problems).toEqual([])
  })

  it('reports a question or a phrasing longer than a visitor can type', () => {
    const long = 'why '.repeat(130).trim()
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ heading: `${long}?`, asked: `short one, ${long}` }) })
    expect(compile(dir).problems).toEqual([
      { file: join(dir, EXTRA), line: 3, message: 'the pair heading is 520 characters long; at most 500 are allowed' },
      { file: join(dir, EXTRA), line: 5, message: 'a phrasing is 519 characters long; at most 500 are allowed' },
    ])
  })

  it('reports a file larger than the file bound without reading it as text', () => {
    const dir = kbWith({ 'pages/huge.md': `# Huge\n\n## Section\n${'x'.repeat(KB_LIMITS.fileBytes)}\n` })
    expect(compile(dir).problems).toEqual([{ file: join(dir, 'pages/huge.md'), line: 1, message: 'the file is 5.0 MB; a knowledge-base file may be at most 5.0 MB' }])
  })
})

describe('compileKb reads only UTF-8 text', () => {
  const utf16 = (text: string, bom: boolean): Buffer => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')])

  it.each([
    ['with a byte-order mark', true],
    ['without one', false],
  ])('reports synonyms.md saved as UTF-16 %s, instead of dropping every synonym', (_, bom) => {
    const dir = kbWith()
    writeFileSync(join(dir, 'synonyms.md'), utf16(SYNONYMS, bom as boolean))
    expect(compile(dir).problems).toEqual([
      { file: join(dir, 'synonyms.md'), line: 1, message: 'the file is UTF-16 text; save it as UTF-8 text (with or without a byte-order mark)' },
    ])
  })

  it('reports random bytes at the first line that is not UTF-8', () => {
    const dir = kbWith()
    // Deterministic "random" bytes: every value, shuffled by a multiplier coprime with 256.
    const bytes = Buffer.from(Array.from({ length: 3_000 }, (_, i) => (i * 167 + 13) % 256))
    writeFileSync(join(dir, 'synonyms.md'), bytes)
    const [problem, ...more] = compile(dir).problems
    expect(more).toEqual([])
    expect(problem).toMatchObject({ file: join(dir, 'synonyms.md'), line: expect.any(Number) })
    expect(problem!.message).toMatch(/not valid UTF-8|control character/)
  })

  it('names the line of a page saved in another encoding', () => {
    const dir = kbWith()
    writeFileSync(join(dir, 'pages/more.md'), Buffer.concat([Buffer.from('# More\n\n## Caf'), Buffer.from([0xe9]), Buffer.from('\nText.\n')]))
    expect(compile(dir).problems).toEqual([
      {
        file: join(dir, 'pages/more.md'),
        line: 3,
        message: 'this line is not valid UTF-8 (the file may be in another encoding, or not text); save it as UTF-8 text (with or without a byte-order mark)',
      },
    ])
  })

  it('reports control characters in a Q&A file at their line', () => {
    const dir = kbWith({ [EXTRA]: '# Extra\n\n' + pair({ body: 'Fine\u0000 text.' }) })
    expect(compile(dir).problems).toEqual([
      { file: join(dir, EXTRA), line: 9, message: 'this line holds the control character U+0000, so the file is not plain text; save it as UTF-8 text (with or without a byte-order mark)' },
    ])
  })

  it('accepts a UTF-8 byte-order mark and CRLF line endings', () => {
    const dir = kbWith({ 'synonyms.md': `\uFEFF${SYNONYMS.replace(/\n/g, '\r\n')}` })
    expect(compile(dir).problems).toEqual([])
    expect(compileKb(dir).synonyms.map((s) => s.canonical)).toEqual(['injection', 'pain'])
  })
})

describe('compileKb reads every line of synonyms.md', () => {
  it('reports a synonym line without its list marker', () => {
    const dir = kbWith({ 'synonyms.md': '# S\n\n- injection: shot\npain: hurt, ache\n' })
    expect(compile(dir).problems).toEqual([
      { file: join(dir, 'synonyms.md'), line: 4, message: 'expected "- word: variant, variant", a "# heading" or a sentence of explanation, got "pain: hurt, ache"' },
    ])
  })

  it('reports a list marker without its space', () => {
    const dir = kbWith({ 'synonyms.md': '# S\n\n-pain: hurt\n' })
    expect(compile(dir).problems).toEqual([{ file: join(dir, 'synonyms.md'), line: 3, message: 'expected "- word: variant, variant", got "-pain: hurt"' }])
  })

  it('reads choices in brackets as every way of choosing', () => {
    const dir = kbWith({ 'synonyms.md': '# S\n\n- contraindication: can i still (have|get) (them|a tpi), rule me out\n' })
    expect(compile(dir).problems).toEqual([])
    expect(compileKb(dir).synonyms).toEqual([
      { canonical: 'contraindication', variants: ['can i still have them', 'can i still have a tpi', 'can i still get them', 'can i still get a tpi', 'rule me out'] },
    ])
  })

  it('accepts paragraphs of explanation between the items', () => {
    const dir = kbWith({ 'synonyms.md': '# S\n\nEach item: the word, a colon,\nthen what visitors say.\n\n- injection: shot\n\n## More\n\n"Pain" is not "sore".\n- pain: hurt\n' })
    expect(compile(dir).problems).toEqual([])
  })
})

// A named pipe is tested through the command (tests/build/cli/kb-files.test.ts): there a hang fails by a timeout.
describe('compileKb and special files in the knowledge-base folder', () => {
  it('skips hidden and editor files, even a lock file that is a link to nothing, and names them', () => {
    const dir = kbWith()
    symlinkSync('someone@host.1234:1700000000', join(dir, 'qa/.#basics.md'))
    writeFileSync(join(dir, 'qa/#basics.md#'), 'autosave')
    writeFileSync(join(dir, 'qa/~$basics.md'), 'office lock')
    const { problems, warnings } = compile(dir)
    expect(problems).toEqual([])
    expect(warnings).toEqual([`${join(dir, 'qa/.#basics.md')}: skipped (a hidden or editor file)`, `${join(dir, 'qa/~$basics.md')}: skipped (a hidden or editor file)`])
  })

  it('warns when its own language file has no "## Real words", written before that section existed', () => {
    const english = readFileSync(DEFAULT_LANGUAGE_FILE, 'utf8')
    const without = kbWith({ 'language.md': english.replace(/## Real words[\s\S]*?(?=## Question words)/, '') })
    const { problems, warnings } = compile(without)
    expect(problems).toEqual([])
    expect(warnings).toEqual([expect.stringMatching(/language\.md: no "## Real words", so common words/)])
    expect(compile(kbWith({ 'language.md': english })).warnings).toEqual([])
  })

  it('skips links that loop or lead nowhere, and folders named *.md', () => {
    const dir = kbWith()
    symlinkSync('loop.md', join(dir, 'qa/loop.md'))
    symlinkSync('missing.md', join(dir, 'pages/gone.md'))
    mkdirSync(join(dir, 'qa/folder.md'))
    const { problems, warnings } = compile(dir)
    expect(problems).toEqual([])
    expect(warnings).toEqual([
      `${join(dir, 'pages/gone.md')}: skipped (a link to a file that does not exist)`,
      `${join(dir, 'qa/folder.md')}: skipped (a folder, not a regular file)`,
      `${join(dir, 'qa/loop.md')}: skipped (a link that loops back on itself)`,
    ])
  })

  it('reads a link to a regular file', () => {
    const dir = kbWith()
    writeFileSync(join(dir, 'shared-extra.md'), '# Extra\n\n' + pair())
    symlinkSync(join(dir, 'shared-extra.md'), join(dir, EXTRA))
    expect(compileKb(dir, { warn: () => {} }).pairs.map((p) => p.id)).toContain('can-i-drive')
  })

  it('reports a synonyms.md that is a broken link, instead of building without synonyms', () => {
    const dir = kbWith()
    rmSync(join(dir, 'synonyms.md'))
    symlinkSync('elsewhere/synonyms.md', join(dir, 'synonyms.md'))
    expect(compile(dir).problems).toEqual([{ file: join(dir, 'synonyms.md'), line: 1, message: 'cannot be read: it is a link to a file that does not exist' }])
  })

  it('reports a qa that is a file, not a folder', () => {
    const dir = kbWith()
    rmSync(join(dir, 'qa'), { recursive: true })
    writeFileSync(join(dir, 'qa'), 'not a folder')
    expect(compile(dir).problems).toEqual([
      { file: join(dir, 'qa'), line: 1, message: 'should be a folder of Markdown files, but is a file' },
      { file: join(dir, 'qa'), line: 1, message: 'no Q&A files (*.md) found' },
    ])
  })
})
