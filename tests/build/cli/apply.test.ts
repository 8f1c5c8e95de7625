import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { planCorrection, Verdict, type Judgement } from '../../../build/staff/corrections.ts'
import { correctionsFile } from '../../../build/staff/corrections-file.ts'
import { createEngine, parseKb } from '../../../widget/engine/index.ts'
import { kbWith, tempDir } from '../../helpers/kb-dir.ts'
import { runCli } from '../../helpers/run-cli.ts'

const JUDGEMENTS: Judgement[] = [
  { question: 'is the needle long', verdict: Verdict.answer, id: 'what-is-it' },
  { question: 'can I pay by card', verdict: Verdict.handoff, id: 'prices' },
  { question: 'explain the injection that stings', verdict: Verdict.notPair, id: 'what-is-it' },
  { question: 'will the shot hurt', verdict: Verdict.correct },
]

/** A copy of the small knowledge base, and a corrections file judged on it. */
function setUp(judgements: readonly Judgement[] = JUDGEMENTS, edit: (file: ReturnType<typeof correctionsFile>) => void = () => {}) {
  const kb = kbWith()
  const compiled = compileKb(kb)
  const file = correctionsFile(compiled, 0.4, judgements.map((j) => planCorrection(compiled, j, { threshold: 0.4 })))
  edit(file)
  const dir = tempDir()
  const path = join(dir, 'corrections.json')
  writeFileSync(path, JSON.stringify(file))
  const read = (name: string): string => readFileSync(join(kb, name), 'utf8')
  return { kb, path, out: join(dir, 'dist'), read, files: { basics: read('qa/basics.md'), handoffs: read('handoffs.md') } }
}

describe('frontdesk apply', () => {
  it('adds each question where it belongs, rebuilds, and prints the replies before and after', () => {
    const { kb, path, out, read, files } = setUp()
    const run = runCli(['apply', path, '--kb', kb, '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(read('qa/basics.md')).toBe(
      files.basics
        .replace('- what do you inject\n', '- what do you inject\n- is the needle long\nnot:\n- explain the injection that stings\n'),
    )
    expect(read('handoffs.md')).toBe(files.handoffs.replace('- price\n', '- price\n- can I pay by card\n'))
    expect(run.stdout).toContain('✓ "is the needle long" should be answered with what-is-it: fell back → answered with what-is-it')
    expect(run.stdout).toContain('✓ "explain the injection that stings" should not get what-is-it: answered with what-is-it → answered with does-it-hurt')
    expect(run.stdout).toContain('judged replies: 1 of 4 before, 4 of 4 after')
    expect(run.stdout).toMatch(/^lint: 0 errors, \d+ warnings? \("frontdesk lint" lists them\)$/m)
    const engine = createEngine(parseKb(JSON.parse(readFileSync(join(out, 'kb.json'), 'utf8'))))
    expect(engine.reply('can I pay by card').why.handoff).toBe('prices')
  })

  it('adds nothing twice when run again', () => {
    const { kb, path, out, read } = setUp()
    runCli(['apply', path, '--kb', kb, '--out', out])
    const once = read('qa/basics.md')
    const again = runCli(['apply', path, '--kb', kb, '--out', out])
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('note: correction 1 ("is the needle long"): "what-is-it" already has it under "asked:"')
    expect(read('qa/basics.md')).toBe(once)
  })

  it('with --dry-run, prints the diff and the replies, and writes nothing', () => {
    const { kb, path, out, read, files } = setUp()
    const run = runCli(['apply', path, '--kb', kb, '--out', out, '--dry-run'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`+++ ${join(kb, 'qa/basics.md')}\n@@ -7,6 +7,9 @@\n`)
    expect(run.stdout).toContain('+- is the needle long\n+not:\n+- explain the injection that stings\n')
    expect(run.stdout).toContain('judged replies: 1 of 4 before, 4 of 4 after')
    expect(run.stdout).toContain('dry run: 2 files would change; nothing was written.')
    expect([read('qa/basics.md'), read('handoffs.md')]).toEqual([files.basics, files.handoffs])
    expect(existsSync(out)).toBe(false)
  })

  it('refuses a correction whose pair is gone, and writes nothing at all', () => {
    const { kb, path, out, read, files } = setUp(JUDGEMENTS, (file) => {
      file.corrections[2]!.id = 'what-was-it'
      file.corrections[2]!.changes = [{ field: 'not', id: 'what-was-it' }]
    })
    const run = runCli(['apply', path, '--kb', kb, '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `correction 3 ("explain the injection that stings"): the pair "what-was-it" is no longer in ${kb} (renamed or removed?); judge the question again in the console\n` +
        `1 of 4 corrections no longer fit ${kb}; nothing was written.\n`,
    )
    expect([read('qa/basics.md'), read('handoffs.md'), existsSync(out)]).toEqual([files.basics, files.handoffs, false])
  })

  it('refuses corrections that would leave a lint error, and writes nothing', () => {
    // A phrasing of "does-it-hurt" given to "what-is-it" as well: the two pairs would share it.
    const { kb, path, out, read, files } = setUp([{ question: 'is it painful', verdict: Verdict.answer, id: 'what-is-it' }])
    const run = runCli(['apply', path, '--kb', kb, '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/qa\/basics\.md:\d+: error: phrasing "is it painful" of pair "does-it-hurt" is also a phrasing of pair "what-is-it".*\[shared-phrasing\]/)
    expect(run.stderr).toContain('nothing was written.')
    expect(run.stderr).not.toContain('frontdesk-apply-')
    expect([read('qa/basics.md'), existsSync(out)]).toEqual([files.basics, false])
  })

  it('refuses a corrections file it cannot read, naming it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'c.json'), '{"frontdesk": "corrections", "version": 1, "threshold": 0.4, "corrections": [{"question": "hi"}]}')
    const run = runCli(['apply', join(dir, 'c.json'), '--kb', kbWith()])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${join(dir, 'c.json')}: correction 1 ("hi") has "verdict" undefined, expected one of correct, answer, handoff, fallback, not-pair`)
  })
})
