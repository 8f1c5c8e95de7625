import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.ts'
import { SMALL_KB, kbWith, tempDir } from '../../helpers/kb-dir.ts'

/** A project folder holding a copy of the small knowledge base as `kb/`, where commands use their defaults. */
function project(): string {
  const dir = tempDir()
  cpSync(SMALL_KB, join(dir, 'kb'), { recursive: true })
  return dir
}

describe('frontdesk build with special files in the knowledge base', () => {
  it('skips an editor lock file (a link to nothing) and says so', () => {
    const dir = kbWith()
    symlinkSync('someone@host.1234:1700000000', join(dir, 'qa/.#basics.md'))
    const out = tempDir()
    const result = runCli(['build', '--kb', dir, '--out', out])
    expect(result.stderr).toBe(`${join(dir, 'qa/.#basics.md')}: skipped (a hidden or editor file)\n`)
    expect(result.code).toBe(0)
    expect(existsSync(join(out, 'kb.json'))).toBe(true)
  })

  it('skips a named pipe called *.md instead of waiting on it forever', () => {
    const dir = kbWith()
    expect(spawnSync('mkfifo', [join(dir, 'qa/pipe.md')]).status).toBe(0)
    // Without the skip the build blocks reading the pipe, and runCli's timeout ends it with no exit code.
    const result = runCli(['build', '--kb', dir, '--out', tempDir()])
    expect(result.stderr).toBe(`${join(dir, 'qa/pipe.md')}: skipped (a named pipe (FIFO), not a regular file)\n`)
    expect(result.code).toBe(0)
  })
})

describe('frontdesk ask with special files in the default knowledge base', () => {
  it('answers when kb/ holds a link that loops (it used to build, then break every ask)', () => {
    const dir = project()
    symlinkSync('loop', join(dir, 'kb/loop'))
    expect(runCli(['build'], { cwd: dir }).code).toBe(0)
    const result = runCli(['ask', '--json', 'does it hurt'], { cwd: dir })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'answer', top: { id: 'does-it-hurt' } })
  })

  it('rebuilds a stale kb.json without tripping on a link to nothing', () => {
    const dir = project()
    expect(runCli(['build'], { cwd: dir }).code).toBe(0)
    symlinkSync('nowhere', join(dir, 'kb/qa/.#basics.md'))
    symlinkSync('nowhere', join(dir, 'kb/qa/gone.md'))
    // The knowledge base is edited after the build: ask must rebuild first.
    writeFileSync(join(dir, 'kb/qa/basics.md'), '# Basics\n\n## Only one?\nid: only\nasked: only one\nsource: about#what-it-is\nrelated: only-two\n\nYes.\n\n## Only two?\nid: only-two\nasked: only two\nsource: about#what-it-is\nrelated: only\n\nYes.\n')
    const future = new Date(Date.now() + 60_000)
    utimesSync(join(dir, 'kb/qa/basics.md'), future, future)
    const result = runCli(['list', '--json'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout).map((pair: { id: string }) => pair.id)).toEqual(['only', 'only-two'])
    expect(result.stderr).toBe(`${join('kb', 'qa', '.#basics.md')}: skipped (a hidden or editor file)\n${join('kb', 'qa', 'gone.md')}: skipped (a link to a file that does not exist)\n`)
    expect(readdirSync(join(dir, 'dist')).sort()).toEqual(['kb-staff.json', 'kb.json'])
  })
})
