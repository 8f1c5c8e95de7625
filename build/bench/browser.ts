/**
 * The browser part of `npm run bench`: the first open as a visitor feels it, in Debian's chromium driven by
 * playwright-core. For each knowledge base and each condition (no throttling, 4× CPU throttling, slow 3G…), a fresh
 * page is opened, the launcher hovered for a moment (or clicked at once, as a touch does), clicked, and a question
 * asked the moment the input has focus (in a task of its own, as a key press comes). From the page's own clock:
 * click → input focused, click → first answer (painted), and the longest main-thread task from the first intent to
 * the answer (PerformanceObserver `longtask`, which sees tasks over 50 ms only). The same is measured on a
 * plain-MiniSearch page over the same pairs, and on another build (`--against`), in the same run, interleaved: the
 * machine's load changes, its ratios less.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { againstKbFile, serveBenchSite, writeBenchSite, type BenchKb } from './browser-site.ts'

/** Debian's chromium; never a download. */
const CHROMIUM = process.env.FRONTDESK_CHROMIUM ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** Chrome DevTools' "Slow 3G": 2 s round trips, 50 kB/s each way. */
const SLOW_3G = { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 }

/** One condition a page is measured in. */
export interface Condition {
  label: string
  cpu: number
  slow3g: boolean
}

/** The conditions of the issue's table. */
export const CONDITIONS: Condition[] = [
  { label: 'no throttling', cpu: 1, slow3g: false },
  { label: '4× CPU', cpu: 4, slow3g: false },
  { label: 'slow 3G', cpu: 1, slow3g: true },
  { label: '4× CPU + slow 3G', cpu: 4, slow3g: true },
]

/** What one open of one page measured, in milliseconds; `longest` is 0 when no task took over 50 ms. */
export interface OpenTimes {
  focus: number
  answer: number
  longest: number
}

/** Medians over the runs of one page, knowledge base, condition and way of opening. */
export interface BrowserCell extends OpenTimes {
  page: 'widget' | 'baseline' | 'against'
  kb: string
  condition: string
  hover: boolean
}

/** Options of {@link browserBench}. */
export interface BrowserBenchOptions {
  kbs: BenchKb[]
  /** Conditions per knowledge base name; the others get the first two (no throttling, 4× CPU). */
  conditions(kb: string): Condition[]
  runs: number
  /** How long the pointer rests on the launcher before the click. */
  dwell: number
  /** Another build of the site (a folder like `dist/`) to measure beside this one. */
  against?: string
  /** Told about each measurement as it is made. */
  progress?(line: string): void
}

/**
 * Records the first open on the page's own clock: an init script, so it runs before the page's scripts. Plain
 * JavaScript text, as the page runs it (a TypeScript function would carry the runner's helpers along).
 */
export const INSTRUMENT = `
const b = { hover: 0, click: 0, focus: 0, answer: 0, kind: '', tasks: [] }
Object.defineProperty(window, '__bench', { value: b })
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) b.tasks.push([entry.startTime, entry.duration])
}).observe({ type: 'longtask', buffered: true })
addEventListener('pointerover', (event) => { b.hover ||= event.timeStamp }, true)
addEventListener('click', (event) => { b.click ||= event.timeStamp }, true)
function done(event) {
  b.kind = String(event.detail?.kind ?? 'answer')
  // After the frame that shows the answer.
  requestAnimationFrame(() => setTimeout(() => { b.answer = performance.now() }))
}
// Focus moving inside the widget's shadow tree is not announced to the document (its focus events stop at the
// host), so each frame from the click on looks for it: the time is the frame that shows the focused input.
addEventListener('click', function watch() {
  removeEventListener('click', watch, true)
  requestAnimationFrame(function frame() {
    let element = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    if (element?.tagName !== 'INPUT') return requestAnimationFrame(frame)
    b.focus = performance.now()
    document.addEventListener('frontdesk-reply', done, { once: true })
    document.addEventListener('baseline-reply', done, { once: true })
    // Asked in a task of its own, as a visitor's Enter key comes: never inside the frame that showed the focus.
    setTimeout(() => {
      const chat = document.querySelector('frontdesk-chat')
      if (chat) chat.ask(QUESTION)
      else window.baselineAsk(QUESTION)
    })
  })
}, true)
`

interface Recorded {
  hover: number
  click: number
  focus: number
  answer: number
  kind: string
  tasks: [number, number][]
}

/** Opens `url` once in a fresh context under `condition` and measures the first open. */
async function openOnce(browser: Browser, url: string, question: string, condition: Condition, hover: boolean, dwell: number): Promise<OpenTimes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    await context.addInitScript({ content: `const QUESTION = ${JSON.stringify(question)};${INSTRUMENT}` })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu })
    if (condition.slow3g) {
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G)
    }
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 })
    const launcher = page.locator('#open, frontdesk-chat button[part~="launcher"]').first()
    await launcher.waitFor({ state: 'visible', timeout: 120_000 })
    await page.waitForTimeout(300)
    const box = (await launcher.boundingBox())!
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    if (hover) {
      await page.mouse.move(x, y)
      await page.waitForTimeout(dwell)
    }
    await page.mouse.click(x, y)
    await page.waitForFunction(() => (window as unknown as { __bench: Recorded }).__bench.answer > 0, null, { timeout: 120_000, polling: 50 })
    const b = await page.evaluate(() => (window as unknown as { __bench: Recorded }).__bench)
    const from = hover ? b.hover : b.click
    const longest = Math.max(0, ...b.tasks.filter(([start, duration]) => start + duration >= from && start <= b.answer).map(([, duration]) => duration))
    return { focus: b.focus - b.click, answer: b.answer - b.click, longest }
  } finally {
    await context.close()
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

/** Measures every page, knowledge base, condition and way of opening; runs of different pages interleaved. */
export async function browserBench(options: BrowserBenchOptions): Promise<BrowserCell[]> {
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  try {
    await writeBenchSite(dir, options.kbs, options.against)
    const server = await serveBenchSite(dir)
    try {
      const cells: BrowserCell[] = []
      for (const { name, kb } of options.kbs) {
        const question = kb.pairs[0]!.aliases[0] ?? kb.pairs[0]!.question
        const pages: [BrowserCell['page'], string][] = [
          ['widget', `${server.origin}/widget-${name}.html`],
          ['baseline', `${server.origin}/baseline-${name}.html`],
        ]
        // The other build is measured over the knowledge bases it has a page for (its own kb.json, any kb-NAME.json).
        if (options.against && existsSync(join(dir, 'against', `widget-${name}.html`))) pages.push(['against', `${server.origin}/against/widget-${name}.html`])
        else if (options.against) options.progress?.(`  against ${name}: the other build has no ${againstKbFile(name)}, so it is not measured`)
        for (const condition of options.conditions(name)) {
          for (const hover of [true, false]) {
            const runs = new Map(pages.map(([page]) => [page, [] as OpenTimes[]]))
            for (let run = 0; run < options.runs; run++) {
              for (const [page, url] of pages) {
                const times = await openOnce(browser, url, question, condition, hover, options.dwell).catch((error: unknown) => {
                  options.progress?.(`  ${page} ${name} ${condition.label}: ${String(error).split('\n')[0]}`)
                  return null
                })
                if (times) runs.get(page)!.push(times)
              }
            }
            for (const [page, list] of runs) {
              if (list.length === 0) continue
              const cell: BrowserCell = {
                page,
                kb: name,
                condition: condition.label,
                hover,
                focus: median(list.map((t) => t.focus)),
                answer: median(list.map((t) => t.answer)),
                longest: median(list.map((t) => t.longest)),
              }
              cells.push(cell)
              options.progress?.(`  ${name} · ${condition.label} · ${hover ? 'hover' : 'no hover'} · ${page}: focus ${cell.focus.toFixed(0)} ms, answer ${cell.answer.toFixed(0)} ms, longest task ${cell.longest.toFixed(0)} ms`)
            }
          }
        }
      }
      return cells
    } finally {
      await server.close()
    }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`)

/**
 * The table of one knowledge base: a row per measure, a column per condition; each cell is the widget's figure,
 * then the ratio to plain MiniSearch (and to the other build, with `--against`).
 */
export function browserTable(cells: readonly BrowserCell[], kb: string, dwell: number): string[] {
  const ours = cells.filter((cell) => cell.kb === kb && cell.page === 'widget')
  const conditions = [...new Set(ours.map((cell) => cell.condition))]
  const find = (page: BrowserCell['page'], condition: string, hover: boolean): BrowserCell | undefined =>
    cells.find((cell) => cell.kb === kb && cell.page === page && cell.condition === condition && cell.hover === hover)
  const measures: [string, boolean, (cell: OpenTimes) => number][] = [
    [`click → input focused, after a ${dwell} ms hover`, true, (t) => t.focus],
    [`click → first answer, after a ${dwell} ms hover`, true, (t) => t.answer],
    ['longest task, hover → answer (0: none over 50 ms)', true, (t) => t.longest],
    ['click → input focused, no hover', false, (t) => t.focus],
    ['click → first answer, no hover', false, (t) => t.answer],
    ['longest task, click → answer', false, (t) => t.longest],
  ]
  const width = 52
  const column = 30
  const lines = [`| ${''.padEnd(width)} |${conditions.map((c) => ` ${c.padEnd(column)} |`).join('')}`]
  lines.push(`| ${'-'.repeat(width)} |${conditions.map(() => ` ${'-'.repeat(column)} |`).join('')}`)
  for (const [label, hover, read] of measures) {
    const row = conditions.map((condition) => {
      const cell = find('widget', condition, hover)
      if (!cell) return '—'
      const ratio = (page: BrowserCell['page']): string => {
        const other = find(page, condition, hover)
        if (!other) return ''
        const [a, b] = [read(cell), read(other)]
        return a === 0 && b === 0 ? ' · =' : b === 0 ? ` · (${page === 'baseline' ? 'MS' : 'was'} 0)` : ` · ${(a / b).toFixed(2)}×`
      }
      return `${ms(read(cell))}${ratio('baseline')}${ratio('against')}`
    })
    lines.push(`| ${label.padEnd(width)} |${row.map((text) => ` ${text.padEnd(column)} |`).join('')}`)
  }
  return lines
}
