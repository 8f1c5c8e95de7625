/** The `frontdesk` command line: dispatches to one module per command in `commands/`. */
import { KbCompileError, formatProblem } from '../compiler/errors.ts'
import { fail, usageError, type Command } from './command.ts'

/** Every command, loaded only when used so that `frontdesk ask` does not pay for the bundler. */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  build: () => import('./commands/build.ts'),
  list: () => import('./commands/list.ts'),
  ask: () => import('./commands/ask.ts'),
  eval: () => import('./commands/eval.ts'),
  bench: () => import('./commands/bench.ts'),
  coverage: () => import('./commands/coverage.ts'),
  apply: () => import('./commands/apply.ts'),
  lint: () => import('./commands/lint.ts'),
  draft: () => import('./commands/draft.ts'),
  site: () => import('./commands/site.ts'),
  serve: () => import('./commands/serve.ts'),
}

async function help(): Promise<string> {
  const lines = ['Usage: frontdesk <command> [options]', '', 'Commands:']
  for (const [name, load] of Object.entries(COMMANDS)) {
    const summary = await load().then(({ command }) => command.summary, () => '(not available)')
    lines.push(`  ${name.padEnd(10)}${summary}`)
  }
  lines.push('', 'Run "frontdesk <command> --help" for a command\'s options.')
  return lines.join('\n')
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await help()}\n`)
    return name === undefined ? 1 : 0
  }
  const load = COMMANDS[name]
  if (!load) return fail(`frontdesk: unknown command "${name}". Run "frontdesk --help" for the list.`)
  const { command } = await load()
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    // A knowledge base that does not compile: every problem as file:line, and the promise that nothing was written.
    if (error instanceof KbCompileError) {
      const count = error.problems.length
      return fail(`${error.problems.map(formatProblem).join('\n')}\n${count} problem${count === 1 ? '' : 's'}; nothing was written.`)
    }
    if (usageError(error)) return fail(`frontdesk ${name}: ${error.message}\n\n${command.usage}`)
    return fail(`frontdesk ${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
