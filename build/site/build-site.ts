/**
 * `npm run build`: the whole static site in `dist/`:
 * - `kb.json` (the compiled knowledge base),
 * - `frontdesk.js` and its chunks (the embed script; see `widget-bundle.ts`),
 * - `index.html` (the demo clinic page) and `coverage/index.html` (the staff console; see `demo-bundle.ts`).
 * Prints the size table and fails when a size budget is exceeded.
 */
import { rmSync } from 'node:fs'
import { compileKb } from '../compiler/compile.ts'
import { writeKb } from '../compiler/build-kb.ts'
import { bundleWidget } from './widget-bundle.ts'
import { bundleDemo } from './demo-bundle.ts'

/** Options of {@link buildSite}. */
export interface SiteOptions {
  /** The knowledge-base folder. */
  kbDir?: string
  /** Where the site goes; emptied first. */
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

/** Builds the whole site. Throws on compile errors (nothing is written to `kb.json` then). */
export async function buildSite(options: SiteOptions = {}): Promise<SiteReport> {
  const outDir = options.outDir ?? 'dist'
  const kbDir = options.kbDir ?? 'kb'
  // Compile first: a broken knowledge base stops the build before the old site is touched.
  const kb = compileKb(kbDir)
  rmSync(outDir, { recursive: true, force: true })
  writeKb(kb, outDir)
  const widget = await bundleWidget(outDir, { dev: options.dev ?? false })
  await bundleDemo(outDir, { dev: options.dev ?? false })
  return { outDir, lines: widget.lines, overBudget: widget.overBudget }
}
