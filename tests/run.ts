/**
 * `npm test`: the type check and the test suite side by side, since neither needs the other (run one after the
 * other, the suite waited 15 s for the type check on an idle machine and about a minute on a busy one). The type
 * check's report is printed after the suite's, and the exit code is non-zero when either fails. Arguments are
 * passed to `vitest run`.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const BIN = join(import.meta.dirname, '..', 'node_modules', '.bin')

interface Finished {
  code: number
  output: string
}

/** Runs a local binary; its output is passed through (`inherit`) or collected. */
function run(name: string, args: string[], stdio: 'inherit' | 'pipe'): Promise<Finished> {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn(join(BIN, name), args, { stdio: ['inherit', stdio, stdio] })
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => resolve({ code: 1, output: `npm test: could not run ${name}: ${error.message}\n` }))
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

const [types, tests] = await Promise.all([run('tsc', ['--noEmit'], 'pipe'), run('vitest', ['run', ...process.argv.slice(2)], 'inherit')])
process.stdout.write(types.output)
process.stdout.write(types.code === 0 ? 'Type check: no errors.\n' : `Type check failed (tsc exit ${types.code}).\n`)
process.exitCode = types.code !== 0 ? types.code : tests.code
