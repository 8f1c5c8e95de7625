/** What every command module exports, and the helpers they share. */
import { parseArgs, styleText, type ParseArgsConfig } from 'node:util'

/** One `frontdesk` command. */
export interface Command {
  /** One line for `frontdesk --help`. */
  summary: string
  /** The full `--help` text. */
  usage: string
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[]): Promise<number>
}

/** A mistake in how the command was called: reported with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** True for a {@link UsageError} or a `node:util` parseArgs error. */
export function usageError(error: unknown): error is Error {
  return error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
}

/** `parseArgs` with strict checking, the help flag accepted everywhere, and positionals allowed. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
}

/** Parses a number option, naming it when it is not one. */
export function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number)) throw new UsageError(`--${name} must be a number, got "${value}"`)
  return number
}

/** Parses `--threshold`: a number from 0 to 1, or undefined for the engine's default. */
export function thresholdOption(value: string | undefined): number | undefined {
  const threshold = numberOption('threshold', value)
  if (threshold !== undefined && (threshold < 0 || threshold > 1)) throw new UsageError(`--threshold must be between 0 and 1, got ${threshold}`)
  return threshold
}

/** Prints an error on stderr and returns exit code 1. */
export function fail(message: string): number {
  process.stderr.write(`${message}\n`)
  return 1
}

/** Colours text for a terminal; plain when piped or when NO_COLOR is set. */
export function paint(format: Parameters<typeof styleText>[0], text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return stream.isTTY && !process.env.NO_COLOR ? styleText(format, text) : text
}
