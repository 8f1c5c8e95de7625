/**
 * Synthetic knowledge bases for benchmarks: realistic text, not a handful of words repeated. Words come from a
 * vocabulary of thousands of made-up words drawn with a Zipf frequency spread (a few very common, most rare), as
 * in real language; questions, phrasings and answers have realistic lengths. Seeded, so every run is the same.
 */
import { kbIndex, KB_FORMAT_VERSION, textOptionsOf, type KbFile, type KbPair, type KbSynonym } from '../../widget/engine/index.ts'
import { defaultLanguage } from '../compiler/language.ts'

/** A small seeded PRNG (mulberry32), so synthetic data is identical across runs. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo'.split(' ')

/** A vocabulary of `size` distinct pronounceable words, and a sampler with a Zipf (s = 1.07) spread. */
export function zipfVocabulary(size: number, rand: () => number): { words: string[]; sample: () => string } {
  const words = new Set<string>()
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3)
    let word = ''
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)]
    words.add(word)
  }
  const list = [...words]
  const cumulative: number[] = []
  let total = 0
  for (let rank = 1; rank <= size; rank++) cumulative.push((total += 1 / Math.pow(rank, 1.07)))
  const sample = (): string => {
    const target = rand() * total
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < target) lo = mid + 1
      else hi = mid
    }
    return list[lo]!
  }
  return { words: list, sample }
}

function sentence(sample: () => string, rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1))
  return Array.from({ length: n }, sample).join(' ')
}

/** A knowledge base of `count` pairs: 6–12-word questions, 4 phrasings of 4–10 words, 30–70-word answers. */
export function syntheticKb(count: number, seed = 1): KbFile {
  const rand = random(seed)
  const { sample } = zipfVocabulary(Math.max(3000, Math.round(count * 1.5)), rand)
  const pairs: KbPair[] = []
  for (let i = 0; i < count; i++) {
    const answerText = `${sentence(sample, rand, 30, 70)}.`
    pairs.push({
      id: `pair-${i}`,
      question: `${sentence(sample, rand, 6, 12)}?`,
      aliases: Array.from({ length: 4 }, () => sentence(sample, rand, 4, 10)),
      answer: [{ type: 'paragraph', children: [{ type: 'text', text: answerText }] }],
      answerText,
      source: { page: 'synthetic', section: 'all', label: 'Synthetic › All' },
      related: [],
      topic: 'Synthetic',
      origin: `synthetic:${i}`,
    })
  }
  const synonyms: KbSynonym[] = []
  const language = defaultLanguage()
  const index = kbIndex(textOptionsOf({ synonyms, language }))
  return { format: KB_FORMAT_VERSION, hash: `synthetic-${count}-${seed}`, pages: [{ id: 'synthetic', title: 'Synthetic', sections: [{ id: 'all', title: 'All' }] }], pairs, handoffs: [], synonyms, language, index }
}

/** Adds up to `edits` typos (a dropped, doubled or swapped letter) to words of 5 letters or more. */
export function withTypos(text: string, rand: () => number, edits = 1): string {
  const words = text.split(' ')
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rand() * words.length)
    const word = words[i]!
    if (word.length < 5) continue
    const at = 1 + Math.floor(rand() * (word.length - 2))
    const kind = Math.floor(rand() * 3)
    words[i] = kind === 0 ? word.slice(0, at) + word.slice(at + 1) : kind === 1 ? word.slice(0, at) + word[at] + word.slice(at) : word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1)
  }
  return words.join(' ')
}

/**
 * Varied messages over a knowledge base: its phrasings as they are, cut short, with typos, padded with words it
 * does not know, and pure noise; `count` of them, seeded.
 */
export function messagesFor(kb: KbFile, count: number, seed = 7): string[] {
  const rand = random(seed)
  const { sample } = zipfVocabulary(500, random(seed + 1))
  const phrasings = kb.pairs.flatMap((pair) => [pair.question, ...pair.aliases])
  const out: string[] = []
  while (out.length < count) {
    const phrasing = phrasings[Math.floor(rand() * phrasings.length)]!
    switch (out.length % 5) {
      case 0: out.push(phrasing); break
      case 1: out.push(phrasing.split(' ').slice(0, 3).join(' ')); break
      case 2: out.push(withTypos(phrasing, rand, 2)); break
      case 3: out.push(`so ${phrasing} because ${sentence(sample, rand, 3, 8)} and i was wondering`); break
      default: out.push(sentence(sample, rand, 1, 6))
    }
  }
  return out
}

/** A question a visitor might ask, and the pair that answers it (null: none does). */
export interface LabelledMessage {
  text: string
  id: string | null
}

/** The 30 words the knowledge base's questions use most: its everyday words. */
function everydayWords(kb: KbFile): string[] {
  const counts = new Map<string, number>()
  for (const pair of kb.pairs) for (const word of [pair.question, ...pair.aliases].join(' ').replace(/[?.]/g, '').split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([word]) => word)
}

/**
 * Paraphrases of the knowledge base's questions, as visitors word them: 3–6 words of one pair's ways of asking,
 * in another order, with one or two everyday words around them (the vocabulary's most common), sometimes a typo.
 * Never a stored phrasing word for word. Seeded.
 */
export function paraphrasesFor(kb: KbFile, count: number, seed = 11): LabelledMessage[] {
  const rand = random(seed)
  const common = everydayWords(kb)
  const everyday = (): string => common[Math.floor(rand() * common.length)]!
  const out: LabelledMessage[] = []
  while (out.length < count) {
    const pair = kb.pairs[Math.floor(rand() * kb.pairs.length)]!
    const pool = [...new Set([pair.question, ...pair.aliases].join(' ').replace(/[?.]/g, '').split(' '))]
    const picked: string[] = []
    for (let n = 3 + Math.floor(rand() * 4); n > 0 && pool.length > 0; n--) picked.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!)
    for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) picked.splice(Math.floor(rand() * (picked.length + 1)), 0, everyday())
    const text = picked.join(' ')
    out.push({ text: rand() < 0.3 ? withTypos(text, rand, 1) : text, id: pair.id })
  }
  return out
}

/**
 * Questions no pair answers: 3–8 words of another vocabulary than the knowledge base's (another seed), with one
 * or two of its everyday words, as a visitor asking about something else entirely. Seeded.
 */
export function outOfScopeFor(kb: KbFile, count: number, seed = 13): LabelledMessage[] {
  const rand = random(seed)
  const common = everydayWords(kb)
  const { sample } = zipfVocabulary(2000, random(seed + 1000))
  return Array.from({ length: count }, () => {
    const words = sentence(sample, rand, 3, 8).split(' ')
    words.splice(Math.floor(rand() * words.length), 0, common[Math.floor(rand() * common.length)]!)
    return { text: words.join(' '), id: null }
  })
}
