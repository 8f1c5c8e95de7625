/**
 * The pages the browser benchmark (`browser.ts`) opens, in one folder served by a small gzipping server:
 * - `widget-NAME.html`: a plain clinic page with the one-line embed of the site just built, reading `kb-NAME.json`;
 * - `baseline-NAME.html`: the same page with a plain-MiniSearch chat (`baseline-chat.ts`) over the same pairs;
 * - `against/widget-NAME.html`: the embed of another build of the site (`--against DIR`), when given.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { baselineStoreJson, serializeKb, type KbFile } from '../../widget/engine/index.ts'
import { bundleWidget } from '../site/widget-bundle.ts'

/** A knowledge base the benchmark measures: `real`, or a synthetic size such as `10000`. */
export interface BenchKb {
  name: string
  kb: KbFile
}

const page = (title: string, body: string, bodyAttributes = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title><link rel="icon" href="data:,"></head><body${bodyAttributes}><header><p>Test clinic</p></header>` +
  `<main><h1>Trigger point injections</h1><p>A clinic's page, for the browser benchmark.</p></main>${body}</body></html>\n`

const embed = (kb: string): string =>
  `<script type="module" src="frontdesk.js" data-booking-url="https://clinic.example/book" data-kb="${kb}"></script>`

/** The plain-MiniSearch page's launcher: everything is loaded on the click. */
const BASELINE_LAUNCHER = `document.getElementById('open').addEventListener('click', () => import('./baseline-chat.js'), { once: true })\n`

/** The file of knowledge base `name` in another build (`--against`): its own `kb.json` is the real one. */
export const againstKbFile = (name: string): string => (name === 'real' ? 'kb.json' : `kb-${name}.json`)

/**
 * Writes the benchmark's folder: the widget built from this tree, the knowledge bases, the baseline pages, and
 * `against/` (a copy of `against`, with its own `kb.json` as `real` and any `kb-NAME.json` beside it).
 */
export async function writeBenchSite(dir: string, kbs: readonly BenchKb[], against?: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  const report = await bundleWidget(dir, { dev: false })
  if (report.overBudget.length > 0) process.stderr.write(`note: ${report.overBudget.join('; ')}\n`)
  await build({
    entryPoints: [fileURLToPath(new URL('./baseline-chat.ts', import.meta.url))],
    outfile: join(dir, 'baseline-chat.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  })
  writeFileSync(join(dir, 'baseline-launcher.js'), BASELINE_LAUNCHER)
  for (const { name, kb } of kbs) {
    writeFileSync(join(dir, `kb-${name}.json`), serializeKb(kb))
    writeFileSync(join(dir, `widget-${name}.html`), page('Widget', embed(`kb-${name}.json`)))
    writeFileSync(join(dir, `baseline-${name}.json`), baselineStoreJson(kb.pairs))
    writeFileSync(
      join(dir, `baseline-${name}.html`),
      page('MiniSearch', '<button type="button" id="open">Questions?</button><script type="module" src="baseline-launcher.js"></script>', ` data-index="baseline-${name}.json"`),
    )
  }
  if (against) {
    const target = join(dir, 'against')
    cpSync(against, target, { recursive: true })
    for (const { name } of kbs) {
      const kb = againstKbFile(name)
      if (existsSync(join(target, kb))) writeFileSync(join(target, `widget-${name}.html`), page('Widget', embed(kb)))
    }
  }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' }

/** A static server for `dir` on 127.0.0.1, gzipping what it sends as a careful server would. */
export async function serveBenchSite(dir: string): Promise<{ origin: string; close(): Promise<void> }> {
  const cache = new Map<string, Buffer>()
  const server = createServer((request, response) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)))
    if (!path.startsWith(dir + sep) || !existsSync(path) || !TYPES[extname(path)]) {
      response.writeHead(404).end()
      return
    }
    let body = cache.get(path)
    if (!body) cache.set(path, (body = gzipSync(readFileSync(path), { level: 9 })))
    response.writeHead(200, { 'content-type': `${TYPES[extname(path)]}; charset=utf-8`, 'content-encoding': 'gzip', 'cache-control': 'no-store' })
    response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
