/** Linting a knowledge-base folder: compile it, locate its page sections, run the checks. Node only. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { compileKb, shownPath } from '../compiler/compile.ts'
import { slugify } from '../compiler/slug.ts'
import { lintKb, type LintFinding, type LintOptions, type SectionLocation } from './lint.ts'


/** Where each `## Section` heading of `dir/pages/*.md` is, keyed `page#section`. */
export function locateSections(dir: string): Map<string, SectionLocation> {
  const located = new Map<string, SectionLocation>()
  const pagesDir = join(dir, 'pages')
  if (!existsSync(pagesDir)) return located
  for (const name of readdirSync(pagesDir).filter((n) => n.endsWith('.md'))) {
    const path = join(pagesDir, name)
    const file = shownPath(path)
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        const heading = /^##\s+(.+)$/.exec(line)
        const key = heading ? `${basename(name, '.md')}#${slugify(heading[1]!.trim())}` : ''
        if (heading && !located.has(key)) located.set(key, { file, line: i + 1 })
      })
  }
  return located
}

/** Compiles the folder (throwing `KbCompileError` on compile problems) and lints it. */
export function lintKbDir(dir: string, options: LintOptions = {}): LintFinding[] {
  const kb = compileKb(dir)
  return lintKb(kb, { sections: locateSections(dir), kbDir: shownPath(dir), ...options })
}
