import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleDemo } from '../../build/site/demo-bundle.ts'
import { CHART_CSS } from '../../build/staff/charts.ts'
import { readQuestions } from '../../build/staff/questions.ts'
import { tempDir } from '../helpers/kb-dir.ts'

const page = readFileSync('demo/index.html', 'utf8')
const consolePage = readFileSync('demo/coverage/index.html', 'utf8')

/** What a strict CSP (`script-src 'self'; style-src 'self'`) refuses in HTML. */
function inlineCode(html: string): string[] {
  return [
    ...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g),
    ...html.matchAll(/<style\b/g),
    ...html.matchAll(/\sstyle=/g),
    ...html.matchAll(/\son[a-z]+=/g),
    ...html.matchAll(/javascript:/g),
  ].map((m) => m[0])
}

describe('demo/index.html', () => {
  it('embeds the widget with the one-line script tag a clinic would paste', () => {
    const tags = page.match(/<script\b[^>]*><\/script>/g)
    expect(tags).toEqual(['<script type="module" src="frontdesk.js" data-booking-url="https://riverside-pain.example/book" data-phone="+1 555 0100" data-accent="#0f5c5b"></script>'])
  })

  it('has nothing a strict CSP refuses, and its own stylesheet', () => {
    expect(inlineCode(page)).toEqual([])
    expect(page).toContain('<link rel="stylesheet" href="site.css">')
  })

  it('is a clinic page about trigger point injections, linking to the coverage console from the footer', () => {
    expect(page).toContain('<html lang="en">')
    expect(page).toMatch(/<h1[^>]*>Trigger point injections/)
    expect(page).toMatch(/<footer[\s\S]*<a href="coverage\/">Staff: coverage console<\/a>[\s\S]*<\/footer>/)
    expect(page).toContain('<meta name="viewport"')
  })
})

describe('demo/coverage/index.html', () => {
  it('loads only its own script and stylesheets', () => {
    expect(inlineCode(consolePage)).toEqual([])
    expect(consolePage).toContain('<script type="module" src="console.js"></script>')
    expect(consolePage).toContain('<link rel="stylesheet" href="console.css">')
    expect(consolePage).toContain('<link rel="stylesheet" href="charts.css">')
  })
})

describe('demo/coverage/sample-questions.txt', () => {
  it('is a log of about 80 visitor questions, without duplicates', () => {
    const { questions, format } = readQuestions(readFileSync('demo/coverage/sample-questions.txt', 'utf8'))
    expect(format).toBe('lines')
    expect(questions.length).toBeGreaterThanOrEqual(75)
    expect(new Set(questions.map((q) => q.toLowerCase())).size).toBe(questions.length)
  })
})

describe('demo/coverage components', () => {
  it('never set inline styles (Preact style props become style attributes)', () => {
    const dir = 'demo/coverage/components'
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name), 'utf8'), name).not.toMatch(/\bstyle=/)
  })
})

describe('bundleDemo', () => {
  let out: string
  beforeAll(async () => {
    out = tempDir()
    await bundleDemo(out, { dev: false })
  }, 180_000)

  it('writes the demo page and the console with its script, styles and sample log', () => {
    for (const file of ['index.html', 'site.css', 'coverage/index.html', 'coverage/console.js', 'coverage/console.css', 'coverage/charts.css', 'coverage/sample-questions.txt']) {
      expect(existsSync(join(out, file)), file).toBe(true)
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(page)
    expect(readFileSync(join(out, 'coverage/charts.css'), 'utf8')).toBe(CHART_CSS.trimStart())
  })

  it('bundles the console into one minified ES module that needs nothing else', () => {
    const js = readFileSync(join(out, 'coverage/console.js'), 'utf8')
    expect(js).not.toMatch(/^\s*import\s/m)
    expect(js).not.toContain('sourceMappingURL')
    expect(js.length).toBeLessThan(150_000)
    expect(js).toContain('../kb.json')
    expect(js).toContain('sample-questions.txt')
  })
})
