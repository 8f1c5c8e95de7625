/**
 * The same engine the widget runs, over the same `kb.json` the browser downloads. Tests use it to choose their
 * questions (one that gets an answer, one that gets clarify, …) so that they keep working when the knowledge base
 * is edited, and to know what the widget must show.
 */
import { readFileSync } from 'node:fs'
import { createEngine, parseKb, type Engine, type KbPair, type Reply, type RichInline } from '../../../widget/engine/index.ts'
import { squash } from './widget.ts'

export function loadEngine(kbJsonPath: string): Engine {
  return createEngine(parseKb(JSON.parse(readFileSync(kbJsonPath, 'utf8'))))
}

const inlineText = (nodes: RichInline[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : inlineText(node.children))).join('')

/** The start of a pair's answer as a visitor reads it (its first block's text), to find it on the page. */
export function answerStart(pair: KbPair, length = 40): string {
  const first = pair.answer[0]
  const text = !first ? pair.answerText : first.type === 'paragraph' ? inlineText(first.children) : inlineText(first.items[0] ?? [])
  return squash(text).slice(0, length).trim()
}

/** A pair whose own question gets an answer naming it, with follow-ups; `prefer` ids first. */
export function pickAnswered(engine: Engine, prefer: string[] = []): { pair: KbPair; reply: Reply } {
  const ordered = [...prefer.map((id) => engine.pair(id)).filter((p): p is KbPair => p !== undefined), ...engine.pairs]
  for (const pair of ordered) {
    const reply = engine.reply(pair.question)
    if (reply.kind === 'answer' && reply.top?.pair.id === pair.id && reply.followUps.length > 0) return { pair, reply }
  }
  throw new Error('no pair of the knowledge base is answered by its own question with follow-ups')
}

/** The first message (of `candidates`, then every word of every question) that makes the engine ask which was meant. */
export function findClarify(engine: Engine, candidates: string[]): { message: string; reply: Reply } | null {
  const words = engine.pairs.flatMap((pair) => pair.question.toLowerCase().match(/[a-z]{4,}/g) ?? [])
  for (const message of [...candidates, ...new Set(words)]) {
    const reply = engine.reply(message)
    if (reply.kind === 'clarify' && reply.choices.length >= 2) return { message, reply }
  }
  return null
}

/** The first message of `candidates` that gets `kind`. */
export function findKind(engine: Engine, kind: Reply['kind'], candidates: string[]): { message: string; reply: Reply } {
  for (const message of candidates) {
    const reply = engine.reply(message)
    if (reply.kind === kind) return { message, reply }
  }
  throw new Error(`none of ${JSON.stringify(candidates)} gets a "${kind}" reply from the engine`)
}

/**
 * A prefix of a known question (its first words) whose first type-ahead suggestion is a pair that its own question
 * answers, so picking the suggestion must show that pair's answer.
 */
export function pickTypeahead(engine: Engine): { prefix: string; first: KbPair; suggestions: string[] } {
  for (const pair of engine.pairs) {
    const words = pair.question.split(/\s+/)
    for (let n = 2; n <= Math.min(4, words.length - 1); n++) {
      const prefix = words.slice(0, n).join(' ')
      const suggestions = engine.suggest(prefix)
      const first = suggestions[0] && engine.pair(suggestions[0].id)
      if (!first || first.id !== pair.id) continue
      const reply = engine.reply(first.question)
      if (reply.kind === 'answer' && reply.top?.pair.id === first.id) return { prefix, first, suggestions: suggestions.map((s) => s.question) }
    }
  }
  throw new Error('no prefix of a known question gets that question as its first type-ahead suggestion')
}
