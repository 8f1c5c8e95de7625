/**
 * A small static server for the real-browser suite (node:http on 127.0.0.1, an ephemeral port). It serves the built
 * site and the fixture pages tests write, logs every request, can send a strict Content-Security-Policy header, and
 * can make `kb.json` fail in the ways the widget must survive.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join, normalize, sep } from 'node:path'
import { ARTIFACTS } from './paths.ts'

/** The strict policy of issue 6, sent as a header. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"

/** How `kb.json` (any path ending in `kb.json`) is answered. */
export type KbFault =
  | { mode: 'ok' }
  | { mode: 'status'; status: number }
  /** The first part of the real file, sent as a complete 200 response. */
  | { mode: 'truncated' }
  /** The real file with `format` rewritten to 999. */
  | { mode: 'format' }
  /** The real file, after a delay. */
  | { mode: 'delay'; ms: number }
  /** The real file, held back until {@link StaticServer.releaseKb} (a slow network, without timing the test). */
  | { mode: 'hold' }

/** One request the server saw. */
export interface LoggedRequest {
  at: number
  method: string
  /** Path and query, as requested. */
  url: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  status: number
}

export interface ServerOptions {
  /** Folder served at `/`. */
  root: string
  /** Extra folders: URL prefix (like `/kbs/`) → folder. */
  mounts?: Record<string, string>
  /** Send {@link STRICT_CSP} with every response. */
  csp?: boolean
}

export interface StaticServer {
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string
  /** An absolute URL for a path. */
  url(path: string): string
  /** Every request, in order. */
  readonly log: LoggedRequest[]
  /** Requests whose path ends in `kb.json`. */
  kbRequests(): LoggedRequest[]
  /** How `kb.json` is answered from now on. */
  kb: KbFault
  /** Whether the strict CSP header is sent, from now on. */
  csp: boolean
  /** How many `kb.json` requests the `hold` fault is holding back now. */
  readonly heldKb: number
  /** Answers every held `kb.json` request, and answers healthily from now on. */
  releaseKb(): void
  /** Writes a fixture page and returns its URL path (`/fx/NAME`). */
  page(name: string, html: string): string
  /** Forgets the log and restores healthy `kb.json` answers (releasing any held ones). */
  reset(): void
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** Resolves `urlPath` inside `folder`, refusing anything that climbs out of it. */
function inside(folder: string, urlPath: string): string | null {
  const path = normalize(join(folder, urlPath))
  if (path !== folder && !path.startsWith(folder.endsWith(sep) ? folder : folder + sep)) return null
  try {
    return statSync(path).isDirectory() ? join(path, 'index.html') : path
  } catch {
    return null
  }
}

export async function startServer(options: ServerOptions): Promise<StaticServer> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const fixtureDir = mkdtempSync(join(ARTIFACTS, 'pages-'))
  const mounts: [string, string][] = [['/fx/', fixtureDir], ...Object.entries(options.mounts ?? {})]
  const log: LoggedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()

  const resolveFile = (path: string): string | null => {
    for (const [prefix, folder] of mounts) {
      if (path.startsWith(prefix)) return inside(folder, path.slice(prefix.length))
    }
    return inside(options.root, path)
  }

  const state: { kb: KbFault; csp: boolean } = { kb: { mode: 'ok' }, csp: options.csp ?? false }
  /** Answers of `kb.json` requests the `hold` fault keeps back. */
  const held: (() => void)[] = []
  const release = (): void => {
    state.kb = { mode: 'ok' }
    for (const answer of held.splice(0)) answer()
  }
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1')
      let path: string
      try {
        path = decodeURIComponent(url.pathname)
      } catch {
        path = url.pathname
      }
      const entry: LoggedRequest = {
        at: Date.now(),
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status: 0,
      }
      log.push(entry)
      const send = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8'): void => {
        entry.status = status
        const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store' }
        if (state.csp) headers['content-security-policy'] = STRICT_CSP
        writeHead(response, status, headers)
        response.end(request.method === 'HEAD' ? undefined : body)
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'method not allowed')
      const file = resolveFile(path)
      if (!file) {
        // The browser asks for a favicon on its own; answer it quietly so no console error muddles the checks.
        if (path === '/favicon.ico') return send(204, '')
        return send(404, 'not found')
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      if (path.endsWith('kb.json')) {
        const fault = state.kb
        switch (fault.mode) {
          case 'status':
            return send(fault.status, fault.status === 404 ? 'not found' : 'internal server error')
          case 'truncated': {
            const bytes = readFileSync(file)
            return send(200, bytes.subarray(0, Math.floor(bytes.length * 0.6)), type)
          }
          case 'format': {
            const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
            return send(200, JSON.stringify({ ...json, format: 999 }), type)
          }
          case 'delay': {
            const timer = setTimeout(() => {
              timers.delete(timer)
              send(200, readFileSync(file), type)
            }, fault.ms)
            timers.add(timer)
            return
          }
          case 'hold':
            held.push(() => send(200, readFileSync(file), type))
            return
          case 'ok':
            break
        }
      }
      send(200, readFileSync(file), type)
    })
  })

  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    log,
    kbRequests: () => log.filter((entry) => entry.path.endsWith('kb.json')),
    get kb() {
      return state.kb
    },
    set kb(fault: KbFault) {
      state.kb = fault
    },
    get csp() {
      return state.csp
    },
    set csp(on: boolean) {
      state.csp = on
    },
    get heldKb() {
      return held.length
    },
    releaseKb: release,
    page(name, html) {
      const file = join(fixtureDir, name)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, html)
      return `/fx/${name}`
    },
    reset() {
      log.length = 0
      release()
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      server.closeAllConnections()
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
    },
  }
}

function writeHead(response: ServerResponse, status: number, headers: Record<string, string>): void {
  if (!response.headersSent) response.writeHead(status, headers)
}
