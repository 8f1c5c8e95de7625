/** Measuring one knowledge base: size, load time and time per reply, ours beside plain MiniSearch. */
import { gzipSync } from 'node:zlib'
import { baselineIndexJson, createBaseline, createEngine, loadBaselineIndex, parseKb, serializeKb, type KbFile } from '../../widget/engine/index.ts'
import { outOfScopeFor, paraphrasesFor } from './synthetic.ts'

/** Percentiles of a list of milliseconds. */
export interface Timing {
  p50: number
  p99: number
}

/** Everything measured for one knowledge base. */
export interface Measurement {
  name: string
  pairs: number
  /** kb.json, raw and gzipped, in bytes. */
  raw: number
  gzip: number
  /** The default MiniSearch index of the same pairs, gzipped. */
  baselineGzip: number
  /** JSON.parse + checks + engine creation, median ms. */
  load: number
  /** MiniSearch.loadJSON of the default index, median ms. */
  baselineLoad: number
  reply: Timing
  baselineSearch: Timing
  /** Type-ahead: `suggest` on every prefix a visitor types of the first 200 messages. */
  suggest: Timing
  messages: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b)
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) }
}

function median(run: () => void, times: number): number {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  return timing(samples).p50
}

/**
 * Times every message once per round, over `rounds` rounds, ours and the baseline interleaved message by message
 * so that both see the same machine load.
 */
function timeReplies(messages: readonly string[], ours: (m: string) => unknown, theirs: (m: string) => unknown, rounds: number): [number[], number[]] {
  const a: number[] = []
  const b: number[] = []
  for (const message of messages.slice(0, 100)) {
    ours(message)
    theirs(message)
  }
  for (let round = 0; round < rounds; round++) {
    for (const message of messages) {
      let start = performance.now()
      ours(message)
      a.push(performance.now() - start)
      start = performance.now()
      theirs(message)
      b.push(performance.now() - start)
    }
  }
  return [a, b]
}

/** Measures one knowledge base against plain MiniSearch with default options over the same pairs. */
export function measure(name: string, kb: KbFile, messages: readonly string[], options: { loads?: number; rounds?: number } = {}): Measurement {
  const json = serializeKb(kb)
  const baselineJson = baselineIndexJson(kb.pairs)
  const loads = options.loads ?? 5
  const load = median(() => createEngine(parseKb(JSON.parse(json))), loads)
  const baselineLoad = median(() => loadBaselineIndex(baselineJson), loads)
  const engine = createEngine(parseKb(JSON.parse(json)))
  const baseline = loadBaselineIndex(baselineJson)
  const [ours, theirs] = timeReplies(messages, (m) => engine.reply(m), (m) => baseline.search(m), options.rounds ?? 1)
  const keystrokes = messages.slice(0, 200).flatMap((m) => Array.from({ length: Math.min(m.length, 40) }, (_, i) => m.slice(0, i + 1)))
  const suggestTimes = keystrokes.map((prefix) => {
    const start = performance.now()
    engine.suggest(prefix)
    return performance.now() - start
  })
  return {
    name,
    pairs: kb.pairs.length,
    raw: Buffer.byteLength(json),
    gzip: gzipSync(json, { level: 9 }).length,
    baselineGzip: gzipSync(baselineJson, { level: 9 }).length,
    load,
    baselineLoad,
    reply: timing(ours),
    baselineSearch: timing(theirs),
    suggest: timing(suggestTimes),
    messages: messages.length,
  }
}

/** How well the engine finds pairs in a synthetic knowledge base, beside plain MiniSearch, as shares 0..1. */
export interface Accuracy {
  paraphrases: number
  /** The right pair ranked first (whatever the reply's kind). */
  top1: number
  /** Answered, with the right pair. */
  answeredRight: number
  /** Answered, with another pair. */
  answeredWrong: number
  /** MiniSearch's top result is the right pair. */
  baselineTop1: number
  outOfScope: number
  /** Out-of-scope questions not answered. */
  declined: number
}

/** Asks the benchmark's paraphrases and out-of-scope questions (`synthetic.ts`) of the engine and of plain MiniSearch. */
export function accuracy(kb: KbFile, paraphrases = 1000, outOfScope = 300): Accuracy {
  const engine = createEngine(kb)
  const baseline = createBaseline(kb.pairs)
  const asked = paraphrasesFor(kb, paraphrases)
  const share = (count: number, of: number): number => count / of
  let top1 = 0
  let right = 0
  let wrong = 0
  for (const { text, id } of asked) {
    const reply = engine.reply(text)
    if (reply.top?.pair.id === id) top1++
    if (reply.kind !== 'answer') continue
    if (reply.top?.pair.id === id) right++
    else wrong++
  }
  const others = outOfScopeFor(kb, outOfScope)
  return {
    paraphrases,
    top1: share(top1, paraphrases),
    answeredRight: share(right, paraphrases),
    answeredWrong: share(wrong, paraphrases),
    baselineTop1: share(asked.filter(({ text, id }) => baseline.best(text)?.id === id).length, paraphrases),
    outOfScope,
    declined: share(others.filter(({ text }) => engine.reply(text).kind !== 'answer').length, outOfScope),
  }
}
