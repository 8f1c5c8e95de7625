/**
 * Writing build output so that a failed or interrupted build never leaves a half-written file behind: output is
 * written beside its place under a temporary name (`kb.json.<pid>.<time>.tmp`) and renamed over it when complete.
 * A build killed before the rename leaves its temporary behind; the next build removes it.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Temporaries older than this are removed even if their process id is in use again (ids are reused). */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000

/** A temporary name beside `path` that no other build uses: `path.<pid>.<time>.<suffix>`. */
export function temporaryPath(path: string, suffix: 'tmp' | 'old' = 'tmp'): string {
  return `${path}.${process.pid}.${Date.now()}.${suffix}`
}

/** True while process `pid` runs (a process of another user counts). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes temporaries of `path` (files or folders named by {@link temporaryPath}) left by builds that were killed:
 * those whose process no longer runs, or that are older than a day. A build still running keeps its own.
 */
export function removeStaleTemporaries(path: string): void {
  const dir = dirname(path)
  const prefix = `${basename(path)}.`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const match = /^(\d+)\.(\d+)\.(tmp|old)$/.exec(name.slice(prefix.length))
    if (!match) continue
    const temporary = join(dir, name)
    const old = Date.now() - (lstatSync(temporary, { throwIfNoEntry: false })?.mtimeMs ?? 0) > STALE_AFTER_MS
    if (Number(match[1]) !== process.pid && (old || !running(Number(match[1])))) rmSync(temporary, { recursive: true, force: true })
  }
}

/** Writes `content` to a temporary file beside `path`, then renames it over `path` (atomic on one file system). */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true })
  removeStaleTemporaries(path)
  const temporary = temporaryPath(path)
  try {
    writeFileSync(temporary, content)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true })
    throw error
  }
}
