/**
 * Builds the demo clinic page and the staff coverage console into the site folder:
 * - `index.html` and `site.css`: the demo clinic page, embedding the widget with its one-line script tag;
 * - `coverage/index.html`, `console.js`, `console.css`, `charts.css` and `sample-questions.txt`: the console.
 * Everything works under `default-src 'self'; script-src 'self'; style-src 'self'`: no inline scripts or styles.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHART_CSS } from '../staff/charts.ts'
import { writeFileAtomic } from '../compiler/write.ts'

/** Options of {@link bundleDemo}. */
export interface DemoBundleOptions {
  /** Unminified, with source maps. */
  dev: boolean
}

/** The demo's sources. */
const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url))

/** Writes the demo page and the console into `outDir`. */
export async function bundleDemo(outDir: string, options: DemoBundleOptions): Promise<void> {
  const esbuild = await import('esbuild')
  const coverageDir = join(outDir, 'coverage')
  mkdirSync(coverageDir, { recursive: true })
  copyFileSync(join(DEMO_DIR, 'index.html'), join(outDir, 'index.html'))
  copyFileSync(join(DEMO_DIR, 'site.css'), join(outDir, 'site.css'))
  copyFileSync(join(DEMO_DIR, 'coverage', 'index.html'), join(coverageDir, 'index.html'))
  copyFileSync(join(DEMO_DIR, 'coverage', 'sample-questions.txt'), join(coverageDir, 'sample-questions.txt'))
  copyFileSync(join(DEMO_DIR, 'coverage', 'console.css'), join(coverageDir, 'console.css'))
  writeFileAtomic(join(coverageDir, 'charts.css'), CHART_CSS.trimStart())
  await esbuild.build({
    entryPoints: [join(DEMO_DIR, 'coverage', 'main.tsx')],
    outfile: join(coverageDir, 'console.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: !options.dev,
    sourcemap: options.dev,
    legalComments: 'none',
    logLevel: 'silent',
  })
}
