import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/run-cli.ts'
import { SMALL_KB, tempDir } from '../../helpers/kb-dir.ts'

const BIN = join(import.meta.dirname, '..', '..', '..', 'build', 'cli', 'frontdesk.js')
let kbFile: string

beforeAll(() => {
  const out = tempDir()
  expect(runCli(['build', '--kb', SMALL_KB, '--out', out]).code).toBe(0)
  kbFile = join(out, 'kb.json')
})

/** Runs a bash pipeline in which `frontdesk` is the command; stderr ends with the exit status of each part. */
function pipeline(script: string): { stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `frontdesk() { "$NODE" "$BIN" "$@"; }; ${script}; echo "status \${PIPESTATUS[*]}" >&2`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE: process.execPath, BIN },
    maxBuffer: 1024 * 1024,
    timeout: 120_000,
  })
  return { stdout: result.stdout, stderr: result.stderr }
}

describe('frontdesk output into a pipe that closes early', () => {
  it('ends "list" quietly with exit code 0 when the reader is gone before it writes', async () => {
    const child = spawn(process.execPath, [BIN, 'list', '--kb', kbFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    // Closing our end at once makes the command's first write fail with EPIPE.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })

  it('ends "yes q | frontdesk ask --json | head -2" quietly', () => {
    const { stdout, stderr } = pipeline(`yes q | frontdesk ask --json --kb "${kbFile}" | head -2`)
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line).question)).toEqual(['q', 'q'])
    // yes ends by SIGPIPE (141); ask itself ends with 0 and says nothing.
    expect(stderr).toBe('status 141 0 0\n')
  })
})

describe('frontdesk ask reading standard input', () => {
  it('reads 640 MB without a newline (more than one string can hold), cutting the line to what the engine reads', () => {
    const writer = `"$NODE" -e "const b=Buffer.alloc(1<<20,97);let n=640;const w=()=>{while(n>0){n--;if(!process.stdout.write(b))return process.stdout.once('drain',w)}};w()"`
    const { stdout, stderr } = pipeline(`${writer} | frontdesk ask --json --kb "${kbFile}"`)
    expect(stderr).toBe('status 0 0\n')
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(replies).toHaveLength(1)
    expect(replies[0].question).toBe('a'.repeat(500))
  }, 180_000)
})
