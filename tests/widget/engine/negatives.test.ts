import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileKb } from '../../../build/compiler/compile.ts'
import { createEngine, type Engine } from '../../../widget/engine/index.ts'
import { negatives } from '../../../widget/engine/negatives.ts'
import { SMALL_KB, kbWith } from '../../helpers/kb-dir.ts'

const BASICS = readFileSync(join(SMALL_KB, 'qa/basics.md'), 'utf8')

/** The small knowledge base with `not:` lines added under the pair "what-is-it" (after its last phrasing). */
function engineRefusing(not: readonly string[]): Engine {
  const basics = BASICS.replace('- what do you inject\n', `- what do you inject\nnot:\n${not.map((q) => `- ${q}`).join('\n')}\n`)
  return createEngine(compileKb(kbWith({ 'qa/basics.md': basics })))
}

const answered = (engine: Engine, question: string): string | null => {
  const reply = engine.reply(question)
  return reply.kind === 'answer' ? reply.top!.pair.id : null
}

/** The pair a reply leads with: the answer, or the first choice offered when two fit. */
const leading = (engine: Engine, question: string): string | null => {
  const reply = engine.reply(question)
  return reply.kind === 'answer' ? reply.top!.pair.id : reply.kind === 'clarify' ? reply.choices[0]!.id : null
}

describe('negatives', () => {
  it('is nothing at all for a knowledge base without "not:" phrasings', () => {
    const kb = compileKb(SMALL_KB)
    expect(negatives(kb, { read: () => [], weight: () => 1 })).toBeNull()
  })
})

describe('a pair\'s "not:" phrasings', () => {
  const plain = createEngine(compileKb(SMALL_KB))
  const refusing = engineRefusing(['what is a trigger point'])

  it('keep the refused question from the pair', () => {
    expect(answered(plain, 'what is a trigger point')).toBe('what-is-it')
    expect(answered(refusing, 'what is a trigger point')).toBeNull()
  })

  it('keep close paraphrases of it from the pair too', () => {
    for (const paraphrase of ["what's a trigger point?", 'whats a trigger point exactly', 'What IS a trigger point']) {
      expect(answered(plain, paraphrase), paraphrase).toBe('what-is-it')
      expect(answered(refusing, paraphrase), paraphrase).toBeNull()
    }
  })

  it('apply to the whole message, so that a part of it read alone does not bring the pair back', () => {
    const engine = engineRefusing(['what are these shots and how much do they cost'])
    expect(answered(plain, 'what are these shots and how much do they cost')).toBe('what-is-it')
    expect(engine.reply('what are these shots and how much do they cost').top?.pair.id).not.toBe('what-is-it')
  })

  it('leave the pair its own question and phrasings, and other pairs their questions', () => {
    for (const question of ['What is a trigger point injection?', 'what is a tpi', 'what are these shots', 'explain the injection']) {
      expect(answered(refusing, question), question).toBe('what-is-it')
    }
    expect(answered(refusing, 'will the shot hurt')).toBe('does-it-hurt')
  })

  it('hand the message to the next candidate when another fits', () => {
    // Both pairs fit it; the plain engine leads with "what-is-it" (and, unsure, offers both).
    expect(leading(plain, 'explain the painful injection')).toBe('what-is-it')
    const engine = engineRefusing(['explain the painful injection'])
    for (const question of ['explain the painful injection', 'explain the painful shot']) {
      expect(answered(engine, question), question).toBe('does-it-hurt')
    }
  })
})
