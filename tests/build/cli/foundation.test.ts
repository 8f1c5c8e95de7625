import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { KB_FORMAT_VERSION } from '../../../widget/engine/index.ts'
import { runCli } from '../../helpers/run-cli.ts'
import { SMALL_KB, kbWith, tempDir } from '../../helpers/kb-dir.ts'

let out: string
let kbFile: string

beforeAll(() => {
  out = tempDir()
  kbFile = join(out, 'kb.json')
  const result = runCli(['build', '--kb', SMALL_KB, '--out', out])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
})

describe('frontdesk build', () => {
  it('writes kb.json, and the staff data beside it in kb-staff.json', () => {
    expect(existsSync(kbFile)).toBe(true)
    expect(JSON.parse(readFileSync(kbFile, 'utf8')).format).toBe(KB_FORMAT_VERSION)
    expect(JSON.parse(readFileSync(join(out, 'kb-staff.json'), 'utf8'))).toMatchObject({ format: KB_FORMAT_VERSION, hash: JSON.parse(readFileSync(kbFile, 'utf8')).hash })
  })

  it('reports every problem as file:line on stderr, exits 1, and leaves an existing kb.json untouched', () => {
    const dir = kbWith({ 'qa/broken.md': '# Broken\n\n## Half a pair\nid: half\n\nNo phrasings, no source.\n' })
    const target = tempDir()
    writeFileSync(join(target, 'kb.json'), '{"the":"good one"}')
    const result = runCli(['build', '--kb', dir, '--out', target])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${join(dir, 'qa/broken.md')}:3: pair "Half a pair" is missing "asked:"`)
    expect(result.stderr).toContain(`${join(dir, 'qa/broken.md')}:3: pair "Half a pair" is missing "source:"`)
    expect(result.stderr).toContain('3 problems; nothing was written.')
    expect(readFileSync(join(target, 'kb.json'), 'utf8')).toBe('{"the":"good one"}')
  })

  it('refuses unknown options with the usage', () => {
    const result = runCli(['build', '--colour'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^frontdesk build: Unknown option '--colour'/)
    expect(result.stderr).toContain('Usage: frontdesk build')
  })
})

describe('frontdesk list', () => {
  it('prints the pairs as a JSON array with id, question, aliases, plain-text answer, source and related', () => {
    const result = runCli(['list', '--json', '--kb', kbFile])
    expect(result.code).toBe(0)
    const list = JSON.parse(result.stdout)
    expect(list).toHaveLength(2)
    expect(list[1]).toEqual({
      id: 'does-it-hurt',
      question: 'Does it hurt?',
      aliases: ['will the shot hurt', 'is it painful', 'how much does it sting', 'am i going to be sore'],
      answer: 'Most people feel a brief sting, then some soreness for a day or two. See our page (https://clinic.example/tpi).',
      source: 'about#how-it-feels',
      related: ['what-is-it'],
    })
  })

  it('names a kb.json that does not exist', () => {
    const result = runCli(['list', '--json', '--kb', '/nonexistent/kb.json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('frontdesk list: no such file: /nonexistent/kb.json\n')
  })

  it('names a kb.json that is not JSON', () => {
    const bad = join(tempDir(), 'kb.json')
    writeFileSync(bad, '{"format": 1, "pai')
    const result = runCli(['list', '--kb', bad])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^frontdesk list: ${bad} is not valid JSON`))
  })

  it('reads the staff data beside a kb.json, does without it, and names a staff file of another build', () => {
    const sources = (kb: string) => JSON.parse(runCli(['list', '--json', '--kb', kb]).stdout).map((pair: { source: string | null }) => pair.source)
    expect(sources(kbFile)).toEqual(['about#what-it-is', 'about#how-it-feels'])
    const alone = join(tempDir(), 'kb.json')
    copyFileSync(kbFile, alone)
    expect(sources(alone)).toEqual([null, null])
    writeFileSync(join(alone, '..', 'kb-staff.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(out, 'kb-staff.json'), 'utf8')), hash: 'another' }))
    const result = runCli(['list', '--kb', alone])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`^frontdesk list: ${alone}: kb-staff\\.json belongs to another build than kb\\.json`))
  })

  it('names a kb.json of another format version', () => {
    const other = join(tempDir(), 'kb.json')
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(kbFile, 'utf8')), format: 99 }))
    const result = runCli(['list', '--kb', other])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`frontdesk list: ${other}: kb.json has format 99, expected ${KB_FORMAT_VERSION}; rebuild it with "frontdesk build"\n`)
  })
})

describe('frontdesk ask', () => {
  const fields = ['question', 'kind', 'reply', 'confidence', 'top', 'alternatives']

  it('answers one question as one JSON object with the public fields', () => {
    const result = runCli(['ask', '--json', '--kb', kbFile, 'will the jab hurt?'])
    expect(result.code).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    const reply = JSON.parse(lines[0]!)
    expect(Object.keys(reply)).toEqual(fields)
    expect(reply).toMatchObject({ question: 'will the jab hurt?', kind: 'answer' })
    expect(reply.top).toEqual({ id: 'does-it-hurt', question: 'Does it hurt?', answer: expect.stringContaining('sting'), confidence: reply.confidence })
    expect(reply.confidence).toBeGreaterThan(0)
    expect(reply.confidence).toBeLessThanOrEqual(1)
  })

  it('answers every line of standard input, in order, one JSON object per line', () => {
    const input = 'what is a tpi\n\nhello\nmy chest hurts and I cannot breathe\nhow much does it cost\nqwerty zxcv\n'
    const result = runCli(['ask', '--json', '--kb', kbFile], { input })
    expect(result.code).toBe(0)
    const replies = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(replies.map((r) => [r.question, r.kind])).toEqual([
      ['what is a tpi', 'answer'],
      ['hello', 'smalltalk'],
      ['my chest hurts and I cannot breathe', 'emergency'],
      ['how much does it cost', 'fallback'],
      ['qwerty zxcv', 'fallback'],
    ])
    for (const reply of replies) expect(Object.keys(reply)).toEqual(fields)
  })

  it('prints a readable reply without --json', () => {
    const result = runCli(['ask', '--kb', kbFile, 'does it hurt'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('? does it hurt\nanswer (confidence')
    expect(result.stdout).toContain('Most people feel a brief sting')
  })

  it('refuses a threshold that is not a number between 0 and 1', () => {
    expect(runCli(['ask', '--kb', kbFile, '--threshold', 'high', 'x']).stderr).toMatch(/^frontdesk ask: --threshold must be a number, got "high"/)
    expect(runCli(['ask', '--kb', kbFile, '--threshold', '2', 'x']).code).toBe(1)
  })

  it('builds the default kb.json on demand when it is missing', () => {
    const project = tempDir()
    const { cpSync } = require('node:fs') as typeof import('node:fs')
    cpSync(SMALL_KB, join(project, 'kb'), { recursive: true })
    const result = runCli(['ask', '--json', 'does it hurt'], { cwd: project })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).kind).toBe('answer')
    expect(existsSync(join(project, 'dist', 'kb.json'))).toBe(true)
  })
})

describe('frontdesk eval --slips', () => {
  it('prints, for each kind of typing slip, how often a phrasing with it still got its own pair', () => {
    const result = runCli(['eval', '--slips', '--kb', kbFile])
    expect(result.code).toBe(0)
    for (const kind of ['a vowel put for another', 'a vowel left out', 'a letter doubled', 'a key next to the right one']) expect(result.stdout).toMatch(new RegExp(`${kind} +\\d+\\.\\d%`))
  })

  it('refuses an evaluation file beside it', () => {
    const result = runCli(['eval', '--slips', 'kb/eval.jsonl', '--kb', kbFile])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('--slips scores the knowledge base itself')
  })
})

describe('frontdesk eval --edits', () => {
  it('prints the replies each edit changed, and their mean per edit, learned again and kept', () => {
    const result = runCli(['eval', 'kb/eval.jsonl', '--edits', '2', '--kb', SMALL_KB])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^2 edits of .*kb-small, each removing one phrasing, threshold 0.4; replies to \d+ questions of kb\/eval.jsonl that changed:/)
    expect(result.stdout).toMatch(/Per edit: \d+\.\d with the real words and calibration derived again, as a build derives them; \d+\.\d with them kept\./)
  })

  it('refuses a count of edits that is not a whole number of 1 or more', () => {
    for (const count of ['some', '0']) {
      const result = runCli(['eval', 'kb/eval.jsonl', '--edits', count, '--kb', SMALL_KB])
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`--edits must be a whole number, 1 or more, got "${count}"`)
    }
  })

  it('refuses a kb.json for --kb: the calibration is learned again from the folder', () => {
    const result = runCli(['eval', 'kb/eval.jsonl', '--edits', '1', '--kb', kbFile])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`with --edits, --kb names the knowledge base's folder, and "${kbFile}" is not one`)
  })

  it('names the knowledge base when it cannot make the edits asked for', () => {
    const result = runCli(['eval', 'kb/eval.jsonl', '--edits', '9999', '--kb', SMALL_KB])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^frontdesk eval: .*kb-small: edits: 9999 edits asked for, but only \d+ phrasings can be removed/)
  })

  it('refuses --loo or --slips beside it', () => {
    expect(runCli(['eval', '--loo', '--edits', '1', '--kb', SMALL_KB]).stderr).toContain('give --edits, --loo or --slips, one at a time')
  })

  it('refuses --half and --check beside it', () => {
    const result = runCli(['eval', 'kb/eval.jsonl', '--edits', '1', '--check', '--kb', SMALL_KB])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('give neither --half nor --check with it')
  })
})

describe('the default kb.json', () => {
  it('is built again when an older version of Frontdesk wrote it', () => {
    const project = tempDir()
    const { cpSync, mkdirSync } = require('node:fs') as typeof import('node:fs')
    cpSync(SMALL_KB, join(project, 'kb'), { recursive: true })
    mkdirSync(join(project, 'dist'))
    // Newer than kb/, but of another format.
    writeFileSync(join(project, 'dist', 'kb.json'), JSON.stringify({ format: 0 }))
    const result = runCli(['ask', '--json', 'does it hurt'], { cwd: project })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout).kind).toBe('answer')
    expect(JSON.parse(readFileSync(join(project, 'dist', 'kb.json'), 'utf8')).format).toBe(KB_FORMAT_VERSION)
  })
})

describe('frontdesk', () => {
  it('lists its commands with --help', () => {
    const result = runCli(['--help'])
    expect(result.code).toBe(0)
    for (const name of ['build', 'list', 'ask', 'eval', 'bench']) expect(result.stdout).toContain(`  ${name}`)
  })

  it('gives --help on every command', () => {
    for (const name of ['build', 'list', 'ask', 'eval']) {
      const result = runCli([name, '--help'])
      expect(result.code, name).toBe(0)
      expect(result.stdout, name).toContain(`Usage: frontdesk ${name}`)
    }
  })

  it('names an unknown command', () => {
    const result = runCli(['frobnicate'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('frontdesk: unknown command "frobnicate". Run "frontdesk --help" for the list.\n')
  })
})
