/** The widget build: the launcher alone before any interaction, the chat in a chunk, sizes measured against budgets. */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { readCases } from '../../../build/eval/cases.ts'
import { BUDGETS, WIDGET_DEFINES, bundleWidget, sizeReport, staticClosure, type BundleReport } from '../../../build/site/widget-bundle.ts'
import * as engine from '../../../widget/engine/index.ts'
import { tempDir } from '../../helpers/kb-dir.ts'

describe('bundleWidget', () => {
  let out: string
  let report: BundleReport
  beforeAll(async () => {
    out = tempDir('frontdesk-widget-')
    report = await bundleWidget(out, { dev: false })
  })

  it('writes frontdesk.js and the chat chunk, with no source maps in production', () => {
    expect(readdirSync(out).sort()).toEqual(['chunks', 'frontdesk.js'])
    expect(readdirSync(join(out, 'chunks')).every((name) => /^[\w-]+\.js$/.test(name))).toBe(true)
  })

  it('the launcher loads the chat only through a dynamic import, relative to itself', () => {
    const launcher = readFileSync(join(out, 'frontdesk.js'), 'utf8')
    expect(launcher).toMatch(/import\("\.\/chunks\/frontdesk-panel-\w+\.js"\)/)
    expect(launcher).not.toMatch(/^import\s|[;}]import\s*[{*"]/m)
  })

  it('leaves out the engine’s explanations of its replies, which only staff tools show', () => {
    const [chunk] = readdirSync(join(out, 'chunks')).map((name) => readFileSync(join(out, 'chunks', name), 'utf8'))
    expect(chunk).toContain('"self-harm"')
    expect(chunk).not.toMatch(/is below the threshold|pairs within|\bmatchedWords:/)
  })

  it('shortens the names of private members (a leading underscore), and only those', () => {
    const launcher = readFileSync(join(out, 'frontdesk.js'), 'utf8')
    expect(launcher).not.toMatch(/\b_(wanted|settings|ensurePanel)\b/)
    // Public members, and the panel's, called across the chunk's edge, keep theirs.
    expect(launcher).toMatch(/\bget isOpen\(\)/)
    expect(launcher).toMatch(/\.attach\(\)/)
  })

  it('adds no globals: Lit’s version registries are stripped', () => {
    for (const name of readdirSync(join(out, 'chunks'))) {
      expect(readFileSync(join(out, 'chunks', name), 'utf8')).not.toMatch(/Versions/)
    }
  })

  it('prints a size table and the two budget rows', () => {
    expect(report.lines[0]).toMatch(/^widget file\s+raw\s+gzip$/)
    expect(report.lines.some((line) => /^frontdesk\.js\s+[\d.]+ kB\s+[\d.]+ kB$/.test(line))).toBe(true)
    expect(report.lines.filter((line) => /^[✓✗] (launcher|whole widget)/.test(line))).toHaveLength(2)
  })
})

describe('sizeReport', () => {
  const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`
  // A launcher just within its budget, a shared chunk that puts it over when imported statically, the rest within.
  const files = [
    { file: 'frontdesk.js', raw: 9_000, gzip: BUDGETS.launcher - 100 },
    { file: 'chunks/shared.js', raw: 4_000, gzip: 1_500 },
    { file: 'chunks/panel.js', raw: 60_000, gzip: BUDGETS.widget - BUDGETS.launcher - 1_500 },
  ]
  const kb = (gzip: number) => ({ file: 'kb.json', raw: gzip * 4, gzip })

  it('counts the launcher as frontdesk.js plus what it imports statically', () => {
    const { lines, overBudget } = sizeReport(files, ['frontdesk.js', 'chunks/shared.js'])
    const launcher = BUDGETS.launcher + 1_400
    expect(lines).toContain(`✗ launcher (frontdesk.js + chunks/shared.js): ${kB(launcher)} gzipped (budget ${kB(BUDGETS.launcher)})`)
    expect(overBudget).toEqual([`launcher (frontdesk.js + chunks/shared.js) is ${kB(launcher)} gzipped, over its ${kB(BUDGETS.launcher)} budget`])
  })

  it('passes when every budget is met', () => {
    expect(sizeReport(files, ['frontdesk.js'], kb(BUDGETS.kb)).overBudget).toEqual([])
  })

  it('fails past the whole widget’s budget', () => {
    const over = [...files, { file: 'chunks/more.js', raw: 400, gzip: 200 }]
    expect(sizeReport(over, ['frontdesk.js']).overBudget).toEqual([`whole widget (all JS, kb.json not counted) is ${kB(BUDGETS.widget + 100)} gzipped, over its ${kB(BUDGETS.widget)} budget`])
  })

  it('lists kb.json and fails past its budget, when the build writes one', () => {
    const { lines, overBudget } = sizeReport(files, ['frontdesk.js'], kb(BUDGETS.kb + 200))
    expect(lines.some((line) => /^kb\.json\s+[\d.]+ kB\s+[\d.]+ kB$/.test(line))).toBe(true)
    expect(overBudget).toEqual([`kb.json is ${kB(BUDGETS.kb + 200)} gzipped, over its ${kB(BUDGETS.kb)} budget`])
  })
})

describe('staticClosure', () => {
  it('follows static imports, not dynamic ones', () => {
    const meta = {
      inputs: {},
      outputs: {
        'out/a.js': { bytes: 1, inputs: {}, exports: [], imports: [{ path: 'out/b.js', kind: 'import-statement' as const }, { path: 'out/c.js', kind: 'dynamic-import' as const }] },
        'out/b.js': { bytes: 1, inputs: {}, exports: [], imports: [{ path: 'out/d.js', kind: 'import-statement' as const }] },
        'out/c.js': { bytes: 1, inputs: {}, exports: [], imports: [] },
        'out/d.js': { bytes: 1, inputs: {}, exports: [], imports: [] },
      },
    }
    expect(staticClosure(meta, 'out/a.js')).toEqual(['out/a.js', 'out/b.js', 'out/d.js'])
  })
})

describe('the engine as the widget bundles it', () => {
  it('replies as everywhere else: the same kinds, texts, pairs and confidences, and the kind of emergency', async () => {
    const file = join(tempDir('frontdesk-engine-'), 'engine.mjs')
    const entry = fileURLToPath(new URL('../../../widget/engine/index.ts', import.meta.url))
    await build({ entryPoints: [entry], outfile: file, bundle: true, format: 'esm', platform: 'node', define: WIDGET_DEFINES, logLevel: 'silent' })
    const bundled = (await import(pathToFileURL(file).href)) as typeof engine
    const kb = compileKb('kb')
    const [staff, widget] = [engine.createEngine(kb), bundled.createEngine(kb)]
    const cases = ['dev.jsonl', 'real-dev.jsonl'].flatMap((file) => readCases(join(import.meta.dirname, '..', '..', 'fixtures', 'eval', file)))
    const questions = [...cases.map((c) => c.q), 'I want to kill myself']
    const kinds = new Set<string>()
    for (const question of questions) {
      const { why, ...reply } = widget.reply(question)
      const { why: explained, ...expected } = staff.reply(question)
      expect(reply).toEqual(expected)
      expect(why).toEqual({ ...explained, reason: '', leader: null, runnerUp: null, unmatchedWords: [], closestPhrasing: null })
      kinds.add(reply.kind)
    }
    expect([...kinds].sort()).toEqual(['answer', 'clarify', 'emergency', 'fallback', 'smalltalk'])
  })
})
