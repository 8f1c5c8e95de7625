/**
 * The correction loop, end to end: the clinic's own question log loaded into the coverage console, three replies
 * judged (a right answer, a handoff, not this pair), the corrections exported, `frontdesk apply` run on a copy of
 * `kb/` (tests never rewrite tracked files), and the rebuilt knowledge base giving the judged replies, in the engine
 * and in the console, while no evaluation set gains a wrong or false answer or loses a fallback, an emergency or a
 * right pair answered or offered (one right answer per set may become a choice holding it). And the console on a
 * 375 px phone, with the README's pictures.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { compileKb } from '../../build/compiler/compile.ts'
import { coverageRows } from '../../build/staff/coverage.ts'
import { outcomeOf, satisfies, Verdict, type Judgement } from '../../build/staff/corrections.ts'
import { compareNeed, countQuestions } from '../../build/staff/needs.ts'
import { readLogRecords } from '../../build/staff/questions.ts'
import { readCases } from '../../build/eval/cases.ts'
import { evaluate, type Metrics } from '../../build/eval/evaluate.ts'
import { createEngine, parseKb, type Engine, type KbFile } from '../../widget/engine/index.ts'
import { runCli } from './global-setup.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { useHarness } from './support/harness.ts'
import { ARTIFACTS, FIXTURES, ROOT, SCREENSHOTS } from './support/paths.ts'
import { PART, Widget } from './support/widget.ts'

const h = useHarness()

/** The clinic's log, as its own `frontdesk-reply` listener wrote it (README, "Correcting answers"). */
const LOG = join(FIXTURES, 'frontdesk-log.jsonl')
/** Everything this file writes: the copy of kb/, the corrections, the rebuilt kb.json. */
const WORK = join(ARTIFACTS, 'corrections')
const KB_COPY = join(WORK, 'kb')
const OUT = join(WORK, 'dist')
const CORRECTIONS = join(WORK, 'frontdesk-corrections.json')
/** The README's pictures are refreshed only on request (`FRONTDESK_SCREENSHOTS=readme`); otherwise they go beside the rest. */
const PICTURES = process.env.FRONTDESK_SCREENSHOTS === 'readme' ? SCREENSHOTS : join(ARTIFACTS, 'screenshots')
/** The evaluation sets that must not drop. */
const EVAL_SETS = ['kb/eval.jsonl', 'tests/fixtures/eval/holdout-1.jsonl', 'tests/fixtures/eval/holdout-2.jsonl', 'tests/fixtures/eval/real-dev.jsonl']

/** The three judgements, of questions in the log, and how the console is told each. */
const JUDGED = [
  { question: 'How do I ease the achiness once the injection is done?', verdict: Verdict.answer, id: 'aftercare' },
  { question: 'im nursing my baby, can i have a tpi', verdict: Verdict.handoff, id: 'who-should-not-have-them' },
  { question: 'is the procedure room cold', verdict: Verdict.notPair, id: 'what-happens-during-the-procedure' },
] as const satisfies readonly Judgement[]

const readKb = (path: string): KbFile => parseKb(JSON.parse(readFileSync(path, 'utf8')))
let shipped: Engine

beforeAll(() => {
  shipped = createEngine(readKb(join(h.siteDir, 'kb.json')))
  rmSync(WORK, { recursive: true, force: true })
  mkdirSync(WORK, { recursive: true })
  cpSync(join(ROOT, 'kb'), KB_COPY, { recursive: true })
})

/** The table row of a question. */
const rowOf = (page: Page, question: string) => page.locator('table.questions tbody tr').filter({ has: page.locator('td.question', { hasText: question }) })

/** The questions of the table, top to bottom. */
const tableQuestions = (page: Page) => page.locator('table.questions tbody td.question').evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''))

/** Opens the console and loads the log through its file chooser, as staff would. */
async function consoleWithLog(page: Page): Promise<void> {
  await page.goto(h.server.url('/coverage/index.html'))
  await page.locator('.kb-status strong').waitFor()
  await page.locator('#file').setInputFiles(LOG)
  await page.locator('.input-panel .status', { hasText: 'frontdesk-log.jsonl' }).waitFor()
}

/** Judges a row in the console. */
async function judge(page: Page, { question, verdict, id }: (typeof JUDGED)[number]): Promise<void> {
  const row = rowOf(page, question)
  await row.locator('select').first().selectOption(verdict)
  if (verdict === Verdict.answer) {
    const pick = row.getByLabel('Pair (type to search)')
    await pick.fill(id)
    await pick.press('Enter')
    await pick.blur()
  } else if (verdict === Verdict.handoff) {
    await row.getByLabel('Handoff topic').selectOption(id)
  }
  await row.locator('.judged.fixed').waitFor()
}

/** Precision-first figures of every evaluation set. */
const figures = (engine: Engine): Metrics[] => EVAL_SETS.map((set) => evaluate(engine, readCases(join(ROOT, set))).metrics)

describe('the correction loop', () => {
  it('log → judge three rows → export → frontdesk apply → the judged replies, no wrong or false answer gained on any evaluation set', { timeout: 240_000 }, async () => {
    for (const judged of JUDGED) {
      expect(satisfies(judged, outcomeOf(shipped.reply(judged.question))), `"${judged.question}" already gets the judged reply; pick another`).toBe(false)
    }
    const { page } = await h.session()
    await consoleWithLog(page)

    // The log: each question once, with its count, most in need of a fix first.
    const entries = countQuestions(readLogRecords(readFileSync(LOG, 'utf8'), { name: 'frontdesk-log.jsonl' }).records)
    const rows = coverageRows(shipped, entries.map((e) => e.question)).map((row, i) => ({ ...row, asked: entries[i]!.asked, unhelpful: entries[i]!.unhelpful }))
    expect(await tableQuestions(page)).toEqual([...rows].sort(compareNeed).map((row) => row.question))
    await expect(rowOf(page, 'can i bring my dog').locator('.asked').textContent()).resolves.toBe('asked 3 times')
    await expect(rowOf(page, 'is the procedure room cold').locator('.said-no').textContent()).resolves.toBe('1 said “No”')

    for (const judged of JUDGED) await judge(page, judged)
    const status = await page.locator('.corrections .card-head .status').textContent()
    expect(status).toMatch(new RegExp(`^3 judged · 3 get the judged reply · \\d+ of ${entries.length} replies change$`))
    for (const { question } of JUDGED) await page.locator('.changed-list li', { hasText: question }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export corrections' }).click()])
    expect(download.suggestedFilename()).toBe('frontdesk-corrections.json')
    await download.saveAs(CORRECTIONS)

    const files = readFileSync(join(KB_COPY, 'qa/after-the-injection.md'), 'utf8')
    const dryRun = await runCli(['apply', CORRECTIONS, '--kb', KB_COPY, '--out', OUT, '--dry-run'])
    expect(dryRun.code, dryRun.stderr).toBe(0)
    expect(dryRun.stdout).toContain('+- How do I ease the achiness once the injection is done?')
    expect(dryRun.stdout).toContain('+- is the procedure room cold')
    expect(dryRun.stdout).toContain('nothing was written')
    expect(readFileSync(join(KB_COPY, 'qa/after-the-injection.md'), 'utf8')).toBe(files)

    const applied = await runCli(['apply', CORRECTIONS, '--kb', KB_COPY, '--out', OUT])
    expect(applied.code, applied.stderr).toBe(0)
    expect(applied.stdout).toContain('judged replies: 0 of 3 before, 3 of 3 after')
    expect(applied.stdout).toMatch(/^lint: 0 errors/m)

    const rebuilt = createEngine(readKb(join(OUT, 'kb.json')))
    for (const judged of JUDGED) expect(satisfies(judged, outcomeOf(rebuilt.reply(judged.question))), judged.question).toBe(true)

    // The console, reloaded with the rebuilt knowledge base, gives the judged replies too.
    for (const file of ['kb.json', 'kb-staff.json']) await page.route(`**/${file}`, (route) => route.fulfill({ path: join(OUT, file), contentType: 'application/json' }))
    await consoleWithLog(page)
    await expect(rowOf(page, JUDGED[0].question).locator('td[data-label="Matched pair"] code').textContent()).resolves.toBe('aftercare')
    await expect(rowOf(page, JUDGED[1].question).locator('td[data-label="Matched pair"]').textContent()).resolves.toBe('handoff: who-should-not-have-them')
    await expect(rowOf(page, JUDGED[2].question).locator('.badge').textContent()).resolves.toBe('fallback')

    // No set gains a wrong or false answer, loses a fallback, an emergency or a right pair answered or offered. A
    // right answer may become a choice holding it, one per set: the calibration is learned again with the new
    // phrasings, and a reply sitting at 0.8 moves (README, "What one edit moves"; "Will I be put out for this
    // procedure?" sits at 0.80).
    const [before, after] = [figures(shipped), figures(rebuilt)]
    EVAL_SETS.forEach((set, i) => {
      const [was, now] = [before[i]!, after[i]!]
      const pairs = {
        strict: [now.strict.hits + 1, was.strict.hits],
        lenient: [now.lenient.hits, was.lenient.hits],
        fallback: [now.fallback.hits, was.fallback.hits],
        emergency: [now.emergency.hits, was.emergency.hits],
        wrong: [was.wrong.hits, now.wrong.hits],
        falseAnswer: [was.falseAnswer.hits, now.falseAnswer.hits],
      }
      for (const [name, [high, low]] of Object.entries(pairs)) expect(high, `${set}: ${name} dropped`).toBeGreaterThanOrEqual(low!)
    })
  })

  it('leaves kb/ itself alone', () => {
    expect(compileKb(join(ROOT, 'kb'), { warn: () => {} }).hash).toBe(readKb(join(h.siteDir, 'kb.json')).hash)
  })
})

describe("the README's question log", () => {
  it('its snippet posts fallbacks, doubtful answers and "No"s in the form the console reads; nothing else is sent', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const snippet = /<!-- tests\/e2e\/corrections\.test\.ts runs this snippet[^>]*-->\n```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    expect(snippet.trim().split('\n').length, 'the snippet in README.md, at most ten lines').toBeLessThanOrEqual(10)
    const [fallback, doubtful, sure] = ['can i bring my dog', 'is the procedure room cold', 'does it hurt']
    expect([shipped.reply(fallback).kind, shipped.reply(doubtful).kind, shipped.reply(sure).kind]).toEqual(['fallback', 'answer', 'answer'])
    expect([shipped.reply(doubtful).confidence < 0.8, shipped.reply(sure).confidence >= 0.8]).toEqual([true, true])

    const { page, watch } = await h.session()
    // The clinic's own endpoint, which keeps what it is sent.
    await page.route('**/faq-log', (route) => route.fulfill({ status: 204 }))
    await page.goto(h.server.url('/index.html'))
    await page.addScriptTag({ content: snippet })
    const widget = await new Widget(page).open()
    await widget.ask(fallback)
    const answer = await widget.ask(doubtful)
    await answer.locator(PART.feedback).getByRole('button', { name: /^no$/i }).click()
    await widget.ask(sure)
    const sent = () => watch.requests.filter((request) => request.method !== 'GET')
    await expect.poll(() => sent().length, { timeout: 10_000 }).toBe(3)
    expect(sent().map((request) => new URL(request.url).pathname)).toEqual(['/faq-log', '/faq-log', '/faq-log'])
    const lines = sent().map((request) => request.postData ?? '')
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(records.map((record) => Object.keys(record).sort())).toEqual([
      ['at', 'confidence', 'kind', 'pairId', 'question'],
      ['at', 'confidence', 'kind', 'pairId', 'question'],
      ['at', 'helpful', 'pairId', 'question'],
    ])
    expect(readLogRecords(lines.join('\n'), { name: 'faq-log.jsonl' }).records).toEqual([{ question: fallback }, { question: doubtful }, { question: doubtful, helpful: false }])
    // The fixture log the loop above reads is in the same form.
    const fixture = readFileSync(LOG, 'utf8').trim().split('\n').map((line) => Object.keys(JSON.parse(line) as object).sort().join())
    expect(new Set(fixture)).toEqual(new Set(records.map((record) => Object.keys(record).sort().join())))
  })
})

describe('the console on a phone', () => {
  it('fits a 375 px screen: nothing scrolls sideways, on any tab, with a row being judged; axe finds no violation', async () => {
    const viewport = { width: 375, height: 740 }
    const { page } = await h.session({ viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await consoleWithLog(page)
    await judge(page, JUDGED[0])
    await rowOf(page, JUDGED[1].question).locator('select').first().selectOption(Verdict.handoff)
    await expectNoAxeViolations(page, 'coverage console on a phone, judging rows')
    const width = () => page.evaluate(() => document.documentElement.scrollWidth)
    expect(await width(), 'questions').toBeLessThanOrEqual(viewport.width)
    for (const tab of ['pairs', 'sources']) {
      await page.locator(`#tab-${tab}`).click()
      await page.locator(`#panel-${tab}`).waitFor()
      expect(await width(), tab).toBeLessThanOrEqual(viewport.width)
    }
  })
})

describe('screenshots for the README', () => {
  beforeAll(() => mkdirSync(PICTURES, { recursive: true }))

  it('the console judging a row, on a desktop and on a 375 px phone', async () => {
    const { page } = await h.session({ viewport: { width: 1280, height: 900 } })
    await consoleWithLog(page)
    for (const judged of JUDGED) await judge(page, judged)
    await page.locator('.corrections').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(PICTURES, 'coverage-corrections.png') })

    const phone = await h.session({ viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    await consoleWithLog(phone.page)
    await judge(phone.page, JUDGED[0])
    await rowOf(phone.page, JUDGED[0].question).scrollIntoViewIfNeeded()
    await phone.page.screenshot({ path: join(PICTURES, 'coverage-mobile.png') })
  })
})
