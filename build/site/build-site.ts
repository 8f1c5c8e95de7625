/**
 * `npm run build`: the whole static site in `dist/`:
 * - `kb.json` (the compiled knowledge base) and `kb-staff.json` (what only staff tools read of it),
 * - `frontdesk.js` and its chunks (the embed script; see `widget-bundle.ts`),
 * - `index.html` (the demo clinic page) and `coverage/index.html` (the staff console; see `demo-bundle.ts`).
 * Prints the size table and fails when a size budget is exceeded.
 *
 * The site is built in a folder beside `dist/` and swapped in when complete, so a build that fails or is killed
 * halfway leaves the previous site as it was; the next build removes what a killed one left.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { compileKb } from '../compiler/compile.ts'
import { writeKb } from '../compiler/build-kb.ts'
import { removeStaleTemporaries, temporaryPath } from '../compiler/write.ts'
import { bundleWidget } from './widget-bundle.ts'
import { bundleDemo } from './demo-bundle.ts'

/** Options of {@link buildSite}. */
export interface SiteOptions {
  /** The knowledge-base folder. */
  kbDir?: string
  /** Where the site goes; replaced as a whole. */
  outDir?: string
  /** Build for development: unminified, with source maps. */
  dev?: boolean
}

/** What a build reports. */
export interface SiteReport {
  outDir: string
  /** Human-readable lines: the size table and budget verdicts. */
  lines: string[]
  /** Budgets exceeded; the build fails when there is any. */
  overBudget: string[]
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner)
  return !rel.startsWith('..') && !isAbsolute(rel)
}

/** Puts folder `from` in place of folder `to`. `to` is missing only between two renames, never half-written. */
function replaceFolder(from: string, to: string): void {
  const previous = existsSync(to) ? temporaryPath(to, 'old') : null
  if (previous) renameSync(to, previous)
  try {
    renameSync(from, to)
  } catch (error) {
    if (previous) renameSync(previous, to)
    throw error
  }
  if (previous) rmSync(previous, { recursive: true, force: true })
}

/** Builds the whole site. Throws on compile errors, before anything is written. */
export async function buildSite(options: SiteOptions = {}): Promise<SiteReport> {
  const outDir = options.outDir ?? 'dist'
  const kbDir = options.kbDir ?? 'kb'
  const target = resolve(outDir)
  // The output folder is replaced whole: it must not hold the working directory or the knowledge base.
  if (within(process.cwd(), target) || within(resolve(kbDir), target)) {
    throw new Error(`the output folder "${outDir}" holds ${within(process.cwd(), target) ? 'the current folder' : `the knowledge base (${kbDir})`}, and building replaces it; choose a folder of its own, such as dist`)
  }
  // Compile first: a broken knowledge base stops the build before anything is written.
  const kb = compileKb(kbDir)
  removeStaleTemporaries(target)
  const staging = temporaryPath(target)
  try {
    mkdirSync(staging, { recursive: true })
    writeKb(kb, staging)
    const widget = await bundleWidget(staging, { dev: options.dev ?? false })
    await bundleDemo(staging, { dev: options.dev ?? false })
    replaceFolder(staging, target)
    return { outDir, lines: widget.lines, overBudget: widget.overBudget }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
}
