/** Runs the real `frontdesk` command in a child process, as a user would. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const BIN = join(import.meta.dirname, '..', '..', 'build', 'cli', 'frontdesk.js')

/** What a run printed and how it ended. */
export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `frontdesk ARGS` with optional standard input, in `cwd` (default: the repository). */
export function runCli(args: string[], options: { input?: string; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
