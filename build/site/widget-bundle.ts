/**
 * Bundles the embeddable widget: `widget/frontdesk.ts` → `outDir/frontdesk.js` (the launcher) and
 * `outDir/chunks/*` (the chat, loaded on first open), then measures it against the size budgets.
 * Importable on its own: the dev server calls {@link bundleWidget} too.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform, type Metafile, type Plugin } from 'esbuild'

/**
 * The size budgets, in gzipped bytes (1 kB = 1000 bytes). The issue's targets (launcher 3 kB, widget 20 kB, the
 * clinic's `kb.json` 20 kB) are not met: these are the sizes reached, so that nothing grows unnoticed. See README,
 * "Speed and size", for what each part weighs, what each change added, and what the targets would take.
 */
export const BUDGETS = {
  /**
   * What loads before the visitor touches the widget: `frontdesk.js` and any chunk it imports statically (3.95 kB; the
   * next 10 bytes up, as the chunk's hashed name in it moves the size by a byte or so whenever the chat changes).
   */
  launcher: 3_960,
  /** Every JavaScript file of the widget: the launcher and the chat's chunk, the engine within it (29.57 kB). */
  widget: 29_580,
  /** The compiled knowledge base beside the widget, when the build writes one: the shipped `kb/` is 27.98 kB. */
  kb: 27_980,
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

/** One template literal in TypeScript source: its tag (`''` when untagged) and its text parts, as offsets. */
export interface TemplateLiteral {
  tag: string
  /** `[start, end)` of each text part (quasi), in order: one more than the `${…}` substitutions. */
  quasis: [start: number, end: number][]
}

/**
 * The template literals of TypeScript source, nested ones included. A small lexer, enough for the widget's own
 * code: it skips comments, strings and regular expression literals (a `/` after an operator or opening bracket),
 * and follows `${…}` substitutions by counting braces. Throws on an unterminated template literal.
 */
export function findTemplateLiterals(source: string): TemplateLiteral[] {
  const found: TemplateLiteral[] = []
  let i = 0
  const skipLine = (opening: string): void => {
    // A string or regular expression literal ends on its line.
    for (i++; i < source.length && source[i] !== '\n'; i++) {
      if (source[i] === '\\') i++
      else if (source[i] === opening) break
    }
    i++
  }
  const code = (substitution: boolean): void => {
    let depth = 0
    let previous = ''
    while (i < source.length) {
      const c = source[i]!
      const next = source[i + 1]
      if (c === '/' && next === '/') {
        const end = source.indexOf('\n', i)
        i = end < 0 ? source.length : end
      } else if (c === '/' && next === '*') {
        i = source.indexOf('*/', i + 2) + 2
        if (i < 2) throw new Error('unterminated comment')
      } else if (c === '"' || c === "'" || (c === '/' && '(,=:[!&|?{};+-*%<>~^'.includes(previous))) {
        skipLine(c)
        previous = c
      } else if (c === '`') {
        const tag = /[\w$.]*$/.exec(source.slice(Math.max(0, i - 100), i))![0]
        i++
        template(tag)
        previous = c
      } else {
        if (c === '{') depth++
        else if (c === '}' && depth-- === 0 && substitution) return
        if (!/\s/.test(c)) previous = c
        i++
      }
    }
  }
  const template = (tag: string): void => {
    const literal: TemplateLiteral = { tag, quasis: [] }
    found.push(literal)
    let start = i
    for (; i < source.length; i++) {
      if (source[i] === '\\') i++
      else if (source[i] === '`') {
        literal.quasis.push([start, i++])
        return
      } else if (source[i] === '$' && source[i + 1] === '{') {
        literal.quasis.push([start, i])
        i += 2
        code(true)
        start = i + 1
      }
    }
    throw new Error('unterminated template literal')
  }
  code(false)
  return found
}

/**
 * The oldest browsers the widget runs in, for CSS: the chat's code calls `Array.prototype.at` (Chrome and Edge 92,
 * Firefox 90, Safari 15.4), which is later than the `es2021` JavaScript target's logical assignment (`??=`, 85).
 */
const CSS_TARGET = ['chrome92', 'edge92', 'firefox90', 'safari15.4']

/**
 * esbuild minifies JavaScript but not the text of template literals, and the widget's CSS and HTML live in them:
 * the styles are about a third of its code. So, in production builds of the widget's own modules:
 * - in a `styles.ts` (such files hold CSS only), each template literal is minified with esbuild's CSS minifier,
 *   unless it has a `${…}` substitution or an escape, which are left as written. CSS it warns about fails the
 *   build: it would be broken in a browser too;
 * - in `html` templates, each run of whitespace with a line break (indentation) becomes one space, which renders
 *   the same wherever white space collapses (the templates keep no line breaks in `<pre>` or `white-space: pre*`).
 */
export async function minifyTemplates(source: string, file: string): Promise<string> {
  const edits: Promise<[start: number, end: number, text: string]>[] = []
  const styles = /[\\/]styles\.ts$/.test(file)
  let templates: TemplateLiteral[]
  try {
    templates = findTemplateLiterals(source)
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  for (const { tag, quasis } of templates) {
    if (styles && quasis.length === 1) {
      const [start, end] = quasis[0]!
      const css = source.slice(start, end)
      if (css.includes('\\')) continue
      edits.push(
        transform(css, { loader: 'css', minify: true, target: CSS_TARGET, sourcefile: file }).then(({ code, warnings }) => {
          if (warnings.length > 0) throw new Error(`${file}: ${warnings.map((warning) => warning.text).join('; ')}`)
          if (/[`\\]|\$\{/.test(code)) throw new Error(`${file}: minified CSS that does not fit back in a template literal`)
          return [start, end, code.trim()]
        }),
      )
    } else if (tag === 'html') {
      for (const [start, end] of quasis) edits.push(Promise.resolve([start, end, source.slice(start, end).replace(/\s*\n\s*/g, ' ')]))
    }
  }
  let result = source
  for (const [start, end, text] of (await Promise.all(edits)).sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + text + result.slice(end)
  }
  return result
}

/**
 * Build-time constants of the widget's bundle: code for other uses that it leaves out.
 * - `FRONTDESK_EXPLAIN`: the engine's explanations of its replies, for staff tools (`widget/engine/engine.ts`).
 */
export const WIDGET_DEFINES = { FRONTDESK_EXPLAIN: 'false' } as const

const ENTRY = fileURLToPath(new URL('../../widget/frontdesk.ts', import.meta.url))
const WIDGET_DIR = fileURLToPath(new URL('../../widget/', import.meta.url))
/** The engine has no CSS or HTML. */
const ENGINE_DIR = fileURLToPath(new URL('../../widget/engine/', import.meta.url))

const minifiedTemplates: Plugin = {
  name: 'minified-templates',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) =>
      args.path.startsWith(WIDGET_DIR) && !args.path.startsWith(ENGINE_DIR)
        ? { contents: await minifyTemplates(await readFile(args.path, 'utf8'), args.path), loader: 'ts' }
        : undefined,
    )
  },
}

/**
 * Property names esbuild shortens in production builds: the widget's private members, which are named with a leading
 * underscore for this (`_wanted`), as are a few of minisearch's (`SearchableMap._tree`). Never a name that crosses
 * the bundle's edge: nothing the page, `kb.json` or stored conversations use starts with `_` and a letter, and
 * Lit's own (`_$litType$`) are left alone. The short names never collide with a property the bundle uses by name
 * (`id`, say): esbuild leaves those out.
 */
export const MANGLED_PROPS = /^_[a-z]/

/** Bytes as kB with one decimal. */
const kbs = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`

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

/** Formats the size table and budget rows (`kb`: the `kb.json` beside the widget, if any); returns the exceeded budgets. */
export function sizeReport(files: FileSize[], launcherFiles: string[], kb?: FileSize): BundleReport {
  const sum = (list: FileSize[]): number => list.reduce((total, file) => total + file.gzip, 0)
  const launcher = sum(files.filter((file) => launcherFiles.includes(file.file)))
  const widget = sum(files)
  const width = Math.max(24, ...files.map((file) => file.file.length)) + 2
  const row = (a: string, b: string, c: string): string => `${a.padEnd(width)}${b.padStart(10)}${c.padStart(10)}`
  const lines = [row('widget file', 'raw', 'gzip'), ...[...files, ...(kb ? [kb] : [])].map((file) => row(file.file, kbs(file.raw), kbs(file.gzip)))]
  const overBudget: string[] = []
  const budget = (name: string, used: number, limit: number): void => {
    const ok = used <= limit
    lines.push(`${ok ? '✓' : '✗'} ${name}: ${kbs(used)} gzipped (budget ${kbs(limit)})`)
    if (!ok) overBudget.push(`${name} is ${kbs(used)} gzipped, over its ${kbs(limit)} budget`)
  }
  budget(`launcher (${launcherFiles.join(' + ')})`, launcher, BUDGETS.launcher)
  budget('whole widget (all JS, kb.json not counted)', widget, BUDGETS.widget)
  if (kb) budget('kb.json', kb.gzip, BUDGETS.kb)
  return { lines, overBudget }
}

/**
 * Bundles the widget into `outDir` and reports its sizes against {@link BUDGETS}, with the `kb.json` already in
 * `outDir` if there is one. Throws on bundling errors.
 */
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
    ...(dev ? {} : { mangleProps: MANGLED_PROPS }),
    target: 'es2021',
    sourcemap: dev,
    legalComments: 'none',
    // Lit's development build warns about misuse; worth its size only in development.
    conditions: dev ? ['development'] : [],
    define: WIDGET_DEFINES,
    metafile: true,
    logLevel: 'silent',
    // Development builds keep templates as written, so source maps point at readable CSS and HTML.
    plugins: [noLitGlobals, ...(dev ? [] : [minifiedTemplates])],
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
  const kbPath = join(outDir, 'kb.json')
  const kbBytes = existsSync(kbPath) ? readFileSync(kbPath) : null
  const kbSize = kbBytes && { file: 'kb.json', raw: kbBytes.length, gzip: gzipSize(kbBytes) }
  return sizeReport(files, staticClosure(result.metafile, entryOutput).map(relativeName), kbSize ?? undefined)
}
