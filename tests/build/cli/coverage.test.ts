import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { writeKb } from '../../../build/compiler/build-kb.ts'
import { parseRate } from '../../../build/cli/commands/coverage.ts'
import { createEngine, toAskJson } from '../../../widget/engine/index.ts'
import { runCli } from '../../helpers/run-cli.ts'
import { SMALL_KB, tempDir } from '../../helpers/kb-dir.ts'

let dir: string
let kbFile: string
let log: string
const QUESTIONS = ['will the shot hurt', 'what is a tpi', 'hello', 'where do I park']

beforeAll(() => {
  dir = tempDir()
  kbFile = writeKb(compileKb(SMALL_KB), dir).path
  log = join(dir, 'log.txt')
  writeFileSync(log, `${QUESTIONS.join('\n')}\n`)
})

describe('parseRate', () => {
  it('reads shares and percentages', () => {
    expect(parseRate('0.8')).toBe(0.8)
    expect(parseRate('80%')).toBe(0.8)
    expect(parseRate('80')).toBe(0.8)
    expect(parseRate('1')).toBe(1)
    expect(parseRate('0.5%')).toBe(0.005)
  })

  it('refuses anything else, quoting it', () => {
    expect(() => parseRate('most')).toThrow('--min-answered must be a share (0..1) or a percentage (80%), got "most"')
    expect(() => parseRate('150')).toThrow('--min-answered must be between 0 and 1 (or 0% and 100%), got "150"')
  })
})

describe('frontdesk coverage', () => {
  it('prints a table and a summary', () => {
    const result = runCli(['coverage', log, '--kb', kbFile])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^ {3}# {2}kind {8}conf {2}pair {34}question\n/)
    expect(result.stdout).toMatch(/ {3}2 {2}answered {4}\d\.\d\d {2}what-is-it +what is a tpi\n/)
    expect(result.stdout).toMatch(/ {3}3 {2}small talk {2}1\.00 {2}— +hello\n/)
    expect(result.stdout).toMatch(/ {3}4 {2}fallback {4}\d\.\d\d {2}\S+ +where do I park\n/)
    expect(result.stdout).toContain('4 questions at threshold 0.4:')
    // A near miss carries a line saying, in the visitor's words, what decided it.
    expect(result.stdout).toMatch(/ {3}4 {2}fallback .*\n {24}why: .*"park"/)
    expect(result.stdout).toContain('  answered       2     50%')
    expect(result.stdout).toContain('  small talk     1     25%')
    expect(result.stdout).toContain('pairs reached: 2 of 2')
  })

  it('prints one "ask --json" object per question with --json', () => {
    const result = runCli(['coverage', log, '--kb', kbFile, '--json'])
    expect(result.code).toBe(0)
    const engine = createEngine(compileKb(SMALL_KB))
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines).toEqual(QUESTIONS.map((question) => JSON.parse(JSON.stringify(toAskJson(engine.reply(question))))))
  })

  it('reads a CSV log by its question column', () => {
    const csv = join(dir, 'log.csv')
    writeFileSync(csv, '\uFEFFwhen,question\r\n2025-01-01,"hello, will the shot hurt"\r\n2025-01-02,what is a tpi\r\n')
    const result = runCli(['coverage', csv, '--kb', kbFile, '--json'])
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line).question)).toEqual(['hello, will the shot hurt', 'what is a tpi'])
  })

  it('exits 1 when the share answered is below --min-answered, 0 when it is not', () => {
    expect(runCli(['coverage', log, '--kb', kbFile, '--min-answered', '0.5']).code).toBe(0)
    expect(runCli(['coverage', log, '--kb', kbFile, '--min-answered', '50%']).code).toBe(0)
    const below = runCli(['coverage', log, '--kb', kbFile, '--min-answered', '51%'])
    expect(below.code).toBe(1)
    expect(below.stderr).toBe('frontdesk coverage: 50% answered, below the minimum 51%\n')
    expect(runCli(['coverage', log, '--kb', kbFile, '--json', '--min-answered', '0.9']).code).toBe(1)
  })

  it('refuses a bad --min-answered with the usage', () => {
    const result = runCli(['coverage', log, '--kb', kbFile, '--min-answered', 'lots'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^frontdesk coverage: --min-answered must be a share \(0\.\.1\) or a percentage \(80%\), got "lots"/)
    expect(result.stderr).toContain('Usage: frontdesk coverage FILE')
  })

  it('writes a standalone HTML report with --html', () => {
    const out = join(dir, 'report', 'coverage.html')
    const result = runCli(['coverage', log, '--kb', kbFile, '--html', out])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(`wrote ${out}\n`)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<svg class="chart"')
    expect(html).not.toMatch(/<(script|link|img)\b/)
  })

  it('says so when the file is missing, empty, or a CSV without a question column', () => {
    expect(runCli(['coverage', join(dir, 'nope.txt'), '--kb', kbFile]).stderr).toBe(`frontdesk coverage: no such file: ${join(dir, 'nope.txt')}\n`)
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '\n\n')
    expect(runCli(['coverage', empty, '--kb', kbFile]).stderr).toBe(`frontdesk coverage: ${empty} has no questions\n`)
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'text\nhello\n')
    const result = runCli(['coverage', bad, '--kb', kbFile])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`frontdesk coverage: ${bad} has no "question" column (columns: "text")\n`)
    expect(existsSync(join(dir, 'nope.txt'))).toBe(false)
  })
})
