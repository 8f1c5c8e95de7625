import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine, ReplyKind, toAskJson, type Reply } from '../../../widget/engine/index.ts'
import { PROPERTY_TIMEOUT } from '../../helpers/property.ts'

const engine = createEngine(compileKb('kb'))
const KINDS = Object.values(ReplyKind)

/** Hostile inputs: markup, script URLs, catastrophic-backtracking bait, right-to-left text, emoji. */
const hostile = fc.oneof(
  fc.string({ maxLength: 10_000, unit: 'binary' }),
  fc.string({ maxLength: 2_000, unit: 'grapheme' }),
  fc.constantFrom('(a+)+$', '((a|a)*)*b', '.*.*.*=.*', '[^]*'.repeat(50), 'a'.repeat(9_999) + '!'),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '"><svg onload=alert(1)>'),
  fc.constantFrom('هل يؤلم الحقن؟ \u202edoes it hurt', '💉😱 does the 💉 hurt?? 🙏🏽', 'ℌ𝔢𝔩𝔩𝔬 ｓｈｏｔ', '\u0000\uFFFF\uD800'),
  fc.array(fc.constantFrom('does', 'it', 'hurt', 'shot', 'knot', 'aaaa', '(', ')', '*', '\\', '\u200b'), { maxLength: 3_000 }).map((w) => w.join(' ')),
)

function expectValid(reply: Reply): void {
  expect(KINDS).toContain(reply.kind)
  expect(typeof reply.reply).toBe('string')
  expect(reply.reply.length).toBeGreaterThan(0)
  expect(reply.confidence).toBeGreaterThanOrEqual(0)
  expect(reply.confidence).toBeLessThanOrEqual(1)
  expect(reply.question.length).toBeLessThanOrEqual(500)
  expect(reply.alternatives.length).toBeLessThanOrEqual(3)
  expect(() => JSON.stringify(toAskJson(reply))).not.toThrow()
}

describe('Engine#reply on any input', () => {
  // How long a reply takes is measured by `npm run bench`, not here: a timed assertion fails on a busy machine.
  it('gives a valid reply and never throws (fast-check, 1,000 runs)', () => {
    fc.assert(
      fc.property(hostile, (message) => expectValid(engine.reply(message))),
      { numRuns: 1_000, verbose: true },
    )
  }, PROPERTY_TIMEOUT)

  it('accepts values that are not strings from JavaScript callers', () => {
    for (const value of [undefined, null, 42, {}, ['a']]) expectValid(engine.reply(value as unknown as string))
  })
})

describe('Engine#suggest on any input', () => {
  it('returns at most five suggestions and never throws (fast-check, 1,000 runs)', () => {
    fc.assert(
      fc.property(hostile, (partial) => {
        const suggestions = engine.suggest(partial)
        expect(suggestions.length).toBeLessThanOrEqual(5)
      }),
      { numRuns: 1_000 },
    )
  }, PROPERTY_TIMEOUT)
})
