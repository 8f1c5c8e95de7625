/**
 * Runs once before the real-browser suite: builds the site with the `frontdesk` command into a folder of its own
 * (`tests/e2e/.artifacts/site`, so a developer's `dist/` is never touched) and compiles the fixture knowledge
 * bases. Tests get the paths through `inject('e2e')`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'
import { ARTIFACTS, CHROMIUM, CLI, FIXTURES, ROOT } from './support/paths.ts'

/** What the global setup hands to the tests. */
export interface E2eContext {
  /** The built site: `index.html`, `frontdesk.js` and its chunks, `kb.json`, `coverage/`. */
  siteDir: string
  /** Compiled fixture knowledge bases, one folder each with its `kb.json`, by fixture name. */
  kbDir: string
  /** What the site build printed (its size table), for reports. */
  buildLog: string
  /** The site build's exit code: 1 when a size budget is exceeded (the files are written all the same). */
  buildCode: number
  /** What the site build printed on stderr. */
  buildErrors: string
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext
  }
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the `frontdesk` command and collects its output. */
export function runCli(args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}

export default async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The real-browser suite needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run does this). ` +
        'It never downloads a browser.',
    )
  }
  // FRONTDESK_E2E_SITE=DIR runs the suite against a site built beforehand (nothing is rebuilt then).
  const prebuilt = process.env.FRONTDESK_E2E_SITE
  const siteDir = prebuilt ? resolve(ROOT, prebuilt) : join(ARTIFACTS, 'site')
  const kbDir = join(ARTIFACTS, 'kbs')
  mkdirSync(ARTIFACTS, { recursive: true })
  rmSync(kbDir, { recursive: true, force: true })
  // Fixture pages and failure dumps of earlier runs.
  for (const name of readdirSync(ARTIFACTS)) {
    if (name.startsWith('pages-') || name === 'failures') rmSync(join(ARTIFACTS, name), { recursive: true, force: true })
  }

  const started = Date.now()
  const [site, ...kbs] = await Promise.all([
    prebuilt ? Promise.resolve({ code: 0, stdout: `prebuilt site: ${siteDir}`, stderr: '' }) : runCli(['site', '--out', relative(ROOT, siteDir)]),
    runCli(['build', '--kb', relative(ROOT, join(FIXTURES, 'kb-hostile')), '--out', relative(ROOT, join(kbDir, 'hostile'))]),
  ])
  // Exit 1 with everything written means a size budget was exceeded: the suite still runs, and
  // site-build.test.ts reports it. Anything else stops here.
  const overBudgetOnly = site.code === 1 && /over budget/i.test(site.stderr)
  if (site.code !== 0 && !overBudgetOnly) {
    throw new Error(`"frontdesk site" failed (exit ${site.code}); the suite needs a built site.\n${site.stdout}\n${site.stderr}`)
  }
  for (const kb of kbs) {
    if (kb.code !== 0) throw new Error(`compiling a fixture knowledge base failed (exit ${kb.code}).\n${kb.stdout}\n${kb.stderr}`)
  }
  for (const file of ['index.html', 'frontdesk.js', 'kb.json']) {
    if (!existsSync(join(siteDir, file))) {
      throw new Error(`"frontdesk site" did not write ${file} into ${siteDir}; the widget or demo build is missing.\n${site.stdout}`)
    }
  }
  process.stdout.write(`e2e: built the site into ${relative(ROOT, siteDir)} in ${Date.now() - started} ms\n`)
  project.provide('e2e', { siteDir, kbDir, buildLog: site.stdout, buildCode: site.code ?? -1, buildErrors: site.stderr })
}
