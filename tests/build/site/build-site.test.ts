import { spawn } from 'node:child_process'
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.ts'
import { SMALL_KB, tempDir } from '../../helpers/kb-dir.ts'

const BIN = join(import.meta.dirname, '..', '..', '..', 'build', 'cli', 'frontdesk.js')

/** Every file under `dir`, as sorted relative paths. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

/** True once a new `kb.json` is written: into a folder beside `site`, or into `site` itself. */
function kbWritten(parent: string, site: string, before: number): boolean {
  const staged = readdirSync(parent).some((name) => name.startsWith('site.') && existsSync(join(parent, name, 'kb.json')))
  const inPlace = statSync(join(site, 'kb.json'), { throwIfNoEntry: false })
  return staged || !inPlace || inPlace.mtimeMs !== before
}

describe('frontdesk site', () => {
  it('leaves the previous site whole when killed halfway, and the next build clears what the killed one left', async () => {
    const parent = tempDir()
    const site = join(parent, 'site')
    expect(runCli(['site', '--kb', SMALL_KB, '--out', site]).code).toBe(0)
    const before = files(site)
    expect(before).toEqual(expect.arrayContaining(['index.html', 'frontdesk.js', 'kb.json', 'coverage/index.html']))

    const child = spawn(process.execPath, [BIN, 'site', '--kb', SMALL_KB, '--out', site], { stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)))
    const kbTime = statSync(join(site, 'kb.json')).mtimeMs
    // Killed the moment its kb.json exists, with the widget and the demo still to bundle.
    while (child.exitCode === null && !kbWritten(parent, site, kbTime)) await sleep(5)
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    expect(files(site)).toEqual(before)

    expect(runCli(['site', '--kb', SMALL_KB, '--out', site]).code).toBe(0)
    expect(readdirSync(parent)).toEqual(['site'])
    expect(files(site)).toEqual(before)
  }, 180_000)

  it('refuses an output folder that holds the working folder or the knowledge base, which it would replace', () => {
    // In a throwaway project: without the check, a build would empty these folders.
    const dir = tempDir()
    cpSync(SMALL_KB, join(dir, 'kb'), { recursive: true })
    const here = runCli(['site', '--out', '.'], { cwd: dir })
    expect(here).toMatchObject({ code: 1, stderr: 'frontdesk site: the output folder "." holds the current folder, and building replaces it; choose a folder of its own, such as dist\n' })
    const kb = runCli(['site', '--kb', join(dir, 'kb'), '--out', dir])
    expect(kb.code).toBe(1)
    expect(kb.stderr).toContain(`holds the knowledge base (${join(dir, 'kb')})`)
    expect(readdirSync(dir)).toEqual(['kb'])
    expect(files(join(dir, 'kb'))).toEqual(files(SMALL_KB))
  }, 120_000)
})
