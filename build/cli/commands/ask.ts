/** `frontdesk ask`: answer one question, or every line of standard input. */
import { defaultEngineOptions, toAskJson, type Engine, type Reply } from '../../../widget/engine/index.ts'
import { loadEngine } from '../kb-file.ts'
import { readLines, writeWhenReady } from '../lines.ts'
import { explain, toCoverageRow } from '../../staff/coverage.ts'
import { paint, parse, thresholdOption, UsageError, type Command } from '../command.ts'

const KIND_COLOUR = { answer: 'green', clarify: 'yellow', fallback: 'magenta', smalltalk: 'cyan', emergency: 'red' } as const

/**
 * A reply as a person reads it in a terminal, telling the same story as `frontdesk coverage`: a handoff with its
 * own confidence and the pair it beat, and why, in the visitor's words.
 */
export function formatReply(reply: Reply): string {
  const head = `${paint(['bold', KIND_COLOUR[reply.kind]], reply.kind)} ${paint('dim', `(confidence ${reply.confidence.toFixed(2)})`)}`
  const handoff = reply.why.handoff
  const leader = handoff
    ? `  handoff: ${handoff}${reply.top ? `, beat ${reply.top.pair.id} (${reply.top.confidence.toFixed(2)})` : ''}`
    : reply.top
      ? `  best: ${reply.top.pair.id}`
      : ''
  const lines = [`${paint('bold', '?')} ${reply.question}`, `${head}${paint('dim', leader)}`]
  lines.push(...reply.reply.split('\n').map((line) => `  ${line}`))
  if (reply.kind === 'answer' || reply.kind === 'clarify' || reply.kind === 'fallback') lines.push(paint('dim', `  why: ${explain(toCoverageRow(reply, 1))}`))
  if (reply.followUps.length > 0 && reply.kind === 'answer') {
    lines.push(paint('dim', `  related: ${reply.followUps.map((pair) => pair.question).join(' · ')}`))
  }
  return `${lines.join('\n')}\n`
}


export const command: Command = {
  summary: 'Answer a question, or each line of standard input.',
  usage: `Usage: frontdesk ask [--kb FILE] [--json] [--threshold N] [QUESTION]

Answers QUESTION, or, with none, every non-empty line of standard input in order.
With --json, prints one JSON object per line:
  {"question", "kind": "answer"|"clarify"|"fallback"|"smalltalk"|"emergency", "reply", "confidence",
   "top": {"id", "question", "answer", "confidence"} | null, "alternatives": [...up to 3]}

Options:
  --json            JSON Lines output (the stable contract staff tools use)
  --kb FILE         the compiled knowledge base (default: dist/kb.json, built from kb/ when missing)
  --threshold N     the minimum confidence for an answer, 0..1 (default: the engine's)`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, kb: { type: 'string' }, threshold: { type: 'string' } })
    const threshold = thresholdOption(values.threshold)
    const engine: Engine = loadEngine(values.kb, { threshold })
    const print = (question: string): Promise<void> => {
      const reply = engine.reply(question)
      return writeWhenReady(process.stdout, values.json ? `${JSON.stringify(toAskJson(reply))}\n` : formatReply(reply))
    }
    if (positionals.length > 0) {
      await print(positionals.join(' '))
      return 0
    }
    if (process.stdin.isTTY) throw new UsageError('give a QUESTION, or pipe questions on standard input')
    // One line read, answered and written at a time; the engine reads no more of a message than maxLength anyway.
    for await (const line of readLines(process.stdin, defaultEngineOptions.maxLength)) {
      if (line.trim()) await print(line)
    }
    return 0
  },
}
