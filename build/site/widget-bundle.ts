/**
 * Bundles the embeddable widget: `widget/frontdesk.ts` → `outDir/frontdesk.js` (the launcher) and
 * `outDir/chunks/*` (the chat, loaded on first open), then measures it against the size budgets.
 * Importable on its own: the dev server calls {@link bundleWidget} too.
 */
import { readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

/** The size budgets, in gzipped bytes (1 kB = 1000 bytes). `kb.json` is not counted. */
export const BUDGETS = {
  /** What loads before the visitor touches the widget: `frontdesk.js` and any chunk it imports statically. */
  launcher: 5_000,
  /** Every JavaScript file of the widget. */
  widget: 25_000,
} as const

/** What a widget build reports. */
export interface BundleReport {
  /** The size table and the budget rows, ready to print. */
  lines: string[]
  /** One line per exceeded budget; empty when all are met. */
  overBudget: string[]
}

/** One output file's size. */
export interface FileSize {
  /** Relative to the output folder, with forward slashes. */
  file: string
  raw: number
  gzip: number
}

/**
 * `@lit-labs/preact-signals` declares no `sideEffects`, so its index drags in the `watch` directive and the `html`
 * tag even when only `SignalWatcher` is used (about 0.8 kB gzipped). Both modules only define exports.
 */
const pureLitSignals: Plugin = {
  name: 'pure-lit-signals',
  setup(build) {
    build.onResolve({ filter: /^\.\/lib\/(watch|html-tag)\.js$/ }, (args) =>
      args.importer.includes('@lit-labs/preact-signals') ? { path: resolve(args.resolveDir, args.path), sideEffects: false } : undefined,
    )
  },
}

/**
 * Lit keeps a few registries on `globalThis`: its versions (`litHtmlVersions`, `reactiveElementVersions`,
 * `litElementVersions`, for a development warning about duplicate copies) and `litPropertyMetadata` (for standard
 * decorators, which the widget does not use). The widget adds no globals to a clinic's page, so the versions are
 * not recorded and the metadata map is module-local (sharing the page's own if it has one). Each rewrite must apply:
 * the build fails if a Lit update changes these lines, rather than silently adding globals again.
 */
const LIT_REWRITES: [file: RegExp, from: RegExp, to: string][] = [
  [/[\\/](lit-html|lit-element|reactive-element)\.js$/, /\(\s*\w+\.(?:litHtmlVersions|reactiveElementVersions|litElementVersions)\s*\?\?=\s*\[\]\s*\)\.push\(\s*["'][^"']*["']\s*\)/g, 'void 0'],
  [/[\\/]reactive-element\.js$/, /\b\w+\.litPropertyMetadata\s*\?\?=\s*new WeakMap(\(\))?/g, 'void 0'],
]
/** Lit's three core modules, production or development build. */
const LIT_CORE = /node_modules[\\/](?:lit-html[\\/](?:development[\\/])?lit-html|lit-element[\\/](?:development[\\/])?lit-element|@lit[\\/]reactive-element[\\/](?:development[\\/])?reactive-element)\.js$/
const LIT_PREAMBLE = 'var litPropertyMetadata = globalThis.litPropertyMetadata ?? new WeakMap();\n'

const noLitGlobals: Plugin = {
  name: 'no-lit-globals',
  setup(build) {
    build.onLoad({ filter: LIT_CORE }, async (args) => {
      let code = await readFile(args.path, 'utf8')
      for (const [file, from, to] of LIT_REWRITES) {
        if (!file.test(args.path)) continue
        const rewritten = code.replace(from, to)
        if (rewritten === code) throw new Error(`${args.path}: no match for ${from}; update LIT_REWRITES in widget-bundle.ts`)
        code = rewritten
      }
      return { contents: /reactive-element\.js$/.test(args.path) ? LIT_PREAMBLE + code : code, loader: 'js' }
    })
  },
}

const ENTRY = fileURLToPath(new URL('../../widget/frontdesk.ts', import.meta.url))

/** Bytes as kB with one decimal. */
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

/** Gzipped size, at the level a careful server would use. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length
}

/** The output files the entry imports statically, itself included: what the browser fetches before any `import()`. */
export function staticClosure(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>()
  const visit = (path: string): void => {
    if (seen.has(path)) return
    seen.add(path)
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
  }
  visit(entryOutput)
  return [...seen]
}

/** Formats the size table and budget rows; returns the exceeded budgets. */
export function sizeReport(files: FileSize[], launcherFiles: string[]): BundleReport {
  const sum = (list: FileSize[]): number => list.reduce((total, file) => total + file.gzip, 0)
  const launcher = sum(files.filter((file) => launcherFiles.includes(file.file)))
  const widget = sum(files)
  const width = Math.max(24, ...files.map((file) => file.file.length)) + 2
  const row = (a: string, b: string, c: string): string => `${a.padEnd(width)}${b.padStart(10)}${c.padStart(10)}`
  const lines = [row('widget file', 'raw', 'gzip'), ...files.map((file) => row(file.file, kb(file.raw), kb(file.gzip)))]
  const overBudget: string[] = []
  const budget = (name: string, used: number, limit: number): void => {
    const ok = used <= limit
    lines.push(`${ok ? '✓' : '✗'} ${name}: ${kb(used)} gzipped (budget ${kb(limit)})`)
    if (!ok) overBudget.push(`${name} is ${kb(used)} gzipped, over its ${kb(limit)} budget`)
  }
  budget(`launcher (${launcherFiles.join(' + ')})`, launcher, BUDGETS.launcher)
  budget('whole widget (all JS, kb.json not counted)', widget, BUDGETS.widget)
  return { lines, overBudget }
}

/** Bundles the widget into `outDir` and reports its sizes against {@link BUDGETS}. Throws on bundling errors. */
export async function bundleWidget(outDir: string, options: { dev: boolean }): Promise<BundleReport> {
  const { dev } = options
  // Chunk names carry content hashes: without this, every rebuild (the dev server's) would leave the old ones.
  rmSync(join(outDir, 'chunks'), { recursive: true, force: true })
  const result = await build({
    entryPoints: { frontdesk: ENTRY },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunks/[name]-[hash]',
    minify: !dev,
    target: 'es2020',
    sourcemap: dev,
    legalComments: 'none',
    // Lit's development build warns about misuse; worth its size only in development.
    conditions: dev ? ['development'] : [],
    metafile: true,
    logLevel: 'silent',
    plugins: [pureLitSignals, noLitGlobals],
  })
  const outputs = Object.keys(result.metafile.outputs).filter((path) => path.endsWith('.js'))
  const entryOutput = outputs.find((path) => result.metafile.outputs[path]?.entryPoint !== undefined)
  if (!entryOutput) throw new Error('widget bundle: esbuild produced no entry output')
  // Metafile paths are relative to the working directory; the table shows them relative to `outDir`.
  const relativeName = (path: string): string => relative(resolve(outDir), resolve(path)).split(sep).join('/')
  const files = outputs
    .map((path): FileSize => {
      const bytes = readFileSync(path)
      return { file: relativeName(path), raw: bytes.length, gzip: gzipSize(bytes) }
    })
    .sort((a, b) => (a.file === 'frontdesk.js' ? -1 : b.file === 'frontdesk.js' ? 1 : a.file.localeCompare(b.file)))
  return sizeReport(files, staticClosure(result.metafile, entryOutput).map(relativeName))
}
