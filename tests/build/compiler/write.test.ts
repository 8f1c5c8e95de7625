import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTemporaries, temporaryPath, writeFileAtomic } from '../../../build/compiler/write.ts'
import { tempDir } from '../../helpers/kb-dir.ts'

/** The id of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('writeFileAtomic', () => {
  it('writes the whole file and leaves no temporary behind', () => {
    const dir = tempDir()
    writeFileAtomic(join(dir, 'out', 'kb.json'), '{"a":1}')
    expect(readFileSync(join(dir, 'out', 'kb.json'), 'utf8')).toBe('{"a":1}')
    expect(readdirSync(join(dir, 'out'))).toEqual(['kb.json'])
  })

  it('removes the temporary a killed build left (a 23 MB kb.json.<pid>.<time>.tmp, say)', () => {
    const dir = tempDir()
    const left = join(dir, `kb.json.${endedPid()}.1700000000000.tmp`)
    writeFileSync(left, 'half a kb.json')
    writeFileAtomic(join(dir, 'kb.json'), '{}')
    expect(readdirSync(dir)).toEqual(['kb.json'])
  })
})

describe('removeStaleTemporaries', () => {
  it('removes files and folders of ended processes, keeps those of running ones and anything else', () => {
    const dir = tempDir()
    const ended = endedPid()
    const names = [
      `dist.${ended}.1700000000000.tmp`,
      `dist.${ended}.1700000000000.old`,
      `dist.${process.ppid}.1700000000000.tmp`,
      'dist.notes.tmp',
      'dist-other',
      'kb.json',
    ]
    for (const name of names.slice(0, 2)) mkdirSync(join(dir, name))
    for (const name of names.slice(2)) writeFileSync(join(dir, name), '')
    removeStaleTemporaries(join(dir, 'dist'))
    expect(readdirSync(dir).sort()).toEqual([`dist.${process.ppid}.1700000000000.tmp`, 'dist-other', 'dist.notes.tmp', 'kb.json'].sort())
  })

  it('removes a temporary older than a day even if its process id is in use again', () => {
    const dir = tempDir()
    const reused = join(dir, `kb.json.${process.ppid}.1700000000000.tmp`)
    writeFileSync(reused, '')
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000)
    utimesSync(reused, twoDaysAgo, twoDaysAgo)
    removeStaleTemporaries(join(dir, 'kb.json'))
    expect(readdirSync(dir)).toEqual([])
  })

  it('names temporaries after the process, so concurrent builds never share one', () => {
    expect(temporaryPath('/x/dist')).toMatch(new RegExp(`^/x/dist\\.${process.pid}\\.\\d+\\.tmp$`))
    expect(temporaryPath('/x/dist', 'old')).toMatch(/\.old$/)
  })
})
