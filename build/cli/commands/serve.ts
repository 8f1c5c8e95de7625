/** `frontdesk serve` (what `npm start` runs): build the site, then serve `dist/` with esbuild's server. */
import type { BuildContext, ServeResult } from 'esbuild'
import { buildSite } from '../../site/build-site.ts'
import { numberOption, paint, parse, UsageError, type Command } from '../command.ts'

/** Ports tried after a busy one before letting the system choose. */
const NEXT_PORTS = 9

/** Options of {@link serveDir}. */
export interface ServeDirOptions {
  /** The folder served. */
  dir: string
  /** The port wanted; the next ones, then any free one, when it is busy. */
  port: number
  /** The interface to listen on. */
  host: string
}

/** A running server. */
export interface RunningServer {
  /** The base URL, ending in "/". */
  url: string
  port: number
  /** Stops serving. */
  stop(): Promise<void>
}

const busy = (error: unknown): boolean => error instanceof Error && /address already in use/i.test(error.message)

/**
 * Serves a folder with esbuild's server (a context with no entry points builds nothing and serves `servedir`).
 * A busy port is not an error: the next free one is used.
 */
export async function serveDir(options: ServeDirOptions): Promise<RunningServer> {
  const esbuild = await import('esbuild')
  const candidates = [...Array.from({ length: NEXT_PORTS + 1 }, (_, i) => options.port + i).filter((p) => p <= 65535), 0]
  for (const port of candidates) {
    const context: BuildContext = await esbuild.context({ logLevel: 'silent' })
    let result: ServeResult
    try {
      result = await context.serve({ servedir: options.dir, port, host: options.host })
    } catch (error) {
      await context.dispose()
      if (busy(error)) continue
      throw error
    }
    // A server on every interface is reached, from this machine, at localhost.
    const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host
    const host = shown.includes(':') ? `[${shown}]` : shown
    return { url: `http://${host}:${result.port}/`, port: result.port, stop: () => context.dispose() }
  }
  throw new Error(`no free port from ${options.port}`)
}

export const command: Command = {
  summary: 'Build the site and serve it: the demo clinic page and the coverage console.',
  usage: `Usage: frontdesk serve [--port N] [--host HOST] [--kb DIR] [--dev]

Builds dist/ (like "frontdesk site"), then serves it with esbuild's server and prints the URLs of the demo
clinic page and the staff coverage console. Stop with Ctrl+C.

Options:
  --port N      the port (default: 8000; when busy, the next free one)
  --host HOST   the interface to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  --kb DIR      the knowledge-base folder (default: kb)
  --dev         unminified, with source maps`,
  async run(argv) {
    const { values, positionals } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, kb: { type: 'string' }, dev: { type: 'boolean' } })
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const port = numberOption('port', values.port) ?? 8000
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535, got "${values.port}"`)
    const dir = 'dist'
    const report = await buildSite({ kbDir: values.kb, outDir: dir, dev: values.dev })
    process.stdout.write(`${report.lines.join('\n')}\n`)
    for (const line of report.overBudget) process.stderr.write(`${paint('yellow', 'over budget:', process.stderr)} ${line}\n`)
    const server = await serveDir({ dir, port, host: values.host ?? '127.0.0.1' })
    if (server.port !== port) process.stdout.write(`port ${port} is busy; using ${server.port}\n`)
    process.stdout.write(`\n  Demo clinic page:  ${paint('bold', server.url)}\n  Coverage console:  ${paint('bold', `${server.url}coverage/`)}\n\nServing ${dir}/. Press Ctrl+C to stop.\n`)
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    await server.stop()
    return 0
  },
}
